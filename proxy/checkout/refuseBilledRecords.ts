/**
 * The paid guard: a record already billed gets no new link, whoever asks (the plugin, a script, a
 * job), before anything reaches Stripe. Billed: one of the record's sessions holds its payment
 * (paid, partially refunded, disputed…) or is complete and still unpaid — a konbini or bank
 * transfer payment on its way (https://docs.stripe.com/payments/checkout/async-payments). A fully
 * refunded, failed, expired or unpaid record may be billed again; `allowRepeatPayment` lifts the
 * guard for records billed again and again (monthly fees). A subscription session bills its record
 * until its subscription is canceled (`withoutEndedSubscriptions`). The guard reads the journal, which holds
 * the states as codes, so an app's own status texts (`statusLabels`) cannot mislead it.
 */
import { BILLED_PAYMENT_STATUSES, type AlreadyPaidDetail } from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import { RecordAlreadyPaidError } from "../errors/RecordAlreadyPaidError";
import { withoutEndedSubscriptions } from "../subscriptions/withoutEndedSubscriptions";

export function billsRecord(session: Pick<JournalSession, "status" | "paymentStatus">): boolean {
  if (session.status !== "complete") return false;
  return (
    session.paymentStatus === "unpaid" ||
    (BILLED_PAYMENT_STATUSES as readonly string[]).includes(session.paymentStatus)
  );
}

/** Throws RECORD_ALREADY_PAID naming every billed record of these, with its newest billing session. */
export async function refuseBilledRecords(
  journal: Journal,
  appId: string,
  mapping: Pick<MappingConfig, "allowRepeatPayment">,
  recordIds: readonly string[],
): Promise<void> {
  if (mapping.allowRepeatPayment) return;
  const billed: AlreadyPaidDetail[] = [];
  for (const recordId of recordIds) {
    const sessions = (await journal.sessions.listCompleteForRecord(appId, recordId)).filter(
      billsRecord,
    );
    // A subscription session bills while its subscription runs, no more once it ended.
    const billing = await withoutEndedSubscriptions(journal, sessions);
    const newest = billing[billing.length - 1];
    if (newest) {
      billed.push({ recordId, sessionId: newest.sessionId, paymentStatus: newest.paymentStatus });
    }
  }
  if (billed.length) throw new RecordAlreadyPaidError(billed);
}
