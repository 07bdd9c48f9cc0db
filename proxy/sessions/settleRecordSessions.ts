/**
 * After a session of a record took a payment: the record's other open sessions are expired in
 * Stripe (and journalled so), so the buyer cannot pay twice; a record that was paid through two
 * sessions anyway (both links paid before either webhook came) gets that in its `error` field.
 * Records whose mapping allows repeat payments are billed again on purpose and left alone.
 * https://docs.stripe.com/api/checkout/sessions/expire
 */
import type { Logger } from "pino";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../errors/SessionNotOpenError";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { PaymentGateway, SessionStatus } from "../ports/PaymentGateway";
import type { RecordWriter } from "../writeback/RecordWriter";
import { writeBackFields } from "../writeback/writeBackFields";
import { paidTwiceMessage } from "./paidTwiceMessage";

export interface SettleDeps {
  journal: Journal;
  gateway: PaymentGateway;
  writer: RecordWriter;
  logger: Logger;
}

export async function settleRecordSessions(deps: SettleDeps, paid: JournalSession): Promise<void> {
  const parsed = parseMappingConfig(paid.mappingJson);
  if (!parsed.ok || parsed.mapping.allowRepeatPayment) return;
  await expireOtherOpenSessions(deps, paid);
  const paidTwice = (await deps.journal.sessions.findRecordsPaidMoreThanOnce(paid.appId))
    .filter((entry) => paid.recordIds.includes(entry.recordId))
    .filter((entry) => entry.sessions.some((s) => s.sessionId === paid.sessionId));
  if (paidTwice.length === 0 || !parsed.mapping.writeBack.error) return;
  deps.logger.warn(
    {
      appId: paid.appId,
      records: paidTwice.map((e) => ({ recordId: e.recordId, sessions: sessionIds(e.sessions) })),
    },
    "record paid through more than one session: a refund decision is needed",
  );
  await deps.writer.write(
    paid.appId,
    paidTwice.map((entry) => ({
      recordId: entry.recordId,
      fields: writeBackFields(parsed.mapping.writeBack, {
        error: paidTwiceMessage(sessionIds(entry.sessions), parsed.mapping),
      }),
    })),
  );
}

async function expireOtherOpenSessions(deps: SettleDeps, paid: JournalSession): Promise<void> {
  const others = new Map<string, JournalSession>();
  for (const recordId of paid.recordIds) {
    for (const open of await deps.journal.sessions.findOpenForRecord(paid.appId, recordId)) {
      if (open.sessionId !== paid.sessionId) others.set(open.sessionId, open);
    }
  }
  for (const other of others.values()) {
    const status = await expireInStripe(deps.gateway, other.sessionId);
    // A session paid meanwhile is left to its own events, which find the record paid twice.
    if (status !== "expired") continue;
    await deps.journal.sessions.updateState(other.sessionId, { status: "expired" });
    deps.logger.info(
      { sessionId: other.sessionId, paidSessionId: paid.sessionId },
      "open session of a paid record expired",
    );
  }
}

/** The session's status once it can take no payment: expired now, or as Stripe says it ended. */
async function expireInStripe(gateway: PaymentGateway, sessionId: string): Promise<SessionStatus> {
  try {
    await gateway.expireCheckoutSession(sessionId);
    return "expired";
  } catch (error) {
    if (error instanceof SessionNotOpenError) {
      return (error.details[0] as { status?: SessionStatus } | undefined)?.status ?? "expired";
    }
    if (error instanceof SessionNotFoundError) return "expired";
    throw error;
  }
}

function sessionIds(sessions: JournalSession[]): string[] {
  return sessions.map((s) => s.sessionId);
}
