/**
 * Catch-up: webhooks missed while the proxy was down (or never configured) are fetched with
 * `events.list` and applied through the same path, oldest first, deduplicated by event id — so a
 * proxy that was down while events fired ends in the state of one that was up.
 *
 * Limits: Stripe returns events of the last 30 days only (https://docs.stripe.com/api/events),
 * so a proxy down longer than that must sync its sessions (`POST /v1/checkouts/:id/sync`). Each
 * pass lists from the newest stored event minus a margin (events are not created in delivery
 * order); an event older than that which was missed while the proxy ran still arrives through
 * Stripe's own webhook retries (3 days).
 */
import type { Logger } from "pino";
import { HANDLED_EVENT_TYPES, type PaymentEvent } from "../ports/PaymentEvent";
import {
  applyStoredPaymentEvent,
  ingestPaymentEvent,
  type EventOutcome,
  type PaymentEventDeps,
} from "./applyPaymentEvent";
import { paymentEventFromJson } from "./paymentEventJson";

export interface EventCatchUpOptions {
  /** Between passes; default 5 minutes. */
  intervalMs?: number;
  /** How far before the newest stored event a pass starts; default 1 hour. */
  marginSeconds?: number;
  /** Whether this proxy leads now: the timed passes run only on the leader; default always. */
  isLeader?: () => boolean;
}

export interface CatchUpResult {
  /** Events listed from Stripe. */
  listed: number;
  outcomes: Partial<Record<EventOutcome, number>>;
}

const DEFAULT_INTERVAL_MS = 5 * 60_000;
const DEFAULT_MARGIN_SECONDS = 60 * 60;
const UNAPPLIED_BATCH = 500;
/** Applied events are kept a little longer than Stripe lists them. */
const EVENT_RETENTION_SECONDS = 35 * 24 * 60 * 60;

export class EventCatchUp {
  private readonly intervalMs: number;
  private readonly marginSeconds: number;
  private readonly isLeader: (() => boolean) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<CatchUpResult> | undefined;

  constructor(
    private readonly deps: PaymentEventDeps & { logger: Logger },
    options: EventCatchUpOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.marginSeconds = options.marginSeconds ?? DEFAULT_MARGIN_SECONDS;
    this.isLeader = options.isLeader;
  }

  /** One pass now; a pass already running is shared. */
  runOnce(): Promise<CatchUpResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** A pass at once, then every interval, without keeping the process alive. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      // Proxies sharing one database take turns: only the leader catches up.
      if (this.isLeader && !this.isLeader()) return;
      this.runOnce().catch((error: unknown) =>
        this.deps.logger.warn({ err: error }, "Stripe event catch-up failed; next pass later"),
      );
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<CatchUpResult> {
    const { journal } = this.deps;
    const outcomes: CatchUpResult["outcomes"] = {};
    const count = (outcome: EventOutcome) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1);

    // Stored but not applied (a crash, kintone or Stripe failing, a session not journalled yet).
    for (const stored of await journal.stripeEvents.listUnapplied(UNAPPLIED_BATCH)) {
      const event = paymentEventFromJson(stored.payloadJson);
      count(await applyStoredPaymentEvent(this.deps, event, { retry: true }));
    }

    const since = await this.listFrom();
    if (since === undefined) return { listed: 0, outcomes }; // no session of ours yet
    // Stripe lists 30 days of events and retries a webhook for 3: older ids cannot come back.
    // Events from `since` on stay: they deduplicate this pass.
    const expired = Math.floor(this.deps.now().getTime() / 1000) - EVENT_RETENTION_SECONDS;
    await journal.stripeEvents.prune(Math.min(expired, since));
    const missed = await this.listEventsSince(since);
    for (const event of missed) count(await ingestPaymentEvent(this.deps, event));
    if (missed.length > 0) {
      this.deps.logger.info({ listed: missed.length, outcomes }, "Stripe events caught up");
    }
    return { listed: missed.length, outcomes };
  }

  /** Unix seconds: the newest stored event (or, before any, the oldest session) minus the margin. */
  private async listFrom(): Promise<number | undefined> {
    const newestEvent = await this.deps.journal.stripeEvents.latestCreated();
    const oldestSession = await this.deps.journal.sessions.oldestCreatedAt();
    const from =
      newestEvent ?? (oldestSession ? Math.floor(oldestSession.getTime() / 1000) : undefined);
    return from === undefined ? undefined : Math.max(0, from - this.marginSeconds);
  }

  /** Every page, then oldest first (Stripe lists newest first). */
  private async listEventsSince(createdGte: number): Promise<PaymentEvent[]> {
    const events: PaymentEvent[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await this.deps.gateway.listEvents({
        types: HANDLED_EVENT_TYPES,
        createdGte,
        startingAfter,
        limit: 100,
      });
      events.push(...page.events);
      const last = page.events.at(-1);
      if (!page.hasMore || !last) break;
      startingAfter = last.id;
    }
    return events.reverse();
  }
}
