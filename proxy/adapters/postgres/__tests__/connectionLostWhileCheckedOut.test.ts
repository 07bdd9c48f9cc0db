/**
 * The server ending a connection that is checked out of a pool (PostgreSQL restarting under a
 * held lock or an open transaction) fails that work, and the process goes on.
 */
import { Client, Pool } from "pg";
import { startPostgres, type RunningPostgres } from "../../../../testkit/startPostgres";
import { waitFor } from "../../../../testkit/waitFor";
import { PostgresCoordination } from "../PostgresCoordination";
import { PostgresQueries } from "../PostgresQueries";

let postgres: RunningPostgres;
let observer: Client;

beforeAll(async () => {
  postgres = await startPostgres();
  observer = new Client({ connectionString: postgres.url });
  await observer.connect();
}, 120_000);

afterAll(async () => {
  await observer?.end();
  await postgres?.stop();
});

/** Ends every other session of the cluster, as a restart does. */
async function terminateOthers(): Promise<void> {
  await observer.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'",
  );
}

async function otherSessions(): Promise<number> {
  const { rows } = await observer.query(
    "SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'",
  );
  return rows[0].n as number;
}

describe("a PostgreSQL connection lost while checked out", () => {
  it("ends a held record lock without ending the process, and the next lock takes a new connection", async () => {
    const coordination = new PostgresCoordination(postgres.url);
    let lockClientEnded = false;
    // Every connection the coordination's pool makes: the test sees the lock's one end.
    (coordination as unknown as { pool: Pool }).pool.on("connect", (client) =>
      client.once("end", () => (lockClientEnded = true)),
    );
    try {
      const during = await coordination.withLocks(["record:1:1"], async () => {
        await terminateOthers();
        // The lock's connection hears of its end once its server process is gone.
        await waitFor(async () => (await otherSessions()) === 0);
        await waitFor(() => lockClientEnded, { message: "the lock's connection did not end" });
        return "task finished";
      });
      expect(during).toBe("task finished");
      await expect(coordination.withLocks(["record:1:1"], async () => "again")).resolves.toBe(
        "again",
      );
    } finally {
      await coordination.close();
    }
  });

  it("fails a journal transaction whose connection the server ended, and runs the next one", async () => {
    const pool = new Pool({ connectionString: postgres.url });
    pool.on("error", () => undefined);
    const queries = new PostgresQueries(pool);
    try {
      await expect(
        queries.transaction(async (tx) => {
          await terminateOthers();
          return tx.query("SELECT 1 AS one");
        }),
      ).rejects.toMatchObject({ retryable: true });
      await expect(queries.transaction((tx) => tx.query("SELECT 1 AS one"))).resolves.toEqual([
        { one: 1 },
      ]);
    } finally {
      await pool.end();
    }
  });
});
