/** GET /v1/jobs?appId=&limit=: the app's recent jobs, newest first, from the journal. */
import type { JobListAnswer } from "../../core/api/proxyApi";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { toJobView } from "./getJob";

/** Jobs listed when the caller names no limit, and the most one may ask for. */
export const DEFAULT_JOBS_LISTED = 10;
export const MAX_JOBS_LISTED = 50;
/** Item errors shown per listed job (the counts are always complete): enough for a list of records. */
export const LISTED_JOB_ERRORS = 100;

export async function listJobs(
  deps: Pick<UseCaseDeps, "journal">,
  query: { appId: string; limit?: number },
): Promise<JobListAnswer> {
  const jobs = await deps.journal.jobs.listForApp(query.appId, query.limit ?? DEFAULT_JOBS_LISTED);
  return { jobs: await Promise.all(jobs.map((job) => toJobView(deps, job, LISTED_JOB_ERRORS))) };
}
