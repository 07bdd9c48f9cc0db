/**
 * POST /v1/jobs: checks what can be checked at once — the mapping (400 as
 * /v1/checkouts), the app's token, the query (kintone reads one record with it) — journals the
 * job and hands it to the runner, which answers nothing: progress is read with GET /v1/jobs/:id.
 */
import { randomUUID } from "node:crypto";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";
import { BadRequestError } from "../errors/BadRequestError";
import { UpstreamError } from "../errors/UpstreamError";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import type { JobLanguage } from "../journal/JobStore";
import type { JobRunner } from "./JobRunner";

export type JobSelection = { query: string } | { records: { id: string; revision?: string }[] };

/** `language`: the submitting request's, for the records' error texts; default en. */
export type SubmitJobInput = {
  appId: string;
  mapping: string;
  language?: JobLanguage;
} & JobSelection;

export async function submitJob(
  deps: UseCaseDeps & { jobs: JobRunner },
  input: SubmitJobInput,
): Promise<{ id: string; status: "queued" }> {
  const parsed = parseMappingConfig(input.mapping);
  if (!parsed.ok) throw new BadRequestError("The mapping is not valid.", parsed.problems);
  // A job is one session per record; "single" would put the whole selection in one session.
  if (parsed.mapping.grouping !== "perRecord") {
    throw new BadRequestError(
      'A job makes one session per record: the mapping\'s grouping must be "perRecord" (use /v1/checkouts for one session of up to 100 records).',
      [{ path: "mapping.grouping", message: 'must be "perRecord" for a job' }],
    );
  }
  if (!deps.records.hasApp(input.appId)) {
    throw new BadRequestError(
      `The proxy has no kintone API token for app ${input.appId}; ask the IT administrator to add it to KINTONE_API_TOKENS.`,
      [{ path: "appId", message: "no API token for this app" }],
    );
  }
  if ("query" in input) await assertQueryReadable(deps, input.appId, input.query);

  const jobId = `job_${randomUUID().replaceAll("-", "")}`;
  await deps.journal.jobs.create(
    {
      jobId,
      appId: input.appId,
      mappingJson: JSON.stringify(parsed.mapping),
      query: "query" in input ? input.query : null,
      createdAt: deps.now(),
      language: input.language ?? "en",
    },
    "records" in input
      ? input.records.map((r) => ({
          recordId: r.id,
          ...(r.revision !== undefined ? { revision: r.revision } : {}),
        }))
      : undefined,
  );
  deps.logger.info({ jobId, appId: input.appId }, "job queued");
  deps.jobs.run(jobId);
  return { id: jobId, status: "queued" };
}

/** One plain read with the query: a query kintone refuses is the caller's mistake (400). */
async function assertQueryReadable(deps: UseCaseDeps, appId: string, query: string) {
  try {
    await deps.records.queryRecordIds(appId, query, { limit: 1 });
  } catch (error) {
    if (error instanceof UpstreamError && error.upstreamStatus === 400) {
      throw new BadRequestError("kintone refused the query.", [
        { path: "query", message: error.message },
      ]);
    }
    throw error;
  }
}
