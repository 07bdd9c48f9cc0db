/**
 * At most `size` tasks at once; the rest wait their turn in the order they came. `map` runs a list
 * through the same limit with `size` workers, so a long list never has more than `size` tasks
 * started (nor promises waiting) at a time.
 */
export class ConcurrencyLimit {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }

  /** `task` for every item, items started in order; the results in the items' order. */
  async map<T, R>(items: readonly T[], task: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await this.run(() => task(items[index] as T, index));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.size, items.length) }, worker));
    return results;
  }
}

/** `task` for every item, at most `limit` at once; the results in the items' order. */
export function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return new ConcurrencyLimit(limit).map(items, task);
}
