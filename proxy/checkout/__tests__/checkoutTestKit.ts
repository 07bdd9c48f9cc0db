/** Builders the checkout tests share: records, requests, and the sessions of an answer. */
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";
import type { CreateCheckoutsInput, CreateCheckoutsResult } from "../createCheckouts";

export type TestEnv = ReturnType<typeof makeDeps>;

/** Tea ×2 and Cup ×1 (coded, each with a photo) and Wrapping ×3 (no code): one 2,500 yen cart. */
export function threeRecords(env: TestEnv) {
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

/** One coded product at 500 yen, one of it; its photo's file key when given. */
export function coded(env: TestEnv, code: string, photo?: string) {
  return productRecord(env.records, {
    code,
    name: code,
    price: "500",
    qty: "1",
    ...(photo !== undefined ? { photo } : {}),
  });
}

/**
 * A request for these records with `baseMapping(overrides)`; each record asked at `revision`
 * when one is given, else without a revision.
 */
export function requestFor(
  ids: string[],
  overrides: Record<string, unknown> = {},
  revision?: string,
): CreateCheckoutsInput {
  return {
    appId: APP,
    records: ids.map((id) => (revision === undefined ? { id } : { id, revision })),
    mapping: JSON.stringify(baseMapping(overrides)),
  };
}

/** The sessions of an answer that must have made them. */
export function sessionsOf(result: CreateCheckoutsResult) {
  if (result.kind !== "created") throw new Error("expected sessions");
  return result.sessions;
}

/** The product codes Stripe was asked to create or update, in order. */
export function upsertedCodes(env: TestEnv): string[] {
  return env.gateway.callsOf("upsertProduct").map((c) => (c.args as { code: string }).code);
}
