/**
 * The lease on the slice of a job's items this proxy works on: renewed while it works (a third of
 * the lease apart, so one missed renewal costs nothing), dropped when the slice is done. A proxy
 * that dies renews nothing: its items are claimable again once the lease runs out.
 */
import type { UseCaseDeps } from "../deps/UseCaseDeps";

export async function whileLeased<T>(
  deps: Pick<UseCaseDeps, "journal" | "logger" | "now">,
  lease: { jobId: string; owner: string; leaseMs: number },
  work: () => Promise<T>,
): Promise<T> {
  const renew = () =>
    deps.journal.jobs
      .renewClaims(lease.jobId, lease.owner, new Date(deps.now().getTime() + lease.leaseMs))
      .catch((error: unknown) =>
        deps.logger.warn(
          { err: error, jobId: lease.jobId },
          "job lease not renewed; next try later",
        ),
      );
  const timer = setInterval(() => void renew(), Math.max(1, Math.floor(lease.leaseMs / 3)));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
