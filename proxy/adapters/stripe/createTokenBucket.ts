/**
 * A client-side rate limiter: `ratePerSecond` tokens a second, at most `burst` saved up. Callers are
 * served in arrival order: each `reserve()` books the next free slot (the balance may go negative),
 * so a burst of callers is spread evenly instead of racing and tripping Stripe's 429s.
 */
export interface TokenBucket {
  /** Books a slot and says how many milliseconds to wait before using it. */
  reserve(): number;
  /** Waits for a slot. */
  acquire(): Promise<void>;
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

  function reserve(): number {
    const time = now();
    const part = Math.min(1, Math.max(share(), Number.MIN_VALUE));
    const sharedBurst = Math.max(1, Math.floor(burst * part));
    tokens = Math.min(sharedBurst, tokens + (time - refilledAt) / msPerToken);
    refilledAt = time;
    msPerToken = 1000 / (ratePerSecond * part);
    tokens -= 1;
    // A hair off the product absorbs float error (1000 / (25 / 3) is not exactly 120).
    return tokens >= 0 ? 0 : Math.ceil(-tokens * msPerToken - 1e-9);
  }

  return {
    reserve,
    async acquire() {
      const waitMs = reserve();
      if (waitMs > 0) await sleep(waitMs);
    },
  };
}
