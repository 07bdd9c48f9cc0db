/**
 * Stripe's limit split among the proxies on one database that have Stripe work: each proxy's
 * share is 1 / the busy proxies that beat lately (itself included), and grows back when one goes
 * idle, leaves or falls silent.
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

/** A proxy that beats only when the test says, or when it turns busy (its timer is an hour). */
async function proxyOn(url: string, liveForMs = 60_000): Promise<PostgresStripeRateShare> {
  const share = await PostgresStripeRateShare.open(url, { heartbeatMs: 3_600_000, liveForMs });
  opened.push(share);
  return share;
}

/** The proxy asks for tokens (as its token buckets do) and beats: its row says busy. */
async function beatBusy(proxy: PostgresStripeRateShare): Promise<number> {
  proxy.current();
  await proxy.beaten();
  proxy.current();
  return proxy.beat();
}

describe("PostgresStripeRateShare", () => {
  it("gives a proxy alone the whole limit", async () => {
    const url = await postgres.newDatabase();
    const alone = await proxyOn(url);
    expect(alone.current()).toBe(1);
  });

  it("splits the limit in three once three busy proxies have beaten", async () => {
    const url = await postgres.newDatabase();
    const proxies = await Promise.all([proxyOn(url), proxyOn(url), proxyOn(url)]);
    for (const proxy of proxies) await beatBusy(proxy);
    expect(await Promise.all(proxies.map((proxy) => beatBusy(proxy)))).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
  });

  it("leaves an idle proxy's part to the busy ones", async () => {
    const url = await postgres.newDatabase();
    const [first, second, idle] = [await proxyOn(url), await proxyOn(url), await proxyOn(url)];
    await beatBusy(first!);
    await beatBusy(second!);
    await idle!.beat();
    expect(await beatBusy(first!)).toBe(1 / 2);
    expect(await beatBusy(second!)).toBe(1 / 2);
  });

  it("stops counting a proxy whose work ran out after its next beat without tokens wanted", async () => {
    const url = await postgres.newDatabase();
    const [working, finished] = [await proxyOn(url), await proxyOn(url)];
    await beatBusy(finished!);
    expect(await beatBusy(working!)).toBe(1 / 2);
    await finished!.beat(); // no Stripe request since its last beat
    expect(await beatBusy(working!)).toBe(1);
  });

  it("counts a proxy turning busy after the one beat it starts at once, and gives it its share at once", async () => {
    const url = await postgres.newDatabase();
    const [working, newcomer] = [await proxyOn(url), await proxyOn(url)];
    await newcomer!.beat();
    expect(await beatBusy(working!)).toBe(1);
    await newcomer!.beat(); // learns that one proxy is busy
    expect(newcomer!.current()).toBe(1 / 2); // its first request: it counts itself and beats now
    await newcomer!.beaten();
    expect(await beatBusy(working!)).toBe(1 / 2);
  });

  it("gives the others a larger share when a proxy closes", async () => {
    const url = await postgres.newDatabase();
    const [first, second] = [await proxyOn(url), await proxyOn(url)];
    await beatBusy(second!);
    expect(await beatBusy(first!)).toBe(1 / 2);
    await second!.close();
    expect(await beatBusy(first!)).toBe(1);
  });

  it("stops counting a proxy that fell silent (killed) once liveForMs has passed", async () => {
    const url = await postgres.newDatabase();
    const killed = await proxyOn(url, 300);
    await beatBusy(killed); // then never again, like a SIGKILLed proxy
    const survivor = await proxyOn(url, 300);
    expect(survivor.current()).toBe(1 / 2);
    await waitFor(async () => (await beatBusy(survivor)) === 1, { intervalMs: 50 });
    expect(survivor.current()).toBe(1);
  });

  it("keeps the last share while the database is down, and beats again after it restarts", async () => {
    const url = await postgres.newDatabase();
    const [first, second] = [await proxyOn(url), await proxyOn(url)];
    await beatBusy(second!);
    await beatBusy(first!);
    await postgres.restart();
    first!.current();
    await expect(first!.beat().catch(() => first!.current())).resolves.toBe(1 / 2);
    expect(await beatBusy(second!)).toBe(1 / 2);
  });
});
