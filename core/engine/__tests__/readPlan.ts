/** Reading a plan in a test: its sessions, its issues or its one line item, failing loudly otherwise. */
import type { CheckoutPlan, Issue, PlannedLineItem, PlannedSession } from "../CheckoutPlan";

export function sessionsOf(plan: CheckoutPlan): PlannedSession[] {
  if (!plan.ok)
    throw new Error(`expected a plan, got issues: ${JSON.stringify(plan.issues, null, 2)}`);
  return plan.sessions;
}

export function issuesOf(plan: CheckoutPlan): Issue[] {
  if (plan.ok)
    throw new Error(`expected issues, got a plan: ${JSON.stringify(plan.sessions, null, 2)}`);
  return plan.issues;
}

export function onlyItem(plan: CheckoutPlan): PlannedLineItem {
  const sessions = sessionsOf(plan);
  expect(sessions).toHaveLength(1);
  expect(sessions[0]!.lineItems).toHaveLength(1);
  return sessions[0]!.lineItems[0]!;
}
