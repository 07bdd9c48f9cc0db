/**
 * The app a call may act on (issue #8, proxy/http/appBinding.ts): `undefined` for an unbound call
 * (any app the proxy serves). A session or job of another app answers as an unknown one, so a
 * caller bound to app 12 cannot even learn that app 13's session exists.
 */
import { SessionNotFoundError } from "../errors/SessionNotFoundError";
import type { CheckoutSession } from "../ports/PaymentGateway";
import { METADATA_APP_ID } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

export type AppScope = { appId: string } | undefined;

/**
 * Throws SESSION_NOT_FOUND unless the session belongs to the scope's app: the journal's word, or
 * Stripe's metadata for a session the journal does not know. A session tied to no app is outside
 * every scope. Call it before anything is written or expired.
 */
export async function assertSessionInScope(
  deps: Pick<UseCaseDeps, "journal">,
  session: CheckoutSession,
  scope: AppScope,
): Promise<void> {
  if (scope === undefined) return;
  const appId =
    (await deps.journal.sessions.get(session.id))?.appId ?? session.metadata[METADATA_APP_ID];
  if (appId !== scope.appId) throw new SessionNotFoundError(session.id);
}

/** Stripe's session, if it exists and is in scope; SESSION_NOT_FOUND otherwise. */
export async function retrieveSessionInScope(
  deps: Pick<UseCaseDeps, "gateway" | "journal">,
  sessionId: string,
  scope: AppScope,
): Promise<CheckoutSession> {
  const session = await deps.gateway.retrieveCheckoutSession(sessionId);
  if (!session) throw new SessionNotFoundError(sessionId);
  await assertSessionInScope(deps, session, scope);
  return session;
}
