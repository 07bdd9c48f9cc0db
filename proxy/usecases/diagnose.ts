/**
 * GET /v1/diagnostics — can the proxy do its job? The Stripe key's mode, type and missing
 * permissions; for each configured kintone app, whether its token reads the form and the records.
 * Problems are plain sentences an administrator can act on.
 */
import { AppError } from "../errors/AppError";
import type { UseCaseDeps } from "./UseCaseDeps";

export interface Diagnostics {
  stripe: {
    ok: boolean;
    mode: "test" | "live";
    keyType: "restricted" | "secret";
    problems: string[];
  };
  kintone: { ok: boolean; apps: { appId: string; ok: boolean; problems: string[] }[] };
}

export async function diagnose(
  deps: Pick<UseCaseDeps, "gateway" | "records">,
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
