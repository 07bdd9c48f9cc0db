/**
 * Every text an Issue carries, in English and Japanese, for a kintone user (not a developer):
 * they name the field by its code in 「」/"" and quote the offending value.
 */

export interface LocalizedMessage {
  en: string;
  ja: string;
}

/** Long values are cut so a message stays readable. */
function quote(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value;
}

const upper = (currency: string): string => currency.toUpperCase();

export const issueMessages = {
  emptySelection: (): LocalizedMessage => ({
    en: "No records are selected.",
    ja: "レコードが選択されていません。",
  }),

  recordMalformed: (position: number): LocalizedMessage => ({
    en: `Record #${position} could not be read (it has no record ID).`,
    ja: `${position} 件目のレコードを読み取れません（レコード ID がありません）。`,
  }),

  invalidMapping: (path: string, problem: string): LocalizedMessage => ({
    en: `The plugin settings are invalid at "${path}": ${problem}. Ask the app administrator to fix them.`,
    ja: `プラグイン設定の「${path}」が正しくありません（${problem}）。アプリ管理者に設定の修正を依頼してください。`,
  }),

  fieldNotFound: (field: string): LocalizedMessage => ({
    en: `The field "${field}" was not found in the record. Check the plugin settings.`,
    ja: `レコードに「${field}」フィールドが見つかりません。プラグイン設定を確認してください。`,
  }),

  placeholderNotFound: (field: string): LocalizedMessage => ({
    en: `The template refers to {{${field}}}, but the record has no such field.`,
    ja: `テンプレートの {{${field}}} に当たるフィールドがレコードにありません。`,
  }),

  fieldTypeUnsupported: (field: string, type: string): LocalizedMessage => ({
    en: `The field "${field}" (${type}) cannot be used here.`,
    ja: `「${field}」フィールド（${type}）はここでは使えません。`,
  }),

  fieldMalformed: (field: string): LocalizedMessage => ({
    en: `The value of the field "${field}" could not be read.`,
    ja: `「${field}」フィールドの値を読み取れません。`,
  }),

  required: (field: string): LocalizedMessage => ({
    en: `The field "${field}" is empty. Enter a value.`,
    ja: `「${field}」フィールドが空です。値を入力してください。`,
  }),

  emptyTable: (field: string): LocalizedMessage => ({
    en: `The table "${field}" has no rows, so there is nothing to charge.`,
    ja: `テーブル「${field}」に行がないため、請求する明細がありません。`,
  }),

  notANumber: (field: string, value: string): LocalizedMessage => ({
    en: `The value "${quote(value)}" of the field "${field}" is not a number (use digits and "." only, e.g. 1234.5).`,
    ja: `「${field}」フィールドの値「${quote(value)}」は数値ではありません（1234.5 のように数字と「.」だけで入力してください）。`,
  }),

  negativePrice: (field: string, value: string): LocalizedMessage => ({
    en: `The price "${quote(value)}" in the field "${field}" is negative.`,
    ja: `「${field}」フィールドの価格「${quote(value)}」がマイナスです。`,
  }),

  tooManyDecimals: (
    field: string,
    value: string,
    currency: string,
    decimals: number,
  ): LocalizedMessage => ({
    en: `The value "${quote(value)}" of the field "${field}" has too many decimal places (${upper(currency)} allows ${decimals}).`,
    ja: `「${field}」フィールドの値「${quote(value)}」は小数点以下の桁数が多すぎます（${upper(currency)} は ${decimals} 桁まで）。`,
  }),

  minorUnitsNotInteger: (field: string, value: string, currency: string): LocalizedMessage => ({
    en: `The value "${quote(value)}" of the field "${field}" must be a whole number of ${upper(currency)} minor units.`,
    ja: `「${field}」フィールドの値「${quote(value)}」は ${upper(currency)} の最小単位の整数で入力してください。`,
  }),

  stepNotMet: (field: string, value: string, currency: string, step: number): LocalizedMessage => ({
    en: `Stripe accepts ${upper(currency)} amounts only in steps of ${step} minor units; "${quote(value)}" in the field "${field}" is not one.`,
    ja: `Stripe では ${upper(currency)} の金額は最小単位 ${step} 刻みでしか扱えません。「${field}」フィールドの値「${quote(value)}」は使えません。`,
  }),

  priceAboveMaximum: (field: string, value: string, maximum: string): LocalizedMessage => ({
    en: `The price "${quote(value)}" in the field "${field}" is above Stripe's maximum of ${maximum}.`,
    ja: `「${field}」フィールドの価格「${quote(value)}」は Stripe の上限 ${maximum} を超えています。`,
  }),

  quantityNotInteger: (field: string, value: string): LocalizedMessage => ({
    en: `The quantity "${quote(value)}" in the field "${field}" must be a whole number.`,
    ja: `「${field}」フィールドの数量「${quote(value)}」は整数で入力してください。`,
  }),

  quantityOutOfRange: (
    field: string,
    value: string,
    min: number,
    max: number,
  ): LocalizedMessage => ({
    en: `The quantity "${quote(value)}" in the field "${field}" must be between ${min} and ${max}.`,
    ja: `「${field}」フィールドの数量「${quote(value)}」は ${min} 以上 ${max} 以下にしてください。`,
  }),

  adjustableRangeInverted: (
    minField: string,
    maxField: string,
    min: number,
    max: number,
  ): LocalizedMessage => ({
    en: `The maximum quantity ${max} ("${maxField}") is smaller than the minimum quantity ${min} ("${minField}").`,
    ja: `最大数量 ${max}（「${maxField}」）が最小数量 ${min}（「${minField}」）より小さくなっています。`,
  }),

  quantityOutsideAdjustable: (
    field: string,
    quantity: number,
    min: number,
    max: number,
  ): LocalizedMessage => ({
    en: `The quantity ${quantity} ("${field}") is outside the range the buyer may choose (${min} to ${max}).`,
    ja: `数量 ${quantity}（「${field}」）が購入者の変更できる範囲（${min}〜${max}）の外にあります。`,
  }),

  unknownCurrency: (field: string, value: string): LocalizedMessage => ({
    en: `"${quote(value)}" (${field}) is not a currency Stripe supports. Use a 3-letter code such as JPY or USD.`,
    ja: `「${quote(value)}」（${field}）は Stripe で使える通貨ではありません。JPY や USD のような 3 文字の通貨コードにしてください。`,
  }),

  currencyMismatch: (field: string, value: string, expected: string): LocalizedMessage => ({
    en: `The currency ${upper(value)} ("${field}") differs from ${upper(expected)} used by the other items of the same checkout. One checkout has one currency.`,
    ja: `通貨 ${upper(value)}（「${field}」）が、同じ決済の他の明細の通貨 ${upper(expected)} と異なります。1 つの決済で使える通貨は 1 つです。`,
  }),

  totalBelowMinimum: (total: string, minimum: string, currency: string): LocalizedMessage => ({
    en: `The total ${total} ${upper(currency)} is below Stripe's minimum charge of ${minimum} ${upper(currency)}.`,
    ja: `合計 ${total} ${upper(currency)} が Stripe の最低決済金額 ${minimum} ${upper(currency)} を下回っています。`,
  }),

  totalAboveMaximum: (total: string, maximum: string, currency: string): LocalizedMessage => ({
    en: `The total ${total} ${upper(currency)} is above Stripe's maximum of ${maximum} ${upper(currency)}.`,
    ja: `合計 ${total} ${upper(currency)} が Stripe の上限 ${maximum} ${upper(currency)} を超えています。`,
  }),

  tooManyLineItems: (count: number, max: number): LocalizedMessage => ({
    en: `One checkout can hold at most ${max} line items; this one would have ${count}. Select fewer records or rows.`,
    ja: `1 つの決済に入れられる明細は ${max} 件までですが、${count} 件あります。レコードや行を減らしてください。`,
  }),

  notAnImage: (field: string, index: number, name: string, accepted: string): LocalizedMessage => ({
    en: `File #${index + 1} "${quote(name)}" in the field "${field}" is not an image Stripe can show (${accepted}).`,
    ja: `「${field}」フィールドの ${index + 1} 番目のファイル「${quote(name)}」は商品画像に使える形式（${accepted}）ではありません。`,
  }),

  imageNotFound: (field: string, index: number, count: number): LocalizedMessage => ({
    en: `The field "${field}" has ${count} file(s), so there is no file #${index + 1} to use as the image.`,
    ja: `「${field}」フィールドのファイルは ${count} 件のため、画像に使う ${index + 1} 番目のファイルがありません。`,
  }),

  tooLong: (field: string, length: number, max: number): LocalizedMessage => ({
    en: `The value of "${field}" is ${length} characters long; at most ${max} are allowed.`,
    ja: `「${field}」の値が ${length} 文字あります。${max} 文字以内にしてください。`,
  }),

  recordIdsTooLong: (count: number, max: number): LocalizedMessage => ({
    en: `The record IDs of this checkout (${count} records) do not fit in ${max} characters. Select fewer records or create one checkout per record.`,
    ja: `この決済のレコード ID（${count} 件）が ${max} 文字に収まりません。レコードを減らすか、レコードごとに決済を作成してください。`,
  }),

  invalidEmail: (field: string, value: string): LocalizedMessage => ({
    en: `"${quote(value)}" in the field "${field}" is not a valid e-mail address.`,
    ja: `「${field}」フィールドの「${quote(value)}」はメールアドレスとして正しくありません。`,
  }),

  invalidUrl: (element: string, value: string): LocalizedMessage => ({
    en: `The "${element}" value "${quote(value)}" is not a valid http(s) URL once filled in from the record.`,
    ja: `レコードの値を入れた「${element}」の「${quote(value)}」が正しい http(s) の URL になりません。`,
  }),

  urlTooLong: (element: string, length: number, max: number): LocalizedMessage => ({
    en: `The "${element}" is ${length} characters long once filled in; Stripe accepts at most ${max}.`,
    ja: `レコードの値を入れた「${element}」が ${length} 文字になります。Stripe で使えるのは ${max} 文字までです。`,
  }),

  // checkout options
  paymentMethodCurrency: (method: string, field: string, currency: string): LocalizedMessage => ({
    en: `The payment method ${method} takes JPY only, but this checkout is in ${upper(currency)} ("${field}").`,
    ja: `支払い方法 ${method} は JPY でしか使えませんが、この決済の通貨は ${upper(currency)}（「${field}」）です。`,
  }),

  invalidPriceId: (field: string, value: string): LocalizedMessage => ({
    en: `"${quote(value)}" in "${field}" is not a Stripe price ID (price_…).`,
    ja: `「${field}」の「${quote(value)}」は Stripe の価格 ID（price_…）ではありません。`,
  }),

  priceNotFound: (field: string, value: string): LocalizedMessage => ({
    en: `Stripe has no price "${quote(value)}" ("${field}").`,
    ja: `Stripe に価格「${quote(value)}」（「${field}」）がありません。`,
  }),

  priceUnsupported: (field: string, value: string, reason: string): LocalizedMessage => ({
    en: `The Stripe price "${quote(value)}" ("${field}") cannot be charged once here: ${reason}.`,
    ja: `Stripe の価格「${quote(value)}」（「${field}」）はここでは使えません（${reason}）。`,
  }),

  invalidCustomerId: (field: string, value: string): LocalizedMessage => ({
    en: `"${quote(value)}" in "${field}" is not a Stripe customer ID (cus_…).`,
    ja: `「${field}」の「${quote(value)}」は Stripe の顧客 ID（cus_…）ではありません。`,
  }),

  unexpected: (): LocalizedMessage => ({
    en: "These records could not be checked because of an unexpected error. Nothing was charged.",
    ja: "予期しないエラーのため、レコードを確認できませんでした。決済は作成されていません。",
  }),
} as const;

/** Prefixes a message with the 1-based subtable row it is about. */
export function inRow(row: number | undefined, message: LocalizedMessage): LocalizedMessage {
  if (row === undefined) return message;
  return { en: `Row ${row}: ${message.en}`, ja: `${row} 行目: ${message.ja}` };
}
