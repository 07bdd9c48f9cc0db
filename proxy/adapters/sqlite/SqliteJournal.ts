/**
 * The journal in one SQLite file (better-sqlite3, WAL): the database is opened and brought up to
 * date once, and every store works on it with statements prepared once.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Journal } from "../../journal/Journal";
import { migrate } from "./migrations";
import { PreparedStatements } from "./PreparedStatements";
import { SqliteCatalogueCache } from "./SqliteCatalogueCache";
import { SqliteCheckoutIntentStore } from "./SqliteCheckoutIntentStore";
import { SqliteJobStore } from "./SqliteJobStore";
import { SqliteSessionStore } from "./SqliteSessionStore";
import { SqliteStripeEventStore } from "./SqliteStripeEventStore";
import { SqliteSubscriptionStore } from "./SqliteSubscriptionStore";
import { SqliteWebhookWatch } from "./SqliteWebhookWatch";
import { SqliteWriteBackStore } from "./SqliteWriteBackStore";

export class SqliteJournal implements Journal {
  private readonly db: Database.Database;
  readonly sessions: SqliteSessionStore;
  readonly intents: SqliteCheckoutIntentStore;
  readonly writeBacks: SqliteWriteBackStore;
  readonly catalogue: SqliteCatalogueCache;
  readonly jobs: SqliteJobStore;
  readonly stripeEvents: SqliteStripeEventStore;
  readonly webhookWatch: SqliteWebhookWatch;
  readonly subscriptions: SqliteSubscriptionStore;

  /** `file` is a path, or `:memory:` for tests. */
  constructor(file: string) {
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // First, so that even switching to WAL waits for another process holding the file.
    this.db.pragma("busy_timeout = 5000");
    // SQLite answers SQLITE_BUSY without waiting in some lock escalations (e.g. while another
    // process switches the file to WAL or recovers it): proxies starting together on one DATA_DIR
    // try again rather than fail. https://www.sqlite.org/rescode.html#busy
    retryWhileBusy(() => {
      this.db.pragma("journal_mode = WAL");
      this.db.pragma("synchronous = NORMAL");
      this.db.pragma("foreign_keys = ON");
      migrate(this.db);
    });
    const statements = new PreparedStatements(this.db);
    this.sessions = new SqliteSessionStore(statements);
    this.intents = new SqliteCheckoutIntentStore(statements);
    this.writeBacks = new SqliteWriteBackStore(statements);
    this.catalogue = new SqliteCatalogueCache(statements);
    this.jobs = new SqliteJobStore(statements);
    this.stripeEvents = new SqliteStripeEventStore(statements);
    this.webhookWatch = new SqliteWebhookWatch(statements);
    this.subscriptions = new SqliteSubscriptionStore(statements);
  }

  static inDataDir(dataDir: string): SqliteJournal {
    return new SqliteJournal(path.join(dataDir, "journal.sqlite"));
  }

  /** The underlying database, for a later issue's tables that live in the same file. */
  get database(): Database.Database {
    return this.db;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** How long a starting proxy keeps trying to open a journal another process holds. */
const OPEN_BUSY_LIMIT_MS = 30_000;

function retryWhileBusy(open: () => void): void {
  const giveUpAt = Date.now() + OPEN_BUSY_LIMIT_MS;
  for (;;) {
    try {
      open();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const busy = typeof code === "string" && code.startsWith("SQLITE_BUSY");
      if (!busy || Date.now() > giveUpAt) throw error;
      // A synchronous pause: the constructor runs once, at start, before anything else.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 + Math.random() * 150);
    }
  }
}
