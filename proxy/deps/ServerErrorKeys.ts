/**
 * Idempotency keys whose checkout-session create already got one 5xx answer from this proxy.
 * Stripe saves a 5xx under its key and replays it to a second request with that key, so a second
 * 5xx means only a new key can get past it. Each proxy is given its own instance (see
 * `UseCaseDeps`), so two proxies in one process (tests, the sandbox) never share state.
 */
export class ServerErrorKeys {
  private readonly seen = new Set<string>();

  /** Notes a 5xx under `key`: true the first time; the second time false, and the key forgotten. */
  isFirst(key: string): boolean {
    if (this.seen.delete(key)) return false;
    this.seen.add(key);
    return true;
  }
}
