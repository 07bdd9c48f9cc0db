/** The texts of the subscription issues, in English and Japanese, in the engine's style. */
import type { LocalizedMessage } from "../engine/issueMessages";

const quote = (value: string): string => {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value;
};

export const subscriptionIssueMessages = {
  invalidInterval: (field: string, value: string): LocalizedMessage => ({
    en: `"${quote(value)}" in "${field}" is not a billing interval; use day, week, month or year.`,
    ja: `「${field}」の「${quote(value)}」は請求間隔として使えません。day・week・month・year（日・週・月・年）のいずれかにしてください。`,
  }),

  intervalCountOutOfRange: (
    field: string,
    value: string,
    interval: string,
    max: number,
  ): LocalizedMessage => ({
    en: `The interval count "${quote(value)}" in "${field}" must be a whole number from 1 to ${max} for the interval "${interval}" (Stripe bills at most once a year).`,
    ja: `「${field}」の間隔数「${quote(value)}」は、請求間隔「${interval}」では 1〜${max} の整数にしてください（Stripe の請求間隔は最長 1 年です）。`,
  }),

  noRecurringLine: (): LocalizedMessage => ({
    en: "The plugin settings use subscription mode, but no line item is billed every period. Set the billing interval.",
    ja: "プラグイン設定は定期課金ですが、定期的に請求する明細がありません。請求間隔を設定してください。",
  }),

  recurringWithoutSubscription: (): LocalizedMessage => ({
    en: "The plugin settings give a billing interval, but the mode is a one-time payment. Choose subscription mode or remove the interval.",
    ja: "プラグイン設定に請求間隔がありますが、モードが 1 回払いです。定期課金を選ぶか、請求間隔を外してください。",
  }),

  tooManyRecurringLines: (
    kind: "recurring" | "oneTime",
    count: number,
    max: number,
  ): LocalizedMessage => ({
    en:
      kind === "recurring"
        ? `A subscription holds at most ${max} line items billed every period; this one would have ${count}. Select fewer records or rows.`
        : `A subscription checkout holds at most ${max} one-time line items; this one would have ${count}. Select fewer records or rows.`,
    ja:
      kind === "recurring"
        ? `1 つの定期課金に入れられる定期請求の明細は ${max} 件までですが、${count} 件あります。レコードや行を減らしてください。`
        : `定期課金の決済に入れられる 1 回払いの明細は ${max} 件までですが、${count} 件あります。レコードや行を減らしてください。`,
  }),

  mixedIntervals: (first: string, other: string): LocalizedMessage => ({
    en: `All line items of one subscription must be billed at the same interval; this checkout mixes "${first}" and "${other}". Create one checkout per record or align the intervals.`,
    ja: `1 つの定期課金の明細はすべて同じ請求間隔にする必要がありますが、この決済には「${first}」と「${other}」が混在しています。レコードごとに決済を作成するか、請求間隔をそろえてください。`,
  }),

  paymentMethodNotForSubscriptions: (key: string, methods: string): LocalizedMessage => ({
    en: `The payment method ${methods} ("${key}") takes one-time payments only, so it cannot be used for a subscription. Remove it or choose one-time payment.`,
    ja: `支払い方法 ${methods}（「${key}」）は 1 回払い専用のため、定期課金には使えません。外すか、1 回払いにしてください。`,
  }),

  optionNotForSubscriptions: (key: string): LocalizedMessage => ({
    en: `The setting "${key}" is for one-time payments only; Stripe refuses it for a subscription. Turn it off or choose one-time payment.`,
    ja: `「${key}」の設定は 1 回払い専用のため、定期課金では Stripe が受け付けません。オフにするか、1 回払いにしてください。`,
  }),
} as const;
