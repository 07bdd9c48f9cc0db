/**
 * The Stripe adapter's problems with the key itself (its format, Stripe refusing it, Stripe out of
 * reach) in the caller's language, recognised by the section they link to; a problem that links
 * to none gets the general section.
 */
import { help, TROUBLESHOOTING_DOC, type DiagnosticsLanguage } from "./problemLanguage";

const IN_JAPANESE: Record<string, string> = {
  "stripe-key-format":
    "STRIPE_API_KEY が制限付きキー (rk_…) でもシークレットキー (sk_…) でもありません。Stripe ダッシュボードで制限付きキーを作成してください。",
  "stripe-key-rejected":
    "Stripe が STRIPE_API_KEY を拒否しました。キーが間違っているか、無効化されたか、期限切れです。Stripe ダッシュボードで新しい制限付きキーを作成してください。",
};

const LINK = / → docs\/en\/troubleshooting\.md#([\w-]+)$/;

export function keyProblemInLanguage(problem: string, language: DiagnosticsLanguage): string {
  const anchor = LINK.exec(problem)?.[1];
  if (anchor === undefined) {
    return problem.includes(`${TROUBLESHOOTING_DOC}#`)
      ? problem
      : `${problem}${help("diagnostics", language)}`;
  }
  if (language === "en") return problem;
  const text = IN_JAPANESE[anchor];
  const sentence = problem.replace(LINK, "");
  // Stripe's own words (out of reach, refused) stay as they came, after a Japanese lead-in.
  return `${text ?? `Stripe のキーを確認できませんでした: ${sentence}`}${help(anchor, language)}`;
}
