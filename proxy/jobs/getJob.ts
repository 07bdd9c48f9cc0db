/** GET /v1/jobs/:id: a job's status and progress, from the journal. */
import type { Job } from "../../core/api/proxyApi";
import { JobNotFoundError } from "../errors/JobNotFoundError";
import type { JournalJob } from "../journal/JobStore";
import type { AppScope } from "../sessions/appScope";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

/** Item errors shown at most; the counts are always complete. */
export const MAX_ERRORS_SHOWN = 1000;

/** `scope`: a job of another app answers as unknown (issue #8). */
export async function getJob(
  deps: Pick<UseCaseDeps, "journal">,
  jobId: string,
  scope?: AppScope,
): Promise<Job> {
  const job = await deps.journal.jobs.get(jobId);
  if (!job || (scope !== undefined && job.appId !== scope.appId)) throw new JobNotFoundError(jobId);
  return toJobView(deps, job, MAX_ERRORS_SHOWN);
}

/** A journalled job as the API shows it, with at most `errorLimit` item errors. */
export async function toJobView(
  deps: Pick<UseCaseDeps, "journal">,
  job: JournalJob,
  errorLimit: number,
): Promise<Job> {
  const progress = await deps.journal.jobs.getProgress(job.jobId, errorLimit);
  // A job that failed as a whole (its query could not be read) names no record.
  const errors = job.error ? [{ recordId: "", ...job.error }, ...progress.errors] : progress.errors;
  return {
    id: job.jobId,
    status: job.status,
    total: progress.total,
    done: progress.done,
    failed: progress.failed,
    errors,
    createdAt: job.createdAt.toISOString(),
  };
}
