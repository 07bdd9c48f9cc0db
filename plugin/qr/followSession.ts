/**
 * While a QR code is shown, the screen follows its session through the proxy (Stripe's own state)
 * until it is paid or closed: polled gently with backoff, never while the page is hidden
 * (confirmationPoller). A buyer at a counter may take minutes, so the budget is longer than the
 * wait after a return from Checkout.
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import { billedStateOf, type BilledState } from "../billing/billedState";
import {
  pollUntilChanged,
  type PageVisibility,
  type Poller,
  type PollScheduler,
  type PollTiming,
} from "../detail/confirmationPoller";

export const FOLLOW_SESSION_TIMING: PollTiming = {
  firstMs: 2000,
  maxMs: 8000,
  budgetMs: 15 * 60 * 1000,
};

/** Where the session ended up: billed (paid, konbini on its way…), or closed unpaid. */
export type SessionOutcome =
  { kind: "billed"; state: BilledState; session: SessionViewAnswer } | { kind: "expired" };

export function sessionOutcome(session: SessionViewAnswer): SessionOutcome | undefined {
  const state = billedStateOf(session.paymentStatus, session.status === "complete");
  if (state !== undefined) return { kind: "billed", state, session };
  return session.status === "expired" ? { kind: "expired" } : undefined;
}

export interface FollowSessionOptions {
  sessionId: string;
  getSession: (sessionId: string) => Promise<{ session: SessionViewAnswer }>;
  onSession?: (session: SessionViewAnswer) => void;
  onSettled: (outcome: SessionOutcome) => void;
  onGaveUp: () => void;
  scheduler: PollScheduler;
  visibility: PageVisibility;
  timing?: PollTiming;
}

export function followSession(options: FollowSessionOptions): Poller {
  let outcome: SessionOutcome | undefined;
  return pollUntilChanged({
    check: async () => {
      const { session } = await options.getSession(options.sessionId);
      options.onSession?.(session);
      outcome = sessionOutcome(session);
      return outcome !== undefined;
    },
    onChanged: () => options.onSettled(outcome!),
    onGaveUp: options.onGaveUp,
    scheduler: options.scheduler,
    visibility: options.visibility,
    timing: options.timing ?? FOLLOW_SESSION_TIMING,
  });
}
