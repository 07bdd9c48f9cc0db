/**
 * The pacer's timing in fake time: the clock stands still and every wait is recorded instead of slept.
 */
import Stripe from "stripe";
import { createRequestPacer, type RequestPacerOptions } from "../createRequestPacer";

function pacerWithFakeClock(overrides: Partial<RequestPacerOptions> = {}) {
  const waitsMs: number[] = [];
  const pacer = createRequestPacer({
    ratePerSecond: 10,
    filesRatePerSecond: 10,
    searchRatePerSecond: 10,
    maxRateLimitRetries: 2,
    rateLimitRetryDelayMs: 100,
    now: () => 0,
    sleep: async (ms) => {
      waitsMs.push(ms);
    },
    ...overrides,
  });
  return { pacer, waitsMs };
}

const rateLimited = () =>
  new Stripe.errors.StripeRateLimitError({ message: "Too many", statusCode: 429 });

afterEach(() => jest.restoreAllMocks());

describe("createRequestPacer in fake time", () => {
  it("lets half a second's allowance go at once, then the rest of 15 requests at 10/s 100 ms apart", async () => {
    const { pacer, waitsMs } = pacerWithFakeClock();

    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => pacer.api(async () => i)),
    );

    expect(results).toEqual(Array.from({ length: 15 }, (_, i) => i));
    // 5 go at once; the other 10 wait for slots 100, 200, ... 1000 ms away.
    expect(waitsMs).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 100));
  });

  it("counts a Files upload against both the Files limit and the general one", async () => {
    const { pacer, waitsMs } = pacerWithFakeClock({ ratePerSecond: 100, filesRatePerSecond: 4 });

    await Promise.all(Array.from({ length: 4 }, () => pacer.files(async () => "uploaded")));

    // Files: a burst of 2 at 4/s, then 250 and 500 ms; the general lane never makes one wait.
    expect(waitsMs).toEqual([250, 500]);
  });

  it("waits the retry delay after a 429, doubled for the next one", async () => {
    jest.spyOn(Math, "random").mockReturnValue(1); // the jitter at its top: the full delay
    const { pacer, waitsMs } = pacerWithFakeClock({ ratePerSecond: 1000 });
    const request = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(rateLimited())
      .mockRejectedValueOnce(rateLimited())
      .mockResolvedValueOnce("ok");

    await expect(pacer.api(request)).resolves.toBe("ok");

    expect(request).toHaveBeenCalledTimes(3);
    // Each retry delay is followed by the lane's pause (half a second at 1000/s, the clock
    // standing still: the second 429 falls within the first pause and adds none).
    expect(waitsMs).toEqual([100, 501, 200, 502]);
  });

  it("makes every later request wait out the pause after a 429, not only the one refused", async () => {
    const { pacer, waitsMs } = pacerWithFakeClock({ ratePerSecond: 1000 });
    const refusedOnce = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(rateLimited())
      .mockResolvedValueOnce("ok");
    await pacer.api(refusedOnce);
    waitsMs.length = 0;

    await expect(pacer.api(async () => "next")).resolves.toBe("next");

    // Without the 429, 500 tokens would be left: this one would go at once.
    expect(waitsMs).toEqual([502]);
  });

  it("pauses the lanes a refused upload counts against", async () => {
    const { pacer, waitsMs } = pacerWithFakeClock({ ratePerSecond: 100, filesRatePerSecond: 100 });
    const refusedOnce = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(rateLimited())
      .mockResolvedValueOnce("uploaded");
    await pacer.files(refusedOnce);
    waitsMs.length = 0;

    await pacer.api(async () => "general");
    await pacer.files(async () => "files");

    // The general lane: pause of 50 slots at 10 ms, behind the retry's slot. The Files lane
    // likewise, once the general lane's wait is over (the clock stands still).
    expect(waitsMs).toEqual([520, 530, 520]);
  });

  it("gives up with the 429 once the retries are spent", async () => {
    const { pacer } = pacerWithFakeClock({ maxRateLimitRetries: 1 });
    const request = jest.fn<Promise<string>, []>().mockRejectedValue(rateLimited());

    await expect(pacer.api(request)).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(request).toHaveBeenCalledTimes(2);
  });
});

describe("createRequestPacer with a share of the limits", () => {
  it("paces every lane by the share it is given", async () => {
    const { pacer, waitsMs } = pacerWithFakeClock({ ratePerSecond: 20, share: () => 1 / 4 });
    // Its burst is a quarter of 10: two go at once, then one every 200 ms.
    for (let i = 0; i < 4; i += 1) await pacer.api(async () => "ok");
    expect(waitsMs).toEqual([200, 400]);
  });
});
