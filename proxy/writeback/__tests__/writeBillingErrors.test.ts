import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";
import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { ValidationFailedError } from "../../errors/ValidationFailedError";
import { createCheckouts } from "../../checkout/createCheckouts";
import { billingErrorWrites, writeBillingErrors } from "../writeBillingErrors";

const invalidPrice = (recordId: string) =>
  new ValidationFailedError([{ recordId, field: "price", message: "is not a number" }]);

describe("billingErrorWrites", () => {
  it("writes each reason into the mapped error field, and nothing without one", () => {
    const errors = [{ recordId: "3", text: "why" }];
    expect(billingErrorWrites({ error: "err" }, errors)).toEqual([
      { recordId: "3", fields: { err: { value: "why" } } },
    ]);
    expect(billingErrorWrites({ url: "checkout_url" }, errors)).toEqual([]);
  });
});

describe("writeBillingErrors", () => {
  it("writes the reason into the named record's error field", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "abc", qty: "1" });
    await writeBillingErrors(env.deps, {
      appId: APP,
      mapping: baseMapping() as unknown as MappingConfig,
      error: invalidPrice(id),
      language: "en",
    });
    expect(env.records.field(APP, id, "error")).toBe(
      "No payment link made: price: is not a number",
    );
  });

  it("goes on when kintone refuses the write (the caller's answer stays the refusal)", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "abc", qty: "1" });
    env.records.failUpdates = 1;
    const attempt = createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify(baseMapping()),
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationFailedError);
    expect(env.records.field(APP, id, "error")).toBe("previous error");
  });

  it("writes nothing for a preview", async () => {
    const env = makeDeps();
    const id = productRecord(env.records, { name: "Tea", price: "abc", qty: "1" });
    const attempt = createCheckouts(env.deps, {
      appId: APP,
      records: [{ id }],
      mapping: JSON.stringify(baseMapping()),
      dryRun: true,
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationFailedError);
    expect(env.records.updates).toEqual([]);
  });
});
