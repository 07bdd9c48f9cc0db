import { BadRequestError } from "../../errors/BadRequestError";
import { RecordChangedError } from "../../errors/RecordChangedError";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { UpstreamError } from "../../errors/UpstreamError";
import { ValidationFailedError } from "../../errors/ValidationFailedError";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";
import { createCheckouts } from "../createCheckouts";
import { coded, requestFor, threeRecords, upsertedCodes } from "./checkoutTestKit";

describe("createCheckouts refuses what it cannot make, with nothing sent", () => {
  it("answers BAD_REQUEST with the mapping's problems when the mapping is invalid", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    const attempt = createCheckouts(env.deps, {
      ...requestFor([id]),
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
    const attempt = createCheckouts(env.deps, { ...requestFor(["1"]), appId: "99" });
    await expect(attempt).rejects.toBeInstanceOf(BadRequestError);
  });

  it("answers RECORD_NOT_FOUND naming a missing record, and charges nothing", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    const attempt = createCheckouts(env.deps, requestFor([id, "77"]));
    await expect(attempt).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(attempt).rejects.toMatchObject({ details: [{ recordId: "77" }] });
    expect(env.gateway.calls).toEqual([]);
  });

  it("answers RECORD_CHANGED when a record's revision moved on, and charges nothing", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    env.records.edit(APP, id, "price", "50");
    const attempt = createCheckouts(env.deps, requestFor([id], {}, "1"));
    await expect(attempt).rejects.toBeInstanceOf(RecordChangedError);
    await expect(attempt).rejects.toMatchObject({
      details: [{ recordId: id, expected: "1", actual: "2" }],
    });
    expect(env.gateway.calls).toEqual([]);
    // Only the record's error field is written: why no link was made.
    expect(env.records.updates).toEqual([
      {
        appId: APP,
        updates: [
          { id, record: { error: { value: expect.stringMatching(/changed.*revision 2/) } } },
        ],
      },
    ]);
  });

  it("answers VALIDATION_FAILED naming each record and field, in the asked language, with nothing sent", async () => {
    const env = makeDeps();
    const good = productRecord(env.records, { name: "Tea", price: "500", qty: "1" });
    const badPrice = productRecord(env.records, { name: "Cup", price: "abc", qty: "1" });
    const badQty = productRecord(env.records, { name: "Pot", price: "900", qty: "1.5" });
    const run = (language: "en" | "ja") =>
      createCheckouts(env.deps, { ...requestFor([good, badPrice, badQty]), language });

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
    // Each bad record's error field, in the asked language; the good record is not touched.
    const errorWrites = env.records.updates.map((u) =>
      u.updates.map((w) => [w.id, (w.record.error as { value: string }).value]),
    );
    expect(errorWrites).toEqual([
      [
        [badPrice, expect.stringMatching(/^No payment link made: [^:]*"price"/)],
        [badQty, expect.stringMatching(/^No payment link made: [^:]*"qty"/)],
      ],
      [
        [badPrice, expect.stringMatching(/^決済リンクを作成できませんでした: 「price」/)],
        [badQty, expect.stringMatching(/^決済リンクを作成できませんでした: 「qty」/)],
      ],
    ]);
  });

  it("answers VALIDATION_FAILED for an attachment that is not an image, before anything reaches Stripe", async () => {
    const env = makeDeps();
    env.records.files.set("doc", Buffer.from("NOT-AN-IMAGE"));
    const id = coded(env, "A", "doc");
    await expect(createCheckouts(env.deps, requestFor([id]))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: [expect.objectContaining({ recordId: id, code: "NOT_AN_IMAGE" })],
    });
    expect(env.gateway.calls).toEqual([]);
  });
});

describe("createCheckouts when Stripe refuses", () => {
  it("answers STRIPE_ERROR when Stripe refuses the session, leaving the records as they were", async () => {
    const env = makeDeps();
    const ids = threeRecords(env);
    env.gateway.failNextCreate = new UpstreamError(
      "stripe",
      "Stripe refused the checkout session.",
      { requestId: "req_1" },
    );
    const attempt = createCheckouts(env.deps, requestFor(ids));
    await expect(attempt).rejects.toMatchObject({ code: "STRIPE_ERROR", requestId: "req_1" });
    for (const id of ids) {
      expect(env.records.field(APP, id, "$revision")).toBe("1");
    }
    expect((await env.journal.sessions.list({ limit: 10 })).sessions).toEqual([]);

    // Sent again as it was, it goes through: one session.
    const retried = await createCheckouts(env.deps, requestFor(ids, {}, "1"));
    expect(retried.kind).toBe("created");
    expect(env.gateway.sessions.size).toBe(1);
    // The products are asked for again: one of them may have been what Stripe refused.
    expect(upsertedCodes(env)).toEqual(["TEA", "CUP", "TEA", "CUP"]);
  });
});
