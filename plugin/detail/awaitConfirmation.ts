/**
 * Back from Checkout, the record may still show the link open: Stripe's webhook writes it a moment
 * later. Then the record screen says it waits for Stripe's confirmation and reloads itself once
 * the record was written (its revision moved), polling gently and never while the page is hidden.
 */
import type { SessionViewAnswer } from "../../core/api/proxyApi";
import {
  pollUntilChanged,
  type PageVisibility,
  type Poller,
  type PollScheduler,
} from "./confirmationPoller";

export interface AwaitConfirmationOptions {
  sessionId: string;
  /** The checkout status the record shows (undefined when the mapping writes none). */
  shownStatus?: string;
  /** The page's URL carries this session's id: Checkout's success URL sent the buyer here. */
  returnedFromCheckout: boolean;
  getSession: (sessionId: string) => Promise<{ session: SessionViewAnswer }>;
  /** The record's revision as kintone holds it now; a new one means the record was written. */
  readRevision: () => Promise<string | undefined>;
  revision: string | undefined;
  scheduler: PollScheduler;
  visibility: PageVisibility;
  onWaiting: () => void;
  onChanged: () => void;
  onGaveUp: () => void;
}

/** Whether the record is behind Stripe: returned from Checkout, or Stripe closed the session the record shows open. */
export async function recordAwaitsConfirmation(
  options: Pick<
    AwaitConfirmationOptions,
    "sessionId" | "shownStatus" | "returnedFromCheckout" | "getSession"
  >,
): Promise<boolean> {
  const { shownStatus } = options;
  if (shownStatus === "complete" || shownStatus === "expired") return false;
  if (options.returnedFromCheckout) return true;
  if (shownStatus !== "open") return false;
  try {
    const { session } = await options.getSession(options.sessionId);
    return session.status !== "open";
  } catch {
    return false;
  }
}

/** Starts waiting when the record awaits Stripe's confirmation; resolves to the poller, if any. */
export async function awaitConfirmation(
  options: AwaitConfirmationOptions,
): Promise<Poller | undefined> {
  if (options.revision === undefined || !(await recordAwaitsConfirmation(options))) {
    return undefined;
  }
  options.onWaiting();
  return pollUntilChanged({
    check: async () => {
      const revision = await options.readRevision();
      return revision !== undefined && revision !== options.revision;
    },
    onChanged: options.onChanged,
    onGaveUp: options.onGaveUp,
    scheduler: options.scheduler,
    visibility: options.visibility,
  });
}

/** The session id Checkout put in the success URL (`{CHECKOUT_SESSION_ID}`), if any. */
export function returnedSessionId(search: string): string | undefined {
  const value = new URLSearchParams(search).get("session_id");
  return value === null || value === "" ? undefined : value;
}
