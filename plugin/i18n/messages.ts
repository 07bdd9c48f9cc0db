/**
 * Every text the plugin shows, in Japanese and English. The language follows the kintone user's
 * display language; any language we do not translate falls back to English.
 */
export type Language = "ja" | "en";

export interface Messages {
  listButtonLabel: string;
  viewRecordCount: (count: number) => string;
  calendarRecordCount: (count: number) => string;
  viewRecordCountUnknown: string;
  close: string;
  configTitle: string;
  proxyUrlLabel: string;
  proxyUrlHelp: string;
  proxySecretLabel: string;
  proxySecretHelp: string;
  proxySecretKeepHelp: string;
  save: string;
  saving: string;
  cancel: string;
  errorProxyUrlInvalid: string;
  errorProxyUrlScheme: string;
  errorProxySecretRequired: string;
  errorProxySecretTooShort: (minLength: number) => string;
  errorProxySecretWhitespace: string;
  errorSaveFailed: string;
}

export const messages: Record<Language, Messages> = {
  ja: {
    listButtonLabel: "Stripe Checkout",
    viewRecordCount: (count) => `この一覧のレコードは ${count} 件です。`,
    calendarRecordCount: (count) => `表示中の月のレコードは ${count} 件です。`,
    viewRecordCountUnknown: "この一覧のレコード数は取得できません。",
    close: "閉じる",
    configTitle: "Stripe Checkout 連携の設定",
    proxyUrlLabel: "プロキシの URL",
    proxyUrlHelp: "例: https://checkout-proxy.example.com/",
    proxySecretLabel: "プロキシのシークレット",
    proxySecretHelp: "プロキシの PROXY_SECRET と同じ値です。保存後は表示されません。",
    proxySecretKeepHelp:
      "この URL にはシークレットが保存済みです。空欄のままなら保存済みの値を使います。",
    save: "保存",
    saving: "保存中…",
    cancel: "キャンセル",
    errorProxyUrlInvalid: "URL の形式が正しくありません。",
    errorProxyUrlScheme:
      "https:// の URL を入力してください (http:// は localhost だけ)。ユーザー名・パスワード・クエリは使えません。",
    errorProxySecretRequired: "シークレットを入力してください。",
    errorProxySecretTooShort: (minLength) => `シークレットは ${minLength} 文字以上です。`,
    errorProxySecretWhitespace: "シークレットに空白や改行は使えません。",
    errorSaveFailed: "設定を保存できませんでした。",
  },
  en: {
    listButtonLabel: "Stripe Checkout",
    viewRecordCount: (count) => `This view has ${count} ${count === 1 ? "record" : "records"}.`,
    calendarRecordCount: (count) =>
      `The month shown has ${count} ${count === 1 ? "record" : "records"}.`,
    viewRecordCountUnknown: "The number of records in this view is not available.",
    close: "Close",
    configTitle: "kintone × Stripe Checkout settings",
    proxyUrlLabel: "Proxy URL",
    proxyUrlHelp: "For example https://checkout-proxy.example.com/",
    proxySecretLabel: "Proxy secret",
    proxySecretHelp: "The proxy's PROXY_SECRET. It is never shown again once saved.",
    proxySecretKeepHelp: "A secret is already stored for this URL; leave this empty to keep it.",
    save: "Save",
    saving: "Saving…",
    cancel: "Cancel",
    errorProxyUrlInvalid: "This is not a valid URL.",
    errorProxyUrlScheme:
      "Enter an https:// URL (http:// only for localhost), without user name, password or query.",
    errorProxySecretRequired: "Enter the secret.",
    errorProxySecretTooShort: (minLength) => `The secret has at least ${minLength} characters.`,
    errorProxySecretWhitespace: "The secret cannot contain spaces or line breaks.",
    errorSaveFailed: "The settings could not be saved.",
  },
};

/** kintone reports e.g. "ja", "en", "zh", "zh-TW", "es", "pt-BR", "th". */
export function chooseLanguage(kintoneLanguage: string | undefined | null): Language {
  return kintoneLanguage?.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** The texts for the logged-in user (English where kintone is not available, e.g. in tests). */
export function messagesForLoginUser(): Messages {
  let language: string | undefined;
  try {
    language = kintone.getLoginUser().language;
  } catch {
    language = undefined;
  }
  return messages[chooseLanguage(language)];
}
