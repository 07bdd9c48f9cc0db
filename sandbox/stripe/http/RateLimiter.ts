/** A token bucket: `perSecond` tokens a second, bursts up to `perSecond`. */
export class RateLimiter {
  private tokens: number;
  private refilledAt = Date.now();

  constructor(private perSecond: number | undefined) {
    this.tokens = perSecond ?? 0;
  }

  configure(perSecond: number | undefined): void {
    this.perSecond = perSecond;
    this.tokens = perSecond ?? 0;
    this.refilledAt = Date.now();
  }

  /** Takes a token; false when the bucket is empty (the request gets a 429). */
  take(): boolean {
    const perSecond = this.perSecond;
    if (perSecond === undefined || perSecond <= 0) return true;
    const now = Date.now();
    this.tokens = Math.min(perSecond, this.tokens + ((now - this.refilledAt) / 1000) * perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
