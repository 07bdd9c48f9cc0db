import { AppError } from "./AppError";

/** Malformed body, or a mapping that fails its schema. `details`: `[{ path, message }]`. */
export class BadRequestError extends AppError {
  readonly code = "BAD_REQUEST" as const;
  readonly status = 400;
}
