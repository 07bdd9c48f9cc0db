/**
 * In-process coordination of concurrent requests of one proxy: single flights (concurrent
 * callers with one key share one promise) and per-key locks (callers take turns). Each proxy is
 * given its own instance (see `UseCaseDeps`), so two proxies in one process (tests, the sandbox)
 * never share state.
 */

export class Coordination {
  private readonly flights = new Map<string, Promise<unknown>>();
  private readonly tails = new Map<string, Promise<void>>();

  singleFlight<T>(key: string, task: () => Promise<T>): Promise<T> {
    const running = this.flights.get(key);
    if (running) return running as Promise<T>;
    const started = task().finally(() => this.flights.delete(key));
    this.flights.set(key, started);
    return started;
  }

  /** Runs `task` holding every key's lock; keys are taken in sorted order, so no deadlock. */
  async withLocks<T>(keys: string[], task: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: (() => void)[] = [];
    try {
      for (const key of sorted) releases.push(await this.acquire(key));
      return await task();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
