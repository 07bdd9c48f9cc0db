import type { AlreadyPaidDetail } from "../../core/api/proxyApi";
import { AppError } from "./AppError";

/** A new link for records already paid (the mapping has no `allowRepeatPayment`): nothing was sent. */
export class RecordAlreadyPaidError extends AppError {
  readonly code = "RECORD_ALREADY_PAID" as const;
  readonly status = 409;

  constructor(paid: AlreadyPaidDetail[]) {
    const ids = paid.map((p) => p.recordId).join(", ");
    super(
      `Record${paid.length === 1 ? "" : "s"} ${ids} ${paid.length === 1 ? "is" : "are"} already paid; no new link was made (the app does not allow repeat payments).`,
      paid,
    );
  }
}
