import { BadRequestError } from "../../errors/BadRequestError";
import { RecordChangedError } from "../../errors/RecordChangedError";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { UpstreamError } from "../../errors/UpstreamError";
import { ValidationFailedError } from "../../errors/ValidationFailedError";
import { RecordWriter } from "../../writeback/RecordWriter";
import { createCheckouts, EXPIRY_SAFETY_MARGIN_MS, sessionExpiry } from "../createCheckouts";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";

const NOW = new Date("2026-01-10T00:00:00Z");

function threeRecords(env: ReturnType<typeof makeDeps>) {
  env.records.files.set("img-a", Buffer.from("AAA"));
  env.records.files.set("img-b", Buffer.from("BBB"));
  return [
    productRecord(env.records, {
      code: "TEA",
      name: "Tea",
      price: "500",
      qty: "2",
      photo: "img-a",
    }),
    productRecord(env.records, {
      code: "CUP",
      name: "Cup",
      price: "1200",
      qty: "1",
      photo: "img-b",
    }),
    productRecord(env.records, { name: "Wrapping", price: "100", qty: "3" }),
  ];
}

describe("createCheckouts", () => {
  it("makes one session from three records and writes its URL into all three", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const result = await createCheckouts(env.deps, {
      appId: APP,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: JSON.stringify(baseMapping()),
    });

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
    expect(env.journal.getSession(session.id)).toMatchObject({
      appId: APP,
      recordIds: ids,
      status: "open",
    });
  });

  it("writes the amount in major units for a currency with decimals", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Book", price: "19.99", qty: "2" });
    await createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify(baseMapping({ currency: "USD" })),
    });
    expect(env.records.field(APP, id, "amount")).toBe("39.98");
    expect([...env.gateway.requests.values()][0]!.lineItems[0]!.unitAmount).toBe(1999);
  });

  it("answers BAD_REQUEST with the mapping's problems when the mapping is invalid", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    const attempt = createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify({ ...baseMapping(), version: 2 }),
    });
    await expect(attempt).rejects.toBeInstanceOf(BadRequestError);
    await expect(attempt).rejects.toMatchObject({
      details: [expect.objectContaining({ path: "version" })],
    });
    expect(env.gateway.calls).toEqual([]);
  });

  it("refuses an app the proxy has no token for", async () => {
    const env = makeDeps();
    const attempt = createCheckouts(env.deps, {
      appId: "99",
      records: [{ id: "1" }],
      mapping: JSON.stringify(baseMapping()),
    });
    await expect(attempt).rejects.toBeInstanceOf(BadRequestError);
  });

  it("answers RECORD_NOT_FOUND naming a missing record, and charges nothing", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    const attempt = createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }, { id: "77" }],
      mapping: JSON.stringify(baseMapping()),
    });
    await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(attempt).rejects.toMatchObject({ details: [{ recordId: "77" }] });
    expect(env.gateway.calls).toEqual([]);
  });

  it("answers RECORD_CHANGED when a record's revision moved on, and charges nothing", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    env.records.edit(APP, id, "price", "50");
    const attempt = createCheckouts(env.deps, {
      appId: APP,
      records: [{ id, revision: "1" }],
      mapping: JSON.stringify(baseMapping()),
    });
    await expect(attempt).rejects.toBeInstanceOf(RecordChangedError);
    await expect(attempt).rejects.toMatchObject({
      details: [{ recordId: id, expected: "1", actual: "2" }],
    });
    expect(env.gateway.calls).toEqual([]);
    expect(env.records.updates).toEqual([]);
  });

  it("answers a repeated request with the sessions it made, though its write-back moved the revisions on", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = {
      appId: APP,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: JSON.stringify(baseMapping({ grouping: "perRecord" })),
    };
    const first = await createCheckouts(env.deps, input);
    expect(env.records.field(APP, ids[0]!, "$revision")).toBe("2");
    env.gateway.calls = [];
    const again = await createCheckouts(env.deps, input);
    expect(again).toEqual(first);
    expect(env.gateway.calls).toEqual([]);

    // Once a session is no longer open, the stale revision is a real conflict again.
    if (first.kind !== "created") throw new Error("expected sessions");
    await env.gateway.expireCheckoutSession(first.sessions[1]!.id);
    env.journal.updateSessionState(first.sessions[1]!.id, { status: "expired" });
    await expect(createCheckouts(env.deps, input)).rejects.toBeInstanceOf(RecordChangedError);
  });

  it("answers VALIDATION_FAILED naming each record and field, in the asked language, with nothing sent", async () => {
    const env = makeDeps();
    const good = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    const badPrice = productRecord(env.records, { name: "Cup", price: "abc", qty: "1" });
    const badQty = productRecord(env.records, { name: "Pot", price: "900", qty: "1.5" });
    const run = (language: "en" | "ja") =>
      createCheckouts(env.deps, {
        appId: APP,
        records: [{ id: good }, { id: badPrice }, { id: badQty }],
        mapping: JSON.stringify(baseMapping()),
        language,
      });

    const english = await run("en").catch((e: unknown) => e);
    expect(english).toBeInstanceOf(ValidationFailedError);
    const details = (english as ValidationFailedError).details as {
      recordId: string;
      field: string;
      message: string;
    }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ recordId: badPrice, field: "price" }),
        expect.objectContaining({ recordId: badQty, field: "qty" }),
      ]),
    );
    expect(details.some((d) => d.recordId === good)).toBe(false);

    const japanese = (await run("ja").catch((e: unknown) => e)) as ValidationFailedError;
    const jaMessages = (japanese.details as { message: string }[]).map((d) => d.message);
    expect(jaMessages.join("")).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    expect(jaMessages).not.toEqual(details.map((d) => d.message));

    expect(env.gateway.calls).toEqual([]);
    expect(env.records.updates).toEqual([]);
  });

  it("previews a dry run without calling Stripe or writing records", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const result = await createCheckouts(env.deps, {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping()),
      dryRun: true,
    });
    expect(result).toEqual({
      kind: "preview",
      preview: {
        sessions: [
          {
            recordIds: ids,
            currency: "jpy",
            amountTotal: 2500,
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

  it("makes one session for a retry of the same request", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping({ writeBack: {} })),
    };
    const first = await createCheckouts(env.deps, input);
    const second = await createCheckouts(env.deps, input);
    expect(env.gateway.sessions.size).toBe(1);
    expect(second).toEqual(first);
    const keys = env.gateway
      .callsOf("createCheckoutSession")
      .map((c) => (c.args as { idempotencyKey: string }).idempotencyKey);
    expect(new Set(keys).size).toBe(1);
  });

  it("makes one session for two concurrent identical requests (a double click)", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping()),
    };
    const [a, b] = await Promise.all([
      createCheckouts(env.deps, input),
      createCheckouts(env.deps, input),
    ]);
    expect(env.gateway.sessions.size).toBe(1);
    expect(a).toEqual(b);
  });

  it("expires the records' earlier open session and lists it in replaced", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping()),
    };
    const first = await createCheckouts(env.deps, input);
    const second = await createCheckouts(env.deps, input); // revisions moved on with the write-back
    if (first.kind !== "created" || second.kind !== "created") throw new Error("expected sessions");
    const earlier = first.sessions[0]!.id;
    expect(second.sessions[0]!.id).not.toBe(earlier);
    expect(second.sessions[0]!.replaced).toEqual([earlier]);
    expect(env.gateway.sessions.get(earlier)!.status).toBe("expired");
    expect(env.journal.getSession(earlier)!.status).toBe("expired");
    expect(env.records.field(APP, ids[0]!, "session_id")).toBe(second.sessions[0]!.id);
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
    const result = await createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify({
        ...mapping,
        writeBack: { ...mapping.writeBack, paymentStatus: "payment_status", paidAt: "paid_at" },
      }),
    });
    if (result.kind !== "created") throw new Error("expected a session");
    expect(env.records.field(APP, id, "session_id")).toBe(result.sessions[0]!.id);
    expect(env.records.field(APP, id, "status")).toBe("open");
    expect(env.records.field(APP, id, "payment_status")).toBe("unpaid");
    expect(env.records.field(APP, id, "paid_at")).toBe("");
  });

  it("leaves a record with one open session when two different checkouts of it run at once", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { code: "TEA", name: "Tea", price: "500", qty: "1" });
    const run = (successUrl: string) =>
      createCheckouts(env.deps, {
        appId: APP,
        records: [{ id }],
        mapping: JSON.stringify(baseMapping({ successUrl })),
      });
    await Promise.all([run("https://shop.example.com/a"), run("https://shop.example.com/b")]);
    const open = [...env.gateway.sessions.values()].filter((s) => s.status === "open");
    expect(env.gateway.sessions.size).toBe(2);
    expect(open).toHaveLength(1);
    expect(env.records.field(APP, id, "session_id")).toBe(open[0]!.id);
  });

  it("tells the other records of a replaced session that it expired, and never overwrites a new session's state", async () => {
    const env = makeDeps();
    const [a, b, c] = threeRecords(env);
    const together = await createCheckouts(env.deps, {
      appId: APP,
      records: [{ id: a! }, { id: b! }, { id: c! }],
      mapping: JSON.stringify(baseMapping()),
    });
    if (together.kind !== "created") throw new Error("expected sessions");
    const shared = together.sessions[0]!.id;

    const split = await createCheckouts(env.deps, {
      appId: APP,
      records: [{ id: a! }, { id: b! }],
      mapping: JSON.stringify(baseMapping({ grouping: "perRecord" })),
    });
    if (split.kind !== "created") throw new Error("expected sessions");
    expect(split.sessions.flatMap((s) => s.replaced)).toEqual([shared]);
    expect(env.records.field(APP, a!, "status")).toBe("open");
    expect(env.records.field(APP, a!, "session_id")).toBe(split.sessions[0]!.id);
    expect(env.records.field(APP, b!, "status")).toBe("open");
    expect(env.records.field(APP, b!, "session_id")).toBe(split.sessions[1]!.id);
    expect(env.records.field(APP, c!, "status")).toBe("expired");
    expect(env.records.field(APP, c!, "session_id")).toBe(shared);
  });

  it("sends only the session create when coded products are unchanged and replaceOpenSession is false", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping({ replaceOpenSession: false })),
    };
    await createCheckouts(env.deps, input);
    env.gateway.calls = [];
    await createCheckouts(env.deps, input);
    expect(env.gateway.calls.map((c) => c.method)).toEqual(["createCheckoutSession"]);
  });

  it("uploads identical image bytes once, and keeps a product's images when its line has none", async () => {
    const env = makeDeps();
    env.records.files.set("f1", Buffer.from("SAME"));
    env.records.files.set("f2", Buffer.from("SAME"));
    const a = productRecord(env.records, {
      code: "A",
      name: "A",
      price: "500",
      qty: "1",
      photo: "f1",
    });
    const b = productRecord(env.records, {
      code: "B",
      name: "B",
      price: "500",
      qty: "1",
      photo: "f2",
    });
    const c = productRecord(env.records, { code: "C", name: "C", price: "500", qty: "1" });
    await createCheckouts(env.deps, {
      appId: APP,
      records: [{ id: a }, { id: b }, { id: c }],
      mapping: JSON.stringify(baseMapping()),
    });
    expect(env.gateway.callsOf("uploadProductImage")).toHaveLength(1);
    const upserts = env.gateway
      .callsOf("upsertProduct")
      .map((call) => call.args as { code: string; images?: string[] });
    expect(upserts.find((u) => u.code === "C")).not.toHaveProperty("images");
    expect(upserts.find((u) => u.code === "A")!.images).toEqual(
      upserts.find((u) => u.code === "B")!.images,
    );
  });

  it("reads an attachment from kintone only until Stripe has it", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const input = {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping()),
    };
    await createCheckouts(env.deps, input);
    expect(env.records.downloads.sort()).toEqual(["img-a", "img-b"]);
    await createCheckouts(env.deps, input);
    expect(env.records.downloads).toHaveLength(2);
    expect(env.imageNormalizer.calls).toBe(2);
  });

  it("answers VALIDATION_FAILED for an attachment that is not an image, before anything reaches Stripe", async () => {
    const env = makeDeps();
    env.records.files.set("doc", Buffer.from("NOT-AN-IMAGE"));
    const id = productRecord(env.records, {
      code: "A",
      name: "A",
      price: "500",
      qty: "1",
      photo: "doc",
    });
    await expect(
      createCheckouts(env.deps, {
        appId: APP,
        records: [{ id }],
        mapping: JSON.stringify(baseMapping()),
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: [expect.objectContaining({ recordId: id, code: "NOT_AN_IMAGE" })],
    });
    expect(env.gateway.calls).toEqual([]);
  });

  it("makes a line per subtable row and previews rows with their numbers", async () => {
    const env = makeDeps();
    const id = env.records.addRecord(APP, {
      items: {
        type: "SUBTABLE",
        value: [
          {
            id: "r1",
            value: {
              item: { type: "SINGLE_LINE_TEXT", value: "Tea" },
              price: { type: "NUMBER", value: "500" },
              qty: { type: "NUMBER", value: "2" },
            },
          },
          {
            id: "r2",
            value: {
              item: { type: "SINGLE_LINE_TEXT", value: "Cup" },
              price: { type: "NUMBER", value: "1200" },
              qty: { type: "NUMBER", value: "1" },
            },
          },
        ],
      },
    });
    const mapping = JSON.stringify(
      baseMapping({
        source: { type: "subtable", field: "items" },
        lineItem: {
          name: { field: "item" },
          unitPrice: { field: "price" },
          quantity: { field: "qty" },
        },
      }),
    );
    const preview = await createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }],
      mapping,
      dryRun: true,
    });
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(
      preview.preview.sessions[0]!.lineItems.map((l) => [l.row, l.name, l.unitAmount, l.quantity]),
    ).toEqual([
      [1, "Tea", 500, 2],
      [2, "Cup", 1200, 1],
    ]);
    const created = await createCheckouts(env.deps, { appId: APP, records: [{ id }], mapping });
    if (created.kind !== "created") throw new Error("expected sessions");
    expect(created.sessions[0]!.amountTotal).toBe(2200);
  });

  it("makes one session per record with grouping perRecord", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    const result = await createCheckouts(env.deps, {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping({ grouping: "perRecord" })),
    });
    if (result.kind !== "created") throw new Error("expected sessions");
    expect(result.sessions.map((s) => s.recordIds)).toEqual(ids.map((id) => [id]));
    for (const session of result.sessions) {
      expect(env.records.field(APP, session.recordIds[0]!, "checkout_url")).toBe(session.url);
    }
  });

  it("answers STRIPE_ERROR when Stripe refuses the session, leaving the records as they were", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    env.gateway.failNextCreate = new UpstreamError(
      "stripe",
      "Stripe refused the checkout session.",
      { requestId: "req_1" },
    );
    const attempt = createCheckouts(env.deps, {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping()),
    });
    await expect(attempt).rejects.toMatchObject({ code: "STRIPE_ERROR", requestId: "req_1" });
    for (const id of ids) {
      expect(env.records.field(APP, id, "$revision")).toBe("1");
    }
    expect(env.journal.listSessions({ limit: 10 }).sessions).toEqual([]);

    // Sent again as it was, it goes through: one session.
    const retried = await createCheckouts(env.deps, {
      appId: APP,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: JSON.stringify(baseMapping()),
    });
    expect(retried.kind).toBe("created");
    expect(env.gateway.sessions.size).toBe(1);
    // The products are asked for again: one of them may have been what Stripe refused.
    expect(
      env.gateway.callsOf("upsertProduct").map((c) => (c.args as { code: string }).code),
    ).toEqual(["TEA", "CUP", "TEA", "CUP"]);
  });

  it("still answers with the session when kintone fails the write-back, and delivers it later", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    env.records.failUpdates = 1;
    const result = await createCheckouts(env.deps, {
      appId: APP,
      records: ids.map((id) => ({ id })),
      mapping: JSON.stringify(baseMapping()),
    });
    if (result.kind !== "created") throw new Error("expected sessions");
    expect(env.records.field(APP, ids[0]!, "checkout_url")).toBe("");
    expect(env.journal.countPendingWriteBacks()).toBe(3);

    const later = makeLaterWriter(env);
    await later.retryPending();
    expect(env.journal.countPendingWriteBacks()).toBe(0);
    for (const id of ids)
      expect(env.records.field(APP, id, "checkout_url")).toBe(result.sessions[0]!.url);
  });
});

/** The retry loop's writer, an hour later when the first retry is due. */
function makeLaterWriter(env: ReturnType<typeof makeDeps>) {
  return new RecordWriter(env.records, env.journal, env.deps.logger, {
    now: () => new Date(NOW.getTime() + 60 * 60_000),
  });
}

describe("sessionExpiry", () => {
  const minute = 60_000;
  it("asks a little less than the full day for the default 1440 minutes", () => {
    const expiry = sessionExpiry(NOW, 1440).getTime() - NOW.getTime();
    expect(expiry).toBe(1440 * minute - EXPIRY_SAFETY_MARGIN_MS);
  });
  it("never goes under Stripe's 30-minute minimum plus the margin", () => {
    for (const minutes of [30, 31, 32]) {
      const expiry = sessionExpiry(NOW, minutes).getTime() - NOW.getTime();
      expect(expiry).toBeGreaterThanOrEqual(30 * minute + EXPIRY_SAFETY_MARGIN_MS);
    }
  });
  it("gives whole seconds", () => {
    expect(sessionExpiry(new Date("2026-01-10T00:00:00.789Z"), 60).getMilliseconds()).toBe(0);
  });
});
