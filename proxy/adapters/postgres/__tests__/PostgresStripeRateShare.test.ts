/**
 * Stripe's limit split among proxies on one database: each proxy's share is 1 / the proxies
 * that beat lately, and grows back when one leaves or falls silent.
 */
import { startPostgres, type RunningPostgres } from "../../../../testkit/startPostgres";
import { waitFor } from "../../../../testkit/waitFor";
import { PostgresStripeRateShare } from "../PostgresStripeRateShare";

let postgres: RunningPostgres;
const opened: PostgresStripeRateShare[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((share) => share.close()));
});

/** A proxy that beats only when the test says (its timer is an hour). */
async function proxyOn(url: string, liveForMs = 60_000): Promise<PostgresStripeRateShare> {
  const share = await PostgresStripeRateShare.open(url, { heartbeatMs: 3_600_000, liveForMs });
  opened.push(share);
  return share;
}

describe("PostgresStripeRateShare", () => {
  it("gives a proxy alone the whole limit", async () => {
    const url = await postgres.newDatabase();
    const alone = await proxyOn(url);
    expect(alone.current()).toBe(1);
  });

  it("splits the limit in three once three proxies have beaten", async () => {
    const url = await postgres.newDatabase();
    const proxies = await Promise.all([proxyOn(url), proxyOn(url), proxyOn(url)]);
    await Promise.all(proxies.map((proxy) => proxy.beat()));
    expect(proxies.map((proxy) => proxy.current())).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("gives the others a larger share when a proxy closes", async () => {
    const url = await postgres.newDatabase();
    const [first, second] = [await proxyOn(url), await proxyOn(url)];
    expect(await first!.beat()).toBe(1 / 2);
    await second!.close();
    expect(await first!.beat()).toBe(1);
  });

  it("stops counting a proxy that fell silent (killed) once liveForMs has passed", async () => {
    const url = await postgres.newDatabase();
    await proxyOn(url, 300); // beats once at open, then never again, like a SIGKILLed proxy
    const survivor = await proxyOn(url, 300);
    expect(survivor.current()).toBe(1 / 2);
    await waitFor(async () => (await survivor.beat()) === 1, { intervalMs: 50 });
    expect(survivor.current()).toBe(1);
  });

  it("keeps the last share while the database is down, and beats again after it restarts", async () => {
    const url = await postgres.newDatabase();
    const [first, second] = [await proxyOn(url), await proxyOn(url)];
    await first!.beat();
    await postgres.restart();
    await expect(first!.beat().catch(() => first!.current())).resolves.toBe(1 / 2);
    expect(await second!.beat()).toBe(1 / 2);
  });
});
