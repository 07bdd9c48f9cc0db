/**
 * The period a preview session's total is billed at: its lines' common period when every line
 * recurs; undefined for a one-time session, or one whose first payment also holds one-time lines.
 */
import type { PreviewSession, Recurring } from "../../core/api/proxyApi";

export function sessionPeriod(session: PreviewSession): Recurring | undefined {
  const first = session.lineItems[0]?.recurring;
  if (!first) return undefined;
  const same = session.lineItems.every(
    ({ recurring }) =>
      recurring?.interval === first.interval && recurring.intervalCount === first.intervalCount,
  );
  return same ? first : undefined;
}
