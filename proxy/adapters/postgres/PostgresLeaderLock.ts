/**
 * The leader among proxies sharing one PostgreSQL: a session-level advisory lock held on a
 * connection of its own. PostgreSQL releases it when that session ends, so when the leader dies
 * (or its connection is cut) the lock is free and the next proxy trying takes it. A proxy whose
 * connection is lost stops leading at once: another may hold the lock by then.
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS
 */
import { Client } from "pg";
import type { LeaderLock } from "../../deps/LeaderLock";

/** The one advisory lock key of the lead (apart from the migration lock's). */
const LEADER_LOCK_KEY = 7_244_191_902;

export interface PostgresLeaderLockOptions {
  /** Told when the lock's connection fails (it is tried again at the next `tryAcquire`). */
  onConnectionError?: (error: unknown) => void;
}

export class PostgresLeaderLock implements LeaderLock {
  private client: Client | undefined;
  private leading = false;
  private closed = false;
  private attempt: Promise<boolean> | undefined;

  constructor(
    private readonly url: string,
    private readonly options: PostgresLeaderLockOptions = {},
  ) {}

  isLeader(): boolean {
    return this.leading;
  }

  /** One attempt at a time; a leader asks again for nothing (its session holds the lock). */
  tryAcquire(): Promise<boolean> {
    this.attempt ??= this.acquire().finally(() => (this.attempt = undefined));
    return this.attempt;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.attempt?.catch(() => undefined);
    this.leading = false;
    const client = this.client;
    this.client = undefined;
    // Ending the session frees the lock.
    await client?.end().catch(() => undefined);
  }

  private async acquire(): Promise<boolean> {
    if (this.closed) return false;
    if (this.leading && this.client) return true;
    try {
      const client = this.client ?? (await this.connect());
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1) AS locked",
        [LEADER_LOCK_KEY],
      );
      this.leading = !this.closed && rows[0]?.locked === true;
      return this.leading;
    } catch (error) {
      this.lose(error);
      return false;
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.url });
    client.on("error", (error) => this.lose(error, client));
    client.on("end", () => this.lose(undefined, client));
    await client.connect();
    if (this.closed) {
      await client.end().catch(() => undefined);
      throw new Error("the leader lock is closed");
    }
    this.client = client;
    return client;
  }

  /** The session is gone, and the lock with it. */
  private lose(error: unknown, client = this.client): void {
    if (client !== this.client && this.client !== undefined) return;
    this.leading = false;
    this.client = undefined;
    client?.end().catch(() => undefined);
    if (error !== undefined && !this.closed) this.options.onConnectionError?.(error);
  }
}
