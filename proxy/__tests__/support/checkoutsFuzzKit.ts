/**
 * What the POST /v1/checkouts fuzz suites share: the real proxy against the emulators, started
 * once per file with two Orders records, a valid request body for them, and the error contract
 * every answer must keep (never a 5xx; the error shape with the status its code stands for;
 * VALIDATION_FAILED details naming record and field).
 */
import {
  addOrders,
  orderMapping,
  revisionOf,
  startEmulatedProxy,
  type Answer,
  type EmulatedProxy,
} from "./emulatedProxy";

/** Each error code's status, as the API's error contract gives it. */
export const STATUS_OF: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  RECORD_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  RECORD_CHANGED: 409,
  SESSION_NOT_OPEN: 409,
  VALIDATION_FAILED: 422,
  STRIPE_ERROR: 502,
  KINTONE_ERROR: 502,
};

export interface CheckoutsFuzzBed {
  env: EmulatedProxy;
  recordIds: string[];
  /** A valid dry-run request for the two records, with `overrides` over it. */
  validBody(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** The session creations Stripe received since the test began. */
  sessionCreates(): { method: string; path: string }[];
  /** Every way an answer breaks the contract (empty when it keeps it). */
  contractProblems(answer: Answer, sentRecordIds?: string[]): string[];
}

export function checkoutsFuzzBed(): CheckoutsFuzzBed {
  const bed: CheckoutsFuzzBed = {
    // Set in beforeAll, before any test reads it.
    env: undefined as unknown as EmulatedProxy,
    recordIds: [],
    validBody: (overrides = {}) => ({
      appId: bed.env.appId,
      records: bed.recordIds.map((id) => ({ id, revision: revisionOf(bed.env, id) })),
      mapping: JSON.stringify(orderMapping()),
      dryRun: true,
      ...overrides,
    }),
    sessionCreates: () =>
      bed.env.stripe.requests.filter(
        (r) => r.method === "POST" && r.path === "/v1/checkout/sessions",
      ),
    contractProblems: (answer, sentRecordIds = bed.recordIds) =>
      contractProblems(answer, sentRecordIds),
  };
  beforeAll(async () => {
    bed.env = await startEmulatedProxy();
    bed.recordIds = addOrders(bed.env, [
      {
        code: "TEA-1",
        name: "Green tea",
        notes: "<p>Fresh &amp; green</p>",
        price: "500",
        qty: "2",
      },
      { code: "CUP-1", name: "Tea cup", price: "1200" },
    ]);
  });
  afterAll(async () => {
    await bed.env.close();
  });
  beforeEach(() => {
    bed.env.stripe.clearRequests();
  });
  return bed;
}

/** Every way an answer breaks the contract (empty when it keeps it). */
function contractProblems(answer: Answer, sentRecordIds: string[]): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}: ${answer.text.slice(0, 300)}`);
  if (answer.body === undefined) problems.push(`not JSON: ${answer.text.slice(0, 100)}`);
  if (Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")) {
    problems.push("Object.prototype was polluted");
  }
  if (answer.status < 400) return problems;
  const error = answer.body?.error;
  const keys = error && typeof error === "object" ? Object.keys(answer.body).join(",") : "";
  if (keys !== "error") problems.push(`error body keys: ${keys}`);
  if (typeof error?.code !== "string" || typeof error?.message !== "string" || !error.message) {
    return [...problems, `error shape: ${answer.text.slice(0, 200)}`];
  }
  if (!Array.isArray(error.details)) problems.push("details is not an array");
  if (STATUS_OF[error.code] !== answer.status) {
    problems.push(`${error.code} answered with ${answer.status}`);
  }
  if (error.code === "VALIDATION_FAILED") {
    if (error.details.length === 0) problems.push("VALIDATION_FAILED without details");
    for (const detail of error.details) {
      if (!sentRecordIds.includes(detail.recordId) && detail.recordId !== "") {
        problems.push(`detail names record ${detail.recordId}`);
      }
      if (typeof detail.field !== "string" || detail.field === "") problems.push("no field");
      if (typeof detail.message !== "string" || detail.message === "") problems.push("no message");
      if (detail.row !== undefined && !(Number.isInteger(detail.row) && detail.row >= 1)) {
        problems.push(`row ${detail.row}`);
      }
    }
  }
  return problems;
}

export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
