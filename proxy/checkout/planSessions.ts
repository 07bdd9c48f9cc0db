import { buildCheckoutPlan } from "../../core/engine/buildCheckoutPlan";
import type { Issue, PlanContext, PlannedSession } from "../../core/engine/CheckoutPlan";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { ValidationFailedError } from "../errors/ValidationFailedError";

/** The languages core's engine words its issues in. */
export type Language = keyof Issue["message"];

/**
 * The engine's sessions for these records; a plan with issues stops here as VALIDATION_FAILED,
 * one detail per issue, worded in `language`, before anything reaches Stripe.
 */
export function planSessions(
  records: KintoneRecord[],
  mapping: MappingConfig,
  language: Language = "en",
  context: PlanContext = {},
): PlannedSession[] {
  const plan = buildCheckoutPlan(records, mapping, context);
  if (plan.ok) return plan.sessions;
  throw new ValidationFailedError(
    plan.issues.map((issue) => ({
      recordId: issue.recordId,
      ...(issue.row !== undefined ? { row: issue.row } : {}),
      field: issue.field,
      code: issue.code,
      message: issue.message[language],
    })),
  );
}
