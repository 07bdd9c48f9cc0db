import { AppError } from "./AppError";

/**
 * Unknown job id, answered `NOT_FOUND` as an unknown route is: what the plugin takes as "no such
 * thing here". `details`: `[{ jobId }]`.
 */
export class JobNotFoundError extends AppError {
  readonly code = "NOT_FOUND" as const;
  readonly status = 404;

  constructor(jobId: string) {
    super(`There is no job ${jobId}.`, [{ jobId }]);
  }
}
