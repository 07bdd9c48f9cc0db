/**
 * The `error` field's text for a record paid through more than one session: in the mapping's
 * language when its checkout locale names one, else in both (the reader may be either).
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";

export function paidTwiceMessage(
  sessionIds: string[],
  mapping: Pick<MappingConfig, "locale">,
): string {
  const list = sessionIds.join(", ");
  const en = `Paid more than once (sessions ${list}): decide which payment to refund in Stripe.`;
  const ja = `二重に支払われています（セッション ${list}）。Stripe でどの支払いを返金するか決めてください。`;
  const locale = mapping.locale ?? "";
  if (locale === "ja") return ja;
  if (locale.startsWith("en")) return en;
  return `${ja}\n${en}`;
}
