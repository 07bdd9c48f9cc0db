/**
 * Stripe's rate limit split among the proxies on one PostgreSQL that have Stripe work: each proxy
 * keeps a heartbeat row saying whether it wanted Stripe tokens since its last beat (busy) and, on
 * the same round trip, counts the other busy rows seen lately; its share is 1 / (that count + 1),
 * so an idle proxy, or one whose job slices ran out, leaves its part to the busy ones. Stripe
 * requests read the share from memory, so they cost no database round trip. A proxy that dies
 * stops beating and drops out of the count after `liveForMs`; while the database cannot be reached
 * the last share holds. Moments come from the database's clock, so proxies' clocks may differ.
 */
import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import { guardCheckedOutClient } from "./guardCheckedOutClient";
import { shareAmong, type StripeRateShare } from "../../ports/StripeRateShare";

export interface PostgresStripeRateShareOptions {
  /** This proxy's row; default a random id per process. */
  proxyId?: string;
  /** How often the proxy beats; default 1 s. */
  heartbeatMs?: number;
  /** A proxy counts as live this long after its last beat; default 5 s. */
  liveForMs?: number;
  onError?: (error: unknown) => void;
}

/** Any number fixed for this table: concurrent starts create it once. */
const CREATE_LOCK_KEY = 7_318_190_019;
/** Rows of proxies gone this long are removed. */
const FORGET_AFTER_MS = 3_600_000;

export class PostgresStripeRateShare implements StripeRateShare {
  /** Other live proxies that wanted Stripe tokens at their last beat. */
  private busyOthers = 0;
  /** Whether this proxy asked for its share since its last beat. */
  private wantedSinceBeat = false;
  /** Whether the row says busy (as of this proxy's last beat). */
  private countedBusy = false;
  private lastBeat: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly proxyId: string;
  private readonly liveForMs: number;
  private readonly onError: ((error: unknown) => void) | undefined;

  private constructor(
    private readonly pool: Pool,
    options: PostgresStripeRateShareOptions,
  ) {
    this.proxyId = options.proxyId ?? randomUUID();
    this.liveForMs = options.liveForMs ?? 5_000;
    this.onError = options.onError;
  }

  /** Creates the table when missing, beats once (so the first request already has its share), then beats every `heartbeatMs`. */
  static async open(
    url: string,
    options: PostgresStripeRateShareOptions = {},
  ): Promise<PostgresStripeRateShare> {
    const pool = new Pool({ connectionString: url, max: 1 });
    pool.on("error", (error) => options.onError?.(error));
    const share = new PostgresStripeRateShare(pool, options);
    try {
      await share.createTable();
      await share.beat();
    } catch (error) {
      await pool.end();
      throw error;
    }
    const heartbeatMs = options.heartbeatMs ?? 1_000;
    share.timer = setInterval(() => {
      share.beat().catch((error: unknown) => options.onError?.(error));
    }, heartbeatMs);
    share.timer.unref();
    return share;
  }

  /**
   * Read by the token buckets on each Stripe request, so reading it means this proxy wants tokens:
   * it counts itself busy. A proxy turning busy beats at once (not at its next timer), so the
   * others count it after one round trip plus at most one of their own heartbeats. Until then
   * the busy proxies together may send up to 1 + 1/N of the limit (N the busy proxies counting
   * the newcomer) for about a heartbeat (1 s), less the newcomer's empty bucket ramping up.
   * Stripe's limiter tolerates bursts above the per-second rate
   * (https://docs.stripe.com/rate-limits), and a 429 that still comes back is retried by the
   * request pacer with back-off, so the overshoot costs at most a retried request, never a failed one.
   */
  current(): number {
    this.wantedSinceBeat = true;
    if (!this.countedBusy && !this.closed) {
      this.countedBusy = true;
      this.beat().catch((error: unknown) => this.onError?.(error));
    }
    return shareAmong(1 + this.busyOthers);
  }

  /** Records this proxy as live (busy or idle) and learns how many others are busy: one round trip. */
  beat(): Promise<number> {
    this.lastBeat = this.beatOnce();
    return this.lastBeat;
  }

  /** The latest beat's share once it has answered (e.g. the one a proxy turning busy started). */
  async beaten(): Promise<number> {
    return (await this.lastBeat?.catch(() => undefined)) ?? shareAmong(1 + this.busyOthers);
  }

  private async beatOnce(): Promise<number> {
    if (this.closed) return shareAmong(1 + this.busyOthers);
    const busy = this.wantedSinceBeat;
    this.wantedSinceBeat = false;
    const { rows } = await this.pool.query<{ others: number }>(
      `WITH beat AS (
         INSERT INTO stripe_pacing_members (proxy_id, seen_at, busy) VALUES ($1, clock_timestamp(), $4)
         ON CONFLICT (proxy_id) DO UPDATE SET seen_at = EXCLUDED.seen_at, busy = EXCLUDED.busy
       ), forgotten AS (
         DELETE FROM stripe_pacing_members
         WHERE seen_at < clock_timestamp() - $3 * interval '1 millisecond'
       )
       SELECT COUNT(*)::int AS others FROM stripe_pacing_members
       WHERE proxy_id <> $1 AND busy AND seen_at > clock_timestamp() - $2 * interval '1 millisecond'`,
      [this.proxyId, this.liveForMs, FORGET_AFTER_MS, busy],
    );
    this.countedBusy = busy;
    this.busyOthers = rows[0]?.others ?? 0;
    return shareAmong(1 + this.busyOthers);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    // Leaving at once lets the others take the whole limit without waiting out `liveForMs`.
    await this.pool
      .query("DELETE FROM stripe_pacing_members WHERE proxy_id = $1", [this.proxyId])
      .catch(() => undefined);
    await this.pool.end();
  }

  private async createTable(): Promise<void> {
    const client = await this.pool.connect();
    const unguard = guardCheckedOutClient(client);
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [CREATE_LOCK_KEY]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS stripe_pacing_members (
           proxy_id TEXT PRIMARY KEY,
           seen_at TIMESTAMPTZ NOT NULL
         )`,
      );
      // Tables made before proxies said whether they had Stripe work: a row counts as busy.
      await client.query(
        "ALTER TABLE stripe_pacing_members ADD COLUMN IF NOT EXISTS busy BOOLEAN NOT NULL DEFAULT true",
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      unguard();
      client.release();
    }
  }
}
