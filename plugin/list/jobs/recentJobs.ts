/**
 * The list dialog's "Recent jobs": the app's running and recent bulk jobs as the proxy keeps them
 * (`GET /v1/jobs?appId=`), so closing the dialog loses nothing. Each job shows its progress, its
 * records' errors and, once finished with errors, a link that opens those records in the list.
 * Running jobs are asked again while the dialog is open.
 */
import type { Job } from "../../../core/api/proxyApi";
import type { Language, Messages } from "../../i18n/messages";
import { element } from "../../ui/element";
import { fillTemplate } from "../../ui/fillTemplate";
import type { CheckoutClient } from "../CheckoutClient";
import { failedRecordsUrl } from "./failedRecordsUrl";

export const RECENT_JOBS_CLASS = "kintone-stripe-checkout-jobs";
/** Record errors listed per job; the rest are counted. */
export const ERRORS_SHOWN = 5;
const UNFINISHED = new Set<Job["status"]>(["queued", "running"]);

export interface RecentJobsOptions {
  document: Document;
  messages: Messages;
  language: Language;
  client: Pick<CheckoutClient, "listJobs">;
  appId: string;
  /** The list page's path (e.g. "/k/12/"): a job's failed records open there. */
  listPath: string;
  /** Names a record as the dialog does ("Record 7"). */
  nameRecord: (recordId: string) => string;
  /** How often running jobs are asked again while shown; default 3 s. */
  refreshMs?: number;
}

export interface RecentJobs {
  /** Hidden until the proxy names a job. */
  element: HTMLElement;
  /** Asks the proxy again now (after a job was submitted). */
  refresh(): Promise<void>;
  /** Settles once the first answer is shown (or the proxy could not say). */
  loaded: Promise<void>;
}

export function recentJobs(options: RecentJobsOptions): RecentJobs {
  const { document: doc, messages } = options;
  const list = element(doc, "ul", { className: `${RECENT_JOBS_CLASS}-list` });
  const summary = element(doc, "summary", { text: messages.recentJobsHeading });
  const section = element(doc, "details", { className: RECENT_JOBS_CLASS }, [summary, list]);
  section.hidden = true;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const refresh = async (): Promise<void> => {
    clearTimeout(timer);
    let jobs: Job[];
    try {
      jobs = (await options.client.listJobs(options.appId)).jobs;
    } catch {
      // An older proxy without the list, or one that cannot answer now: the dialog works without it.
      return;
    }
    const firstShown = section.hidden;
    section.hidden = jobs.length === 0;
    summary.textContent = `${messages.recentJobsHeading} (${jobs.length})`;
    list.replaceChildren(...jobs.map((job) => jobItem(options, job)));
    // Open at first when something needs looking at: a job still running, or the last one's errors.
    const newest = jobs[0];
    if (firstShown && newest && (UNFINISHED.has(newest.status) || (newest.failed ?? 0) > 0)) {
      section.open = true;
    }
    if (jobs.some((job) => UNFINISHED.has(job.status))) {
      timer = setTimeout(() => {
        // The dialog was closed (and removed): nothing more to show.
        if (section.isConnected) void refresh();
      }, options.refreshMs ?? 3000);
    }
  };
  return { element: section, refresh, loaded: refresh() };
}

/** One job: its state, when it started, how far it got, its record errors and their link. */
function jobItem(options: RecentJobsOptions, job: Job): HTMLElement {
  const { document: doc, messages } = options;
  const total = job.total ?? 0;
  const done = job.done ?? 0;
  const failed = job.failed ?? 0;
  const unfinished = UNFINISHED.has(job.status);
  const errors = job.errors ?? [];
  const recordErrors = errors.filter((e) => e.recordId !== "");
  const wholeJob = errors.find((e) => e.recordId === "");
  const linkable = recordErrors.filter((e) => e.code !== "RECORD_NOT_FOUND").map((e) => e.recordId);

  const head = element(doc, "div", { className: `${RECENT_JOBS_CLASS}-head` }, [
    element(doc, "span", {
      className: `kintone-stripe-checkout-status-pill ${RECENT_JOBS_CLASS}-status-${job.status}`,
      text: statusLabel(job.status, messages),
    }),
    job.createdAt &&
      element(doc, "span", {
        className: `${RECENT_JOBS_CLASS}-time`,
        text: fillTemplate(messages.jobStartedAt, {
          time: formatTime(job.createdAt, options.language),
        }),
      }),
    element(doc, "span", {
      className: `${RECENT_JOBS_CLASS}-progress`,
      text: fillTemplate(messages.jobProgress, { done, total, failed }),
    }),
  ]);
  const bar =
    unfinished &&
    element(doc, "progress", {
      attributes: { max: String(Math.max(total, 1)), value: String(done + failed) },
    });
  const shown = recordErrors.slice(0, ERRORS_SHOWN);
  const more = Math.max(failed, recordErrors.length) - shown.length;
  const errorList =
    (shown.length > 0 || wholeJob) &&
    element(doc, "ul", { className: `${RECENT_JOBS_CLASS}-errors` }, [
      wholeJob &&
        element(doc, "li", {
          text: fillTemplate(messages.jobFailedAsWhole, { message: wholeJob.message }),
        }),
      ...shown.map((e) =>
        element(doc, "li", {
          text: fillTemplate(messages.resultLine, {
            record: options.nameRecord(e.recordId),
            message: e.message,
          }),
        }),
      ),
      more > 0 && element(doc, "li", { text: messages.jobMoreErrors(more) }),
    ]);
  const link =
    !unfinished &&
    linkable.length > 0 &&
    element(doc, "a", {
      className: `${RECENT_JOBS_CLASS}-open-failed`,
      text: messages.jobOpenFailedRecords(linkable.length),
      attributes: { href: failedRecordsUrl(options.listPath, linkable), target: "_top" },
    });
  return element(
    doc,
    "li",
    {
      className: `${RECENT_JOBS_CLASS}-job`,
      attributes: { "data-job-id": job.id, "data-job-status": job.status },
    },
    [head, bar, errorList, link],
  );
}

function statusLabel(status: Job["status"], messages: Messages): string {
  const labels: Record<Job["status"], string> = {
    queued: messages.jobQueued,
    running: messages.jobRunning,
    succeeded: messages.jobSucceeded,
    partially_failed: messages.jobPartiallyFailed,
    failed: messages.jobFailed,
  };
  return labels[status];
}

function formatTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(language === "ja" ? "ja-JP" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}
