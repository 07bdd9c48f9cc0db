import { AppError } from "./AppError";

/** A named record does not exist. `details`: `[{ recordId }]`. */
export class RecordNotFoundError extends AppError {
  readonly code = "RECORD_NOT_FOUND" as const;
  readonly status = 404;

  constructor(appId: string, recordIds: string[]) {
    super(
      `Record ${recordIds.join(", ")} of app ${appId} does not exist or cannot be read.`,
      recordIds.map((recordId) => ({ recordId })),
    );
  }
}
