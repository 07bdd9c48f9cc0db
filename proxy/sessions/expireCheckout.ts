/**
 * POST /v1/checkouts/:id/expire — ends an open session so its link no longer takes payment, and
 * writes that into the records. Not open → 409 SESSION_NOT_OPEN; unknown → 404 SESSION_NOT_FOUND.
 */
import { SessionNotOpenError } from "../errors/SessionNotOpenError";
import { retrieveSessionInScope, type AppScope } from "./appScope";
import { recordSessionState } from "./syncCheckout";
import type { SessionView } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

export async function expireCheckout(
  deps: UseCaseDeps,
  sessionId: string,
  scope?: AppScope,
): Promise<SessionView> {
  // Before anything is written or expired: another app's session answers as unknown.
  const current = await retrieveSessionInScope(deps, sessionId, scope);
  if (current.status !== "open") {
    // The journal and records may not know yet (a missed webhook): they learn it on the way out.
    await recordSessionState(deps, current);
    throw new SessionNotOpenError(sessionId, current.status);
  }
  const expired = await deps.gateway.expireCheckoutSession(sessionId);
  return recordSessionState(deps, expired);
}
