import type Database from "better-sqlite3";

/**
 * The statements of one database by SQL text, each prepared once and shared by its stores:
 * preparing on every call cost ~4% of the proxy's CPU per checkout (bench profile). The SQL texts
 * are a fixed set (the session list's filters give at most 32).
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Database.Statement>();
  /**
   * One transaction function for every call, given the work as its argument: better-sqlite3's
   * `db.transaction(fn)` builds four wrappers and their properties each time it is called, which
   * per call was most of the journal's share of the CPU per checkout (bench profile).
   * https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md#transactionfunction---function
   */
  private readonly runInTransaction: (work: () => unknown) => unknown;

  constructor(private readonly db: Database.Database) {
    this.runInTransaction = db.transaction((work: () => unknown) => work());
  }

  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The first row `sql` gives, through `map`; undefined when there is none. */
  one<Row, T>(sql: string, map: (row: Row) => T, ...params: unknown[]): T | undefined {
    const row = this.statement(sql).get(...params) as Row | undefined;
    return row === undefined ? undefined : map(row);
  }

  /** Every row `sql` gives, through `map`. */
  all<Row, T>(sql: string, map: (row: Row) => T, ...params: unknown[]): T[] {
    return (this.statement(sql).all(...params) as Row[]).map(map);
  }

  /** Runs `work` in one transaction (a savepoint when one is open already). */
  transaction<T>(work: () => T): T {
    return this.runInTransaction(work) as T;
  }
}
