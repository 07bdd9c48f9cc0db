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
  // list dialog and record buttons
  checkoutDialogTitle: string;
  notConfigured: string;
  loadingRecords: string;
  loadedRecords: (count: number) => string;
  loadRecordsFailed: string;
  selectAll: string;
  selectNone: string;
  selectedCount: (count: number) => string;
  selectRecord: string;
  recordNumberHeader: string;
  recordLabel: string;
  previewHeading: string;
  previewEmpty: string;
  previewLoading: string;
  previewFailed: string;
  previewSessionTitle: string;
  previewItemHeader: string;
  previewUnitPriceHeader: string;
  previewQuantityHeader: string;
  previewAdjustableHeader: string;
  previewAmountHeader: string;
  previewAdjustableRange: string;
  previewFixedQuantity: string;
  previewSessionTotal: string;
  previewGrandTotal: string;
  issuesSummary: (count: number) => string;
  issueRow: string;
  issueField: string;
  uncheckProblemRecords: string;
  singleTooMany: (max: number) => string;
  createLinksButton: (count: number) => string;
  confirmCreateTitle: string;
  confirmCreateMessage: string;
  confirmCreateAction: string;
  back: string;
  creating: string;
  progress: string;
  resultDone: (count: number) => string;
  resultFailed: (count: number) => string;
  resultLine: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  closeAndReload: string;
  detailCreate: string;
  detailReissue: string;
  detailSync: string;
  detailExpire: string;
  confirmReissueTitle: string;
  confirmReissueMessage: string;
  confirmAfterCompleteMessage: string;
  confirmExpireTitle: string;
  confirmExpireMessage: string;
  confirmExpireAction: string;
  working: string;
  doneReloading: string;
  statusOpen: string;
  statusComplete: string;
  statusExpired: string;
  statusNone: string;
  proxyErrorBadRequest: string;
  proxyErrorUnauthorized: string;
  proxyErrorRecordNotFound: string;
  proxyErrorSessionNotFound: string;
  proxyErrorRecordChanged: string;
  proxyErrorSessionNotOpen: string;
  proxyErrorValidationFailed: string;
  proxyErrorStripe: string;
  proxyErrorKintone: string;
  proxyErrorUnreachable: string;
  proxyErrorBadAnswer: string;
  proxyErrorNotFound: string;
  proxyErrorOther: string;
  proxyErrorReason: string;
  unexpectedError: string;
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
    // list dialog and record buttons
    checkoutDialogTitle: "Stripe Checkout 決済リンクの作成",
    notConfigured:
      "プラグインの設定が完了していません (プロキシの URL またはフィールドの対応付けがありません)。アプリの管理者に連絡してください。",
    loadingRecords: "この一覧のレコードを読み込んでいます…",
    loadedRecords: (count) => `この一覧のレコード: ${count} 件`,
    loadRecordsFailed: "レコードを読み込めませんでした。画面を再読み込みしてください。",
    selectAll: "すべて選択",
    selectNone: "選択を解除",
    selectedCount: (count) => `${count} 件を選択中`,
    selectRecord: "レコード {record} を選択",
    recordNumberHeader: "レコード番号",
    recordLabel: "レコード {record}",
    previewHeading: "請求内容のプレビュー (まだ請求されません)",
    previewEmpty: "レコードを選択すると、請求される内容がここに表示されます。",
    previewLoading: "計算しています… ({done} / {total} 件)",
    previewFailed: "プレビューを表示できませんでした。",
    previewSessionTitle: "決済リンク {index}: {records}",
    previewItemHeader: "商品",
    previewUnitPriceHeader: "単価 (税込)",
    previewQuantityHeader: "数量",
    previewAdjustableHeader: "購入者が変更できる数量",
    previewAmountHeader: "金額",
    previewAdjustableRange: "{min}〜{max}",
    previewFixedQuantity: "変更不可",
    previewSessionTotal: "合計",
    previewGrandTotal: "決済リンク {links} 件、合計 {total}",
    issuesSummary: (count) =>
      `選択したレコードのうち ${count} 件に問題があります。レコードを修正するか、選択を外してください。`,
    issueRow: "{row} 行目",
    issueField: "{field}: {message}",
    uncheckProblemRecords: "問題のあるレコードの選択を外す",
    singleTooMany: (max) =>
      `1 つの決済リンクにまとめられるレコードは ${max} 件までです。選択を減らしてください。`,
    createLinksButton: (count) => `決済リンクを作成 (${count} 件)`,
    confirmCreateTitle: "決済リンクを作成しますか?",
    confirmCreateMessage:
      "{records} 件のレコードから決済リンクを {links} 件作成します。合計 {total}。リンクはレコードに書き込まれます。",
    confirmCreateAction: "作成する",
    back: "戻る",
    creating: "決済リンクを作成しています…",
    progress: "{done} / {total} 件",
    resultDone: (count) => `決済リンクを ${count} 件作成しました。`,
    resultFailed: (count) => `${count} 件のレコードは作成できませんでした:`,
    resultLine: "{record}: {message}",
    copyLink: "リンクをコピー",
    copied: "コピーしました",
    copyFailed: "コピーできませんでした。リンクを選択して手動でコピーしてください。",
    closeAndReload: "閉じて一覧を更新",
    detailCreate: "決済リンクを作成",
    detailReissue: "決済リンクを再発行",
    detailSync: "決済状況を更新",
    detailExpire: "リンクを無効にする",
    confirmReissueTitle: "決済リンクを再発行しますか?",
    confirmReissueMessage: "現在のリンクは使えなくなります。新しいリンクの請求額は {total} です。",
    confirmAfterCompleteMessage:
      "このレコードの決済はすでに完了しています。それでも新しい決済リンク ({total}) を作成しますか?",
    confirmExpireTitle: "決済リンクを無効にしますか?",
    confirmExpireMessage: "このリンクでは支払えなくなります。元に戻すことはできません。",
    confirmExpireAction: "無効にする",
    working: "処理しています…",
    doneReloading: "完了しました。レコードを再読み込みしています…",
    statusOpen: "支払い待ち",
    statusComplete: "完了",
    statusExpired: "期限切れ",
    statusNone: "未作成",
    proxyErrorBadRequest:
      "要求が受け付けられませんでした ({message})。アプリの管理者にプラグインの設定を確認してもらってください。請求は行われていません。",
    proxyErrorUnauthorized:
      "プロキシがプラグインのシークレットを受け付けませんでした。アプリの管理者にプラグインの設定を確認してもらってください。",
    proxyErrorRecordNotFound:
      "レコードが見つかりません (削除されたか、プロキシから読めません)。画面を再読み込みしてください。請求は行われていません。",
    proxyErrorSessionNotFound:
      "この決済リンクはプロキシに記録されていません。新しい決済リンクを作成してください。",
    proxyErrorRecordChanged:
      "他のユーザーがレコードを変更しました。画面を再読み込みしてください。請求は行われていません。",
    proxyErrorSessionNotOpen:
      "この決済リンクはすでに支払い済みか期限切れのため、無効にできません。「決済状況を更新」で最新の状態を確認してください。",
    proxyErrorValidationFailed:
      "決済の明細にできないレコードがあります。Stripe には何も送信していません:",
    proxyErrorStripe: "Stripe が要求を拒否しました: {message}",
    proxyErrorKintone: "プロキシが kintone のレコードを読み書きできませんでした: {message}",
    proxyErrorUnreachable:
      "プロキシに接続できませんでした。しばらくしてからやり直すか、IT 管理者にプロキシが動いているか確認してください。",
    proxyErrorBadAnswer:
      "決済プロキシではないサーバーが応答しました。アプリの管理者にプロキシの URL を確認してもらってください。",
    proxyErrorNotFound:
      "プロキシがこの機能に対応していません。IT 管理者にプロキシの更新を依頼してください。",
    proxyErrorOther:
      "プロキシでエラーが起きました ({code})。しばらくしてからやり直してください。続く場合は IT 管理者に連絡してください。",
    proxyErrorReason: "理由: {message}",
    unexpectedError: "予期しないエラーが起きました: {message}",
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
    // list dialog and record buttons
    checkoutDialogTitle: "Create Stripe Checkout payment links",
    notConfigured:
      "The plugin is not set up yet (the proxy URL or the field mapping is missing). Ask the app administrator.",
    loadingRecords: "Loading the records of this view…",
    loadedRecords: (count) => `${count} ${count === 1 ? "record" : "records"} in this view`,
    loadRecordsFailed: "The records could not be loaded. Reload the page.",
    selectAll: "Select all",
    selectNone: "Clear selection",
    selectedCount: (count) => `${count} selected`,
    selectRecord: "Select record {record}",
    recordNumberHeader: "Record number",
    recordLabel: "Record {record}",
    previewHeading: "Preview of the charges (nothing is charged yet)",
    previewEmpty: "Check records to see here what will be charged.",
    previewLoading: "Calculating… ({done} of {total} records)",
    previewFailed: "The preview could not be shown.",
    previewSessionTitle: "Payment link {index}: {records}",
    previewItemHeader: "Item",
    previewUnitPriceHeader: "Unit price (tax incl.)",
    previewQuantityHeader: "Quantity",
    previewAdjustableHeader: "Buyer may change quantity",
    previewAmountHeader: "Amount",
    previewAdjustableRange: "{min}–{max}",
    previewFixedQuantity: "No",
    previewSessionTotal: "Total",
    previewGrandTotal: "{links} payment link(s), total {total}",
    issuesSummary: (count) =>
      `${count} checked ${count === 1 ? "record has a problem" : "records have problems"}. Fix the ${count === 1 ? "record" : "records"} or uncheck ${count === 1 ? "it" : "them"}.`,
    issueRow: "row {row}",
    issueField: "{field}: {message}",
    uncheckProblemRecords: "Uncheck the records with problems",
    singleTooMany: (max) =>
      `One payment link can hold at most ${max} records. Check fewer records.`,
    createLinksButton: (count) => `Create ${count} payment ${count === 1 ? "link" : "links"}`,
    confirmCreateTitle: "Create payment links?",
    confirmCreateMessage:
      "{links} payment link(s) will be created from {records} record(s), total {total}. The links are written into the records.",
    confirmCreateAction: "Create",
    back: "Back",
    creating: "Creating payment links…",
    progress: "{done} of {total} records",
    resultDone: (count) => `${count} payment ${count === 1 ? "link" : "links"} created.`,
    resultFailed: (count) => `${count} ${count === 1 ? "record" : "records"} failed:`,
    resultLine: "{record}: {message}",
    copyLink: "Copy link",
    copied: "Copied",
    copyFailed: "The link could not be copied. Select it and copy it by hand.",
    closeAndReload: "Close and reload the list",
    detailCreate: "Create payment link",
    detailReissue: "Re-issue payment link",
    detailSync: "Refresh payment status",
    detailExpire: "Expire link",
    confirmReissueTitle: "Re-issue the payment link?",
    confirmReissueMessage: "The current link will stop working. The new link charges {total}.",
    confirmAfterCompleteMessage:
      "This record's checkout is already complete. Create another payment link ({total}) anyway?",
    confirmExpireTitle: "Expire the payment link?",
    confirmExpireMessage: "Nobody can pay with this link any more. This cannot be undone.",
    confirmExpireAction: "Expire",
    working: "Working…",
    doneReloading: "Done. Reloading the record…",
    statusOpen: "Awaiting payment",
    statusComplete: "Complete",
    statusExpired: "Expired",
    statusNone: "No link yet",
    proxyErrorBadRequest:
      "The request was refused ({message}). Ask the app administrator to check the plugin settings. Nothing was charged.",
    proxyErrorUnauthorized:
      "The proxy refused the plugin's secret. Ask the app administrator to check the plugin settings.",
    proxyErrorRecordNotFound:
      "A record was not found (deleted, or the proxy cannot read it). Reload the page. Nothing was charged.",
    proxyErrorSessionNotFound:
      "The proxy has no record of this payment link. Create a new payment link.",
    proxyErrorRecordChanged:
      "Another user changed the record. Reload the page. Nothing was charged.",
    proxyErrorSessionNotOpen:
      "This payment link is already paid or expired, so it cannot be expired. Refresh the payment status to see its state.",
    proxyErrorValidationFailed:
      "Some records cannot become payment lines. Nothing was sent to Stripe:",
    proxyErrorStripe: "Stripe refused the request: {message}",
    proxyErrorKintone: "The proxy could not read or write the kintone records: {message}",
    proxyErrorUnreachable:
      "The proxy could not be reached. Try again later, or ask the IT administrator whether the proxy is running.",
    proxyErrorBadAnswer:
      "Something that is not the checkout proxy answered. Ask the app administrator to check the proxy URL.",
    proxyErrorNotFound:
      "The proxy does not offer this function. Ask the IT administrator to update the proxy.",
    proxyErrorOther:
      "The proxy reported an error ({code}). Try again later; if it persists, ask the IT administrator.",
    proxyErrorReason: "Reason: {message}",
    unexpectedError: "Something went wrong: {message}",
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
