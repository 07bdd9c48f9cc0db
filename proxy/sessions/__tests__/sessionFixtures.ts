/**
 * One checkout session, cs_1 of app APP, as Stripe and the journal hold it, with its one record
 * in the fakes: for the tests of session changes (events, sync, expire) and session views.
 */
import type { JournalSession } from "../../journal/SessionStore";
import type { CheckoutSession } from "../../ports/PaymentGateway";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping } from "../../../testkit/productRecords";
import { silentLogger } from "../../../testkit/silentLogger";

export const NOW = new Date("2026-01-10T00:00:00Z");
const IN_A_DAY = new Date(NOW.getTime() + 86_400_000);

/** Stripe's cs_1: open and unpaid, 500 JPY, tied to APP by metadata. */
export function stripeSession(overrides: Partial<CheckoutSession> = {}): CheckoutSession {
  return {
    id: "cs_1",
    url: "https://pay.example/cs_1",
    clientSecret: null,
    status: "open",
    paymentStatus: "unpaid",
    amountTotal: 500,
    currency: "jpy",
    customerEmail: null,
    expiresAt: IN_A_DAY,
    createdAt: NOW,
    paymentIntentId: null,
    clientReferenceId: null,
    metadata: { kintone_app_id: APP },
    recoveryUrl: null,
    recoveredFrom: null,
    ...overrides,
  };
}

/** The journal's cs_1 for `recordId`; its mapping writes `status` and `pay_status` back. */
export function journalSession(
  recordId: string,
  overrides: Partial<JournalSession> = {},
): JournalSession {
  return {
    sessionId: "cs_1",
    appId: APP,
    recordIds: [recordId],
    mappingJson: JSON.stringify(
      baseMapping({ writeBack: { status: "status", paymentStatus: "pay_status" } }),
    ),
    status: "open",
    paymentStatus: "unpaid",
    url: "https://pay.example/cs_1",
    currency: "jpy",
    amountTotal: 500,
    customerEmail: null,
    expiresAt: IN_A_DAY,
    createdAt: NOW,
    paidAt: null,
    ...overrides,
  };
}

/** The fakes at NOW with one record of APP (status "open"), and the deps events are applied with. */
export function oneRecordSetup() {
  const made = makeDeps(() => NOW);
  const recordId = made.records.addRecord(APP, {
    status: { type: "SINGLE_LINE_TEXT", value: "open" },
    pay_status: { type: "SINGLE_LINE_TEXT", value: "" },
  });
  const eventDeps = { ...made.deps, logger: silentLogger, servedAppIds: [APP] };
  return { ...made, recordId, eventDeps };
}
