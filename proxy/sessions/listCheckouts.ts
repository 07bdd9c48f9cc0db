/**
 * GET /v1/checkouts — sessions by app/record come from the journal (Stripe cannot filter by
 * metadata); by status/e-mail/payment intent alone from Stripe's list.
 */
import { BadRequestError } from "../errors/BadRequestError";
import { UpstreamError } from "../errors/UpstreamError";
import type { SessionStatus } from "../ports/PaymentGateway";
import type { SessionListAnswer } from "../../core/api/proxyApi";
import { journalSessionView, toSessionView } from "./sessionView";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

export interface ListCheckoutsQuery {
  appId?: string;
  recordId?: string;
  status?: SessionStatus;
  customerEmail?: string;
  paymentIntent?: string;
  /** 1..100, default 10 (as Stripe's lists). */
  limit?: number;
  startingAfter?: string;
}

export async function listCheckouts(
  deps: Pick<UseCaseDeps, "gateway" | "journal">,
  query: ListCheckoutsQuery,
): Promise<SessionListAnswer> {
  const limit = query.limit ?? 10;
  const byRecords = query.appId !== undefined || query.recordId !== undefined;
  if (byRecords && query.paymentIntent === undefined) {
    const page = await deps.journal.sessions.list({
      appId: query.appId,
      recordId: query.recordId,
      status: query.status,
      customerEmail: query.customerEmail,
      limit,
      startingAfter: query.startingAfter,
    });
    return { sessions: page.sessions.map(journalSessionView), hasMore: page.hasMore };
  }
  const page = await deps.gateway
    .listCheckoutSessions({
      status: query.status,
      customerEmail: query.customerEmail,
      paymentIntent: query.paymentIntent,
      limit,
      startingAfter: query.startingAfter,
    })
    .catch((error: unknown) => {
      // Stripe's 400 for a cursor naming no session is the caller's mistake, not Stripe failing.
      if (
        query.startingAfter !== undefined &&
        error instanceof UpstreamError &&
        error.upstreamCode === "resource_missing"
      ) {
        throw new BadRequestError("startingAfter names no checkout session.", [
          { path: "startingAfter", message: "names no checkout session" },
        ]);
      }
      throw error;
    });
  const journalled = await Promise.all(page.sessions.map((s) => deps.journal.sessions.get(s.id)));
  const views = page.sessions
    .map((s, i) => toSessionView(s, journalled[i]))
    .filter(
      (v) =>
        (query.appId === undefined || v.appId === query.appId) &&
        (query.recordId === undefined || v.recordIds.includes(query.recordId)),
    );
  return { sessions: views, hasMore: page.hasMore };
}
