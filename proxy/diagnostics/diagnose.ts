/**
 * GET /v1/diagnostics — can the proxy do its job? The Stripe key's mode, type and missing
 * permissions; for each configured kintone app, whether its token reads the form and the records,
 * whether write-backs kintone keeps refusing wait in the journal, and records paid more than once
 * (a refund decision to make). Problems are plain
 * sentences an administrator can act on.
 */
import { AppError } from "../errors/AppError";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { paidTwiceProblems } from "./paidTwiceProblems";

export interface Diagnostics {
  stripe: {
    ok: boolean;
    mode: "test" | "live";
    keyType: "restricted" | "secret";
    problems: string[];
  };
  kintone: { ok: boolean; apps: { appId: string; ok: boolean; problems: string[] }[] };
}

/**
 * A write-back refused this many times is reported. With RecordWriter's doubling delays that is
 * about 5 minutes of refusals: no longer kintone being busy, but a refusal that waits for a person
 * (a field's options, the token's rights).
 */
export const STUCK_WRITE_BACK_ATTEMPTS = 5;

export async function diagnose(
  deps: Pick<UseCaseDeps, "gateway" | "records"> & Partial<Pick<UseCaseDeps, "journal">>,
  setup: {
    appIds: string[];
    stripeKeyType: "restricted" | "secret";
    stripeMode: "test" | "live";
    /** STRIPE_WEBHOOK_SECRET is set: the webhook route takes Stripe's events. */
    webhookConfigured: boolean;
  },
): Promise<Diagnostics> {
  const [stripe, apps] = await Promise.all([
    deps.gateway.describeKey().then(
      (key) => ({ ok: key.problems.length === 0, ...key, problems: key.problems.map(withHelp) }),
      (error: unknown) => ({
        ok: false,
        mode: setup.stripeMode,
        keyType: setup.stripeKeyType,
        problems: [
          `Stripe could not be asked about the key: ${plain(error)}${help("stripe-unreachable")}`,
        ],
      }),
    ),
    Promise.all(setup.appIds.map((appId) => diagnoseApp(deps, appId))),
  ]);
  const stuck = deps.journal?.writeBacks.summarizeStuck(STUCK_WRITE_BACK_ATTEMPTS) ?? [];
  for (const app of apps) {
    const paidTwice = deps.journal
      ? paidTwiceProblems(deps.journal, app.appId, help("record-paid-twice"))
      : [];
    app.problems.push(...paidTwice);
    if (paidTwice.length > 0) app.ok = false;
    const waiting = stuck.find((entry) => entry.appId === app.appId);
    if (!waiting) continue;
    const records = waiting.records === 1 ? "1 record waits" : `${waiting.records} records wait`;
    const reason = waiting.lastError ? ` (record ${waiting.recordId}: ${waiting.lastError})` : "";
    app.problems.push(
      `App ${app.appId}: ${records} for a write-back kintone keeps refusing${reason}; the proxy tries again every 15 minutes at most.${help("kintone-write-back-stuck")}`,
    );
    app.ok = false;
  }
  if (!setup.webhookConfigured) {
    stripe.problems.push(
      `STRIPE_WEBHOOK_SECRET is not set: the proxy refuses Stripe's webhook events, so payment statuses reach the records only through the event catch-up every few minutes or a sync.${help("stripe-webhook-secret-missing")}`,
    );
    stripe.ok = false;
  }
  if (setup.appIds.length === 0) {
    return {
      stripe,
      kintone: { ok: false, apps: [] },
    };
  }
  return { stripe, kintone: { ok: apps.every((a) => a.ok), apps } };
}

async function diagnoseApp(
  deps: Pick<UseCaseDeps, "records">,
  appId: string,
): Promise<{ appId: string; ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  try {
    const fields = await deps.records.getFormFields(appId);
    if (fields.length === 0)
      problems.push(`App ${appId}: the token sees no form fields.${help("kintone-no-fields")}`);
  } catch (error) {
    problems.push(
      `App ${appId}: the form fields cannot be read. ${plain(error)}${help("kintone-form-unreadable")}`,
    );
  }
  try {
    await deps.records.queryRecordIds(appId, "", { limit: 1 });
  } catch (error) {
    problems.push(
      `App ${appId}: records cannot be read. ${plain(error)}${help("kintone-records-unreadable")}`,
    );
  }
  return { appId, ok: problems.length === 0, problems };
}

/**
 * Every problem ends with where its fix is written down: ` → docs/en/troubleshooting.md#<anchor>`
 * (the same anchors exist in docs/ja/troubleshooting.md; a test checks both).
 */
export const TROUBLESHOOTING_DOC = "docs/en/troubleshooting.md";

function help(anchor: string): string {
  return ` → ${TROUBLESHOOTING_DOC}#${anchor}`;
}

/** A problem from the Stripe adapter that names no fix yet gets the general one. */
function withHelp(problem: string): string {
  return problem.includes(`${TROUBLESHOOTING_DOC}#`) ? problem : `${problem}${help("diagnostics")}`;
}

function plain(error: unknown): string {
  return error instanceof AppError ? error.message : "An unexpected error occurred.";
}
