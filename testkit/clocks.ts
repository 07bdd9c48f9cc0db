/** Clocks for code that takes `now`: time moves only when the test says so. */
export const FIXED_NOW = new Date("2026-01-10T00:00:00Z");

export function fixedClock(at: Date | string = FIXED_NOW): () => Date {
  const time = new Date(at).getTime();
  return () => new Date(time);
}

export interface ManualClock {
  now: () => Date;
  /** Moves the clock on by `ms` milliseconds. */
  advance(ms: number): void;
}

export function manualClock(start: Date | string = FIXED_NOW): ManualClock {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    advance(ms) {
      time += ms;
    },
  };
}
