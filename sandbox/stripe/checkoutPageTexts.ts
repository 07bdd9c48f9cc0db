/**
 * The hosted checkout page's words in the languages the emulator speaks, and dates as people
 * read them. Stripe shows Checkout in the session's `locale`, and with `auto` (or none) in the
 * browser's language (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale);
 * the emulator speaks Japanese and English and falls back to English for every other locale.
 */

export type CheckoutLanguage = "ja" | "en";

export interface CheckoutPageTexts {
  htmlLang: string;
  title: (amount: string) => string;
  heading: string;
  testMode: string;
  quantity: string;
  quantityOf: (name: string) => string;
  totalDue: string;
  email: string;
  payWithCard: string;
  payWithKonbini: string;
  konbiniHint: string;
  dashboardLink: string;
  cancel: string;
  expireNow: string;
  expires: (when: string) => string;
  expiredTitle: string;
  expiredMessage: string;
  completeTitle: string;
  completePaid: string;
  completeUnpaid: string;
  cancelledTitle: string;
  cancelledMessage: string;
  notFoundTitle: string;
  sessionNotFound: string;
  unknownAction: string;
  /** The buyer's fields (name, phone, addresses and their parts). */
  buyer: BuyerFieldTexts;
  optional: string;
}

export interface BuyerFieldTexts {
  name: string;
  phone: string;
  billingAddress: string;
  shippingAddress: string;
  country: string;
  postalCode: string;
  state: string;
  city: string;
  line1: string;
  line2: string;
}

const EN: CheckoutPageTexts = {
  htmlLang: "en",
  title: (amount) => `Pay ${amount}`,
  heading: "Stripe Checkout emulator",
  testMode: "TEST MODE",
  quantity: "Qty",
  quantityOf: (name) => `Quantity of ${name}`,
  totalDue: "Total due",
  email: "Email",
  payWithCard: "Pay with card",
  payWithKonbini: "Pay with konbini (settles later)",
  konbiniHint:
    "Konbini completes the order now; the payment arrives when the buyer pays at the store. Settle or fail it from the emulator's Dashboard.",
  dashboardLink: "Open the emulator's Dashboard",
  cancel: "Cancel",
  expireNow: "Emulator: let this session expire now",
  expires: (when) => `Expires ${when}`,
  expiredTitle: "This checkout session has expired",
  expiredMessage: "Ask the seller for a new payment link.",
  completeTitle: "Checkout complete",
  completePaid: "This payment has already been completed. Thank you!",
  completeUnpaid: "Your order is complete; the payment will be confirmed once it settles.",
  cancelledTitle: "Checkout cancelled",
  cancelledMessage: "You can close this page.",
  notFoundTitle: "Checkout session not found",
  sessionNotFound: "This link is not valid.",
  unknownAction: "Unknown checkout action.",
  buyer: {
    name: "Name",
    phone: "Phone",
    billingAddress: "Billing address",
    shippingAddress: "Shipping address",
    country: "Country",
    postalCode: "Postal code",
    state: "State / prefecture",
    city: "City",
    line1: "Address line 1",
    line2: "Address line 2",
  },
  optional: "optional",
};

const JA: CheckoutPageTexts = {
  htmlLang: "ja",
  title: (amount) => `${amount} のお支払い`,
  heading: "Stripe Checkout エミュレーター",
  testMode: "テストモード",
  quantity: "数量",
  quantityOf: (name) => `${name} の数量`,
  totalDue: "お支払い合計",
  email: "メールアドレス",
  payWithCard: "カードで支払う",
  payWithKonbini: "コンビニで支払う（あとで入金）",
  konbiniHint:
    "コンビニ決済では注文はすぐ完了し、購入者が店頭で支払うと入金されます。入金・失敗はエミュレーターのダッシュボードから操作できます。",
  dashboardLink: "エミュレーターのダッシュボードを開く",
  cancel: "キャンセル",
  expireNow: "エミュレーター: このセッションを今すぐ期限切れにする",
  expires: (when) => `有効期限 ${when}`,
  expiredTitle: "この支払いページは有効期限が切れています",
  expiredMessage: "販売者に新しい支払いリンクを依頼してください。",
  completeTitle: "お支払い手続きが完了しました",
  completePaid: "このお支払いはすでに完了しています。ありがとうございました。",
  completeUnpaid: "ご注文は完了しました。入金が確認されるとお支払いが確定します。",
  cancelledTitle: "お支払いを取り消しました",
  cancelledMessage: "このページは閉じてかまいません。",
  notFoundTitle: "支払いページが見つかりません",
  sessionNotFound: "このリンクは無効です。",
  unknownAction: "不明な操作です。",
  buyer: {
    name: "氏名",
    phone: "電話番号",
    billingAddress: "請求先住所",
    shippingAddress: "配送先住所",
    country: "国",
    postalCode: "郵便番号",
    state: "都道府県",
    city: "市区町村",
    line1: "番地",
    line2: "建物名・部屋番号",
  },
  optional: "任意",
};

const TEXTS: Record<CheckoutLanguage, CheckoutPageTexts> = { ja: JA, en: EN };

export function checkoutPageTexts(language: CheckoutLanguage): CheckoutPageTexts {
  return TEXTS[language];
}

/** The first of the browser's languages (by q-value) the emulator speaks, else English. */
export function languageFromAcceptLanguage(header: string | undefined): CheckoutLanguage {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== "" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "ja" || primary === "en") return primary;
  }
  return "en";
}

/** The session's locale decides; `auto` or none follows the browser. */
export function checkoutLanguage(
  sessionLocale: string | null,
  acceptLanguage: string | undefined,
): CheckoutLanguage {
  if (sessionLocale === null || sessionLocale === "auto") {
    return languageFromAcceptLanguage(acceptLanguage);
  }
  return sessionLocale.toLowerCase().split("-")[0] === "ja" ? "ja" : "en";
}

/**
 * "2026年12月8日 14:30" / "Dec 8, 2026, 2:30 PM" in `timeZone` (default the machine's, which is
 * the sandbox's). ICU's narrow no-break space before AM/PM becomes a plain space.
 */
export function formatDateTime(
  epochSeconds: number,
  language: CheckoutLanguage,
  timeZone?: string,
): string {
  const format = new Intl.DateTimeFormat(language === "ja" ? "ja-JP" : "en-US", {
    dateStyle: language === "ja" ? "long" : "medium",
    timeStyle: "short",
    timeZone,
  });
  return format.format(new Date(epochSeconds * 1000)).replace(/\u202f/g, " ");
}
