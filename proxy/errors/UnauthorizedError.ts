import { AppError } from "./AppError";

/** Missing or wrong proxy secret (401), or a bad webhook signature (400, see `status`). */
export class UnauthorizedError extends AppError {
  readonly code = "UNAUTHORIZED" as const;
  readonly status: number;

  constructor(message: string, options: { status?: 400 | 401 } = {}) {
    super(message);
    this.status = options.status ?? 401;
  }
}
