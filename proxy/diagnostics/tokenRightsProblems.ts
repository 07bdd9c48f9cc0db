/**
 * An app's API token rights as problems: a token that may not view records, one that may view
 * but not edit (the write-back fails: no link, no status reaches the record), one whose rights
 * could not be verified (never passed as fine), and a file upload kintone refused.
 */
import type { TokenRights } from "../ports/RecordStore";
import { help, say, type DiagnosticsLanguage } from "./problemLanguage";

export function tokenRightsProblems(
  appId: string,
  rights: TokenRights,
  language: DiagnosticsLanguage,
): string[] {
  const problems: string[] = [];
  const { view, edit, fileUpload } = rights;
  const because = (detail: string | undefined) => (detail ? ` (${detail})` : "");
  if (view.result === "denied") {
    problems.push(
      say(language, {
        en: `App ${appId}: the API token may not view records, so no record can be billed. Give the token "View records", Save, then Update App.`,
        ja: `アプリ ${appId}: API トークンに「レコード閲覧」権限がないため、どのレコードも請求できません。トークンに「レコード閲覧」を付けて保存し、「アプリを更新」を押してください。`,
      }) + help("kintone-records-unreadable", language),
    );
  } else if (view.result === "unverified") {
    problems.push(
      say(language, {
        en: `App ${appId}: records cannot be read${because(view.detail)}.`,
        ja: `アプリ ${appId}: レコードを読めません${because(view.detail)}。`,
      }) + help("kintone-records-unreadable", language),
    );
  }
  if (edit.result === "denied") {
    problems.push(
      say(language, {
        en: `App ${appId}: the API token may view records but not edit them, so payment links and payment statuses cannot be written to the records. Give the token "Edit records", Save, then Update App.`,
        ja: `アプリ ${appId}: API トークンはレコードを閲覧できますが編集できないため、支払いリンクや支払い状況をレコードに書き込めません。トークンに「レコード編集」を付けて保存し、「アプリを更新」を押してください。`,
      }) + help("kintone-token-cannot-edit", language),
    );
  } else if (edit.result === "unverified") {
    problems.push(
      say(language, {
        en: `App ${appId}: could not verify that the API token may edit records${because(edit.detail)}; without "Edit records" nothing is written back. Check the token's rights in the app's settings, then test again.`,
        ja: `アプリ ${appId}: API トークンにレコード編集の権限があるか確認できませんでした${because(edit.detail)}。「レコード編集」がなければ何も書き戻せません。アプリの設定でトークンの権限を確かめてから、もう一度テストしてください。`,
      }) + help("kintone-token-rights-unverified", language),
    );
  }
  if (fileUpload.result !== "granted") {
    problems.push(
      say(language, {
        en: `App ${appId}: kintone refused a file upload with the API token${because(fileUpload.detail)}. Checkouts whose mapping has images may fail.`,
        ja: `アプリ ${appId}: API トークンでのファイルのアップロードを kintone が拒否しました${because(fileUpload.detail)}。画像を対応付けたマッピングの決済は失敗することがあります。`,
      }) + help("kintone-file-upload-refused", language),
    );
  }
  return problems;
}
