import fc from "fast-check";
import { createTokenBucket } from "../createTokenBucket";

function fakeClock(start = 1_000_000) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe("createTokenBucket", () => {
  it("spaces a burst of callers evenly at the configured rate, in arrival order", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 25, now: clock.now });
    const waits = Array.from({ length: 5 }, () => bucket.reserve());
    expect(waits).toEqual([0, 40, 80, 120, 160]);
  });

  it("lets calls through at once when they come no faster than the rate", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, now: clock.now });
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      waits.push(bucket.reserve());
      clock.advance(100);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0]);
  });

  it("saves up at most `burst` tokens during a quiet spell", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now });
    clock.advance(60_000);
    const waits = Array.from({ length: 5 }, () => bucket.reserve());
    expect(waits).toEqual([0, 0, 0, 100, 200]);
  });

  it("never lets more than rate + burst requests start within any one second", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 300 }),
        (rate, burst, gaps) => {
          const clock = fakeClock();
          const bucket = createTokenBucket({ ratePerSecond: rate, burst, now: clock.now });
          const starts = gaps.map((gap) => {
            clock.advance(gap);
            return clock.now() + bucket.reserve();
          });
          starts.sort((a, b) => a - b);
          let windowStart = 0;
          for (let i = 0; i < starts.length; i += 1) {
            while ((starts[i] as number) - (starts[windowStart] as number) >= 1000)
              windowStart += 1;
            expect(i - windowStart + 1).toBeLessThanOrEqual(rate + burst);
          }
        },
      ),
    );
  });

  it("acquire waits for the booked slot", async () => {
    const slept: number[] = [];
    const clock = fakeClock();
    const bucket = createTokenBucket({
      ratePerSecond: 4,
      now: clock.now,
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    expect(slept).toEqual([250, 500]);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => createTokenBucket({ ratePerSecond: 0 })).toThrow(/ratePerSecond/);
  });
});

describe("TokenBucket.backOff (the server answered 429)", () => {
  it("pushes the next free slot back by a burst's worth of time, what was saved up gone", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now });
    expect(bucket.reserve()).toBe(0);
    bucket.backOff();
    // Two tokens were left; now none, and a pause of 3 slots (300 ms) before the next one.
    expect(bucket.reserve()).toBe(400);
    expect(bucket.reserve()).toBe(500);
  });

  it("moves a caller already waiting for its slot back by the same pause, keeping the order", async () => {
    const clock = fakeClock();
    const slept: number[] = [];
    const bucket = createTokenBucket({
      ratePerSecond: 4,
      now: clock.now,
      sleep: async (ms) => {
        slept.push(ms);
        // The 429 comes while the second caller waits for its slot.
        if (slept.length === 1) bucket.backOff();
      },
    });
    await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]);
    // Second: its 250 ms, then the 250 ms pause; third: booked after the pause, at 750 ms.
    expect(slept).toEqual([250, 750, 250]);
  });

  it("adds nothing for a second 429 during the pause (requests in flight together are refused together)", () => {
    const clock = fakeClock();
    const once = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now });
    const twice = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now });
    once.backOff();
    twice.backOff();
    clock.advance(100);
    twice.backOff();
    expect(twice.reserve()).toBe(once.reserve());
  });

  it("pauses again for a 429 that comes after the pause", () => {
    const clock = fakeClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now });
    bucket.backOff();
    clock.advance(300);
    bucket.backOff();
    expect(bucket.reserve()).toBe(400);
  });
});

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
