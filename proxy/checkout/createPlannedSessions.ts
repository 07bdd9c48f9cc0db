import type { CreatedSession } from "../../core/api/proxyApi";
import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import { mapWithConcurrency } from "../concurrency/ConcurrencyLimit";
import type { RecordWrite } from "../writeback/RecordWriter";
import { createOneSession } from "./createOneSession";
import type { SessionContext } from "./sessionContext";

/** Sessions created at once for one request (grouping "perRecord"). */
const SESSION_CONCURRENCY = 4;
/**
 * A made session's write-back is journalled as owed before it is tried, due this long after (the
 * request writes it long before; a restart delivers it at once).
 */
const OWED_WRITE_BACK_GRACE_MS = 60_000;

/**
 * Creates the planned sessions and writes them into their records. A failed session writes
 * nothing: the caller sees the (first) error, and the records keep the revisions it knows, so the
 * same request can simply be sent again; the sessions made meanwhile stay made and written.
 */
export async function createPlannedSessions(
  context: SessionContext,
  sessions: PlannedSession[],
): Promise<CreatedSession[]> {
  const { deps, appId } = context;
  const outcomes = await mapWithConcurrency(sessions, SESSION_CONCURRENCY, (planned) =>
    createOneSession(context, planned).then(
      async (created) => {
        // Owed from now on: should the process die before the write below, the write-back retry
        // loop of the next start delivers it (the write below clears it when kintone takes it).
        const dueBy = new Date(deps.now().getTime() + OWED_WRITE_BACK_GRACE_MS);
        for (const write of created.writes) {
          await deps.journal.writeBacks.add(
            appId,
            write.recordId,
            write.fields,
            "not written yet",
            dueBy,
          );
        }
        return { ok: true as const, created };
      },
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );

  // A record of this request gets its new session's state, never an older session's "expired".
  const requested = new Set(sessions.flatMap((s) => s.recordIds));
  const writes: RecordWrite[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    writes.push(...outcome.created.replacedWrites.filter((w) => !requested.has(w.recordId)));
    writes.push(...outcome.created.writes);
  }
  // kintone trouble here does not undo the sessions: what fails is journalled and retried.
  await deps.writer.write(appId, writes);

  const failure = outcomes.find((o) => !o.ok);
  if (failure) throw failure.error;
  return outcomes.flatMap((o) => (o.ok ? [o.created.session] : []));
}
