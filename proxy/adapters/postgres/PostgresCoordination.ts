/**
 * Record and session locks across every proxy sharing one PostgreSQL: `withLocks` takes this
 * process's locks first (callers of one proxy queue in memory, using no connection), then the
 * same keys as PostgreSQL session advisory locks on one connection of its own pool, held while the
 * task runs. Keys are taken in sorted order everywhere, so two proxies cannot deadlock.
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS
 * Single flights stay per process: across proxies, the journal's intents and Stripe's
 * idempotency keys make twins one session.
 */
import { Pool, type PoolClient } from "pg";
import { Coordination } from "../../deps/Coordination";
import { guardCheckedOutClient } from "./guardCheckedOutClient";
import { toJournalError } from "./PostgresQueries";

/** Connections for held locks, apart from the journal's: a task's own journal calls never wait for them. */
const LOCK_CONNECTIONS = 20;

export class PostgresCoordination extends Coordination {
  private readonly pool: Pool;

  constructor(url: string, options: { onIdleError?: (error: unknown) => void } = {}) {
    super();
    this.pool = new Pool({ connectionString: url, max: LOCK_CONNECTIONS });
    this.pool.on("error", (error) => options.onIdleError?.(error));
  }

  override withLocks<T>(keys: string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    return super.withLocks(sorted, () => this.holdingSharedLocks(sorted, task));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async holdingSharedLocks<T>(sorted: string[], task: () => Promise<T>): Promise<T> {
    if (sorted.length === 0) return task();
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toJournalError(error);
    }
    const unguard = guardCheckedOutClient(client);
    let held = 0;
    let broken = false;
    try {
      for (const key of sorted) {
        await client.query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [key]);
        held++;
      }
      return await task();
    } catch (error) {
      if (held < sorted.length) broken = true;
      throw held < sorted.length ? toJournalError(error) : error;
    } finally {
      // Ending the session frees every lock it holds; unlocking keeps the connection for reuse.
      await client
        .query("SELECT pg_advisory_unlock_all()")
        .catch(() => (broken = true))
        .finally(() => {
          unguard();
          client.release(broken);
        });
    }
  }
}
