/** A session and a job as the journal keeps them, for the store and adapter tests. */
import type { NewJob } from "../JobStore";
import type { JournalSession } from "../SessionStore";

export function aSession(id: string, overrides: Partial<JournalSession> = {}): JournalSession {
  return {
    sessionId: id,
    appId: "12",
    recordIds: ["1"],
    mappingJson: "{}",
    status: "open",
    paymentStatus: "unpaid",
    url: `https://checkout.example/${id}`,
    currency: "jpy",
    amountTotal: 500,
    customerEmail: null,
    expiresAt: new Date("2026-01-11T00:00:00Z"),
    createdAt: new Date("2026-01-10T00:00:00Z"),
    paidAt: null,
    amountRefunded: 0,
    refund: "none",
    dispute: "none",
    paymentIntentId: null,
    recoveryUrl: null,
    ...overrides,
  };
}

export function aJob(jobId: string, createdAt = new Date("2026-01-01T00:00:00Z")): NewJob {
  return { jobId, appId: "12", mappingJson: "{}", query: null, createdAt };
}
