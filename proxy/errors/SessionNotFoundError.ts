import { AppError } from "./AppError";

export class SessionNotFoundError extends AppError {
  readonly code = "SESSION_NOT_FOUND" as const;
  readonly status = 404;

  constructor(sessionId: string) {
    super(`Checkout session ${sessionId} is unknown.`);
  }
}
