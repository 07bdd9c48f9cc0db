/**
 * Stripe failing the checkout-session create (429, 500, timeouts; before it acts, or after, the
 * answer lost) under POST /v1/checkouts and POST /v1/jobs. After the fault, and again after the
 * caller's resend, the invariant holds: one open session per record or a clear error, every
 * session linked to its records, every record showing its session; and no session made twice.
 */
import { JOB_ITEM_ATTEMPTS } from "../../jobs/JobRunner";
import {
  OUTAGE_JOB_RECORDS,
  STRIPE_FAULT_CHECKOUT_RECORDS,
  STRIPE_FAULT_JOB_RECORDS,
  STRIPE_FAULTS,
} from "./faultCounts";
import {
  addOrders,
  call,
  drainPendingWriteBacks,
  fieldOf,
  invariantProblems,
  jobMapping,
  requestErrors,
  runJob,
  sessionCount,
  faultProxyPerTest,
  type ItemError,
} from "./reliabilityKit";

const bed = faultProxyPerTest();

function armFault(fault: (typeof STRIPE_FAULTS)[number], sessions: number): void {
  for (const rule of fault.rules) {
    bed.emulators.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: rule.status,
      when: rule.when,
      count: rule.perSession * sessions,
    });
  }
}

/**
 * The invariant right after the fault; when Stripe made sessions no attempt heard of, what is owed
 * then is a clear error for every record (the sessions are linked after the caller's retry).
 */
function checkRightAfterFault(
  fault: (typeof STRIPE_FAULTS)[number],
  ids: string[],
  errors: ItemError[],
): void {
  if (fault.unheardSessions) {
    expect(errors.map((e) => e.recordId).sort()).toEqual([...ids].sort());
    for (const error of errors) {
      expect(error).toEqual({
        recordId: error.recordId,
        code: "STRIPE_ERROR",
        message: expect.stringMatching(/\S/),
      });
    }
  } else {
    expect(invariantProblems(bed.emulators, ids, errors)).toEqual([]);
  }
}

describe.each(STRIPE_FAULTS)("Stripe answering the create with $name", (fault) => {
  it("POST /v1/checkouts leaves each record one linked open session or the request's error, and a resend completes it", async () => {
    const ids = addOrders(bed.emulators, STRIPE_FAULT_CHECKOUT_RECORDS);
    const body = {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    };
    armFault(fault, ids.length);

    const first = await call(bed.proxy.url, "POST", "/v1/checkouts", body);
    expect([201, 502]).toContain(first.status);
    checkRightAfterFault(fault, ids, requestErrors(ids, first));

    // The user presses again after an error: the same request, the revisions they saw.
    let answer = first;
    for (let i = 0; answer.status !== 201 && i < 3; i++) {
      answer = await call(bed.proxy.url, "POST", "/v1/checkouts", body);
    }
    expect(answer.status).toBe(201);
    await drainPendingWriteBacks(bed.proxy);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  });

  it("POST /v1/jobs rides the fault out by trying records again: each ends with one linked open session, none made twice", async () => {
    const ids = addOrders(bed.emulators, STRIPE_FAULT_JOB_RECORDS);
    armFault(fault, ids.length);

    const job = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    });
    expect(job).toMatchObject({ status: "succeeded", done: ids.length, failed: 0 });
    await drainPendingWriteBacks(bed.proxy);
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  });
});

describe("Stripe failing for longer than a job tries a record", () => {
  it("POST /v1/jobs fails each record with a clear error in the job, and a job over the failed records completes them", async () => {
    const ids = addOrders(bed.emulators, OUTAGE_JOB_RECORDS);
    // Every attempt fails: the SDK's 3 per create, for each of the runner's attempts per record.
    bed.emulators.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      count: ids.length * 3 * JOB_ITEM_ATTEMPTS,
    });

    const job = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    });
    expect(job).toMatchObject({ status: "failed", done: 0, failed: ids.length });
    expect(job.errors.map((e) => e.code)).toEqual(ids.map(() => "STRIPE_ERROR"));
    expect(invariantProblems(bed.emulators, ids, job.errors)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(0);

    const rerun = await runJob(bed.proxy.url, {
      appId: bed.emulators.appId,
      records: job.errors.map((e) => ({ id: e.recordId })),
      mapping: jobMapping(),
    });
    expect(rerun).toMatchObject({ status: "succeeded", done: ids.length, failed: 0 });
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(ids.length);
  });
});

describe("a POST /v1/checkouts that Stripe failed only in part", () => {
  it("sent again with the revisions the user saw answers the session already written and makes only the missing one", async () => {
    const ids = addOrders(bed.emulators, 2);
    const body = {
      appId: bed.emulators.appId,
      records: ids.map((id) => ({ id, revision: "1" })),
      mapping: jobMapping(),
    };
    // Two creates of 3 attempts each: 5 failures fail one of them for good, the other at last succeeds.
    bed.emulators.stripe.failNext({
      method: "POST",
      pathPrefix: "/v1/checkout/sessions",
      status: 500,
      count: 5,
    });
    const first = await call(bed.proxy.url, "POST", "/v1/checkouts", body);
    expect(first.status).toBe(502);
    expect(sessionCount(bed.emulators)).toBe(1);
    // The session made was written into its record, whose revision is no longer the one sent.
    const written = ids.filter((id) => fieldOf(bed.emulators, id, "session_id") !== "");
    expect(written).toHaveLength(1);
    expect(invariantProblems(bed.emulators, ids, requestErrors(ids, first))).toEqual([]);

    const resent = await call(bed.proxy.url, "POST", "/v1/checkouts", body);
    expect(resent.status).toBe(201);
    expect(resent.body.sessions.map((s: { recordIds: string[] }) => s.recordIds[0]).sort()).toEqual(
      [...ids].sort(),
    );
    expect(invariantProblems(bed.emulators, ids)).toEqual([]);
    expect(sessionCount(bed.emulators)).toBe(2);
  });
});
