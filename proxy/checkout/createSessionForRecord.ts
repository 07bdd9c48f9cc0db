import type { CreatedSession } from "../../core/api/proxyApi";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import type { RecordWrite } from "../writeback/RecordWriter";
import { createOneSession } from "./createOneSession";
import { knownPrices } from "./knownPrices";
import { planSessions, type Language } from "./planSessions";
import { refuseBilledRecords } from "./refuseBilledRecords";
import { createSessionContext } from "./sessionContext";

/**
 * One session for one record already read: a job's unit of work (`/v1/jobs`). Planned, its
 * images prepared, created under the same intent key as a `/v1/checkouts` request for that
 * record, revision and mapping (so a retry after a crash gets the same session, and the record's
 * lock keeps it to one open session). Nothing is written back: the caller batches the writes.
 * Fails as createCheckouts does (ValidationFailedError, UpstreamError, …).
 */
export async function createSessionForRecord(
  deps: UseCaseDeps,
  input: { appId: string; mapping: MappingConfig; record: KintoneRecord; language?: Language },
): Promise<{ session: CreatedSession; replacedWrites: RecordWrite[] }> {
  const { appId, mapping, record } = input;
  await refuseBilledRecords(deps.journal, appId, mapping, [String(record.$id?.value)]);
  const prices = await knownPrices(deps, [record], mapping);
  const sessions = planSessions([record], mapping, input.language, { prices });
  const [planned] = sessions;
  if (!planned || sessions.length !== 1) {
    throw new Error("one record must plan exactly one session");
  }
  const context = await createSessionContext(deps, { appId, mapping, records: [record], sessions });
  const created = await createOneSession(context, planned);
  return { session: created.session, replacedWrites: created.replacedWrites };
}
