import { AppError } from "./AppError";

/** A record's revision differs from the one the user saw. `details`: `[{ recordId, expected, actual }]`. */
export class RecordChangedError extends AppError {
  readonly code = "RECORD_CHANGED" as const;
  readonly status = 409;

  constructor(changes: { recordId: string; expected: string; actual: string }[]) {
    super(
      `Record ${changes.map((c) => c.recordId).join(", ")} changed since it was shown. Reload and try again; nothing was charged.`,
      changes,
    );
  }
}
