/**
 * The journal the configuration names: PostgreSQL when `DATABASE_URL` is set (several proxies
 * may share it), else SQLite — the file a test names, or `journal.sqlite` in `DATA_DIR`. And the
 * locks that go with it: across proxies on PostgreSQL, within the process otherwise.
 */
import type { Logger } from "pino";
import { Coordination } from "../deps/Coordination";
import { InProcessLeaderLock, type LeaderLock } from "../deps/LeaderLock";
import type { Journal } from "../journal/Journal";
import { PostgresCoordination } from "./postgres/PostgresCoordination";
import { PostgresJournal } from "./postgres/PostgresJournal";
import { PostgresLeaderLock } from "./postgres/PostgresLeaderLock";
import { SqliteJournal } from "./sqlite/SqliteJournal";

/** The configuration's part that names the journal (`DATA_DIR`, `DATABASE_URL`). */
export interface JournalConfig {
  dataDir: string;
  databaseUrl?: string;
}

export async function openJournal(
  config: JournalConfig,
  options: { journalFile?: string; logger?: Logger } = {},
): Promise<Journal> {
  if (config.databaseUrl) {
    return PostgresJournal.open(config.databaseUrl, {
      onIdleError: (error) =>
        options.logger?.warn({ err: error }, "journal database connection lost; reconnecting"),
    });
  }
  return options.journalFile
    ? new SqliteJournal(options.journalFile)
    : SqliteJournal.inDataDir(config.dataDir);
}

/** The proxy's locks, and what releases their connections when it stops. */
export function createCoordination(
  config: Pick<JournalConfig, "databaseUrl">,
  logger?: Logger,
): { coordination: Coordination; close(): Promise<void> } {
  if (!config.databaseUrl) return { coordination: new Coordination(), close: async () => {} };
  const coordination = new PostgresCoordination(config.databaseUrl, {
    onIdleError: (error) => logger?.warn({ err: error }, "lock database connection lost"),
  });
  return { coordination, close: () => coordination.close() };
}

/** Who leads (runs the event catch-up and the scheduled jobs): always this process without PostgreSQL. */
export function createLeaderLock(
  config: Pick<JournalConfig, "databaseUrl">,
  logger?: Logger,
): LeaderLock {
  if (!config.databaseUrl) return new InProcessLeaderLock();
  return new PostgresLeaderLock(config.databaseUrl, {
    onConnectionError: (error) =>
      logger?.warn({ err: error }, "leader lock connection lost; not leading until it is back"),
  });
}
