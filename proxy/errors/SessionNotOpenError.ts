import { AppError } from "./AppError";

export class SessionNotOpenError extends AppError {
  readonly code = "SESSION_NOT_OPEN" as const;
  readonly status = 409;

  constructor(sessionId: string, status: string) {
    super(`Checkout session ${sessionId} is ${status}, not open.`, [{ sessionId, status }]);
  }
}
