import type { CreatedSession } from "../../core/api/proxyApi";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { RecordChangedError } from "../errors/RecordChangedError";
import { hashOfMapping, intentBaseKey } from "./checkoutIntents";

/** A record as the caller asked for it: its id, and the revision the user saw. */
export interface AskedRecord {
  id: string;
  revision?: string;
}

/** What a request asked for, as far as its earlier sessions' intent keys are concerned. */
interface AskedRequest {
  appId: string;
  asked: AskedRecord[];
  mapping: MappingConfig;
}

/**
 * Checks the records read against the revisions the caller saw. The same request again after
 * some or all of its sessions were made (a retry whose answer was lost, or a request cut short by
 * a restart whose owed write-backs then landed) finds records changed only because the proxy wrote
 * those sessions into them: those sessions are answered as before, and only records nothing was
 * written into yet remain (their intents replay what Stripe already made). Any other change is
 * RECORD_CHANGED.
 */
export async function replayMadeSessions(
  deps: UseCaseDeps,
  request: AskedRequest,
  records: KintoneRecord[],
): Promise<{ replayed: CreatedSession[]; remaining: KintoneRecord[] }> {
  try {
    assertRevisionsUnchanged(request.asked, records);
    return { replayed: [], remaining: records };
  } catch (error) {
    const replayed = await replayCreatedSessions(deps, request, records);
    if (!replayed) throw error;
    const covered = new Set(replayed.flatMap((s) => s.recordIds));
    return { replayed, remaining: records.filter((r) => !covered.has(String(r.$id?.value))) };
  }
}

function assertRevisionsUnchanged(asked: AskedRecord[], records: KintoneRecord[]): void {
  const changes: { recordId: string; expected: string; actual: string }[] = [];
  asked.forEach((request, i) => {
    const actual = String(records[i]?.$revision?.value ?? "");
    if (request.revision !== undefined && request.revision !== actual) {
      changes.push({ recordId: request.id, expected: request.revision, actual });
    }
  });
  if (changes.length) throw new RecordChangedError(changes);
}

/**
 * The sessions an identical earlier request made for the groups holding a record changed since
 * (sessions are grouped as the engine groups them: all records, or one per record); undefined when
 * one of those groups has no open session from that request (then someone else changed it).
 */
async function replayCreatedSessions(
  deps: UseCaseDeps,
  request: AskedRequest,
  records: KintoneRecord[],
): Promise<CreatedSession[] | undefined> {
  const { appId, asked, mapping } = request;
  const mappingHash = hashOfMapping(mapping);
  const sent = new Map(asked.map((r) => [r.id, r.revision]));
  const actual = new Map(records.map((r) => [String(r.$id?.value), String(r.$revision?.value)]));
  const changed = (id: string) => sent.get(id) !== undefined && sent.get(id) !== actual.get(id);
  const ids = asked.map((r) => r.id);
  const groups = mapping.grouping === "single" ? [ids] : ids.map((id) => [id]);
  const sessions: CreatedSession[] = [];
  for (const group of groups) {
    if (!group.some(changed)) continue;
    if (group.some((id) => sent.get(id) === undefined)) return undefined;
    const key = intentBaseKey(appId, group, (id) => sent.get(id) ?? "", mappingHash);
    const sessionId = (await deps.journal.intents.find(key))?.sessionId;
    const session = sessionId ? await deps.journal.sessions.get(sessionId) : undefined;
    if (!session || session.status !== "open") return undefined;
    sessions.push({
      id: session.sessionId,
      url: session.url,
      expiresAt: session.expiresAt.toISOString(),
      recordIds: session.recordIds,
      currency: session.currency,
      amountTotal: session.amountTotal,
      replaced: [],
      // The journal keeps no client secret: an embedded session's page is opened from the first answer.
      clientSecret: null,
    });
  }
  return sessions;
}
