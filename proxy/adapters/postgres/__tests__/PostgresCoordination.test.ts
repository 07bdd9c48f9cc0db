/**
 * Locks across proxies: two PostgresCoordination instances (two proxies) on one database take
 * turns on a key, and not on different keys.
 */
import { Client } from "pg";
import { startPostgres, type RunningPostgres } from "../../../../testkit/startPostgres";
import { waitFor } from "../../../../testkit/waitFor";
import { PostgresCoordination } from "../PostgresCoordination";

let postgres: RunningPostgres;
let first: PostgresCoordination;
let second: PostgresCoordination;
let observer: Client;

beforeAll(async () => {
  postgres = await startPostgres();
  first = new PostgresCoordination(postgres.url);
  second = new PostgresCoordination(postgres.url);
  observer = new Client({ connectionString: postgres.url });
  await observer.connect();
}, 120_000);

afterAll(async () => {
  await observer?.end();
  await first?.close();
  await second?.close();
  await postgres?.stop();
});

/** Sessions of the cluster waiting for an advisory lock now. */
async function waitingForLocks(): Promise<number> {
  const { rows } = await observer.query(
    `SELECT COUNT(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
  );
  return rows[0].n as number;
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("PostgresCoordination", () => {
  it("makes a second proxy wait for a record lock the first one holds", async () => {
    const order: string[] = [];
    const release = gate();
    const holding = gate();
    const firstTask = first.withLocks(["record:12:1", "record:12:2"], async () => {
      order.push("first starts");
      holding.open();
      await release.opened;
      order.push("first ends");
    });
    await holding.opened;
    const secondTask = second.withLocks(["record:12:2"], async () => {
      order.push("second starts");
    });
    await waitFor(async () => (await waitingForLocks()) === 1);
    expect(order).toEqual(["first starts"]);
    release.open();
    await Promise.all([firstTask, secondTask]);
    expect(order).toEqual(["first starts", "first ends", "second starts"]);
  });

  it("lets proxies holding different keys run at once", async () => {
    const release = gate();
    const holding = gate();
    const firstTask = first.withLocks(["record:12:3"], async () => {
      holding.open();
      await release.opened;
    });
    await holding.opened;
    await second.withLocks(["record:12:4"], async () => undefined);
    release.open();
    await firstTask;
    expect(await waitingForLocks()).toBe(0);
  });
});
