import {
  journalSessionView,
  recordIdsFromMetadata,
  recordIdsMetadata,
  toSessionView,
} from "../sessionView";
import { journalSession, stripeSession } from "./sessionFixtures";

describe("record ids in Stripe metadata", () => {
  it("keeps a short list in kintone_record_ids", () => {
    expect(recordIdsMetadata(["1", "2", "3"])).toEqual({ kintone_record_ids: "1,2,3" });
  });

  it("continues a long list in numbered keys of at most 500 characters, and reads it back", () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(1_000_000 + i));
    const metadata = recordIdsMetadata(ids);
    expect(Object.keys(metadata)).toEqual(["kintone_record_ids", "kintone_record_ids_2"]);
    for (const value of Object.values(metadata)) expect(value.length).toBeLessThanOrEqual(500);
    expect(recordIdsFromMetadata(metadata)).toEqual(ids);
  });
});

describe("toSessionView", () => {
  // Expires at 2026-01-11T00:00:00Z, a day after the fixtures' NOW.
  const session = stripeSession({
    url: null,
    status: "complete",
    paymentStatus: "paid",
    customerEmail: "a@example.com",
    paymentIntentId: "pi_1",
    clientReferenceId: "kintone-12-1",
    metadata: { kintone_app_id: "12", kintone_record_ids: "1,2" },
  });

  it("ties a session the journal does not know to its records through metadata", () => {
    expect(toSessionView(session)).toEqual({
      id: "cs_1",
      url: null,
      status: "complete",
      paymentStatus: "paid",
      amountTotal: 500,
      currency: "jpy",
      customerEmail: "a@example.com",
      expiresAt: "2026-01-11T00:00:00.000Z",
      appId: "12",
      recordIds: ["1", "2"],
    });
  });

  it("shows the journal's disputes, the refunded amount and an expired session's recovery link", () => {
    const journalled = journalSession("1", {
      status: "complete",
      paymentStatus: "disputed",
      amountRefunded: 200,
      dispute: "open",
    });
    expect(toSessionView(session, journalled)).toMatchObject({
      paymentStatus: "disputed",
      amountRefunded: 200,
    });
    const expired = journalSession("1", {
      status: "expired",
      recoveryUrl: "https://pay.example/r/cs_1",
    });
    expect(journalSessionView(expired)).toMatchObject({
      recoveryUrl: "https://pay.example/r/cs_1",
    });
    expect(journalSessionView(journalSession("1"))).not.toHaveProperty("amountRefunded");
  });
});

describe("toSessionView of an embedded session", () => {
  const embedded = { url: null, clientSecret: "cs_9_secret_abc" };

  it("gives the client secret while the session is open, so Stripe.js can open it", () => {
    const view = toSessionView(stripeSession({ ...embedded, status: "open" }));
    expect(view.clientSecret).toBe("cs_9_secret_abc");
  });

  it("leaves it out once the session is complete or expired", () => {
    for (const status of ["complete", "expired"] as const) {
      expect(toSessionView(stripeSession({ ...embedded, status }))).not.toHaveProperty(
        "clientSecret",
      );
    }
  });
});
