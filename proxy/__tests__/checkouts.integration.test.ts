/**
 * POST /v1/checkouts through HTTP with the proxy's REAL adapters (Stripe SDK, kintone REST client,
 * sharp, SQLite) against the Stripe and kintone emulators: the sessions made, and the refusals.
 */
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import { picture } from "../../testkit/pictures";
import { addRecords, checkoutsMapping, storedLineItems } from "./support/checkoutsKit";

const env = ordersProxyPerTest();

describe("POST /v1/checkouts", () => {
  it.each([
    {
      currency: "JPY",
      rows: [
        { code: "TEA-1", name: "Green tea", price: "500", qty: "2", min: "1", max: "5" },
        { code: "CUP-1", name: "Tea cup", price: "1200", qty: "1" },
        { name: "Gift wrapping", price: "300", qty: "3", min: "0", max: "10" },
      ],
      amounts: [500, 1200, 300],
      total: 3100,
      written: "3100",
    },
    {
      currency: "USD",
      rows: [
        { code: "BOOK-1", name: "Book", price: "19.99", qty: "2", min: "1", max: "5" },
        { code: "PEN-1", name: "Pen", price: "0.50", qty: "4" },
        { name: "Shipping", price: "5", qty: "1" },
      ],
      amounts: [1999, 50, 500],
      total: 4698,
      written: "46.98",
    },
  ])(
    "makes one $currency session from 3 records with matching line items, and the URL lands in all 3",
    async ({ currency, rows, amounts, total, written }) => {
      const photo = await picture("#3a7");
      const ids = await addRecords(
        env,
        rows.map((row, i) => (i === 0 ? { ...row, photo } : row)),
      );
      const answer = await env.call("POST", "/v1/checkouts", {
        appId: env.appId,
        records: ids.map((id) => ({ id, revision: env.revision(id) })),
        mapping: checkoutsMapping({ currency }),
      });

      expect(answer.status).toBe(201);
      expect(answer.body.sessions).toHaveLength(1);
      const session = answer.body.sessions[0];
      expect(session).toMatchObject({
        recordIds: ids,
        currency: currency.toLowerCase(),
        amountTotal: total,
        replaced: [],
      });

      const stored = env.stripe.state.sessions.find((s) => s.id === session.id)!;
      expect(stored.amount_total).toBe(total);
      expect(stored.metadata).toMatchObject({
        kintone_app_id: env.appId,
        kintone_record_ids: ids.join(","),
      });
      const lines = storedLineItems(env, session.id);
      expect(lines.map((l) => l.item.price.unit_amount)).toEqual(amounts);
      expect(lines.map((l) => l.item.quantity)).toEqual(rows.map((r) => Number(r.qty)));
      expect(lines.map((l) => l.item.description)).toEqual(rows.map((r) => r.name));
      expect(
        lines.map((l) =>
          l.adjustableQuantity?.enabled
            ? [l.adjustableQuantity.minimum, l.adjustableQuantity.maximum]
            : null,
        ),
      ).toEqual(rows.map((r) => (r.min !== undefined ? [Number(r.min), Number(r.max)] : null)));

      const product = env.stripe.state.products.find(
        (p) => p.metadata.product_code === rows[0]!.code,
      )!;
      expect(product.images).toHaveLength(1);
      expect(env.stripe.state.files).toHaveLength(1);

      for (const id of ids) {
        expect(env.field(id, "checkout_url")).toBe(session.url);
        expect(env.field(id, "session_id")).toBe(session.id);
        expect(env.field(id, "status")).toBe("open");
        expect(env.field(id, "amount")).toBe(written);
      }
    },
  );

  it("makes exactly one product for a new product code under two concurrent checkouts", async () => {
    const [a, b] = await addRecords(env, [
      { code: "NEW-1", name: "New thing", price: "800", qty: "1" },
      { code: "NEW-1", name: "New thing", price: "800", qty: "2" },
    ]);
    const answers = await Promise.all(
      [a, b].map((id) =>
        env.call("POST", "/v1/checkouts", {
          appId: env.appId,
          records: [{ id }],
          mapping: checkoutsMapping(),
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([201, 201]);
    expect(
      env.stripe.state.products.filter((p) => p.metadata.product_code === "NEW-1"),
    ).toHaveLength(1);
  });

  it("sends exactly one Stripe request for a second checkout of the same records with unchanged coded products", async () => {
    const ids = await addRecords(env, [
      { code: "A-1", name: "Apple", price: "150", qty: "2", photo: await picture("#c00") },
      { code: "B-1", name: "Banana", price: "120", qty: "3" },
    ]);
    const body = {
      appId: env.appId,
      records: ids.map((id) => ({ id })),
      mapping: checkoutsMapping({ replaceOpenSession: false }),
    };
    expect((await env.call("POST", "/v1/checkouts", body)).status).toBe(201);
    env.stripe.clearRequests();

    const second = await env.call("POST", "/v1/checkouts", body);
    expect(second.status).toBe(201);
    expect(env.stripe.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/checkout/sessions",
    ]);
  });

  it("expires the records' earlier open session when a new one is made", async () => {
    const ids = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const body = {
      appId: env.appId,
      records: ids.map((id) => ({ id })),
      mapping: checkoutsMapping(),
    };
    const first = await env.call("POST", "/v1/checkouts", body);
    const second = await env.call("POST", "/v1/checkouts", body);
    const earlier = first.body.sessions[0].id;
    expect(second.body.sessions[0].replaced).toEqual([earlier]);
    expect(env.stripe.state.sessions.find((s) => s.id === earlier)!.status).toBe("expired");
    expect(env.field(ids[0]!, "session_id")).toBe(second.body.sessions[0].id);
  });

  it("answers 422 naming each invalid record and field, and Stripe sees no request", async () => {
    const ids = await addRecords(env, [
      { code: "OK-1", name: "Fine", price: "500", qty: "1" },
      { code: "BAD-1", name: "Bad price", price: "12.5", qty: "1" },
      { code: "BAD-2", name: "Bad quantity", price: "500", qty: "0" },
    ]);
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: ids.map((id) => ({ id })),
      mapping: checkoutsMapping(),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("VALIDATION_FAILED");
    const named = answer.body.error.details.map(
      (d: { recordId: string; field: string }) => `${d.recordId}:${d.field}`,
    );
    expect(named).toEqual(expect.arrayContaining([`${ids[1]}:price`, `${ids[2]}:qty`]));
    expect(named.some((n: string) => n.startsWith(`${ids[0]}:`))).toBe(false);
    expect(env.stripe.requests).toEqual([]);
  });

  it("answers 409 when a record changed after it was read, and nothing is charged", async () => {
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const seen = env.revision(id!);
    env.kintone.store.updateRecord(env.appId, id!, { price: { value: "1" } });
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id, revision: seen }],
      mapping: checkoutsMapping(),
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: "RECORD_CHANGED",
      details: [{ recordId: id, expected: seen }],
    });
    expect(env.stripe.requests).toEqual([]);
  });

  it("answers 401 for a wrong secret and nothing happens", async () => {
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    env.kintone.clearRequests();
    const answer = await env.call(
      "POST",
      "/v1/checkouts",
      {
        appId: env.appId,
        records: [{ id }],
        mapping: checkoutsMapping(),
      },
      { headers: { authorization: `Bearer ${"wrong-secret-".repeat(4)}` } },
    );
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 401,
      body: { error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] } },
    });
    expect(env.stripe.requests).toEqual([]);
    expect(env.kintone.requests).toEqual([]);
  });

  it("answers 502 STRIPE_ERROR with Stripe's request id when Stripe refuses, and a resend then succeeds", async () => {
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    const body = {
      appId: env.appId,
      records: [{ id, revision: env.revision(id!) }],
      mapping: checkoutsMapping(),
    };
    env.stripe.failNext({ method: "POST", pathPrefix: "/v1/checkout/sessions", status: 400 });
    const refused = await env.call("POST", "/v1/checkouts", body);
    expect(refused.status).toBe(502);
    expect(refused.body.error).toEqual({
      code: "STRIPE_ERROR",
      message: expect.any(String),
      details: [{ requestId: expect.stringMatching(/^req_/) }],
    });
    expect(env.field(id!, "checkout_url")).toBe("");

    const resent = await env.call("POST", "/v1/checkouts", body);
    expect(resent.status).toBe(201);
    expect(env.stripe.state.sessions).toHaveLength(1);
  });

  it("makes one session when Stripe's answer to the create is lost", async () => {
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    env.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      when: "after",
    });
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id }],
      mapping: checkoutsMapping(),
    });
    expect(answer.status).toBe(201);
    expect(env.stripe.state.sessions.map((s) => s.id)).toEqual([answer.body.sessions[0].id]);
  });

  it("answers 201 when kintone fails the write-back, and writes it once kintone is back", async () => {
    const [id] = await addRecords(env, [{ code: "A-1", name: "Apple", price: "150", qty: "2" }]);
    // The adapter tries a write 4 times (3 retries): all four fail.
    env.kintone.failNext({
      method: "PUT",
      pathPrefix: "/k/v1/records.json",
      status: 503,
      count: 4,
    });
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id }],
      mapping: checkoutsMapping(),
    });
    expect(answer.status).toBe(201);
    expect(env.field(id!, "checkout_url")).toBe("");
    expect(await env.proxy.journal.writeBacks.count()).toBe(1);

    await env.proxy.retryPendingWriteBacks({ all: true });
    expect(env.field(id!, "checkout_url")).toBe(answer.body.sessions[0].url);
    expect(env.field(id!, "status")).toBe("open");
    expect(await env.proxy.journal.writeBacks.count()).toBe(0);
  });
});
