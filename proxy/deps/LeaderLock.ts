/**
 * Who runs the work that must run on one proxy at a time (the Stripe event catch-up, the scheduled
 * jobs): the leader. With one process (SQLite) that process always leads; with PostgreSQL one
 * proxy holds the lock and another takes it over when the holder dies.
 */
export interface LeaderLock {
  /** Whether this process leads now; false while it cannot tell (its database connection lost). */
  isLeader(): boolean;
  /** Tries to become (or stay) the leader now: whether it leads afterwards. */
  tryAcquire(): Promise<boolean>;
  /** Gives the lead up (another proxy may take it) and stops trying. */
  close(): Promise<void>;
}

/** One process alone: always the leader. */
export class InProcessLeaderLock implements LeaderLock {
  isLeader(): boolean {
    return true;
  }

  async tryAcquire(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}
}
