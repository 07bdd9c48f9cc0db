/**
 * Writes a session's state into its records, the way sync, expire and webhooks all do: with the
 * mapping the session was made with, and only into the records it belongs in
 * (`recordsShowingSession`: a replaced session must not overwrite its successor's state, a
 * payment on any session reaches the record).
 */
import type { Logger } from "pino";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { RecordWriter } from "./RecordWriter";
import { recordsShowingSession } from "./recordsShowingSession";
import { mappingWriteBackFields } from "./mappingWriteBackFields";
import type { WriteBackState } from "./writeBackFields";
import { subscriptionFields } from "./subscriptionFields";

export async function writeSessionState(
  deps: { journal: Journal; writer: RecordWriter; logger: Logger },
  session: JournalSession,
  state: WriteBackState,
): Promise<void> {
  const parsed = parseMappingConfig(session.mappingJson);
  if (!parsed.ok) {
    deps.logger.error({ sessionId: session.sessionId }, "journalled mapping no longer parses");
    return;
  }
  // A subscription's renewals are newer than its session: the records keep their state.
  const subscription = await deps.journal.subscriptions.getForSession(session.sessionId);
  const fields = {
    ...mappingWriteBackFields(parsed.mapping, state),
    ...(subscription ? subscriptionFields(parsed.mapping, subscription) : {}),
  };
  const recordIds = await recordsShowingSession(deps.journal, session, parsed.mapping);
  await deps.writer.write(
    session.appId,
    recordIds.map((recordId) => ({ recordId, fields })),
  );
}
