import { AppError } from "./AppError";

export interface ValidationDetail {
  recordId: string;
  row?: number;
  field: string;
  code?: string;
  message: string;
}

/** Records that cannot become valid line items; nothing was sent to Stripe. */
export class ValidationFailedError extends AppError {
  readonly code = "VALIDATION_FAILED" as const;
  readonly status = 422;

  constructor(details: ValidationDetail[]) {
    super(
      `${details.length} problem(s) in the selected records; nothing was sent to Stripe.`,
      details,
    );
  }
}
