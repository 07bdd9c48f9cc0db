import { AppError } from "./AppError";

/**
 * Unknown job id. DESIGN §5 lists no code for it: `NOT_FOUND` is what the proxy already answers for
 * an unknown route, and what the plugin takes as "no such thing here". `details`: `[{ jobId }]`.
 */
export class JobNotFoundError extends AppError {
  readonly code = "NOT_FOUND" as const;
  readonly status = 404;

  constructor(jobId: string) {
    super(`There is no job ${jobId}.`, [{ jobId }]);
  }
}
