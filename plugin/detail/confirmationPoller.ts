/**
 * Asks, gently, whether something awaited has happened (Stripe's webhook written to the record):
 * after 2 s, then 4 s, 8 s, 16 s, 16 s… for about two minutes of visible time. A hidden page is
 * not polled (https://developer.mozilla.org/en-US/docs/Web/API/Document/visibilityState); when it
 * is shown again, polling resumes soon. The clock and the page are injected, so tests run it on
 * fake timers.
 */
export interface PollScheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PageVisibility {
  isHidden(): boolean;
  /** Calls the listener on every visibility change; returns how to stop listening. */
  onChange(listener: () => void): () => void;
}

export interface PollTiming {
  firstMs: number;
  maxMs: number;
  /** Visible waiting time after which polling gives up. */
  budgetMs: number;
}

export const GENTLE_POLLING: PollTiming = { firstMs: 2000, maxMs: 16000, budgetMs: 120000 };

export interface PollOptions {
  /** Resolves true once the awaited change happened; a failed check counts as "not yet". */
  check: () => Promise<boolean>;
  onChanged: () => void;
  onGaveUp: () => void;
  scheduler: PollScheduler;
  visibility: PageVisibility;
  timing?: PollTiming;
}

export interface Poller {
  stop(): void;
}

export function pollUntilChanged(options: PollOptions): Poller {
  const { scheduler, visibility } = options;
  const timing = options.timing ?? GENTLE_POLLING;
  let stopped = false;
  let waited = 0;
  let nextDelay = timing.firstMs;
  let pending: { handle: unknown } | undefined;
  /** Hidden while waiting: the wait resumes when the page is shown. */
  let paused = false;

  const stop = () => {
    stopped = true;
    if (pending) scheduler.clearTimeout(pending.handle);
    pending = undefined;
    stopListening();
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    if (visibility.isHidden()) {
      paused = true;
      return;
    }
    pending = { handle: scheduler.setTimeout(() => void tick(delay), delay) };
  };

  const tick = async (delay: number) => {
    pending = undefined;
    waited += delay;
    const changed = await options.check().catch(() => false);
    if (stopped) return;
    if (changed) {
      stop();
      options.onChanged();
      return;
    }
    if (waited >= timing.budgetMs) {
      stop();
      options.onGaveUp();
      return;
    }
    nextDelay = Math.min(nextDelay * 2, timing.maxMs);
    schedule(nextDelay);
  };

  const stopListening = visibility.onChange(() => {
    if (stopped) return;
    if (visibility.isHidden()) {
      if (pending) {
        scheduler.clearTimeout(pending.handle);
        pending = undefined;
        paused = true;
      }
      return;
    }
    if (paused) {
      paused = false;
      schedule(timing.firstMs);
    }
  });

  schedule(nextDelay);
  return { stop };
}

/** The page's own clock and visibility. */
export function pageScheduler(window: Window): PollScheduler {
  return {
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}

export function pageVisibility(document: Document): PageVisibility {
  return {
    isHidden: () => document.visibilityState === "hidden",
    onChange: (listener) => {
      document.addEventListener("visibilitychange", listener);
      return () => document.removeEventListener("visibilitychange", listener);
    },
  };
}
