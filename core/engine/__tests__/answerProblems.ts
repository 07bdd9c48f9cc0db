import type { CheckoutPlan } from "../CheckoutPlan";
import { issueMessages } from "../issueMessages";
import { MAX_AMOUNT } from "../../money/currencies";

/** What must hold for any answer: integer minor units, or issues that name where. */
export function answerProblems(plan: CheckoutPlan, recordIds: string[]): string[] {
  const problems: string[] = [];
  const unexpected = issueMessages.unexpected().en;
  if (!plan.ok) {
    if (plan.issues.length === 0) problems.push("a failed plan without issues");
    for (const issue of plan.issues) {
      if (issue.message.en === unexpected) problems.push("the engine's safety net caught a throw");
      if (!recordIds.includes(issue.recordId)) problems.push(`unknown recordId ${issue.recordId}`);
      if (typeof issue.field !== "string" || issue.field === "") problems.push("no field named");
      if (issue.row !== undefined && !(Number.isInteger(issue.row) && issue.row >= 1)) {
        problems.push(`row ${issue.row}`);
      }
    }
    return problems;
  }
  for (const session of plan.sessions) {
    let total = 0;
    for (const item of session.lineItems) {
      if (!Number.isSafeInteger(item.unitAmount) || item.unitAmount < 0) {
        problems.push(`unit amount ${item.unitAmount}`);
      }
      if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) {
        problems.push(`quantity ${item.quantity}`);
      }
      total += item.unitAmount * item.quantity;
    }
    if (session.amountTotal !== total || session.amountTotal > MAX_AMOUNT) {
      problems.push(`total ${session.amountTotal} (lines add up to ${total})`);
    }
  }
  return problems;
}
