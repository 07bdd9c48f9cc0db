import type { Pool, PoolClient, QueryResultRow } from "pg";
import { JournalUnavailableError } from "../../errors/JournalUnavailableError";
import { guardCheckedOutClient } from "./guardCheckedOutClient";

/** What runs a statement: the pool (one statement, its own transaction) or a transaction's client. */
export interface Queryable {
  query<Row extends QueryResultRow>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** The number of rows the statement changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

/**
 * Every statement of the PostgreSQL journal goes through here, so that the driver's errors
 * become the proxy's own (`JournalUnavailableError`) in one place, and a read-check-write runs in
 * one transaction on one connection.
 */
export class PostgresQueries implements Queryable {
  constructor(private readonly pool: Pool) {}

  query<Row extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return onClient(this.pool, sql, params).then((result) => result.rows as Row[]);
  }

  run(sql: string, params: unknown[] = []): Promise<number> {
    return onClient(this.pool, sql, params).then((result) => result.rowCount ?? 0);
  }

  /** The first row, through `map`; undefined when there is none. */
  async one<Row extends QueryResultRow, T>(
    sql: string,
    map: (row: Row) => T,
    params: unknown[] = [],
  ): Promise<T | undefined> {
    const [row] = await this.query<Row>(sql, params);
    return row === undefined ? undefined : map(row);
  }

  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. Its statements' row locks (`FOR UPDATE`) and transaction advisory locks hold
   * until then, so concurrent proxies see the whole of it or none.
   */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect().catch((error: unknown) => {
      throw toJournalError(error);
    });
    const unguard = guardCheckedOutClient(client);
    let broken = false;
    try {
      await onClient(client, "BEGIN");
      const result = await work({
        query: (sql, params = []) => onClient(client, sql, params).then((r) => r.rows),
        run: (sql, params = []) => onClient(client, sql, params).then((r) => r.rowCount ?? 0),
      });
      await onClient(client, "COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        // The connection is gone: it must not return to the pool.
        broken = true;
      });
      throw error;
    } finally {
      unguard();
      client.release(broken);
    }
  }
}

async function onClient(target: Pool | PoolClient, sql: string, params: unknown[] = []) {
  try {
    return await target.query(sql, params);
  } catch (error) {
    throw toJournalError(error);
  }
}

/**
 * SQLSTATE classes of a database that may answer later: connection exceptions (08), too many
 * connections and other insufficient resources (53), operator intervention such as a shutdown or
 * a restart (57), and serialization failures or deadlocks (40).
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
const RETRYABLE_SQLSTATE_CLASSES = ["08", "40", "53", "57"];
/** Node's codes for a server not (or no longer) reachable. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

export function toJournalError(error: unknown): JournalUnavailableError {
  if (error instanceof JournalUnavailableError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const unreachable =
    (typeof code === "string" &&
      (NETWORK_CODES.has(code) || RETRYABLE_SQLSTATE_CLASSES.includes(code.slice(0, 2)))) ||
    // node-postgres's own words for a connection lost or never made.
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      message,
    );
  return unreachable
    ? new JournalUnavailableError(
        "The proxy's journal database (PostgreSQL) cannot be reached just now; try again shortly.",
        { retryable: true, cause: error },
      )
    : new JournalUnavailableError(
        "The proxy's journal database (PostgreSQL) refused a statement.",
        {
          retryable: false,
          cause: error,
        },
      );
}
