/**
 * Writes a subscription's journalled state into the records of the session that made it, with
 * that session's mapping, into the records that session's state belongs in.
 */
import type { Logger } from "pino";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSubscription } from "../journal/SubscriptionStore";
import type { RecordWriter } from "../writeback/RecordWriter";
import { recordsShowingSession } from "../writeback/recordsShowingSession";
import { subscriptionFields } from "../writeback/subscriptionFields";

export async function writeSubscriptionState(
  deps: { journal: Journal; writer: RecordWriter; logger: Logger },
  subscription: JournalSubscription,
): Promise<void> {
  const session = await deps.journal.sessions.get(subscription.sessionId);
  if (!session) return;
  const parsed = parseMappingConfig(session.mappingJson);
  if (!parsed.ok) {
    deps.logger.error({ sessionId: session.sessionId }, "journalled mapping no longer parses");
    return;
  }
  const fields = subscriptionFields(parsed.mapping, subscription);
  const recordIds = await recordsShowingSession(deps.journal, session, parsed.mapping);
  await deps.writer.write(
    session.appId,
    recordIds.map((recordId) => ({ recordId, fields })),
  );
}
