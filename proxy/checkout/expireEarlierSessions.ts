import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../errors/SessionNotOpenError";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutSession } from "../ports/PaymentGateway";
import type { RecordWrite } from "../writeback/RecordWriter";
import { mappingWriteBackFields } from "../writeback/mappingWriteBackFields";
import type { SessionContext } from "./sessionContext";
import type { AlreadyPaidDetail } from "../../core/api/proxyApi";
import { RecordAlreadyPaidError } from "../errors/RecordAlreadyPaidError";
import { recordSessionState } from "../sessions/syncCheckout";

/**
 * Expires the records' earlier open sessions (known from the journal), except `keep` (the session
 * this very request replays). Records of an expired session not in the new one learn it expired.
 * An earlier session Stripe says is already complete (the buyer paid a moment ago, its webhook not
 * here yet) is read from Stripe into the journal and its records, and — unless the app bills
 * repeatedly — no new session is made: RECORD_ALREADY_PAID.
 */
export async function expireEarlierSessions(
  context: SessionContext,
  recordIds: string[],
  keep: string | null,
): Promise<{ ids: string[]; writes: RecordWrite[] }> {
  const { deps, appId } = context;
  const earlier = new Map<string, JournalSession>();
  for (const recordId of recordIds) {
    for (const session of await deps.journal.sessions.findOpenForRecord(appId, recordId)) {
      if (session.sessionId !== keep) earlier.set(session.sessionId, session);
    }
  }
  const ids: string[] = [];
  const writes: RecordWrite[] = [];
  const paid: AlreadyPaidDetail[] = [];
  for (const session of earlier.values()) {
    let status: CheckoutSession["status"] = "expired";
    try {
      await deps.gateway.expireCheckoutSession(session.sessionId);
      ids.push(session.sessionId);
    } catch (error) {
      if (error instanceof SessionNotOpenError) {
        status = (error.details[0] as { status?: CheckoutSession["status"] })?.status ?? "expired";
        const completed = status === "complete" ? await readCompleted(context, session) : [];
        paid.push(...completed.filter((p) => recordIds.includes(p.recordId)));
        if (completed.length) continue;
      } else if (!(error instanceof SessionNotFoundError)) {
        throw error;
      }
    }
    await deps.journal.sessions.updateState(session.sessionId, { status });
    const others = session.recordIds.filter((id) => !recordIds.includes(id));
    const mapping = parseMappingConfig(session.mappingJson);
    if (others.length && mapping.ok && status === "expired") {
      const fields = mappingWriteBackFields(mapping.mapping, { status });
      writes.push(...others.map((recordId) => ({ recordId, fields })));
    }
  }
  if (paid.length && !context.mapping.allowRepeatPayment) {
    await deps.writer.write(appId, writes);
    throw new RecordAlreadyPaidError(paid);
  }
  return { ids, writes };
}

/** Stripe's copy of a session found complete, applied to the journal and its records. */
async function readCompleted(
  context: SessionContext,
  session: JournalSession,
): Promise<AlreadyPaidDetail[]> {
  const stripeSession = await context.deps.gateway.retrieveCheckoutSession(session.sessionId);
  if (!stripeSession) return [];
  const view = await recordSessionState(context.deps, stripeSession);
  return session.recordIds.map((recordId) => ({
    recordId,
    sessionId: session.sessionId,
    paymentStatus: view.paymentStatus,
  }));
}
