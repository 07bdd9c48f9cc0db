/**
 * Submits the configured scheduled jobs (`SCHEDULED_JOBS`) when their cron fires. A schedule whose
 * previous job is still unfinished skips its turn: two jobs over one query would race each other
 * to replace the same records' sessions.
 */
import { Cron } from "croner";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import type { JobRunner } from "./JobRunner";
import type { ScheduledJob } from "./scheduledJobsSchema";
import { submitJob } from "./submitJob";

export interface Schedules {
  stop(): void;
}

export function scheduleJobs(
  deps: UseCaseDeps & { jobs: JobRunner },
  schedules: ScheduledJob[],
  /** Whether this proxy leads now: of proxies sharing one database, only the leader submits. */
  isLeader: () => boolean = () => true,
): Schedules {
  const crons = schedules.map((schedule) => {
    let lastJobId: string | undefined;
    const fire = async () => {
      if (!isLeader()) return;
      const last = lastJobId ? await deps.journal.jobs.get(lastJobId) : undefined;
      if (last && (last.status === "queued" || last.status === "running")) {
        deps.logger.warn(
          { schedule: schedule.name, jobId: lastJobId },
          "scheduled job skipped: its previous job is still running",
        );
        return;
      }
      try {
        const job = await submitJob(deps, {
          appId: schedule.appId,
          query: schedule.query,
          mapping: schedule.mapping,
        });
        lastJobId = job.id;
        deps.logger.info({ schedule: schedule.name, jobId: job.id }, "scheduled job submitted");
      } catch (error) {
        deps.logger.error({ err: error, schedule: schedule.name }, "scheduled job not submitted");
      }
    };
    return new Cron(schedule.cron, { protect: true, unref: true, ...timezone(schedule) }, fire);
  });
  return {
    stop() {
      for (const cron of crons) cron.stop();
    },
  };
}

function timezone(schedule: ScheduledJob): { timezone?: string } {
  return schedule.timezone ? { timezone: schedule.timezone } : {};
}
