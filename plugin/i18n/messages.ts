/**
 * Every text the plugin shows, in Japanese and English. The language follows the kintone user's
 * display language; any language we do not translate falls back to English.
 */
import { paymentStatusSchema } from "../../core/api/proxyApi";

export type Language = "ja" | "en";

/** The payment states the proxy writes, as the settings screen lists them. */
const PAYMENT_STATUS_VALUES = paymentStatusSchema.options.join(", ");

export interface Messages {
  listButtonLabel: string;
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
  // tax per rate (issue 18)
  previewSubtotal: string;
  /** {rate}: the percent; {taxable}: the amount at that rate, as priced. */
  previewTaxIncluded: string;
  previewTaxAdded: string;
  previewUnitPriceExclusiveHeader: string;
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
  confirmReplacesOpen: (count: number) => string;
  back: string;
  creating: string;
  progress: string;
  resultDone: (count: number) => string;
  resultFailed: (count: number) => string;
  resultLine: string;
  // jobs you can come back to, and a record's last error (list dialog, record screen)
  recentJobsHeading: string;
  jobQueued: string;
  jobRunning: string;
  jobSucceeded: string;
  jobPartiallyFailed: string;
  jobFailed: string;
  jobStartedAt: string;
  jobProgress: string;
  jobFailedAsWhole: string;
  jobMoreErrors: (count: number) => string;
  jobOpenFailedRecords: (count: number) => string;
  recordErrorLabel: string;
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
  // feedback on every action (issue 16)
  confirmReissueAction: string;
  confirmCreateKindsNew: (count: number) => string;
  confirmCreateKindsReplaced: (count: number) => string;
  confirmCreateKindsSkipped: (count: number) => string;
  confirmCreateKindsRepeat: (count: number) => string;
  paymentStatusUnpaid: string;
  paymentStatusFailed: string;
  paymentStatusRefunded: string;
  syncUpToDate: string;
  syncChanged: string;
  syncChangedLine: string;
  syncWhatLink: string;
  syncWhatPayment: string;
  reissueDone: string;
  expireDone: string;
  createDone: string;
  awaitingConfirmation: string;
  awaitingConfirmationGaveUp: string;
  awaitingConfirmationLanded: string;
  // qr and mobile
  qrShow: string;
  qrHide: string;
  qrCodeLabel: string;
  qrCaption: string;
  qrAmountLabel: string;
  qrCustomerLabel: string;
  qrWaiting: string;
  qrPaid: string;
  qrClosed: string;
  qrStoppedFollowing: string;
  qrFollowAgain: string;
  mobileTitle: string;
  mobileLinkLabel: string;
  mobileNoLink: string;
  shareLink: string;
  shareFailed: string;
  statusOpen: string;
  statusComplete: string;
  statusExpired: string;
  statusNone: string;
  // pay on this device (embedded Checkout): record screen and settings
  payHere: string;
  payHereTitle: string;
  payHereLoading: string;
  payHereLoadFailed: string;
  payHereNotOpen: string;
  payHereNotConfigured: string;
  settingsSectionEmbedded: string;
  settingsEmbeddedHelp: string;
  settingsPublishableKey: string;
  settingsPublishableKeyHelp: string;
  settingsStripeJsUrl: string;
  settingsStripeJsUrlHelp: string;
  errorPublishableKeySecret: string;
  errorPublishableKeyRestricted: string;
  errorPublishableKeyInvalid: string;
  errorStripeJsUrlInvalid: string;
  // a record billed already (list dialog, record screen, RECORD_ALREADY_PAID)
  billingHeader: string;
  billedPaid: string;
  billedAwaitingPayment: string;
  billedPartiallyRefunded: string;
  billedDisputed: string;
  billedDisputeLost: string;
  billedNoPaymentRequired: string;
  billedReason: string;
  billedReasonAwaiting: string;
  billedHowToAllow: string;
  billedNotSelectable: (count: number) => string;
  uncheckBilledRecords: string;
  proxyErrorBadRequest: string;
  proxyErrorUnauthorized: string;
  proxyErrorRecordNotFound: string;
  proxyErrorSessionNotFound: string;
  proxyErrorRecordChanged: string;
  proxyErrorSessionNotOpen: string;
  proxyErrorRecordAlreadyPaid: string;
  alreadyPaidLine: string;
  proxyErrorValidationFailed: string;
  proxyErrorStripe: string;
  proxyErrorKintone: string;
  proxyErrorUnreachable: string;
  proxyErrorBadAnswer: string;
  proxyErrorNotFound: string;
  proxyErrorRateLimited: string;
  proxyErrorOther: string;
  proxyErrorReason: string;
  unexpectedError: string;
  // settings screen
  settingsSectionConnection: string;
  settingsSecretStoredPlaceholder: string;
  settingsTestConnection: string;
  settingsTesting: string;
  settingsTestConnectionHelp: string;
  settingsErrorSecretForTest: string;
  settingsTestTitleOk: string;
  settingsTestTitleWarning: string;
  settingsTestTitleProblems: string;
  settingsTestUnreachable: string;
  settingsTestUnreachableHelp: string;
  settingsTestWrongSecret: string;
  settingsTestWrongSecretHelp: string;
  settingsTestNotProxy: string;
  settingsTestNotProxyHelp: string;
  settingsTestFailed: string;
  settingsTestModeTest: string;
  settingsTestModeLive: string;
  settingsTestKeyRestricted: string;
  settingsTestKeySecret: string;
  settingsTestStripeProblems: string;
  settingsTestAppOk: string;
  settingsTestAppProblems: string;
  settingsTestAppMissing: string;
  settingsSectionSource: string;
  settingsSourceLabel: string;
  settingsSourceRecords: string;
  settingsSourceSubtable: string;
  settingsSubtableLabel: string;
  settingsSubtableHelp: string;
  settingsGroupingLabel: string;
  settingsGroupingPerRecord: string;
  settingsGroupingSingle: string;
  settingsSectionLineItems: string;
  settingsLineItemsHelp: string;
  settingsModeNone: string;
  settingsModeField: string;
  settingsModeConst: string;
  settingsModeTemplate: string;
  settingsChooseField: string;
  settingsNoField: string;
  settingsFieldNotOffered: string;
  settingsTemplatePlaceholder: string;
  settingsProductCode: string;
  settingsProductCodeHelp: string;
  settingsName: string;
  settingsNameHelp: string;
  settingsDescription: string;
  settingsDescriptionHelp: string;
  settingsImage: string;
  settingsImageHelp: string;
  settingsImageFirst: string;
  settingsImageNumber: string;
  settingsImageAll: string;
  settingsUnitPrice: string;
  settingsUnitPriceHelp: string;
  settingsUnitPriceIn: string;
  settingsUnitPriceMajor: string;
  settingsUnitPriceMinor: string;
  settingsQuantity: string;
  settingsQuantityHelp: string;
  settingsMinQuantity: string;
  settingsMinQuantityHelp: string;
  settingsMaxQuantity: string;
  settingsMaxQuantityHelp: string;
  settingsSectionCheckout: string;
  settingsCurrency: string;
  settingsCurrencyHelp: string;
  settingsSuccessUrl: string;
  settingsSuccessUrlHelp: string;
  settingsCancelUrl: string;
  settingsCancelUrlHelp: string;
  settingsExpiry: string;
  settingsExpiryHelp: string;
  settingsMinutes: string;
  settingsCustomerEmail: string;
  settingsCustomerEmailHelp: string;
  settingsLocale: string;
  settingsLocaleUnset: string;
  settingsLocaleAuto: string;
  // locale picker: the language the picker names languages in (BCP 47)
  settingsLocaleNamesIn: string;
  settingsPromotionCodes: string;
  settingsAllowPromotionCodes: string;
  settingsBilling: string;
  settingsBillingAuto: string;
  settingsBillingRequired: string;
  settingsReissue: string;
  settingsReplaceOpen: string;
  settingsKeepOpen: string;
  settingsRepeatPayment: string;
  settingsAllowRepeatPayment: string;
  settingsAllowRepeatPaymentHelp: string;
  settingsRecovery: string;
  settingsAfterExpirationRecovery: string;
  settingsAfterExpirationRecoveryHelp: string;
  settingsSectionWriteBack: string;
  settingsWriteBackHelp: string;
  settingsWriteBackUrl: string;
  settingsWriteBackUrlHelp: string;
  settingsWriteBackSessionId: string;
  settingsWriteBackTextHelp: string;
  settingsWriteBackStatus: string;
  settingsWriteBackStatusHelp: string;
  settingsWriteBackPaymentStatus: string;
  settingsWriteBackPaymentStatusHelp: string;
  settingsWriteBackExpiresAt: string;
  settingsWriteBackDateHelp: string;
  settingsWriteBackAmountTotal: string;
  settingsWriteBackAmountHelp: string;
  settingsWriteBackPaidAt: string;
  settingsWriteBackCustomerEmail: string;
  settingsWriteBackError: string;
  settingsWriteBackAmountRefunded: string;
  settingsWriteBackPaymentIntentId: string;
  settingsWriteBackRecoveryUrl: string;
  // buyer details (write-back)
  settingsWriteBackCustomerId: string;
  settingsWriteBackCustomerName: string;
  settingsWriteBackCustomerPhone: string;
  settingsWriteBackBillingAddress: string;
  settingsWriteBackShippingAddress: string;
  settingsWriteBackAddressHelp: string;
  // checkout options (issue 17)
  settingsSectionCheckoutOptions: string;
  settingsCheckoutOptionsHelp: string;
  settingsGroupPaymentMethods: string;
  settingsGroupAskBuyer: string;
  settingsGroupPageTexts: string;
  settingsGroupCustomer: string;
  settingsUiMode: string;
  settingsUiModeHosted: string;
  settingsUiModeEmbedded: string;
  settingsReturnUrl: string;
  settingsReturnUrlHelp: string;
  settingsPaymentMethods: string;
  settingsPaymentMethodsHelp: string;
  settingsMethodCard: string;
  settingsMethodKonbini: string;
  settingsMethodPaypay: string;
  settingsMethodBankTransfer: string;
  settingsKonbiniDays: string;
  settingsKonbiniDaysHelp: string;
  settingsDays: string;
  settingsPhone: string;
  settingsPhoneAsk: string;
  settingsShippingCountries: string;
  settingsShippingCountriesHelp: string;
  settingsShippingRates: string;
  settingsShippingRatesHelp: string;
  settingsCustomFields: string;
  settingsCustomFieldsHelp: string;
  settingsCustomFieldWriteBack: string;
  settingsCustomFieldWriteBackHelp: string;
  settingsConsent: string;
  settingsConsentTerms: string;
  settingsConsentPromotions: string;
  settingsTextSubmit: string;
  settingsTextAfterSubmit: string;
  settingsTextShipping: string;
  settingsTextTerms: string;
  settingsPageTextsHelp: string;
  settingsSubmitType: string;
  settingsSubmitTypeUnset: string;
  settingsSubmitPay: string;
  settingsSubmitBook: string;
  settingsSubmitDonate: string;
  settingsCustomerField: string;
  settingsCustomerFieldHelp: string;
  settingsCustomerCreation: string;
  settingsCustomerCreationUnset: string;
  settingsCustomerCreationAlways: string;
  settingsPriceIdField: string;
  settingsPriceIdFieldHelp: string;
  settingsErrorSummary: string;
  settingsErrorChooseField: string;
  settingsErrorFieldMissing: string;
  settingsErrorFieldUnfit: string;
  settingsErrorEnterValue: string;
  settingsErrorImageNumber: string;
  settingsErrorChooseCurrency: string;
  settingsErrorEnterUrl: string;
  settingsErrorExpiry: string;
  settingsErrorMissingOptions: string;
  // tax and qualified invoices (issue 18)
  settingsSectionTax: string;
  settingsTaxHelp: string;
  settingsTaxBehavior: string;
  settingsTaxInclusive: string;
  settingsTaxExclusive: string;
  settingsTaxRate: string;
  settingsTaxRateNone: string;
  settingsTaxRateField: string;
  settingsTaxRateConst: string;
  settingsTaxRateHelp: string;
  settingsTaxDisplayName: string;
  settingsInvoice: string;
  settingsInvoiceEnabled: string;
  settingsRegistrationNumber: string;
  settingsInvoiceHelp: string;
  settingsInvoiceFooter: string;
  settingsErrorRegistrationNumber: string;
  // subscriptions (issue 21)
  settingsSectionSubscription: string;
  settingsSubscriptionHelp: string;
  settingsMode: string;
  settingsModePayment: string;
  settingsModeSubscription: string;
  settingsSubscriptionInterval: string;
  settingsSubscriptionIntervalField: string;
  settingsSubscriptionIntervalConst: string;
  settingsSubscriptionIntervalHelp: string;
  settingsSubscriptionIntervalCount: string;
  settingsSubscriptionIntervalCountHelp: string;
  settingsWriteBackSubscriptionId: string;
  settingsWriteBackSubscriptionStatus: string;
  settingsWriteBackSubscriptionStatusHelp: string;
  settingsWriteBackCurrentPeriodEnd: string;
  settingsWriteBackCurrentPeriodEndHelp: string;
  settingsSubscriptionRules: string;
  intervalDay: string;
  intervalWeek: string;
  intervalMonth: string;
  intervalYear: string;
  intervalDays: string;
  intervalWeeks: string;
  intervalMonths: string;
  intervalYears: string;
  amountPerPeriod: string;
  subscriptionTitle: string;
  subscriptionStatusActive: string;
  subscriptionStatusPastDue: string;
  subscriptionStatusCanceled: string;
  subscriptionStatusIncomplete: string;
  subscriptionStatusIncompleteExpired: string;
  subscriptionStatusTrialing: string;
  subscriptionStatusUnpaid: string;
  subscriptionStatusPaused: string;
  subscriptionNextRenewal: string;
  subscriptionEndsOn: string;
  subscriptionCancelButton: string;
  subscriptionCancelTitle: string;
  subscriptionCancelBody: string;
  subscriptionCancelAtPeriodEnd: string;
  subscriptionCancelNow: string;
  subscriptionCancelConfirm: string;
  subscriptionCancelKeep: string;
  subscriptionCancelDone: string;
  subscriptionCancelScheduled: string;
  subscriptionCustomerUnknown: string;
  // status labels and process actions
  settingsSectionStatusLabels: string;
  settingsStatusLabelsHelp: string;
  settingsStatusLabelsNoChoiceField: string;
  settingsStatusLabelChoose: string;
  settingsStatusLabelNotOffered: string;
  settingsStateOpen: string;
  settingsStateComplete: string;
  settingsStateExpired: string;
  settingsStateUnpaid: string;
  settingsStatePaid: string;
  settingsStateNoPaymentRequired: string;
  settingsStateFailed: string;
  settingsStateRefunded: string;
  settingsStatePartiallyRefunded: string;
  settingsStateDisputed: string;
  settingsStateDisputeLost: string;
  settingsErrorStatusLabelTwice: string;
  settingsSectionProcessActions: string;
  settingsProcessActionsHelp: string;
  settingsProcessActionPaid: string;
  settingsProcessActionExpired: string;
  settingsProcessActionRefunded: string;
  settingsProcessActionNone: string;
  settingsProcessActionNotOffered: string;
  settingsStoredMappingInvalid: string;
  settingsFieldsUnavailable: string;
  settingsProblemCurrency: string;
  settingsProblemImageBoth: string;
  settingsProblemPrice: string;
  settingsProblemWholeNumber: string;
  settingsProblemBetween: string;
  settingsProblemMaxBelowMin: string;
  settingsProblemQuantityAbove: string;
  settingsProblemQuantityBelow: string;
  settingsProblemUrl: string;
  settingsProblemWriteBackTwice: string;
}

export const messages: Record<Language, Messages> = {
  ja: {
    listButtonLabel: "Stripe Checkout",
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
    // tax per rate (issue 18)
    previewSubtotal: "小計",
    previewTaxIncluded: "（うち消費税 {rate}% 対象 {taxable}）",
    previewTaxAdded: "消費税 {rate}%（対象 {taxable}）",
    previewUnitPriceExclusiveHeader: "単価 (税抜)",
    previewGrandTotal: "決済リンク {links} 件　合計 {total}",
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
    confirmReplacesOpen: (count) =>
      `選択したレコードのうち ${count} 件には支払い待ちのリンクがあります。そのリンクは使えなくなります。`,
    back: "戻る",
    creating: "決済リンクを作成しています…",
    progress: "{done} / {total} 件",
    resultDone: (count) => `決済リンクを ${count} 件作成しました。`,
    resultFailed: (count) => `${count} 件のレコードは作成できませんでした:`,
    resultLine: "{record}: {message}",
    // jobs you can come back to, and a record's last error (list dialog, record screen)
    recentJobsHeading: "最近の一括作成",
    jobQueued: "待機中",
    jobRunning: "実行中",
    jobSucceeded: "完了",
    jobPartiallyFailed: "一部失敗",
    jobFailed: "失敗",
    jobStartedAt: "{time} 開始",
    jobProgress: "{total} 件中 {done} 件作成、{failed} 件失敗",
    jobFailedAsWhole: "一括作成が失敗しました: {message}",
    jobMoreErrors: (count) => `ほか ${count} 件`,
    jobOpenFailedRecords: (count) => `失敗したレコード ${count} 件を一覧で開く`,
    recordErrorLabel: "前回のエラー",
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
    // feedback on every action (issue 16)
    confirmReissueAction: "再発行する",
    confirmCreateKindsNew: (count) => `${count} 件のレコードに新しい決済リンクを作成します。`,
    confirmCreateKindsReplaced: (count) =>
      `${count} 件のレコードの支払い待ちのリンクは新しいリンクに置き換わり、使えなくなります。`,
    confirmCreateKindsSkipped: (count) =>
      `請求済みの ${count} 件のレコードは対象外です (選択できません)。`,
    confirmCreateKindsRepeat: (count) =>
      `請求済みの ${count} 件のレコードにもう一度請求します (プラグインの設定で許可されています)。`,
    paymentStatusUnpaid: "未払い",
    paymentStatusFailed: "支払い失敗",
    paymentStatusRefunded: "返金済み",
    syncUpToDate: "決済状況はすでに最新です。変更はありません。",
    syncChanged: "決済状況を更新しました:",
    syncChangedLine: "{what}: {from} → {to}",
    syncWhatLink: "リンク",
    syncWhatPayment: "支払い",
    reissueDone: "新しい決済リンクを発行しました。前のリンクは使えなくなりました。",
    expireDone: "決済リンクを無効にしました。",
    createDone: "決済リンクを作成しました。",
    awaitingConfirmation: "Stripe からの支払いの確認を待っています…",
    awaitingConfirmationGaveUp:
      "Stripe からの確認がまだ届いていません。しばらくしてから「決済状況を更新」を押してください。",
    awaitingConfirmationLanded: "Stripe からの確認が届き、レコードに反映されました。",
    // qr and mobile
    qrShow: "QRコードを表示",
    qrHide: "QRコードを閉じる",
    qrCodeLabel: "決済リンクのQRコード",
    qrCaption: "お客様のスマートフォンのカメラで読み取ると、その場でお支払いいただけます。",
    qrAmountLabel: "金額",
    qrCustomerLabel: "お客様",
    qrWaiting: "お支払いを待っています…",
    qrPaid: "お支払いを受け付けました。",
    qrClosed: "このリンクは使えなくなりました。新しいリンクを作成してください。",
    qrStoppedFollowing: "お支払いの確認を一時停止しました。",
    qrFollowAgain: "もう一度確認",
    mobileTitle: "Stripe 決済",
    mobileLinkLabel: "決済リンク",
    mobileNoLink: "決済リンクはまだありません。",
    shareLink: "共有",
    shareFailed: "リンクを共有できませんでした。コピーして送ってください。",
    statusOpen: "支払い待ち",
    statusComplete: "完了",
    statusExpired: "期限切れ",
    statusNone: "未作成",
    // pay on this device (embedded Checkout): record screen and settings
    payHere: "この端末で支払う",
    payHereTitle: "この端末でお支払い",
    payHereLoading: "お支払いフォームを読み込んでいます…",
    payHereLoadFailed:
      "Stripe のお支払いフォームを開けませんでした。プラグインの設定の公開可能キーと Stripe.js の URL を確認してください。",
    payHereNotOpen: "このお支払いはもう受け付けていません。ステータスを更新してください。",
    payHereNotConfigured:
      "この端末で支払うには、プラグインの設定で Stripe の公開可能キーを保存してください。",
    settingsSectionEmbedded: "この端末での支払い (埋め込み)",
    settingsEmbeddedHelp:
      "表示方法が「埋め込み」のとき、レコード画面の「この端末で支払う」で Stripe のお支払いフォームをダイアログに開きます。公開可能キーはブラウザで使うためのキーで、それだけではアカウントの情報を読むことも変えることもできません。この設定はアプリの全ユーザーが読めるため、シークレットキー (sk_) や制限付きキー (rk_) は入力しないでください。",
    settingsPublishableKey: "公開可能キー",
    settingsPublishableKeyHelp:
      "pk_test_… または pk_live_… (Stripe ダッシュボードの「開発者」→「API キー」)。空欄ならこの端末での支払いは使いません。",
    settingsStripeJsUrl: "Stripe.js の URL",
    settingsStripeJsUrlHelp: "空欄なら Stripe の次の URL から読み込みます:",
    errorPublishableKeySecret:
      "シークレットキー (sk_…) はここに保存できません。この設定はアプリの全ユーザーが読めます。公開可能キー (pk_…) を入力してください。",
    errorPublishableKeyRestricted:
      "制限付きキー (rk_…) はここに保存できません。この設定はアプリの全ユーザーが読めます。公開可能キー (pk_…) を入力してください。",
    errorPublishableKeyInvalid: "公開可能キーは pk_test_ または pk_live_ で始まります。",
    errorStripeJsUrlInvalid: "https:// の URL を入力してください (http:// は localhost だけ)。",
    billingHeader: "支払い",
    billedPaid: "支払い済み",
    billedAwaitingPayment: "入金待ち",
    billedPartiallyRefunded: "一部返金済み",
    billedDisputed: "不審請求の申請中",
    billedDisputeLost: "不審請求で返金",
    billedNoPaymentRequired: "支払い不要",
    billedReason: "請求済みのため、新しい決済リンクは作れません (二重請求を防ぐため)。",
    billedReasonAwaiting:
      "購入者がコンビニ払いか銀行振込で支払い中のため、新しい決済リンクは作れません (二重請求を防ぐため)。",
    billedHowToAllow:
      "同じレコードにもう一度請求するには、アプリの管理者がプラグインの設定で「支払い済みのレコードにも請求できる」をオンにします。",
    billedNotSelectable: (count) => `請求済みのレコード ${count} 件は選べません。`,
    uncheckBilledRecords: "請求済みのレコードの選択を外す",
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
    proxyErrorRecordAlreadyPaid:
      "すでに請求済みのレコードがあるため、新しい決済リンクは作成していません (二重請求を防ぐため)。Stripe には何も送信していません。もう一度請求するには、アプリの管理者がプラグインの設定で「支払い済みのレコードにも請求できる」をオンにします。",
    alreadyPaidLine: "{record}: {state} (セッション {session})",
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
    proxyErrorRateLimited:
      "プロキシへの要求が多すぎるため、一時的に受け付けられません。しばらく待ってからやり直してください。続く場合は IT 管理者に連絡してください (シークレットの誤りが続いた可能性があります)。",
    proxyErrorOther:
      "プロキシでエラーが起きました ({code})。しばらくしてからやり直してください。続く場合は IT 管理者に連絡してください。",
    proxyErrorReason: "理由: {message}",
    unexpectedError: "予期しないエラーが起きました: {message}",
    // settings screen
    settingsSectionConnection: "接続",
    settingsSecretStoredPlaceholder: "保存済み (変更するときだけ入力)",
    settingsTestConnection: "接続テスト",
    settingsTesting: "テスト中…",
    settingsTestConnectionHelp:
      "kintone のプロキシ経由でプロキシの /v1/diagnostics を呼び、Stripe キーと API トークンを確かめます。入力した新しいシークレットはテストの間だけ使い、「保存」で保存されます。",
    settingsErrorSecretForTest:
      "接続テストにはシークレットを入力してください (この URL には保存されていません)。",
    settingsTestTitleOk: "接続できました。プロキシ、Stripe、kintone の準備ができています。",
    settingsTestTitleWarning: "接続できましたが、見直すべき点があります。",
    settingsTestTitleProblems: "接続できましたが、このままでは使えません。",
    settingsTestUnreachable: "プロキシに接続できません。",
    settingsTestUnreachableHelp:
      "URL が正しいか、プロキシが起動しているか、ファイアウォールで kintone からの接続が許可されているか、TLS 証明書が有効かを確認してください。",
    settingsTestWrongSecret: "シークレットが違います (401)。",
    settingsTestWrongSecretHelp: "プロキシの環境変数 PROXY_SECRET と同じ値を入力してください。",
    settingsTestNotProxy: "この URL で応答したのはこのプロキシではありません (HTTP {status})。",
    settingsTestNotProxyHelp:
      "URL がプロキシのベース URL (例: https://checkout-proxy.example.com/) を指しているか確認してください。",
    settingsTestFailed: "プロキシがエラーを返しました (HTTP {status})。",
    settingsTestModeTest: "Stripe: テストモード (実際の決済は行われません)。",
    settingsTestModeLive: "Stripe: 本番モード (実際に決済されます)。",
    settingsTestKeyRestricted: "制限付きキー (rk_) を使っています。",
    settingsTestKeySecret:
      "シークレットキー (sk_) が使われています。必要な権限だけの制限付きキー (rk_) に替えてください。",
    settingsTestStripeProblems: "Stripe キーに足りない権限があります:",
    settingsTestAppOk:
      "アプリ {appId}: API トークンでフォームを読め、レコードを閲覧・編集できます。",
    settingsTestAppProblems: "アプリ {appId}: API トークンに問題があります:",
    settingsTestAppMissing:
      "このアプリ ({appId}) の API トークンがプロキシにありません。KINTONE_API_TOKENS に {appId}:トークン を追加してください。",
    settingsSectionSource: "明細の元とまとめ方",
    settingsSourceLabel: "明細行",
    settingsSourceRecords: "レコードごとに 1 行",
    settingsSourceSubtable: "テーブルの行ごとに 1 行",
    settingsSubtableLabel: "テーブル",
    settingsSubtableHelp: "明細にするテーブル (サブテーブル) フィールドです。",
    settingsGroupingLabel: "決済セッション",
    settingsGroupingPerRecord: "レコードごとに 1 つ",
    settingsGroupingSingle: "選んだレコードすべてで 1 つ",
    settingsSectionLineItems: "明細の項目",
    settingsLineItemsHelp:
      "各項目の値を、フィールド・固定値・テンプレートから選びます。テーブルモードでは、テーブルの列が先に、次にレコードのフィールドが並びます。",
    settingsModeNone: "使わない",
    settingsModeField: "フィールド",
    settingsModeConst: "固定値",
    settingsModeTemplate: "テンプレート",
    settingsChooseField: "-- フィールドを選択 --",
    settingsNoField: "-- 使わない --",
    settingsFieldNotOffered: "{code} (フォームにないか、使えない種類です)",
    settingsTemplatePlaceholder: "例: {{product_name}} ({{size}})",
    settingsProductCode: "商品コード",
    settingsProductCodeHelp: "指定すると、同じコードの Stripe 商品を更新します (なければ作成)。",
    settingsName: "商品名",
    settingsNameHelp: "購入者に表示されます。",
    settingsDescription: "説明",
    settingsDescriptionHelp: "商品名の下に表示されます。",
    settingsImage: "画像",
    settingsImageHelp: "添付ファイルフィールドの画像 (JPEG/PNG/GIF) です。",
    settingsImageFirst: "最初の画像",
    settingsImageNumber: "n 番目のファイル",
    settingsImageAll: "すべての画像 (8 枚まで)",
    settingsUnitPrice: "単価 (税込)",
    settingsUnitPriceHelp: "数値または計算フィールドが向いています。",
    settingsUnitPriceIn: "単価の単位",
    settingsUnitPriceMajor: "通常の単位 (10.50 USD は 10.50)",
    settingsUnitPriceMinor: "最小単位 (10.50 USD は 1050 セント)",
    settingsQuantity: "数量",
    settingsQuantityHelp: "使わない場合は 1 です。",
    settingsMinQuantity: "最小数量",
    settingsMinQuantityHelp: "最小・最大を指定すると、購入者が数量を変えられます。",
    settingsMaxQuantity: "最大数量",
    settingsMaxQuantityHelp: "使わない場合、Stripe は 99 までにします。",
    settingsSectionCheckout: "決済画面",
    settingsCurrency: "通貨",
    settingsCurrencyHelp: "固定の通貨か、ISO 4217 コード (JPY, USD…) を持つフィールドです。",
    settingsSuccessUrl: "決済完了後の URL",
    settingsSuccessUrlHelp:
      "{{フィールドコード}} はレコードの値に置き換わります。{CHECKOUT_SESSION_ID} は Stripe がセッション ID に置き換えます。",
    settingsCancelUrl: "キャンセル時の URL",
    settingsCancelUrlHelp:
      "購入者が「戻る」を選んだときの URL です。{{フィールドコード}} が使えます。",
    settingsExpiry: "有効期限",
    settingsExpiryHelp: "30〜1440 分。空欄なら 1440 分 (24 時間) です。",
    settingsMinutes: "分",
    settingsCustomerEmail: "購入者のメールアドレス",
    settingsCustomerEmailHelp: "決済画面にあらかじめ入力されます。",
    settingsLocale: "決済画面の言語",
    settingsLocaleUnset: "指定しない",
    settingsLocaleAuto: "auto (ブラウザーに合わせる)",
    // locale picker
    settingsLocaleNamesIn: "ja",
    settingsPromotionCodes: "プロモーションコード",
    settingsAllowPromotionCodes: "購入者がプロモーションコードを入力できる",
    settingsBilling: "請求先住所",
    settingsBillingAuto: "必要なときだけ集める (Stripe に任せる)",
    settingsBillingRequired: "常に集める",
    settingsReissue: "再発行",
    settingsReplaceOpen: "未完了の以前のセッションを失効させてから新しく作る",
    settingsKeepOpen: "以前のセッションは失効させない",
    settingsRepeatPayment: "支払い済みのレコード",
    settingsAllowRepeatPayment: "支払い済みのレコードにも請求できる",
    settingsAllowRepeatPaymentHelp:
      "オフなら、支払い済み・一部返金済み・不審請求の申請中・入金待ち (コンビニ払い、銀行振込) のレコードには新しいリンクを作りません。月謝のように同じレコードに繰り返し請求するときだけオンにします。",
    settingsRecovery: "期限切れのリンク",
    settingsAfterExpirationRecovery: "期限切れのリンクを Stripe の復元用リンクに置き換える",
    settingsAfterExpirationRecoveryHelp:
      "未払いのまま期限が切れると、Stripe が同じ内容で支払える新しいリンクを作り、レコードの決済 URL と復元用 URL に書き込みます。",
    settingsSectionWriteBack: "レコードへの書き戻し",
    settingsWriteBackHelp: "決済の状態を書き込むフィールドです。使わない項目は空欄のままにします。",
    settingsWriteBackUrl: "決済 URL",
    settingsWriteBackUrlHelp: "リンクまたは文字列フィールド。",
    settingsWriteBackSessionId: "セッション ID",
    settingsWriteBackTextHelp: "文字列フィールド。",
    settingsWriteBackStatus: "セッションの状態",
    settingsWriteBackStatusHelp:
      "値: open, complete, expired。ドロップダウンやラジオボタンにはすべての値が必要です。",
    settingsWriteBackPaymentStatus: "支払いの状態",
    settingsWriteBackPaymentStatusHelp: `値: ${PAYMENT_STATUS_VALUES}。ドロップダウンやラジオボタンにはすべての値が必要です。`,
    settingsWriteBackExpiresAt: "有効期限",
    settingsWriteBackDateHelp: "日時フィールド。",
    settingsWriteBackAmountTotal: "合計金額",
    settingsWriteBackAmountHelp: "数値フィールド (通常の単位)。",
    settingsWriteBackPaidAt: "支払日時",
    settingsWriteBackCustomerEmail: "購入者のメールアドレス",
    settingsWriteBackError: "エラー",
    settingsWriteBackAmountRefunded: "返金額",
    settingsWriteBackPaymentIntentId: "PaymentIntent ID",
    settingsWriteBackRecoveryUrl: "復元用 URL",
    // buyer details (write-back)
    settingsWriteBackCustomerId: "Stripe の顧客 ID",
    settingsWriteBackCustomerName: "購入者の氏名",
    settingsWriteBackCustomerPhone: "購入者の電話番号",
    settingsWriteBackBillingAddress: "請求先住所",
    settingsWriteBackShippingAddress: "配送先住所",
    settingsWriteBackAddressHelp:
      "文字列 (複数行) フィールド。国ごとの書き方の順に書きます (日本の住所は〒と郵便番号から)。",
    // checkout options (issue 17)
    settingsSectionCheckoutOptions: "Checkout のオプション",
    settingsCheckoutOptionsHelp: "どれも任意です。空欄のものは Stripe の既定のままです。",
    settingsGroupPaymentMethods: "支払い方法",
    settingsGroupAskBuyer: "購入者に尋ねること",
    settingsGroupPageTexts: "ページの文言",
    settingsGroupCustomer: "顧客と価格",
    settingsUiMode: "表示方法",
    settingsUiModeHosted: "Stripe のページに移動 (リンク)",
    settingsUiModeEmbedded: "自社サイトに埋め込む (戻り先 URL が必要)",
    settingsReturnUrl: "戻り先 URL",
    settingsReturnUrlHelp:
      "埋め込み表示のときだけ使います。このときは成功 URL・キャンセル URL を空にしてください。{CHECKOUT_SESSION_ID} はそのまま渡されます。",
    settingsPaymentMethods: "使える支払い方法",
    settingsPaymentMethodsHelp:
      "何も選ばないと Stripe ダッシュボードの設定に従います。コンビニと PayPay は日本円だけです。",
    settingsMethodCard: "カード",
    settingsMethodKonbini: "コンビニ",
    settingsMethodPaypay: "PayPay",
    settingsMethodBankTransfer: "銀行振込",
    settingsKonbiniDays: "コンビニの支払期限",
    settingsKonbiniDaysHelp: "1〜60 日。空欄なら 3 日です。",
    settingsDays: "日",
    settingsPhone: "電話番号",
    settingsPhoneAsk: "購入者に電話番号を尋ねる",
    settingsShippingCountries: "配送先の国",
    settingsShippingCountriesHelp:
      "配送先住所を尋ねるときの国コード (ISO 3166-1 の 2 文字、例: JP, US) をカンマ区切りで。空欄なら尋ねません。",
    settingsShippingRates: "配送料",
    settingsShippingRatesHelp: "Stripe の配送料 ID (shr_…) をカンマ区切りで、5 つまで。",
    settingsCustomFields: "追加の入力項目",
    settingsCustomFieldsHelp:
      '3 つまで。JSON で: [{"key": "deliveryDate", "label": "配達希望日", "type": "text"}]。type は text / numeric / dropdown (dropdown には options)。',
    settingsCustomFieldWriteBack: "入力された値の書き込み先",
    settingsCustomFieldWriteBackHelp:
      'JSON で項目のキー → フィールドコード: {"deliveryDate": "配達希望日"}。',
    settingsConsent: "同意",
    settingsConsentTerms: "利用規約への同意を必須にする",
    settingsConsentPromotions: "お知らせメールの受け取りを尋ねる",
    settingsTextSubmit: "支払いボタンの近くの文言",
    settingsTextAfterSubmit: "支払い後の文言",
    settingsTextShipping: "配送先住所の近くの文言",
    settingsTextTerms: "利用規約の同意文",
    settingsPageTextsHelp: "それぞれ 1,200 文字まで。同意文には利用規約への同意が必要です。",
    settingsSubmitType: "支払いボタンの表記",
    settingsSubmitTypeUnset: "Stripe の既定",
    settingsSubmitPay: "支払う",
    settingsSubmitBook: "予約する",
    settingsSubmitDonate: "寄付する",
    settingsCustomerField: "既存の Stripe 顧客",
    settingsCustomerFieldHelp:
      "顧客 ID (cus_…) が入ったフィールド。空のレコードは顧客なしで作ります。メールアドレスとは一緒に使えません。",
    settingsCustomerCreation: "Stripe 顧客の作成",
    settingsCustomerCreationUnset: "必要なときだけ (Stripe の既定)",
    settingsCustomerCreationAlways: "毎回作成する",
    settingsPriceIdField: "既存の Stripe 価格",
    settingsPriceIdFieldHelp:
      "価格 ID (price_…) が入ったフィールド。入っている明細はその価格の金額と通貨で請求します。",
    settingsErrorSummary: "保存できません。次の項目を直してください:",
    settingsErrorChooseField: "フィールドを選んでください。",
    settingsErrorFieldMissing: "フィールド {code} はフォームにありません。",
    settingsErrorFieldUnfit: "フィールド {code} は種類が {type} のため、ここでは使えません。",
    settingsErrorEnterValue: "値を入力してください。",
    settingsErrorImageNumber: "ファイルの番号は 1 以上の整数です。",
    settingsErrorChooseCurrency: "通貨を選んでください。",
    settingsErrorEnterUrl: "URL を入力してください。",
    settingsErrorExpiry: "有効期限は 30〜1440 の整数 (分) です。",
    settingsErrorMissingOptions: "{code} の選択肢に、書き込まれる値 {missing} がありません。",
    // tax and qualified invoices (issue 18)
    settingsSectionTax: "消費税と適格請求書",
    settingsTaxHelp:
      "税率ごとの税額は請求書と同じく税率ごとに 1 回、1 円未満を四捨五入して計算します。",
    settingsTaxBehavior: "価格の税込・税抜",
    settingsTaxInclusive: "税込（価格に消費税を含む）",
    settingsTaxExclusive: "税抜（消費税を合計に加算）",
    settingsTaxRate: "税率",
    settingsTaxRateNone: "税率なし",
    settingsTaxRateField: "フィールドから",
    settingsTaxRateConst: "すべての明細に同じ税率",
    settingsTaxRateHelp: "10、8、0（%）のいずれか。それ以外の値のレコードは決済できません。",
    settingsTaxDisplayName: "請求書での税の名前",
    settingsInvoice: "請求書",
    settingsInvoiceEnabled: "支払い後に Stripe で請求書を発行する",
    settingsRegistrationNumber: "登録番号",
    settingsInvoiceHelp: "登録番号（T と 13 桁の数字）は請求書に「登録番号」として印字されます。",
    settingsInvoiceFooter: "請求書のフッター",
    settingsErrorRegistrationNumber:
      "登録番号は「T」と 13 桁の数字で入力してください（例: T1234567890123）。",
    // subscriptions (issue 21)
    settingsSectionSubscription: "定期課金",
    settingsSubscriptionHelp:
      "会費・月謝・保守契約のように、決まった間隔で同じ金額を請求します。支払い方法にコンビニ・PayPay は使えず、支払い後の請求書発行も使えません（定期課金は Stripe が期間ごとに請求書を発行します）。",
    settingsMode: "請求の方法",
    settingsModePayment: "1 回払い",
    settingsModeSubscription: "定期課金（期間ごとに請求）",
    settingsSubscriptionInterval: "請求間隔",
    settingsSubscriptionIntervalField: "フィールドから",
    settingsSubscriptionIntervalConst: "固定",
    settingsSubscriptionIntervalHelp:
      "フィールドの値は day・week・month・year または 日・週・月・年（ドロップダウンや文字列）。",
    settingsSubscriptionIntervalCount: "間隔数",
    settingsSubscriptionIntervalCountHelp:
      "何間隔ごとに請求するか（空欄は 1）。最長 1 年: 12 か月・52 週・365 日・1 年まで。",
    settingsWriteBackSubscriptionId: "定期課金 ID",
    settingsWriteBackSubscriptionStatus: "定期課金の状態",
    settingsWriteBackSubscriptionStatusHelp:
      "Stripe の状態（active・past_due・canceled など）。文字列 (1 行) またはドロップダウン。",
    settingsWriteBackCurrentPeriodEnd: "次回更新日時",
    settingsWriteBackCurrentPeriodEndHelp: "現在の期間の終わり（日時フィールド）。",
    settingsSubscriptionRules: "定期課金では保存できません: {reason}",
    intervalDay: "日",
    intervalWeek: "週",
    intervalMonth: "月",
    intervalYear: "年",
    intervalDays: "{count}日",
    intervalWeeks: "{count}週",
    intervalMonths: "{count}か月",
    intervalYears: "{count}年",
    amountPerPeriod: "{amount} / {period}",
    subscriptionTitle: "定期課金",
    subscriptionStatusActive: "有効",
    subscriptionStatusPastDue: "支払い遅延",
    subscriptionStatusCanceled: "解約済み",
    subscriptionStatusIncomplete: "初回支払い待ち",
    subscriptionStatusIncompleteExpired: "初回支払いの期限切れ",
    subscriptionStatusTrialing: "お試し期間",
    subscriptionStatusUnpaid: "未払い",
    subscriptionStatusPaused: "一時停止",
    subscriptionNextRenewal: "次回更新日: {date}",
    subscriptionEndsOn: "{date} に終了します",
    subscriptionCancelButton: "定期課金を解約",
    subscriptionCancelTitle: "定期課金を解約しますか？",
    subscriptionCancelBody: "{customer} への {amount} の定期課金を解約します。",
    subscriptionCancelAtPeriodEnd: "現在の期間の終わりに解約",
    subscriptionCancelNow: "今すぐ解約",
    subscriptionCancelConfirm: "解約する",
    subscriptionCancelKeep: "解約しない",
    subscriptionCancelDone: "定期課金を解約しました。",
    subscriptionCancelScheduled: "定期課金は現在の期間の終わりに解約されます。",
    subscriptionCustomerUnknown: "お客様",
    // status labels and process actions
    settingsSectionStatusLabels: "状態の書き込み方",
    settingsStatusLabelsHelp:
      "ドロップダウンやラジオボタンに書き込むとき、それぞれの状態をどの選択肢で書き込むかを選びます。初期値はコードと同じ選択肢です。",
    settingsStatusLabelsNoChoiceField:
      "セッションの状態や支払いの状態にドロップダウンかラジオボタンを選ぶと、ここで選択肢を割り当てられます。",
    settingsStatusLabelChoose: "-- 選択肢を選ぶ --",
    settingsStatusLabelNotOffered: "{label} (選択肢にありません)",
    settingsStateOpen: "支払い待ち",
    settingsStateComplete: "完了",
    settingsStateExpired: "期限切れ",
    settingsStateUnpaid: "未払い",
    settingsStatePaid: "支払い済み",
    settingsStateNoPaymentRequired: "支払い不要",
    settingsStateFailed: "支払い失敗",
    settingsStateRefunded: "全額返金",
    settingsStatePartiallyRefunded: "一部返金",
    settingsStateDisputed: "不審請求の申し立て中",
    settingsStateDisputeLost: "不審請求で返金",
    settingsErrorStatusLabelTwice:
      "選択肢「{label}」は {other} にも使われています。状態ごとに別の選択肢を選んでください。",
    settingsSectionProcessActions: "プロセス管理のアクション",
    settingsProcessActionsHelp:
      "決済の状態が変わったとき、そのレコードで実行するアクションです。レコードのステータスで実行できないアクションは実行されず、エラーのフィールドに理由が書き込まれます。",
    settingsProcessActionPaid: "支払われたとき",
    settingsProcessActionExpired: "期限切れになったとき",
    settingsProcessActionRefunded: "全額返金されたとき",
    settingsProcessActionNone: "-- 実行しない --",
    settingsProcessActionNotOffered: "{action} (アプリにないアクション)",
    settingsStoredMappingInvalid:
      "保存されているマッピングが読めないため、初期値を表示しています。",
    settingsFieldsUnavailable:
      "アプリのフィールドを読み込めませんでした。フィールドの選択肢は表示されません。",
    settingsProblemCurrency: '"{currency}" は Stripe が扱う通貨ではありません。',
    settingsProblemImageBoth: "ファイルの番号と「すべての画像」は同時に指定できません。",
    settingsProblemPrice: '"{value}" は価格として使えません ({reason})。',
    settingsProblemWholeNumber: '"{value}" は整数ではありません。',
    settingsProblemBetween: "{min}〜{max} の範囲で指定してください。",
    settingsProblemMaxBelowMin: "最大 {max} が最小 {min} より小さくなっています。",
    settingsProblemQuantityAbove: "数量 {quantity} が最大 {max} を超えています。",
    settingsProblemQuantityBelow: "数量 {quantity} が最小 {min} を下回っています。",
    settingsProblemUrl: "http:// または https:// で始まる URL を入力してください。",
    settingsProblemWriteBackTwice: "フィールド {code} は「{other}」の書き戻しにも使われています。",
  },
  en: {
    listButtonLabel: "Stripe Checkout",
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
    // tax per rate (issue 18)
    previewSubtotal: "Subtotal",
    previewTaxIncluded: "(incl. consumption tax {rate}% on {taxable})",
    previewTaxAdded: "Consumption tax {rate}% on {taxable}",
    previewUnitPriceExclusiveHeader: "Unit price (tax excl.)",
    previewGrandTotal: "Payment links: {links} · Total: {total}",
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
      "Payment links: {links} · Records: {records} · Total: {total}. The links are written into the records.",
    confirmCreateAction: "Create",
    confirmReplacesOpen: (count) =>
      `${count} of the checked records already ${count === 1 ? "has an open link" : "have open links"}; ${count === 1 ? "it" : "they"} will stop working.`,
    back: "Back",
    creating: "Creating payment links…",
    progress: "{done} of {total} records",
    resultDone: (count) => `${count} payment ${count === 1 ? "link" : "links"} created.`,
    resultFailed: (count) => `${count} ${count === 1 ? "record" : "records"} failed:`,
    resultLine: "{record}: {message}",
    // jobs you can come back to, and a record's last error (list dialog, record screen)
    recentJobsHeading: "Recent jobs",
    jobQueued: "Queued",
    jobRunning: "Running",
    jobSucceeded: "Done",
    jobPartiallyFailed: "Partly failed",
    jobFailed: "Failed",
    jobStartedAt: "Started {time}",
    jobProgress: "{done} of {total} records done, {failed} failed",
    jobFailedAsWhole: "The job failed: {message}",
    jobMoreErrors: (count) => `and ${count} more`,
    jobOpenFailedRecords: (count) =>
      `Open the ${count} failed ${count === 1 ? "record" : "records"} in the list`,
    recordErrorLabel: "Last error",
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
    // feedback on every action (issue 16)
    confirmReissueAction: "Re-issue",
    confirmCreateKindsNew: (count) =>
      `${count} ${count === 1 ? "record gets" : "records get"} a new payment link.`,
    confirmCreateKindsReplaced: (count) =>
      `${count} ${count === 1 ? "record's open link is replaced and stops" : "records' open links are replaced and stop"} working.`,
    confirmCreateKindsSkipped: (count) =>
      `${count} ${count === 1 ? "record is" : "records are"} billed already and skipped (not selectable).`,
    confirmCreateKindsRepeat: (count) =>
      `${count} ${count === 1 ? "record is" : "records are"} billed already and will be charged again (the plugin settings allow it).`,
    paymentStatusUnpaid: "Unpaid",
    paymentStatusFailed: "Payment failed",
    paymentStatusRefunded: "Refunded",
    syncUpToDate: "The payment status is already up to date. Nothing changed.",
    syncChanged: "The payment status was updated:",
    syncChangedLine: "{what}: {from} → {to}",
    syncWhatLink: "Link",
    syncWhatPayment: "Payment",
    reissueDone: "A new payment link was issued. The previous link no longer works.",
    expireDone: "The payment link was expired.",
    createDone: "The payment link was created.",
    awaitingConfirmation: "Waiting for Stripe's confirmation of the payment…",
    awaitingConfirmationGaveUp:
      'Stripe has not confirmed the payment yet. Press "Refresh payment status" in a while.',
    awaitingConfirmationLanded: "Stripe's confirmation arrived and the record shows it.",
    // qr and mobile
    qrShow: "Show QR code",
    qrHide: "Hide QR code",
    qrCodeLabel: "QR code of the payment link",
    qrCaption: "The customer scans this with their phone's camera and pays right away.",
    qrAmountLabel: "Amount",
    qrCustomerLabel: "Customer",
    qrWaiting: "Waiting for the payment…",
    qrPaid: "The payment was received.",
    qrClosed: "This link no longer works. Create a new one.",
    qrStoppedFollowing: "Stopped watching for the payment.",
    qrFollowAgain: "Check again",
    mobileTitle: "Stripe payment",
    mobileLinkLabel: "Payment link",
    mobileNoLink: "No payment link yet.",
    shareLink: "Share",
    shareFailed: "The link could not be shared. Copy it and send it instead.",
    statusOpen: "Link open",
    statusComplete: "Complete",
    statusExpired: "Expired",
    statusNone: "No link yet",
    // pay on this device (embedded Checkout): record screen and settings
    payHere: "Pay on this device",
    payHereTitle: "Pay on this device",
    payHereLoading: "Loading the payment form…",
    payHereLoadFailed:
      "Stripe's payment form could not be opened. Check the publishable key and the Stripe.js address in the plugin settings.",
    payHereNotOpen: "This payment can no longer be made. Refresh its status.",
    payHereNotConfigured:
      "To pay on this device, save Stripe's publishable key in the plugin settings.",
    settingsSectionEmbedded: "Paying on this device (embedded)",
    settingsEmbeddedHelp:
      "With the embedded page, the record screen's \"Pay on this device\" opens Stripe's payment form in a dialog. A publishable key is made for browsers: on its own it can neither read nor change anything in your account. Every user of the app can read these settings, so never enter a secret key (sk_) or a restricted key (rk_) here.",
    settingsPublishableKey: "Publishable key",
    settingsPublishableKeyHelp:
      "pk_test_… or pk_live_… (Stripe Dashboard → Developers → API keys). Empty: paying on this device is off.",
    settingsStripeJsUrl: "Stripe.js address",
    settingsStripeJsUrlHelp: "Empty: loaded from Stripe's own address,",
    errorPublishableKeySecret:
      "A secret key (sk_…) cannot be stored here: every user of the app can read these settings. Enter the publishable key (pk_…).",
    errorPublishableKeyRestricted:
      "A restricted key (rk_…) cannot be stored here: every user of the app can read these settings. Enter the publishable key (pk_…).",
    errorPublishableKeyInvalid: "A publishable key starts with pk_test_ or pk_live_.",
    errorStripeJsUrlInvalid: "Enter an https:// URL (http:// only for localhost).",
    billingHeader: "Payment",
    billedPaid: "Paid",
    billedAwaitingPayment: "Awaiting payment",
    billedPartiallyRefunded: "Partially refunded",
    billedDisputed: "Disputed",
    billedDisputeLost: "Dispute lost",
    billedNoPaymentRequired: "No payment required",
    billedReason: "Already billed, so no new link can be made (no customer is charged twice).",
    billedReasonAwaiting:
      "The customer is paying at a konbini or by bank transfer, so no new link can be made (no customer is charged twice).",
    billedHowToAllow:
      'To bill a record again, the app administrator turns on "Allow billing a paid record again" in the plugin settings.',
    billedNotSelectable: (count) =>
      `${count} billed ${count === 1 ? "record" : "records"} cannot be chosen.`,
    uncheckBilledRecords: "Uncheck the billed records",
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
    proxyErrorRecordAlreadyPaid:
      'Some records are already billed, so no new payment link was made (no customer is charged twice). Nothing was sent to Stripe. To bill them again, the app administrator turns on "Allow billing a paid record again" in the plugin settings.',
    alreadyPaidLine: "{record}: {state} (session {session})",
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
    proxyErrorRateLimited:
      "The proxy is refusing requests for a while: too many came from here. Wait a few minutes and try again; if it persists, ask the IT administrator (a wrong secret may have been sent repeatedly).",
    proxyErrorOther:
      "The proxy reported an error ({code}). Try again later; if it persists, ask the IT administrator.",
    proxyErrorReason: "Reason: {message}",
    unexpectedError: "Something went wrong: {message}",
    // settings screen
    settingsSectionConnection: "Connection",
    settingsSecretStoredPlaceholder: "Stored (type only to change it)",
    settingsTestConnection: "Test connection",
    settingsTesting: "Testing…",
    settingsTestConnectionHelp:
      "Calls the proxy's /v1/diagnostics through kintone's proxy and checks the Stripe key and API tokens. A newly typed secret is used for the test only; Save stores it.",
    settingsErrorSecretForTest:
      "Enter the secret to test the connection (none is stored for this URL).",
    settingsTestTitleOk: "Connected. The proxy, Stripe and kintone are ready.",
    settingsTestTitleWarning: "Connected, but something should be changed.",
    settingsTestTitleProblems: "Connected, but it will not work as it is.",
    settingsTestUnreachable: "The proxy cannot be reached.",
    settingsTestUnreachableHelp:
      "Check the URL, that the proxy is running, that its firewall lets kintone in, and that its TLS certificate is valid.",
    settingsTestWrongSecret: "The secret is wrong (401).",
    settingsTestWrongSecretHelp:
      "Enter the same value as the proxy's PROXY_SECRET environment variable.",
    settingsTestNotProxy: "Something answered at this URL, but not this proxy (HTTP {status}).",
    settingsTestNotProxyHelp:
      "Check that the URL is the proxy's base URL (e.g. https://checkout-proxy.example.com/).",
    settingsTestFailed: "The proxy answered with an error (HTTP {status}).",
    settingsTestModeTest: "Stripe: test mode (no real payments).",
    settingsTestModeLive: "Stripe: live mode (real payments).",
    settingsTestKeyRestricted: "A restricted key (rk_) is used.",
    settingsTestKeySecret:
      "A secret key (sk_) is used: replace it with a restricted key (rk_) that has only the permissions needed.",
    settingsTestStripeProblems: "The Stripe key lacks permissions:",
    settingsTestAppOk:
      "App {appId}: the API token reads the form and may view and edit the records.",
    settingsTestAppProblems: "App {appId}: the API token has problems:",
    settingsTestAppMissing:
      "The proxy has no API token for this app ({appId}): add {appId}:TOKEN to KINTONE_API_TOKENS.",
    settingsSectionSource: "Line source and grouping",
    settingsSourceLabel: "Lines",
    settingsSourceRecords: "One line per record",
    settingsSourceSubtable: "One line per row of a table",
    settingsSubtableLabel: "Table",
    settingsSubtableHelp: "The table (subtable) field whose rows become the lines.",
    settingsGroupingLabel: "Checkout sessions",
    settingsGroupingPerRecord: "One per record",
    settingsGroupingSingle: "One for all chosen records",
    settingsSectionLineItems: "Line items",
    settingsLineItemsHelp:
      "Each value comes from a field, a constant or a template. In table mode the table's columns are listed first, then the record's fields.",
    settingsModeNone: "Not used",
    settingsModeField: "Field",
    settingsModeConst: "Constant",
    settingsModeTemplate: "Template",
    settingsChooseField: "-- Choose a field --",
    settingsNoField: "-- Not used --",
    settingsFieldNotOffered: "{code} (not in the form, or of a type that does not fit)",
    settingsTemplatePlaceholder: "e.g. {{product_name}} ({{size}})",
    settingsProductCode: "Product code",
    settingsProductCodeHelp: "When set, the Stripe product with this code is updated (or created).",
    settingsName: "Product name",
    settingsNameHelp: "Shown to the buyer.",
    settingsDescription: "Description",
    settingsDescriptionHelp: "Shown below the name.",
    settingsImage: "Image",
    settingsImageHelp: "Pictures from an attachment field (JPEG/PNG/GIF).",
    settingsImageFirst: "The first image",
    settingsImageNumber: "File number n",
    settingsImageAll: "Every image (up to 8)",
    settingsUnitPrice: "Unit price (tax included)",
    settingsUnitPriceHelp: "A number or calculated field fits best.",
    settingsUnitPriceIn: "Unit price is in",
    settingsUnitPriceMajor: "Major units (10.50 USD is 10.50)",
    settingsUnitPriceMinor: "Minor units (10.50 USD is 1050 cents)",
    settingsQuantity: "Quantity",
    settingsQuantityHelp: "1 when not used.",
    settingsMinQuantity: "Minimum quantity",
    settingsMinQuantityHelp: "With a minimum or maximum the buyer can change the quantity.",
    settingsMaxQuantity: "Maximum quantity",
    settingsMaxQuantityHelp: "Stripe allows up to 99 when not used.",
    settingsSectionCheckout: "Checkout",
    settingsCurrency: "Currency",
    settingsCurrencyHelp: "A fixed currency, or a field holding an ISO 4217 code (JPY, USD…).",
    settingsSuccessUrl: "Success URL",
    settingsSuccessUrlHelp:
      "{{field_code}} is replaced by the record's value; Stripe replaces {CHECKOUT_SESSION_ID} with the session's id.",
    settingsCancelUrl: "Cancel URL",
    settingsCancelUrlHelp:
      'Where the buyer goes on "back". {{field_code}} placeholders work here too.',
    settingsExpiry: "Expires after",
    settingsExpiryHelp: "30 to 1440 minutes; empty means 1440 (24 hours).",
    settingsMinutes: "minutes",
    settingsCustomerEmail: "Customer e-mail",
    settingsCustomerEmailHelp: "Prefilled on the checkout page.",
    settingsLocale: "Checkout language",
    settingsLocaleUnset: "Not set",
    settingsLocaleAuto: "auto (the browser's language)",
    // locale picker
    settingsLocaleNamesIn: "en",
    settingsPromotionCodes: "Promotion codes",
    settingsAllowPromotionCodes: "Let the buyer enter a promotion code",
    settingsBilling: "Billing address",
    settingsBillingAuto: "Collect only when needed (Stripe decides)",
    settingsBillingRequired: "Always collect",
    settingsReissue: "Re-issuing",
    settingsReplaceOpen: "Expire the record's earlier open session, then create a new one",
    settingsKeepOpen: "Leave earlier open sessions as they are",
    settingsRepeatPayment: "Paid records",
    settingsAllowRepeatPayment: "Allow billing a paid record again",
    settingsAllowRepeatPaymentHelp:
      "Off: a record that is paid, partially refunded, disputed or awaiting a konbini or bank payment gets no new link. Turn it on only for records billed repeatedly (e.g. monthly fees).",
    settingsRecovery: "Expired links",
    settingsAfterExpirationRecovery: "Replace an expired link with Stripe's recovery link",
    settingsAfterExpirationRecoveryHelp:
      "When a link expires unpaid, Stripe makes a new link for the same purchase; it is written to the record's Checkout URL and Recovery URL fields.",
    settingsSectionWriteBack: "Write-back to the record",
    settingsWriteBackHelp:
      "The fields the checkout's state is written to. Leave a row empty to skip it.",
    settingsWriteBackUrl: "Checkout URL",
    settingsWriteBackUrlHelp: "A link or text field.",
    settingsWriteBackSessionId: "Session ID",
    settingsWriteBackTextHelp: "A text field.",
    settingsWriteBackStatus: "Session status",
    settingsWriteBackStatusHelp:
      "Values: open, complete, expired. A drop-down or radio button must offer all of them.",
    settingsWriteBackPaymentStatus: "Payment status",
    settingsWriteBackPaymentStatusHelp: `Values: ${PAYMENT_STATUS_VALUES}. A drop-down or radio button must offer all of them.`,
    settingsWriteBackExpiresAt: "Expires at",
    settingsWriteBackDateHelp: "A date and time field.",
    settingsWriteBackAmountTotal: "Amount total",
    settingsWriteBackAmountHelp: "A number field (major units).",
    settingsWriteBackPaidAt: "Paid at",
    settingsWriteBackCustomerEmail: "Customer e-mail",
    settingsWriteBackError: "Error",
    settingsWriteBackAmountRefunded: "Amount refunded",
    settingsWriteBackPaymentIntentId: "PaymentIntent ID",
    settingsWriteBackRecoveryUrl: "Recovery URL",
    // buyer details (write-back)
    settingsWriteBackCustomerId: "Stripe customer ID",
    settingsWriteBackCustomerName: "Customer name",
    settingsWriteBackCustomerPhone: "Customer phone",
    settingsWriteBackBillingAddress: "Billing address",
    settingsWriteBackShippingAddress: "Shipping address",
    settingsWriteBackAddressHelp:
      "A multi-line text field, written in the country's usual order (a Japanese address starts with 〒 and the postal code).",
    // checkout options (issue 17)
    settingsSectionCheckoutOptions: "Checkout options",
    settingsCheckoutOptionsHelp: "Each is optional; what you leave empty keeps Stripe's default.",
    settingsGroupPaymentMethods: "Payment methods",
    settingsGroupAskBuyer: "What to ask the buyer",
    settingsGroupPageTexts: "Texts on the page",
    settingsGroupCustomer: "Customer and prices",
    settingsUiMode: "Page",
    settingsUiModeHosted: "Stripe's hosted page (a link)",
    settingsUiModeEmbedded: "Embedded in your site (needs a return URL)",
    settingsReturnUrl: "Return URL",
    settingsReturnUrlHelp:
      "Embedded mode only; leave the success and cancel URLs empty then. {CHECKOUT_SESSION_ID} is passed on as is.",
    settingsPaymentMethods: "Allowed payment methods",
    settingsPaymentMethodsHelp:
      "None ticked: your Stripe Dashboard settings decide. Konbini and PayPay take JPY only.",
    settingsMethodCard: "Card",
    settingsMethodKonbini: "Konbini",
    settingsMethodPaypay: "PayPay",
    settingsMethodBankTransfer: "Bank transfer",
    settingsKonbiniDays: "Konbini payment deadline",
    settingsKonbiniDaysHelp: "1 to 60 days; empty means 3 days.",
    settingsDays: "days",
    settingsPhone: "Phone number",
    settingsPhoneAsk: "Ask the buyer for a phone number",
    settingsShippingCountries: "Shipping countries",
    settingsShippingCountriesHelp:
      "Two-letter ISO codes (e.g. JP, US), separated by commas, to ask for a shipping address; empty asks none.",
    settingsShippingRates: "Shipping rates",
    settingsShippingRatesHelp: "Stripe shipping rate ids (shr_…), separated by commas, at most 5.",
    settingsCustomFields: "Custom fields",
    settingsCustomFieldsHelp:
      'Up to 3, as JSON: [{"key": "deliveryDate", "label": "Delivery date", "type": "text"}]; type text, numeric or dropdown (with options).',
    settingsCustomFieldWriteBack: "Where the entered values go",
    settingsCustomFieldWriteBackHelp:
      'JSON, field key → field code: {"deliveryDate": "delivery_date"}.',
    settingsConsent: "Consent",
    settingsConsentTerms: "Require agreeing to the terms of service",
    settingsConsentPromotions: "Ask to receive promotional e-mails",
    settingsTextSubmit: "Text by the pay button",
    settingsTextAfterSubmit: "Text after paying",
    settingsTextShipping: "Text by the shipping address",
    settingsTextTerms: "Terms of service agreement text",
    settingsPageTextsHelp:
      "Up to 1,200 characters each; the agreement text needs the terms of service consent.",
    settingsSubmitType: "Pay button wording",
    settingsSubmitTypeUnset: "Stripe's default",
    settingsSubmitPay: "Pay",
    settingsSubmitBook: "Book",
    settingsSubmitDonate: "Donate",
    settingsCustomerField: "Existing Stripe customer",
    settingsCustomerFieldHelp:
      "A field holding a customer id (cus_…); records where it is empty get none. Not together with the customer e-mail.",
    settingsCustomerCreation: "Create Stripe customers",
    settingsCustomerCreationUnset: "Only when needed (Stripe's default)",
    settingsCustomerCreationAlways: "Always",
    settingsPriceIdField: "Existing Stripe price",
    settingsPriceIdFieldHelp:
      "A field holding a price id (price_…); such a line is charged that Price's amount and currency.",
    settingsErrorSummary: "Nothing was saved. Please correct:",
    settingsErrorChooseField: "Choose a field.",
    settingsErrorFieldMissing: "Field {code} is not in the form.",
    settingsErrorFieldUnfit: "Field {code} is of type {type}, which does not fit here.",
    settingsErrorEnterValue: "Enter a value.",
    settingsErrorImageNumber: "The file number is a whole number from 1.",
    settingsErrorChooseCurrency: "Choose a currency.",
    settingsErrorEnterUrl: "Enter the URL.",
    settingsErrorExpiry: "The expiry is a whole number of minutes from 30 to 1440.",
    settingsErrorMissingOptions:
      "{code} does not offer the values that will be written: {missing}.",
    // tax and qualified invoices (issue 18)
    settingsSectionTax: "Consumption tax and qualified invoices",
    settingsTaxHelp:
      "The tax of each rate is computed as the invoice shows it: once per rate, rounded to the nearest yen.",
    settingsTaxBehavior: "Prices",
    settingsTaxInclusive: "Tax included",
    settingsTaxExclusive: "Tax excluded (added to the total)",
    settingsTaxRate: "Tax rate",
    settingsTaxRateNone: "No tax rate",
    settingsTaxRateField: "From a field",
    settingsTaxRateConst: "One rate for every line",
    settingsTaxRateHelp: "10, 8 or 0 (percent). A record with another value cannot be billed.",
    settingsTaxDisplayName: "Name of the tax on the invoice",
    settingsInvoice: "Invoice",
    settingsInvoiceEnabled: "Have Stripe issue an invoice once paid",
    settingsRegistrationNumber: "Registration number",
    settingsInvoiceHelp:
      "The registration number (T and 13 digits) is printed on the invoice as 登録番号.",
    settingsInvoiceFooter: "Invoice footer",
    settingsErrorRegistrationNumber:
      'Enter the registration number as "T" and 13 digits (e.g. T1234567890123).',
    // subscriptions (issue 21)
    settingsSectionSubscription: "Subscription (定期課金)",
    settingsSubscriptionHelp:
      "Bill the same amount at a fixed interval: member fees, monthly tuition, maintenance contracts. Konbini and PayPay cannot be used, nor the invoice after payment (Stripe issues a subscription's invoices every period).",
    settingsMode: "Billing",
    settingsModePayment: "One-time payment",
    settingsModeSubscription: "Subscription (billed every period)",
    settingsSubscriptionInterval: "Billing interval",
    settingsSubscriptionIntervalField: "From a field",
    settingsSubscriptionIntervalConst: "Fixed",
    settingsSubscriptionIntervalHelp:
      "A field's value is day, week, month or year (or 日, 週, 月, 年), from a drop-down or a text.",
    settingsSubscriptionIntervalCount: "Interval count",
    settingsSubscriptionIntervalCountHelp:
      "Bill every n intervals (empty: 1). At most one year: 12 months, 52 weeks, 365 days or 1 year.",
    settingsWriteBackSubscriptionId: "Subscription ID",
    settingsWriteBackSubscriptionStatus: "Subscription state",
    settingsWriteBackSubscriptionStatusHelp:
      "Stripe's state (active, past_due, canceled, …). A text (single line) or a drop-down.",
    settingsWriteBackCurrentPeriodEnd: "Next renewal",
    settingsWriteBackCurrentPeriodEndHelp: "The end of the current period (a date and time field).",
    settingsSubscriptionRules: "Cannot be saved as a subscription: {reason}",
    intervalDay: "day",
    intervalWeek: "week",
    intervalMonth: "month",
    intervalYear: "year",
    intervalDays: "{count} days",
    intervalWeeks: "{count} weeks",
    intervalMonths: "{count} months",
    intervalYears: "{count} years",
    amountPerPeriod: "{amount} / {period}",
    subscriptionTitle: "Subscription",
    subscriptionStatusActive: "Active",
    subscriptionStatusPastDue: "Payment overdue",
    subscriptionStatusCanceled: "Canceled",
    subscriptionStatusIncomplete: "Awaiting the first payment",
    subscriptionStatusIncompleteExpired: "First payment expired",
    subscriptionStatusTrialing: "Trial",
    subscriptionStatusUnpaid: "Unpaid",
    subscriptionStatusPaused: "Paused",
    subscriptionNextRenewal: "Next renewal: {date}",
    subscriptionEndsOn: "Ends on {date}",
    subscriptionCancelButton: "Cancel subscription",
    subscriptionCancelTitle: "Cancel this subscription?",
    subscriptionCancelBody: "This cancels the subscription of {customer}, billed {amount}.",
    subscriptionCancelAtPeriodEnd: "At the end of the current period",
    subscriptionCancelNow: "Now",
    subscriptionCancelConfirm: "Cancel subscription",
    subscriptionCancelKeep: "Keep it",
    subscriptionCancelDone: "The subscription was canceled.",
    subscriptionCancelScheduled: "The subscription ends at the end of the current period.",
    subscriptionCustomerUnknown: "the customer",
    // status labels and process actions
    settingsSectionStatusLabels: "How states are written",
    settingsStatusLabelsHelp:
      "For a drop-down or radio button, pick the option each state is written as. By default, the option equal to the code.",
    settingsStatusLabelsNoChoiceField:
      "Choose a drop-down or radio button for the session status or the payment status to map its options here.",
    settingsStatusLabelChoose: "-- Choose an option --",
    settingsStatusLabelNotOffered: "{label} (not an option)",
    settingsStateOpen: "awaiting payment",
    settingsStateComplete: "complete",
    settingsStateExpired: "expired",
    settingsStateUnpaid: "unpaid",
    settingsStatePaid: "paid",
    settingsStateNoPaymentRequired: "no payment required",
    settingsStateFailed: "payment failed",
    settingsStateRefunded: "fully refunded",
    settingsStatePartiallyRefunded: "partially refunded",
    settingsStateDisputed: "disputed",
    settingsStateDisputeLost: "dispute lost",
    settingsErrorStatusLabelTwice:
      'The option "{label}" is also used for {other}: pick a different option for each state.',
    settingsSectionProcessActions: "Process management actions",
    settingsProcessActionsHelp:
      "The action run on the record when its payment changes. An action the record's status does not offer is not run; the reason is written to the error field.",
    settingsProcessActionPaid: "When paid",
    settingsProcessActionExpired: "When the link expires",
    settingsProcessActionRefunded: "When fully refunded",
    settingsProcessActionNone: "-- None --",
    settingsProcessActionNotOffered: "{action} (not an action of the app)",
    settingsStoredMappingInvalid:
      "The stored mapping could not be read; the form starts from defaults.",
    settingsFieldsUnavailable:
      "The app's fields could not be loaded, so no field choices are shown.",
    settingsProblemCurrency: '"{currency}" is not a currency Stripe supports.',
    settingsProblemImageBoth: "Choose either one file number or every image, not both.",
    settingsProblemPrice: '"{value}" is not a valid price ({reason}).',
    settingsProblemWholeNumber: '"{value}" is not a whole number.',
    settingsProblemBetween: "Enter a number from {min} to {max}.",
    settingsProblemMaxBelowMin: "The maximum {max} is below the minimum {min}.",
    settingsProblemQuantityAbove: "The quantity {quantity} is above the maximum {max}.",
    settingsProblemQuantityBelow: "The quantity {quantity} is below the minimum {min}.",
    settingsProblemUrl: "Enter an absolute http:// or https:// URL.",
    settingsProblemWriteBackTwice: 'Field {code} is already written back as "{other}".',
  },
};

/** kintone reports e.g. "ja", "en", "zh", "zh-TW", "es", "pt-BR", "th". */
export function chooseLanguage(kintoneLanguage: string | undefined | null): Language {
  return kintoneLanguage?.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** The logged-in user's language (English where kintone is not available, e.g. in tests). */
export function loginUserLanguage(): Language {
  try {
    return chooseLanguage(kintone.getLoginUser().language);
  } catch {
    return chooseLanguage(undefined);
  }
}

/** The texts for the logged-in user (English where kintone is not available, e.g. in tests). */
export function messagesForLoginUser(): Messages {
  return messages[loginUserLanguage()];
}
