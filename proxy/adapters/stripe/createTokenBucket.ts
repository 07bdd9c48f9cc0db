/**
 * A client-side rate limiter: `ratePerSecond` tokens a second, at most `burst` saved up. Callers are
 * served in arrival order: each `reserve()` books the next free slot (the balance may go negative),
 * so a burst of callers is spread evenly instead of racing and tripping Stripe's 429s.
 */
export interface TokenBucket {
  /** Books a slot and says how many milliseconds to wait before using it. */
  reserve(): number;
  /** Waits for a slot (later, if a back-off comes while it waits). */
  acquire(): Promise<void>;
  /**
   * The server answered "too many requests": its own bucket is empty. Pushes every slot not yet
   * used back by a burst's worth of time, so the server's bucket fills up again before the next
   * request; without the pause, requests paced at exactly the server's rate keep it empty and
   * every jitter in their arrival is another 429. A back-off during the pause adds nothing (the
   * requests in flight at once are answered 429 together).
   */
  backOff(): void;
}

export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Requests that may go at once after a quiet spell; default 1 (evenly spaced). */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * The part of `ratePerSecond` (and of `burst`) this bucket may use now, in (0, 1]; read on each
   * reservation, so proxies sharing one Stripe account can split its limit. Default the whole.
   */
  share?: () => number;
}

export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond } = options;
  const burst = options.burst ?? 1;
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new Error(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
  }
  if (!(burst >= 1) || !Number.isFinite(burst)) {
    throw new Error(`burst must be at least 1, got ${burst}`);
  }
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const share = options.share ?? (() => 1);
  let tokens = burst;
  let refilledAt = now();

  // The time since the last reservation refills at the share that held then.
  let msPerToken = 1000 / ratePerSecond;
  // All the back-off time added so far, and when the last pause ends.
  let pausedMs = 0;
  let pauseEndsAt = -Infinity;

  /** Refills for the time gone by; answers the burst the current share allows. */
  function refill(time: number): number {
    const part = Math.min(1, Math.max(share(), Number.MIN_VALUE));
    const sharedBurst = Math.max(1, Math.floor(burst * part));
    tokens = Math.min(sharedBurst, tokens + (time - refilledAt) / msPerToken);
    refilledAt = time;
    msPerToken = 1000 / (ratePerSecond * part);
    return sharedBurst;
  }

  function reserve(): number {
    refill(now());
    tokens -= 1;
    // A hair off the product absorbs float error (1000 / (25 / 3) is not exactly 120).
    return tokens >= 0 ? 0 : Math.ceil(-tokens * msPerToken - 1e-9);
  }

  return {
    reserve,
    async acquire() {
      let waitMs = reserve();
      let pausedSeen = pausedMs;
      while (waitMs > 0) {
        await sleep(waitMs);
        // A back-off while this caller slept moves its slot back by the pause.
        waitMs = pausedMs - pausedSeen;
        pausedSeen = pausedMs;
      }
    },
    backOff() {
      const time = now();
      if (time < pauseEndsAt) return;
      const sharedBurst = refill(time);
      const pauseMs = sharedBurst * msPerToken;
      // Nothing saved up survives, and the next free slot comes a pause later.
      tokens = Math.min(tokens, 0) - sharedBurst;
      pausedMs += pauseMs;
      pauseEndsAt = time + pauseMs;
    },
  };
}
