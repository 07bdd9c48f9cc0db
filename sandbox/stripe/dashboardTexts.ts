/**
 * The emulator Dashboard's words in Japanese and English (Stripe's Dashboard speaks both). Object
 * states (`complete`, `paid`, `needs_response`…) and Stripe's own error messages stay as the API
 * writes them: they are what a developer looks up.
 */
import type { CheckoutLanguage } from "./checkoutPageTexts";

export interface DashboardTexts {
  htmlLang: string;
  title: string;
  heading: string;
  testMode: string;
  intro: string;
  sessionsHeading: string;
  noSessions: string;
  eventsHeading: string;
  noEvents: string;
  columns: {
    created: string;
    amount: string;
    session: string;
    payment: string;
    kintone: string;
    actions: string;
    when: string;
    event: string;
    object: string;
  };
  expires: (when: string) => string;
  refunded: (amount: string) => string;
  dispute: (status: string) => string;
  record: (app: string, records: string) => string;
  openReturnPage: string;
  openCheckoutPage: string;
  expireNow: string;
  konbiniPaid: string;
  konbiniFailed: string;
  refund: string;
  refundAmount: (currency: string) => string;
  openDispute: string;
  winDispute: string;
  loseDispute: string;
  settledPaid: (session: string) => string;
  settledFailed: (session: string) => string;
  expired: (session: string) => string;
  refundDone: (amount: string, session: string) => string;
  disputeOpened: (dispute: string, session: string) => string;
  disputeClosed: (dispute: string, outcome: "won" | "lost") => string;
  refused: string;
  nothingAt: (path: string) => string;
  unknownAction: (route: string) => string;
  notAnAmount: (text: string, currency: string, digits: number) => string;
  refundZero: string;
  outcome: (allowed: string) => string;
  // subscriptions and the clock
  subscriptions: {
    heading: string;
    none: string;
    amountPerPeriod: string;
    status: string;
    periodEnd: string;
    customer: string;
    cancelsAtPeriodEnd: string;
    nextRenewalFails: string;
    ended: (when: string) => string;
    advanceMonth: string;
    clockNow: (when: string) => string;
    nextFails: string;
    nextPays: string;
    clockAdvanced: (when: string) => string;
    nextRenewalSet: (subscription: string, outcome: "pay" | "fail") => string;
  };
}

const EN: DashboardTexts = {
  htmlLang: "en",
  title: "Dashboard - Stripe emulator",
  heading: "Stripe emulator Dashboard",
  testMode: "TEST MODE",
  intro:
    "What Stripe's test mode lets you do: every action emits Stripe's events and delivers them to the proxy's webhook.",
  sessionsHeading: "Checkout Sessions and payments",
  noSessions: "No Checkout Sessions yet: create a payment link from a kintone record.",
  eventsHeading: "Recent events",
  noEvents: "No events yet.",
  columns: {
    created: "Created",
    amount: "Amount",
    session: "Session",
    payment: "Payment",
    kintone: "kintone",
    actions: "Actions",
    when: "When",
    event: "Event",
    object: "Object",
  },
  expires: (when) => `expires ${when}`,
  refunded: (amount) => `refunded ${amount}`,
  dispute: (status) => `dispute ${status}`,
  record: (app, records) => `app ${app}, record ${records}`,
  openReturnPage: "open",
  openCheckoutPage: "Open checkout page",
  expireNow: "Expire now",
  konbiniPaid: "Konbini paid",
  konbiniFailed: "Konbini failed",
  refund: "Refund",
  refundAmount: (currency) => `Refund amount (${currency})`,
  openDispute: "Open dispute",
  winDispute: "Win dispute",
  loseDispute: "Lose dispute",
  settledPaid: (session) =>
    `The konbini payment of ${session} is paid (checkout.session.async_payment_succeeded).`,
  settledFailed: (session) =>
    `The konbini payment of ${session} failed (checkout.session.async_payment_failed).`,
  expired: (session) => `${session} expired (checkout.session.expired).`,
  refundDone: (amount, session) =>
    `Refunded ${amount} of ${session} (refund.created, charge.refunded).`,
  disputeOpened: (dispute, session) =>
    `Dispute ${dispute} opened on ${session} (charge.dispute.created).`,
  disputeClosed: (dispute, outcome) => `Dispute ${dispute} ${outcome} (charge.dispute.closed).`,
  refused: "Refused: Dashboard actions are taken from the Dashboard page itself.",
  nothingAt: (path) => `Nothing at ${path}.`,
  unknownAction: (route) => `Unknown Dashboard action ${route}.`,
  notAnAmount: (text, currency, digits) =>
    `"${text}" is not an amount in ${currency}` +
    (digits === 0 ? " (whole units)." : ` (at most ${digits} decimals).`),
  refundZero: "A refund must be more than zero.",
  outcome: (allowed) => `outcome must be ${allowed}.`,
  subscriptions: {
    heading: "Subscriptions",
    none: "No subscriptions yet: pay a subscription-mode payment link.",
    amountPerPeriod: "Amount",
    status: "Status",
    periodEnd: "Current period ends",
    customer: "Customer",
    cancelsAtPeriodEnd: "cancels at period end",
    nextRenewalFails: "next renewal fails",
    ended: (when) => `ended ${when}`,
    advanceMonth: "Advance 1 month",
    clockNow: (when) => ` The emulator's clock: ${when}.`,
    nextFails: "Next renewal fails",
    nextPays: "Next renewal pays",
    clockAdvanced: (when) =>
      `The clock moved one month, to ${when}; due renewals ran (invoice.paid or invoice.payment_failed).`,
    nextRenewalSet: (subscription, outcome) =>
      `The next renewal of ${subscription} will ${outcome === "pay" ? "be paid" : "fail"}.`,
  },
};

const JA: DashboardTexts = {
  htmlLang: "ja",
  title: "ダッシュボード - Stripe エミュレーター",
  heading: "Stripe エミュレーターのダッシュボード",
  testMode: "テストモード",
  intro:
    "Stripe のテストモードでできる操作です。どの操作も Stripe のイベントを作り、プロキシの Webhook に届けます。",
  sessionsHeading: "Checkout セッションと決済",
  noSessions:
    "Checkout セッションはまだありません。kintone のレコードから決済リンクを作成してください。",
  eventsHeading: "最近のイベント",
  noEvents: "イベントはまだありません。",
  columns: {
    created: "作成日時",
    amount: "金額",
    session: "セッション",
    payment: "決済",
    kintone: "kintone",
    actions: "操作",
    when: "日時",
    event: "イベント",
    object: "オブジェクト",
  },
  expires: (when) => `有効期限 ${when}`,
  refunded: (amount) => `返金済み ${amount}`,
  dispute: (status) => `申し立て ${status}`,
  record: (app, records) => `アプリ ${app}、レコード ${records}`,
  openReturnPage: "開く",
  openCheckoutPage: "支払いページを開く",
  expireNow: "今すぐ期限切れにする",
  konbiniPaid: "コンビニ入金済み",
  konbiniFailed: "コンビニ支払い失敗",
  refund: "返金",
  refundAmount: (currency) => `返金額(${currency})`,
  openDispute: "申し立てを起こす",
  winDispute: "申し立てに勝つ",
  loseDispute: "申し立てに負ける",
  settledPaid: (session) =>
    `${session} のコンビニ決済が入金されました (checkout.session.async_payment_succeeded)。`,
  settledFailed: (session) =>
    `${session} のコンビニ決済が失敗しました (checkout.session.async_payment_failed)。`,
  expired: (session) => `${session} を期限切れにしました (checkout.session.expired)。`,
  refundDone: (amount, session) =>
    `${session} から ${amount} を返金しました (refund.created, charge.refunded)。`,
  disputeOpened: (dispute, session) =>
    `${session} に申し立て ${dispute} を起こしました (charge.dispute.created)。`,
  disputeClosed: (dispute, outcome) =>
    `申し立て ${dispute} は${outcome === "won" ? "勝ち" : "負け"}で終わりました (charge.dispute.closed)。`,
  refused: "拒否しました。ダッシュボードの操作はダッシュボードのページから行ってください。",
  nothingAt: (path) => `${path} には何もありません。`,
  unknownAction: (route) => `不明な操作です: ${route}`,
  notAnAmount: (text, currency, digits) =>
    `「${text}」は ${currency} の金額ではありません` +
    (digits === 0 ? "(整数で入力してください)。" : `(小数点以下 ${digits} 桁まで)。`),
  refundZero: "返金額は 0 より大きくしてください。",
  outcome: (allowed) => `outcome は ${allowed} のいずれかです。`,
  subscriptions: {
    heading: "サブスクリプション",
    none: "サブスクリプションはまだありません。サブスクリプションの決済リンクで支払ってください。",
    amountPerPeriod: "金額",
    status: "状態",
    periodEnd: "現在の期間の終了",
    customer: "顧客",
    cancelsAtPeriodEnd: "期間終了で解約",
    nextRenewalFails: "次回の更新は失敗",
    ended: (when) => `終了 ${when}`,
    advanceMonth: "1か月進める",
    clockNow: (when) => ` エミュレーターの時計: ${when}`,
    nextFails: "次回の更新を失敗させる",
    nextPays: "次回の更新を成功させる",
    clockAdvanced: (when) =>
      `時計を1か月進めて ${when} にしました。期限の来た更新を行いました (invoice.paid または invoice.payment_failed)。`,
    nextRenewalSet: (subscription, outcome) =>
      `${subscription} の次回の更新は${outcome === "pay" ? "成功" : "失敗"}します。`,
  },
};

const TEXTS: Record<CheckoutLanguage, DashboardTexts> = { ja: JA, en: EN };

export function dashboardTexts(language: CheckoutLanguage): DashboardTexts {
  return TEXTS[language];
}
