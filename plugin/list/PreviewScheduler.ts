import {
  MAX_RECORDS_PER_CHECKOUT_REQUEST,
  validationDetailSchema,
  type PreviewSession,
  type ValidationDetail,
} from "../../core/api/proxyApi";
import { ProxyError } from "../api/ProxyError";
import type { RecordRef } from "../api/ProxyClient";
import type { CheckoutClient } from "./CheckoutClient";

export interface PreviewState {
  /** False while batches are still being asked for. */
  finished: boolean;
  /** Records previewed so far (with or without problems) and records asked for. */
  done: number;
  total: number;
  sessions: PreviewSession[];
  /** VALIDATION_FAILED details by record id. */
  issues: Map<string, ValidationDetail[]>;
  /** A failure that is not about a record (proxy down, not set up…); the preview stops there. */
  failure?: unknown;
}

/** Waits this long after the last change of the selection before asking the proxy. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * Turns a changing selection into dry-run calls: debounced, at most 100 records per call, one
 * call at a time, and a newer selection makes the older run's answers be ignored. A batch that
 * fails validation is asked again without its bad records, so the good ones still show a preview.
 */
export class PreviewScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly client: Pick<CheckoutClient, "previewCheckouts">,
    private readonly appId: string,
    private readonly onUpdate: (state: PreviewState) => void,
    private readonly delayMs = PREVIEW_DEBOUNCE_MS,
  ) {}

  /** Schedules a preview of these records (an empty list clears the preview at once). */
  request(records: RecordRef[]): void {
    this.generation += 1;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (records.length === 0) {
      this.onUpdate(emptyState());
      return;
    }
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run(records, generation);
    }, this.delayMs);
  }

  /** Stops any pending or running preview (the dialog closed). */
  cancel(): void {
    this.generation += 1;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async run(records: RecordRef[], generation: number): Promise<void> {
    const state: PreviewState = { ...emptyState(), finished: false, total: records.length };
    const current = () => generation === this.generation;
    this.onUpdate(snapshot(state));
    for (let start = 0; start < records.length; start += MAX_RECORDS_PER_CHECKOUT_REQUEST) {
      const batch = records.slice(start, start + MAX_RECORDS_PER_CHECKOUT_REQUEST);
      try {
        await this.previewBatch(batch, state, current);
      } catch (error) {
        if (!current()) return;
        state.failure = error;
        break;
      }
      if (!current()) return;
      state.done += batch.length;
      this.onUpdate(snapshot(state));
    }
    if (!current()) return;
    state.finished = true;
    this.onUpdate(snapshot(state));
  }

  private async previewBatch(
    batch: RecordRef[],
    state: PreviewState,
    current: () => boolean,
  ): Promise<void> {
    try {
      const answer = await this.client.previewCheckouts(this.appId, batch);
      if (current()) state.sessions.push(...answer.preview.sessions);
    } catch (error) {
      const details = validationDetails(error);
      if (details === undefined || !current()) throw error;
      for (const detail of details) {
        const list = state.issues.get(detail.recordId) ?? [];
        list.push(detail);
        state.issues.set(detail.recordId, list);
      }
      const rest = batch.filter((record) => !state.issues.has(record.id));
      // Without a named bad record, asking again would only fail the same way.
      if (rest.length === 0 || rest.length === batch.length) return;
      await this.previewBatch(rest, state, current);
    }
  }
}

function validationDetails(error: unknown): ValidationDetail[] | undefined {
  if (!(error instanceof ProxyError) || error.code !== "VALIDATION_FAILED") return undefined;
  return error.details.flatMap((detail) => {
    const parsed = validationDetailSchema.safeParse(detail);
    return parsed.success ? [parsed.data] : [];
  });
}

function emptyState(): PreviewState {
  return { finished: true, done: 0, total: 0, sessions: [], issues: new Map() };
}

function snapshot(state: PreviewState): PreviewState {
  return { ...state, sessions: [...state.sessions], issues: new Map(state.issues) };
}
