/**
 * Stripe's rate limit split among the proxies on one PostgreSQL: each proxy keeps a heartbeat row
 * and, on the same round trip, counts the rows seen lately; its share is 1 / that count. Stripe
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
  private share = 1;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly proxyId: string;
  private readonly liveForMs: number;

  private constructor(
    private readonly pool: Pool,
    options: PostgresStripeRateShareOptions,
  ) {
    this.proxyId = options.proxyId ?? randomUUID();
    this.liveForMs = options.liveForMs ?? 5_000;
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

  current(): number {
    return this.share;
  }

  /** Records this proxy as live and learns how many are: one round trip. */
  async beat(): Promise<number> {
    if (this.closed) return this.share;
    const { rows } = await this.pool.query<{ others: number }>(
      `WITH beat AS (
         INSERT INTO stripe_pacing_members (proxy_id, seen_at) VALUES ($1, clock_timestamp())
         ON CONFLICT (proxy_id) DO UPDATE SET seen_at = EXCLUDED.seen_at
       ), forgotten AS (
         DELETE FROM stripe_pacing_members
         WHERE seen_at < clock_timestamp() - $3 * interval '1 millisecond'
       )
       SELECT COUNT(*)::int AS others FROM stripe_pacing_members
       WHERE proxy_id <> $1 AND seen_at > clock_timestamp() - $2 * interval '1 millisecond'`,
      [this.proxyId, this.liveForMs, FORGET_AFTER_MS],
    );
    this.share = shareAmong(1 + (rows[0]?.others ?? 0));
    return this.share;
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
