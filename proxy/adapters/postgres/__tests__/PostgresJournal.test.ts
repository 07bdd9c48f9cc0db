/**
 * What only the PostgreSQL journal promises: several proxies (pools) on one database migrate it
 * once and share its atomic steps; a database out of reach is the proxy's own error, and a
 * restarted one is used again.
 */
import net from "node:net";
import { Client } from "pg";
import { JournalUnavailableError } from "../../../errors/JournalUnavailableError";
import { startPostgres, type RunningPostgres } from "../../../../testkit/startPostgres";
import { waitFor } from "../../../../testkit/waitFor";
import { POSTGRES_MIGRATIONS } from "../postgresMigrations";
import { PostgresJournal } from "../PostgresJournal";

let postgres: RunningPostgres;
const journals: PostgresJournal[] = [];

async function openJournals(url: string, count: number): Promise<PostgresJournal[]> {
  const opened = await Promise.all(Array.from({ length: count }, () => PostgresJournal.open(url)));
  journals.push(...opened);
  return opened;
}

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);

afterEach(async () => {
  await Promise.all(journals.splice(0).map((journal) => journal.close()));
});

afterAll(async () => {
  await postgres?.stop();
});

describe("PostgresJournal", () => {
  it("migrates a fresh database once when four proxies open it at the same moment", async () => {
    const url = await postgres.newDatabase();
    await openJournals(url, 4);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT version FROM journal_migrations ORDER BY version",
      );
      expect(rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await client.end();
    }
  });

  it("gives twin claims sent to two proxies one intent", async () => {
    const [first, second] = await openJournals(await postgres.newDatabase(), 2);
    const now = new Date("2026-12-01T00:00:00Z");
    const claim = (journal: PostgresJournal) =>
      journal.intents.claim(
        "base",
        () => true,
        (generation) => ({ idempotencyKey: `key-${generation}`, expiresAt: now }),
        now,
      );
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claim(i % 2 === 0 ? first! : second!)),
    );
    expect(new Set(claims.map((intent) => intent.idempotencyKey))).toEqual(new Set(["key-1"]));
  });

  it("answers a database out of reach with a JournalUnavailableError that may be retried", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as net.AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const opening = PostgresJournal.open(`postgres://postgres@127.0.0.1:${port}/journal`);
    await expect(opening).rejects.toBeInstanceOf(JournalUnavailableError);
    await expect(opening).rejects.toMatchObject({ retryable: true, code: "INTERNAL" });
  });

  it("works again once the database is back after a restart", async () => {
    const [journal] = await openJournals(await postgres.newDatabase(), 1);
    await journal!.writeBacks.add("12", "1", { status: { value: "open" } }, "down", new Date(0));
    await postgres.restart();
    const failures: unknown[] = [];
    await waitFor(async () => {
      try {
        return (await journal!.writeBacks.count()) === 1;
      } catch (error) {
        failures.push(error);
        return false;
      }
    });
    for (const failure of failures) {
      expect(failure).toMatchObject({ name: "JournalUnavailableError", retryable: true });
    }
  }, 60_000);
});
