/**
 * GET /v1/diagnostics — can the proxy do its job? The Stripe key's mode, type and what it may do
 * (write where the product writes); whether Stripe's webhook reaches the proxy; for each
 * configured kintone app, whether its token reads the form and may view and edit records, whether
 * write-backs kintone keeps refusing wait in the journal, and records paid more than once (a
 * refund decision to make). Problems are sentences an administrator can act on, in the caller's
 * language, each ending with where its fix is written down.
 */
import { AppError } from "../errors/AppError";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { keyProblemInLanguage } from "./keyProblemInLanguage";
import { paidTwiceProblems } from "./paidTwiceProblems";
import { help, say, type DiagnosticsLanguage } from "./problemLanguage";
import { stripePermissionProblems } from "./stripePermissionProblems";
import { tokenRightsProblems } from "./tokenRightsProblems";
import { webhookEndpointProblems, webhookSilenceProblems } from "./webhookProblems";

export { TROUBLESHOOTING_DOC } from "./problemLanguage";

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
  deps: Pick<UseCaseDeps, "gateway" | "records"> & Partial<Pick<UseCaseDeps, "journal" | "now">>,
  setup: {
    appIds: string[];
    stripeKeyType: "restricted" | "secret";
    stripeMode: "test" | "live";
    /** STRIPE_WEBHOOK_SECRET is set: the webhook route takes Stripe's events. */
    webhookConfigured: boolean;
  },
  language: DiagnosticsLanguage = "en",
): Promise<Diagnostics> {
  const [stripe, apps] = await Promise.all([
    diagnoseStripe(deps, setup, language),
    Promise.all(setup.appIds.map((appId) => diagnoseApp(deps, appId, language))),
  ]);
  const stuck = (await deps.journal?.writeBacks.summarizeStuck(STUCK_WRITE_BACK_ATTEMPTS)) ?? [];
  for (const app of apps) {
    const paidTwice = deps.journal
      ? await paidTwiceProblems(
          deps.journal,
          app.appId,
          help("record-paid-twice", language),
          language,
        )
      : [];
    app.problems.push(...paidTwice);
    if (paidTwice.length > 0) app.ok = false;
    const waiting = stuck.find((entry) => entry.appId === app.appId);
    if (!waiting) continue;
    const n = waiting.records;
    const reason = waiting.lastError ? ` (record ${waiting.recordId}: ${waiting.lastError})` : "";
    const reasonJa = waiting.lastError
      ? ` (レコード ${waiting.recordId}: ${waiting.lastError})`
      : "";
    app.problems.push(
      say(language, {
        en: `App ${app.appId}: ${n === 1 ? "1 record waits" : `${n} records wait`} for a write-back kintone keeps refusing${reason}; the proxy tries again every 15 minutes at most.`,
        ja: `アプリ ${app.appId}: kintone が書き込みを拒否し続けているレコードが ${n} 件待っています${reasonJa}。プロキシは最長 15 分ごとに再試行します。`,
      }) + help("kintone-write-back-stuck", language),
    );
    app.ok = false;
  }
  if (setup.appIds.length === 0) {
    return { stripe, kintone: { ok: false, apps: [] } };
  }
  return { stripe, kintone: { ok: apps.every((a) => a.ok), apps } };
}

async function diagnoseStripe(
  deps: Pick<UseCaseDeps, "gateway"> & Partial<Pick<UseCaseDeps, "journal" | "now">>,
  setup: Parameters<typeof diagnose>[1],
  language: DiagnosticsLanguage,
): Promise<Diagnostics["stripe"]> {
  const problems: string[] = [];
  let described: { mode: "test" | "live"; keyType: "restricted" | "secret" } = {
    mode: setup.stripeMode,
    keyType: setup.stripeKeyType,
  };
  let keyUsable = false;
  try {
    const key = await deps.gateway.describeKey();
    described = { mode: key.mode, keyType: key.keyType };
    problems.push(...key.problems.map((problem) => keyProblemInLanguage(problem, language)));
    keyUsable = key.problems.length === 0;
  } catch (error) {
    problems.push(
      say(language, {
        en: `Stripe could not be asked about the key: ${plain(error)}`,
        ja: `Stripe にキーについて問い合わせできませんでした: ${plain(error)}`,
      }) + help("stripe-unreachable", language),
    );
  }
  // A key Stripe refuses, or that cannot be asked about, has no permissions worth listing.
  if (keyUsable) {
    const [checks, endpoints] = await Promise.all([
      deps.gateway.checkPermissions(),
      deps.gateway.listWebhookEndpoints(),
    ]);
    problems.push(...stripePermissionProblems(checks, language));
    problems.push(...webhookEndpointProblems(endpoints, language));
  }
  const watch = deps.journal?.webhookWatch;
  if (!setup.webhookConfigured) {
    problems.push(
      say(language, {
        en: "STRIPE_WEBHOOK_SECRET is not set: the proxy refuses Stripe's webhook events, so payment statuses reach the records only through the event catch-up every few minutes or a sync.",
        ja: "STRIPE_WEBHOOK_SECRET が設定されていないため、プロキシは Stripe の Webhook イベントを拒否します。支払い状況は数分ごとのイベント取り込みか同期でしかレコードに反映されません。",
      }) + help("stripe-webhook-secret-missing", language),
    );
  } else if (watch) {
    problems.push(
      ...(await webhookSilenceProblems(watch, (deps.now ?? (() => new Date()))(), language)),
    );
  }
  // The answer's shape is the contract's: when the last event came is told in the problem.
  return { ok: problems.length === 0, ...described, problems };
}

async function diagnoseApp(
  deps: Pick<UseCaseDeps, "records">,
  appId: string,
  language: DiagnosticsLanguage,
): Promise<{ appId: string; ok: boolean; problems: string[] }> {
  const problems: string[] = [];
  try {
    const fields = await deps.records.getFormFields(appId);
    if (fields.length === 0)
      problems.push(
        say(language, {
          en: `App ${appId}: the token sees no form fields.`,
          ja: `アプリ ${appId}: API トークンからフォームのフィールドが見えません。`,
        }) + help("kintone-no-fields", language),
      );
  } catch (error) {
    problems.push(
      say(language, {
        en: `App ${appId}: the form fields cannot be read. ${plain(error)}`,
        ja: `アプリ ${appId}: フォームのフィールドを読めません。${plain(error)}`,
      }) + help("kintone-form-unreadable", language),
    );
  }
  const unverified = (error: unknown) => ({ result: "unverified" as const, detail: plain(error) });
  const rights = await deps.records.checkTokenRights(appId).catch((error: unknown) => ({
    view: unverified(error),
    edit: unverified(error),
    fileUpload: unverified(error),
  }));
  problems.push(...tokenRightsProblems(appId, rights, language));
  return { appId, ok: problems.length === 0, problems };
}

function plain(error: unknown): string {
  return error instanceof AppError ? error.message : "An unexpected error occurred.";
}
