import { createTokenBucket } from "../createTokenBucket";
import { createRequestPacer } from "../createRequestPacer";

function fakeClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe("createTokenBucket with a share of the rate", () => {
  it("spaces callers at a third of the rate while three proxies share it", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 25, now: clock.now, share: () => 1 / 3 });
    const waits = Array.from({ length: 4 }, () => bucket.reserve());
    expect(waits).toEqual([0, 120, 240, 360]);
  });

  it("shrinks the burst saved up during a quiet spell by the same share", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({
      ratePerSecond: 24,
      burst: 12,
      now: clock.now,
      share: () => 1 / 3,
    });
    clock.advance(60_000);
    const waits = Array.from({ length: 6 }, () => bucket.reserve());
    expect(waits).toEqual([0, 0, 0, 0, 125, 250]);
  });

  it("follows a share that changes: the whole rate again once the other proxies are gone", () => {
    const clock = fakeClock();
    let share = 1 / 2;
    const bucket = createTokenBucket({ ratePerSecond: 10, now: clock.now, share: () => share });
    expect(bucket.reserve()).toBe(0);
    expect(bucket.reserve()).toBe(200);
    clock.advance(200);
    share = 1;
    expect(bucket.reserve()).toBe(100);
  });

  it("keeps N proxies' requests together within the account's limit over a minute", () => {
    const proxies = 3;
    const clock = fakeClock();
    const buckets = Array.from({ length: proxies }, () =>
      createTokenBucket({ ratePerSecond: 25, burst: 12, now: clock.now, share: () => 1 / proxies }),
    );
    // Each proxy sends as fast as its bucket lets it: the next request as soon as its slot comes.
    const nextCallAt = buckets.map(() => clock.now());
    const end = clock.now() + 60_000;
    let sent = 0;
    for (;;) {
      const next = nextCallAt.indexOf(Math.min(...nextCallAt));
      if (nextCallAt[next]! >= end) break;
      clock.advance(nextCallAt[next]! - clock.now());
      const sendsAt = clock.now() + buckets[next]!.reserve();
      if (sendsAt < end) sent += 1;
      nextCallAt[next] = sendsAt;
    }
    // The burst (12 / 3 each) may go at once at the start; after that, 25 a second in all.
    expect(sent).toBeLessThanOrEqual(25 * 60 + 12);
    expect(sent).toBeGreaterThanOrEqual(25 * 60 - 2 * proxies);
  });
});

describe("createRequestPacer with a share", () => {
  it("paces every lane by the share it is given", async () => {
    const clock = fakeClock();
    const waits: number[] = [];
    const pacer = createRequestPacer({
      ratePerSecond: 20,
      filesRatePerSecond: 20,
      searchRatePerSecond: 20,
      maxRateLimitRetries: 0,
      rateLimitRetryDelayMs: 0,
      now: clock.now,
      sleep: async (ms) => {
        waits.push(ms);
      },
      share: () => 1 / 4,
    });
    // Its burst is a quarter of 10: two go at once, then one every 200 ms.
    for (let i = 0; i < 4; i += 1) await pacer.api(async () => "ok");
    expect(waits).toEqual([200, 400]);
  });
});
