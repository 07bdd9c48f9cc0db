/**
 * The lead across proxies: two PostgresLeaderLock instances (two proxies) on one database — one
 * leads; the other takes over once the first closes or loses its connection.
 */
import { Client } from "pg";
import { startPostgres, type RunningPostgres } from "../../../../testkit/startPostgres";
import { waitFor } from "../../../../testkit/waitFor";
import { PostgresLeaderLock } from "../PostgresLeaderLock";

let postgres: RunningPostgres;
let observer: Client;
const opened: PostgresLeaderLock[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  observer = new Client({ connectionString: postgres.url });
  await observer.connect();
}, 120_000);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((lock) => lock.close()));
});

afterAll(async () => {
  await observer?.end();
  await postgres?.stop();
});

function aLock(): PostgresLeaderLock {
  const lock = new PostgresLeaderLock(postgres.url);
  opened.push(lock);
  return lock;
}

describe("PostgresLeaderLock", () => {
  it("lets one of two proxies lead, and the other once the first closes", async () => {
    const first = aLock();
    const second = aLock();
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(false);
    expect(await first.tryAcquire()).toBe(true);
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);

    await first.close();
    expect(first.isLeader()).toBe(false);
    expect(await second.tryAcquire()).toBe(true);
    expect(second.isLeader()).toBe(true);
  });

  it("stops leading when its connection is cut, and another proxy takes the lead", async () => {
    const first = aLock();
    const second = aLock();
    expect(await first.tryAcquire()).toBe(true);
    await observer.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()`,
    );
    await waitFor(() => !first.isLeader());
    expect(await second.tryAcquire()).toBe(true);
    // The first reconnects on its next try, and finds the lead taken.
    expect(await first.tryAcquire()).toBe(false);
    expect([first.isLeader(), second.isLeader()]).toEqual([false, true]);
  });
});
