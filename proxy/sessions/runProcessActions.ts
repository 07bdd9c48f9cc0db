/**
 * After a session's change made it paid, expired or fully refunded: the process-management action
 * the mapping names for that change (`processActions`) is run on each record the session's state
 * belongs in, once. A record that cannot take it gets the reason in its `error` field; nothing is
 * tried again (the adapter's own retry of a busy kintone aside), since a status that does not
 * offer the action will not start offering it by itself.
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/update-status/
 */
import type { Logger } from "pino";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import type { Journal } from "../journal/Journal";
import type { JournalSession } from "../journal/SessionStore";
import type { RecordStore } from "../ports/RecordStore";
import { mappingWriteBackFields } from "../writeback/mappingWriteBackFields";
import type { RecordWrite, RecordWriter } from "../writeback/RecordWriter";
import { recordsShowingSession } from "../writeback/recordsShowingSession";
import { processActionMessage } from "./processActionMessage";
import { processTransitions } from "./processTransitions";

export interface ProcessActionDeps {
  journal: Journal;
  records: RecordStore;
  writer: RecordWriter;
  logger: Logger;
}

export async function runProcessActions(
  deps: ProcessActionDeps,
  previous: Pick<JournalSession, "status" | "paymentStatus">,
  session: JournalSession,
): Promise<void> {
  const parsed = parseMappingConfig(session.mappingJson);
  if (!parsed.ok || !parsed.mapping.processActions) return;
  const { mapping } = parsed;
  const actions = processTransitions(previous, session).flatMap((transition) => {
    const action = mapping.processActions?.[transition];
    return action ? [action] : [];
  });
  if (actions.length === 0) return;
  const failures: RecordWrite[] = [];
  for (const recordId of await recordsShowingSession(deps.journal, session, mapping)) {
    for (const action of actions) {
      try {
        await deps.records.runProcessAction(session.appId, recordId, action);
        deps.logger.info(
          { appId: session.appId, recordId, sessionId: session.sessionId, action },
          "process-management action run",
        );
      } catch (error) {
        deps.logger.warn(
          { err: error, appId: session.appId, recordId, sessionId: session.sessionId, action },
          "process-management action not run",
        );
        const fields = mappingWriteBackFields(mapping, {
          error: processActionMessage(action, error, mapping),
        });
        failures.push({ recordId, fields });
        // The next action of the same change would start from the status this one did not reach.
        break;
      }
    }
  }
  if (failures.length) await deps.writer.write(session.appId, failures);
}
