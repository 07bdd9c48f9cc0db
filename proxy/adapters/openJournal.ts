/**
 * The journal the configuration names: PostgreSQL when `DATABASE_URL` is set (several proxies
 * may share it), else SQLite — the file a test names, or `journal.sqlite` in `DATA_DIR`. And the
 * locks that go with it: across proxies on PostgreSQL, within the process otherwise.
 */
import type { Logger } from "pino";
import { Coordination } from "../deps/Coordination";
import { InProcessLeaderLock, type LeaderLock } from "../deps/LeaderLock";
import type { Journal } from "../journal/Journal";
import { SqliteJournal } from "./sqlite/SqliteJournal";

// The PostgreSQL adapters (and `pg`, ~15 MB of a started proxy) are loaded only with DATABASE_URL:
// a proxy on SQLite never holds them.
type PostgresJournalModule = typeof import("./postgres/PostgresJournal");
type PostgresCoordinationModule = typeof import("./postgres/PostgresCoordination");
type PostgresLeaderLockModule = typeof import("./postgres/PostgresLeaderLock");

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
    const { PostgresJournal } = await import("./postgres/PostgresJournal").then(
      (module: PostgresJournalModule) => module,
    );
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
  const { PostgresCoordination } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./postgres/PostgresCoordination") as PostgresCoordinationModule;
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
  const { PostgresLeaderLock } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("./postgres/PostgresLeaderLock") as PostgresLeaderLockModule;
  return new PostgresLeaderLock(config.databaseUrl, {
    onConnectionError: (error) =>
      logger?.warn({ err: error }, "leader lock connection lost; not leading until it is back"),
  });
}
