/**
 * The `error` field's text for a process-management action that could not be run on a record: in
 * the mapping's language when its checkout locale names one, else in both (the reader may be
 * either). It says the action is not tried again, so staff run it by hand.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { KintoneActionRefusedError } from "../adapters/kintone/KintoneActionRefusedError";

export function processActionMessage(
  action: string,
  error: unknown,
  mapping: Pick<MappingConfig, "locale">,
): string {
  const reason = error instanceof KintoneActionRefusedError ? error.reason : ("failed" as const);
  const en = {
    notOffered: `The process-management action "${action}" was not run: the record's current status does not offer it. Run the right action by hand, or check the app's process management settings.`,
    processOff: `The process-management action "${action}" was not run: the app's process management is turned off.`,
    failed: `The process-management action "${action}" was not run: kintone could not be reached. It is not tried again: run it by hand.`,
  }[reason];
  const ja = {
    notOffered: `プロセス管理のアクション「${action}」を実行できませんでした。レコードの現在のステータスではこのアクションを実行できません。手動で適切なアクションを実行するか、アプリのプロセス管理の設定を確認してください。`,
    processOff: `プロセス管理のアクション「${action}」を実行できませんでした。アプリのプロセス管理が無効になっています。`,
    failed: `プロセス管理のアクション「${action}」を実行できませんでした。kintone に接続できませんでした。再実行はされないため、手動で実行してください。`,
  }[reason];
  const locale = mapping.locale ?? "";
  if (locale === "ja") return ja;
  if (locale.startsWith("en")) return en;
  return `${ja}\n${en}`;
}
