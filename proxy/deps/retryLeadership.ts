/**
 * Keeps trying for the lead on an interval (a proxy that is not the leader takes over once the
 * holder dies), without keeping the process alive.
 */
import type { LeaderLock } from "./LeaderLock";

export interface LeaderRetry {
  stop(): void;
}

export function retryLeadership(
  lock: LeaderLock,
  intervalMs: number,
  onError: (error: unknown) => void,
): LeaderRetry {
  const tick = () => void lock.tryAcquire().catch(onError);
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
