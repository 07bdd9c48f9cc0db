/**
 * A record paid through two sessions, one of which is then refunded in full (the decision its
 * `error` field asked for): the record shows the payment it keeps again, with that session's state,
 * and the paid-twice text is cleared. A record still holding two payments, or none, is left alone.
 */
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { RecordWriter } from "../writeback/RecordWriter";
import { mappingWriteBackFields } from "../writeback/mappingWriteBackFields";
import { holdsPayment } from "../writeback/recordsShowingSession";
import { sessionWriteBackState } from "../writeback/sessionWriteBackState";

export async function showKeptPayment(
  deps: { journal: Journal; writer: RecordWriter },
  previous: JournalSession,
  session: JournalSession,
): Promise<void> {
  if (!holdsPayment(previous) || holdsPayment(session)) return;
  for (const recordId of session.recordIds) {
    const kept = (await deps.journal.sessions.listForRecord(session.appId, recordId)).filter((s) =>
      holdsPayment(s),
    );
    const [remaining] = kept;
    if (!remaining || kept.length !== 1) continue;
    const parsed = parseMappingConfig(remaining.mappingJson);
    if (!parsed.ok || parsed.mapping.allowRepeatPayment) continue;
    const state = { ...sessionWriteBackState(remaining), error: "" };
    await deps.writer.write(session.appId, [
      { recordId, fields: mappingWriteBackFields(parsed.mapping, state) },
    ]);
  }
}
