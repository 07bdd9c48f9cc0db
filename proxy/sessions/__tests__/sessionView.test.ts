import { recordIdsFromMetadata, recordIdsMetadata, toSessionView } from "../sessionView";
import { stripeSession } from "./sessionFixtures";

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
});
