/**
 * A job's items as this proxy claims them: a slice at a time (each slice's records read in one
 * kintone request), the next slice claimed and read while the current one is still worked on, so
 * a slow record (a Stripe timeout) holds up only its own worker, never the next slice.
 */
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { JobItem } from "../journal/JobStore";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

type RecordRead = Promise<Map<string, KintoneRecord | Error>>;

export interface ClaimedItem {
  item: JobItem;
  /** The record as read with its slice; an Error says why it could not be read. */
  record: KintoneRecord | Error | undefined;
}

export interface ClaimedItemsOptions {
  jobId: string;
  appId: string;
  owner: string;
  leaseMs: number;
  sliceSize: number;
  readRecords: (appId: string, ids: string[]) => RecordRead;
  isStopping: () => boolean;
}

export class ClaimedItems {
  private readonly queue: { item: JobItem; read: RecordRead }[] = [];
  private exhausted = false;
  private claiming: Promise<void> | undefined;

  constructor(
    private readonly deps: Pick<UseCaseDeps, "journal" | "now">,
    private readonly options: ClaimedItemsOptions,
  ) {}

  /** The next item to work on; undefined once no item is left to claim (or the proxy stops). */
  async next(): Promise<ClaimedItem | undefined> {
    while (this.queue.length === 0 && !this.exhausted && !this.options.isStopping()) {
      await this.claimSlice();
    }
    if (this.options.isStopping()) return undefined;
    const entry = this.queue.shift();
    if (!entry) return undefined;
    // Half a slice left: the next one is claimed and read meanwhile (a failure is retried above).
    if (this.queue.length < this.options.sliceSize / 2 && !this.exhausted) {
      this.claimSlice().catch(() => undefined);
    }
    return { item: entry.item, record: (await entry.read).get(entry.item.recordId) };
  }

  /** One claim at a time. */
  private claimSlice(): Promise<void> {
    this.claiming ??= this.claim().finally(() => (this.claiming = undefined));
    return this.claiming;
  }

  private async claim(): Promise<void> {
    const { jobId, appId, owner, leaseMs, sliceSize } = this.options;
    const now = this.deps.now();
    const slice = await this.deps.journal.jobs.claimItems(
      jobId,
      owner,
      now,
      new Date(now.getTime() + leaseMs),
      sliceSize,
    );
    if (slice.length === 0) {
      this.exhausted = true;
      return;
    }
    const read = this.options.readRecords(
      appId,
      slice.map((item) => item.recordId),
    );
    for (const item of slice) this.queue.push({ item, read });
  }
}
