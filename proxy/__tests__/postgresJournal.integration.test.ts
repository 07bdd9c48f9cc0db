/**
 * Two real proxies (HTTP, the emulators) with `DATABASE_URL` on one throwaway PostgreSQL: a double
 * click sent to each makes one session, and what one proxy journalled the other reads.
 */
import { startOrdersProxy, type OrdersProxy } from "../../testkit/startOrdersProxy";
import { startPostgres, type RunningPostgres } from "../../testkit/startPostgres";
import { callProxy } from "../../testkit/callProxy";
import { PostgresJournal } from "../adapters/postgres/PostgresJournal";
import type { RunningProxy } from "../startProxy";
import { addRecords, checkoutsMapping } from "./support/checkoutsKit";

let postgres: RunningPostgres;
let env: OrdersProxy;
let second: RunningProxy;

beforeAll(async () => {
  postgres = await startPostgres();
  env = await startOrdersProxy({ env: { DATABASE_URL: await postgres.newDatabase() } });
  second = await env.startProxy();
}, 120_000);

afterAll(async () => {
  await second?.close();
  await env?.close();
  await postgres?.stop();
});

describe("two proxies with DATABASE_URL on one PostgreSQL", () => {
  it("journal in PostgreSQL, and a double click sent to each makes one session", async () => {
    expect(env.proxy.journal).toBeInstanceOf(PostgresJournal);
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const body = {
      appId: env.appId,
      records: [{ id, revision: env.revision(id!) }],
      mapping: checkoutsMapping(),
    };
    // Stripe answers slowly, so the twins overlap while the session is being made.
    env.stripe.configure({ latencyMs: 150 });
    const [first, twin] = await Promise.all([
      env.call("POST", "/v1/checkouts", body),
      callProxy(second.url, env.secret, "POST", "/v1/checkouts", body),
    ]);
    expect([first.status, twin.status]).toEqual([201, 201]);
    expect(twin.body.sessions[0].id).toBe(first.body.sessions[0].id);
    expect(env.stripe.state.sessions.map((s) => s.id)).toEqual([first.body.sessions[0].id]);
    const journalled = await second.journal.sessions.listForRecord(env.appId, id!);
    expect(journalled.map((s) => s.sessionId)).toEqual([first.body.sessions[0].id]);
  });
});
