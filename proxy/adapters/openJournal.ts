/**
 * The journal the configuration names: PostgreSQL when `DATABASE_URL` is set (several proxies
 * may share it), else SQLite — the file a test names, or `journal.sqlite` in `DATA_DIR`.
 */
import type { Logger } from "pino";
import type { ProxyConfig } from "../config";
import type { Journal } from "../journal/Journal";
import { PostgresJournal } from "./postgres/PostgresJournal";
import { SqliteJournal } from "./sqlite/SqliteJournal";

export async function openJournal(
  config: Pick<ProxyConfig, "dataDir" | "databaseUrl">,
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
