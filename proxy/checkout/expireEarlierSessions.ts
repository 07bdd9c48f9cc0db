import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import { SessionNotOpenError } from "../errors/SessionNotOpenError";
import type { JournalSession } from "../journal/SessionStore";
import type { CheckoutSession } from "../ports/PaymentGateway";
import type { RecordWrite } from "../writeback/RecordWriter";
import { writeBackFields } from "../writeback/writeBackFields";
import type { SessionContext } from "./sessionContext";

/**
 * Expires the records' earlier open sessions (known from the journal), except `keep` (the session
 * this very request replays). Records of an expired session not in the new one learn it expired.
 */
export async function expireEarlierSessions(
  context: SessionContext,
  recordIds: string[],
  keep: string | null,
): Promise<{ ids: string[]; writes: RecordWrite[] }> {
  const { deps, appId } = context;
  const earlier = new Map<string, JournalSession>();
  for (const recordId of recordIds) {
    for (const session of deps.journal.sessions.findOpenForRecord(appId, recordId)) {
      if (session.sessionId !== keep) earlier.set(session.sessionId, session);
    }
  }
  const ids: string[] = [];
  const writes: RecordWrite[] = [];
  for (const session of earlier.values()) {
    let status: CheckoutSession["status"] = "expired";
    try {
      await deps.gateway.expireCheckoutSession(session.sessionId);
      ids.push(session.sessionId);
    } catch (error) {
      if (error instanceof SessionNotOpenError) {
        status = (error.details[0] as { status?: CheckoutSession["status"] })?.status ?? "expired";
      } else if (!(error instanceof SessionNotFoundError)) {
        throw error;
      }
    }
    deps.journal.sessions.updateState(session.sessionId, { status });
    const others = session.recordIds.filter((id) => !recordIds.includes(id));
    const mapping = parseMappingConfig(session.mappingJson);
    if (others.length && mapping.ok && status === "expired") {
      const fields = writeBackFields(mapping.mapping.writeBack, { status });
      writes.push(...others.map((recordId) => ({ recordId, fields })));
    }
  }
  return { ids, writes };
}
