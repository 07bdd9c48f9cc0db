/** GET /v1/checkouts/:id — Stripe's current state, tied to its records by the journal or metadata. */
import { retrieveSessionInScope, type AppScope } from "./appScope";
import { toSessionView, type SessionView } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { withSubscriptionView } from "./withSubscriptionView";

export async function getCheckout(
  deps: Pick<UseCaseDeps, "gateway" | "journal">,
  sessionId: string,
  scope?: AppScope,
): Promise<SessionView> {
  const session = await retrieveSessionInScope(deps, sessionId, scope);
  const view = toSessionView(session, await deps.journal.sessions.get(sessionId));
  return withSubscriptionView(deps.journal, view, session);
}
