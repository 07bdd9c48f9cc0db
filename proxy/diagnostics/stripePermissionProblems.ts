/**
 * The restricted key's permissions as problems: one for each permission Stripe refused, with what
 * stops working and the grant to add, and one for each it could not be asked about ("could not
 * verify", never passed as fine).
 */
import type { PermissionCheck, StripePermissionResource } from "../ports/PaymentGateway";
import { help, say, type DiagnosticsLanguage } from "./problemLanguage";

/** What the proxy cannot do without the permission. */
const CONSEQUENCES: Record<StripePermissionResource, { en: string; ja: string }> = {
  "Checkout Sessions": {
    en: "payment links cannot be made, refreshed or expired",
    ja: "支払いリンクの作成・更新・失効ができません",
  },
  Products: {
    en: "lines with a product code cannot become Stripe products",
    ja: "商品コードのある明細を Stripe の商品にできません",
  },
  Files: {
    en: "product images cannot be uploaded",
    ja: "商品画像をアップロードできません",
  },
  "File Links": {
    en: "uploaded product images get no public URL",
    ja: "アップロードした商品画像に公開 URL を付けられません",
  },
  Events: {
    en: "events a webhook delivery missed are never caught up",
    ja: "Webhook で届かなかったイベントを後から取り込めません",
  },
  "Webhook Endpoints": {
    en: "the webhook endpoint cannot be checked",
    ja: "Webhook エンドポイントを確認できません",
  },
  Subscriptions: {
    en: "subscriptions cannot be read or canceled",
    ja: "サブスクリプションの確認・解約ができません",
  },
};

export function stripePermissionProblems(
  checks: readonly PermissionCheck[],
  language: DiagnosticsLanguage,
): string[] {
  return checks.flatMap((check) => {
    if (check.result === "granted") return [];
    const level = check.access === "write" ? "Write" : "Read";
    const levelJa = check.access === "write" ? "書き込み" : "読み取り";
    const consequence = CONSEQUENCES[check.resource];
    if (check.result === "denied") {
      return [
        say(language, {
          en: `The restricted key may not ${check.access} ${check.resource} (Stripe answered with a permission error), so ${consequence.en}: grant it "${check.resource}: ${level}" in the Stripe Dashboard (Developers → API keys).`,
          ja: `制限付きキーに ${check.resource} の${levelJa}権限がありません (Stripe が権限エラーを返しました)。このままでは${consequence.ja}。Stripe ダッシュボードの「開発者 → API キー」で、このキーに「${check.resource}: ${levelJa}」(${level}) を付与してください。`,
        }) + help("stripe-permission-missing", language),
      ];
    }
    const why = check.detail ? ` (${check.detail})` : "";
    return [
      say(language, {
        en: `Could not verify that the key may ${check.access} ${check.resource}${why}; if it may not, ${consequence.en}. Check that the key has "${check.resource}: ${level}" in the Stripe Dashboard, then test again.`,
        ja: `このキーに ${check.resource} の${levelJa}権限があるか確認できませんでした${why}。権限がなければ${consequence.ja}。Stripe ダッシュボードでこのキーに「${check.resource}: ${levelJa}」(${level}) があるか確かめてから、もう一度テストしてください。`,
      }) + help("stripe-permission-unverified", language),
    ];
  });
}
