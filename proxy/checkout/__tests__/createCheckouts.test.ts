import { RecordWriter } from "../../writeback/RecordWriter";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";
import { createCheckouts } from "../createCheckouts";
import { requestFor, sessionsOf, threeRecords, type TestEnv } from "./checkoutTestKit";

const NOW = new Date("2026-01-10T00:00:00Z");

/** The retry loop's writer, an hour later when the first retry is due. */
function makeLaterWriter(env: TestEnv) {
  return new RecordWriter(env.records, env.journal, env.deps.logger, {
    now: () => new Date(NOW.getTime() + 60 * 60_000),
  });
}

describe("createCheckouts makes sessions and writes them into their records", () => {
  it("makes one session from three records and writes its URL into all three", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const result = await createCheckouts(env.deps, requestFor(ids, {}, "1"));

    expect(result.kind).toBe("created");
    if (result.kind !== "created") return;
    expect(result.sessions).toHaveLength(1);
    const session = result.sessions[0]!;
    expect(session).toMatchObject({
      recordIds: ids,
      currency: "jpy",
      amountTotal: 2500,
      replaced: [],
    });

    const request = env.gateway.requests.get(session.id)!;
    expect(request.lineItems).toEqual([
      { product: { id: "prod_TEA" }, unitAmount: 500, quantity: 2 },
      { product: { id: "prod_CUP" }, unitAmount: 1200, quantity: 1 },
      { product: { name: "Wrapping" }, unitAmount: 100, quantity: 3 },
    ]);
    expect(request.metadata).toEqual({ kintone_app_id: APP, kintone_record_ids: ids.join(",") });
    expect(request.clientReferenceId).toBe(`kintone-${APP}-${ids.join("-")}`);
    expect(env.gateway.products.get("TEA")!.images).toEqual([expect.stringContaining("img-a.png")]);

    for (const id of ids) {
      expect(env.records.field(APP, id, "checkout_url")).toBe(session.url);
      expect(env.records.field(APP, id, "session_id")).toBe(session.id);
      expect(env.records.field(APP, id, "status")).toBe("open");
      expect(env.records.field(APP, id, "amount")).toBe("2500");
      expect(env.records.field(APP, id, "error")).toBe("");
      expect(env.records.field(APP, id, "expires_at")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(await env.journal.sessions.get(session.id)).toMatchObject({
      appId: APP,
      recordIds: ids,
      status: "open",
    });
  });

  it("writes the amount in major units for a currency with decimals", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Book", price: "19.99", qty: "2" });
    await createCheckouts(env.deps, requestFor([id], { currency: "USD" }));
    expect(env.records.field(APP, id, "amount")).toBe("39.98");
    expect([...env.gateway.requests.values()][0]!.lineItems[0]!.unitAmount).toBe(1999);
  });

  it("makes one session per record with grouping perRecord", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const sessions = sessionsOf(
      await createCheckouts(env.deps, requestFor(ids, { grouping: "perRecord" })),
    );
    expect(sessions.map((s) => s.recordIds)).toEqual(ids.map((id) => [id]));
    for (const session of sessions) {
      expect(env.records.field(APP, session.recordIds[0]!, "checkout_url")).toBe(session.url);
    }
  });

  it("writes a new link as unpaid, clearing the payment an earlier link of the record received", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { code: "TEA", name: "Tea", price: "500", qty: "1" });
    // The record's earlier link was paid, then refunded (as the webhooks wrote it).
    await env.records.updateRecords(APP, [
      {
        id,
        record: {
          status: { value: "complete" },
          payment_status: { value: "refunded" },
          paid_at: { value: "2026-01-09T10:00:00Z" },
        },
      },
    ]);
    const mapping = baseMapping();
    const sessions = sessionsOf(
      await createCheckouts(
        env.deps,
        requestFor([id], {
          writeBack: { ...mapping.writeBack, paymentStatus: "payment_status", paidAt: "paid_at" },
        }),
      ),
    );
    expect(env.records.field(APP, id, "session_id")).toBe(sessions[0]!.id);
    expect(env.records.field(APP, id, "status")).toBe("open");
    expect(env.records.field(APP, id, "payment_status")).toBe("unpaid");
    expect(env.records.field(APP, id, "paid_at")).toBe("");
  });

  it("still answers with the session when kintone fails the write-back, and delivers it later", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    env.records.failUpdates = 1;
    const sessions = sessionsOf(await createCheckouts(env.deps, requestFor(ids)));
    expect(env.records.field(APP, ids[0]!, "checkout_url")).toBe("");
    expect(await env.journal.writeBacks.count()).toBe(3);

    const later = makeLaterWriter(env);
    await later.retryPending();
    expect(await env.journal.writeBacks.count()).toBe(0);
    for (const id of ids) expect(env.records.field(APP, id, "checkout_url")).toBe(sessions[0]!.url);
  });
});

describe("createCheckouts previews a dry run", () => {
  it("previews a dry run without calling Stripe or writing records", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const result = await createCheckouts(env.deps, { ...requestFor(ids), dryRun: true });
    expect(result).toEqual({
      kind: "preview",
      preview: {
        sessions: [
          {
            recordIds: ids,
            currency: "jpy",
            amountTotal: 2500,
            amountTax: 0,
            taxes: [],
            lineItems: [
              {
                recordId: ids[0],
                productCode: "TEA",
                name: "Tea",
                unitAmount: 500,
                quantity: 2,
                imageCount: 1,
              },
              {
                recordId: ids[1],
                productCode: "CUP",
                name: "Cup",
                unitAmount: 1200,
                quantity: 1,
                imageCount: 1,
              },
              { recordId: ids[2], name: "Wrapping", unitAmount: 100, quantity: 3, imageCount: 0 },
            ],
          },
        ],
      },
    });
    expect(env.gateway.calls).toEqual([]);
    expect(env.records.updates).toEqual([]);
  });

  it("makes a line per subtable row and previews rows with their numbers", async () => {
    const env = makeDeps();
    const row = (id: string, item: string, price: string, qty: string) => ({
      id,
      value: {
        item: { type: "SINGLE_LINE_TEXT", value: item },
        price: { type: "NUMBER", value: price },
        qty: { type: "NUMBER", value: qty },
      },
    });
    const id = env.records.addRecord(APP, {
      items: {
        type: "SUBTABLE",
        value: [row("r1", "Tea", "500", "2"), row("r2", "Cup", "1200", "1")],
      },
    });
    const request = requestFor([id], {
      source: { type: "subtable", field: "items" },
      lineItem: {
        name: { field: "item" },
        unitPrice: { field: "price" },
        quantity: { field: "qty" },
      },
    });
    const preview = await createCheckouts(env.deps, { ...request, dryRun: true });
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(
      preview.preview.sessions[0]!.lineItems.map((l) => [l.row, l.name, l.unitAmount, l.quantity]),
    ).toEqual([
      [1, "Tea", 500, 2],
      [2, "Cup", 1200, 1],
    ]);
    const created = sessionsOf(await createCheckouts(env.deps, request));
    expect(created[0]!.amountTotal).toBe(2200);
  });
});
