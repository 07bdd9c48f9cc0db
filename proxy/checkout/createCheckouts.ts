/**
 * POST /v1/checkouts: the proxy's main job. Records are re-read with the proxy's own token
 * (amounts never come from the caller), checked against the revisions the user saw, turned into a
 * plan by core's engine, and only a plan without issues reaches Stripe. Each planned session is
 * created under an idempotency key derived from what it is made of, so a double click or a retry
 * makes one session; its URL and state are then written back to its records.
 */
import {
  MAX_RECORDS_PER_CHECKOUT_REQUEST,
  type CreateCheckoutsAnswer,
  type PreviewAnswer,
} from "../../core/api/proxyApi";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { parseMappingConfigOnce } from "../../core/mapping/parseMappingConfigOnce";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { BadRequestError } from "../errors/BadRequestError";
import { writeBillingErrors } from "../writeback/writeBillingErrors";
import { createPlannedSessions } from "./createPlannedSessions";
import { knownPrices } from "./knownPrices";
import { planSessions, type Language } from "./planSessions";
import { refuseBilledRecords } from "./refuseBilledRecords";
import { replayMadeSessions, type AskedRecord } from "./replayMadeSessions";
import { createSessionContext } from "./sessionContext";
import { toPreview } from "./toPreview";

export interface CreateCheckoutsInput {
  appId: string;
  records: AskedRecord[];
  /** The MappingConfig as a JSON string, as the plugin's stored proxy config sends it. */
  mapping: string;
  dryRun?: boolean;
  language?: Language;
}

/** Sessions made (the route answers 201) or, for a dry run, what they would be (200). */
export type CreateCheckoutsResult =
  ({ kind: "created" } & CreateCheckoutsAnswer) | ({ kind: "preview" } & PreviewAnswer);

export async function createCheckouts(
  deps: UseCaseDeps,
  input: CreateCheckoutsInput,
): Promise<CreateCheckoutsResult> {
  const mapping = checkedMapping(deps, input);
  try {
    return await createChecked(deps, input, mapping);
  } catch (error) {
    // The records a refusal names learn why in their `error` field; a preview writes nothing.
    if (!input.dryRun) {
      const language = input.language ?? "en";
      await writeBillingErrors(deps, { appId: input.appId, mapping, error, language });
    }
    throw error;
  }
}

async function createChecked(
  deps: UseCaseDeps,
  input: CreateCheckoutsInput,
  mapping: MappingConfig,
): Promise<CreateCheckoutsResult> {
  const { appId } = input;
  const records = await deps.records.getRecords(
    appId,
    input.records.map((r) => r.id),
  );
  const { replayed, remaining } = await replayMadeSessions(
    deps,
    { appId, asked: input.records, mapping },
    records,
  );
  if (remaining.length === 0) return { kind: "created", sessions: replayed };
  // A preview is refused too: the dialog then shows which records are paid.
  await refuseBilledRecords(
    deps.journal,
    appId,
    mapping,
    remaining.map((r) => String(r.$id?.value)),
  );

  const prices = await knownPrices(deps, remaining, mapping);
  const sessions = planSessions(remaining, mapping, input.language, { prices });
  if (input.dryRun) return { kind: "preview", preview: { sessions: sessions.map(toPreview) } };

  const context = await createSessionContext(deps, {
    appId,
    mapping,
    records: remaining,
    sessions,
  });
  const created = await createPlannedSessions(context, sessions);
  return { kind: "created", sessions: [...replayed, ...created] };
}

/** The request's mapping, once the request is one this proxy can serve; else BAD_REQUEST. */
function checkedMapping(deps: UseCaseDeps, input: CreateCheckoutsInput): MappingConfig {
  const parsed = parseMappingConfigOnce(input.mapping);
  if (!parsed.ok) {
    throw new BadRequestError("The mapping is not valid.", parsed.problems);
  }
  if (input.records.length === 0 || input.records.length > MAX_RECORDS_PER_CHECKOUT_REQUEST) {
    throw new BadRequestError(
      `Choose between 1 and ${MAX_RECORDS_PER_CHECKOUT_REQUEST} records (use /v1/jobs for more).`,
    );
  }
  if (!deps.records.hasApp(input.appId)) {
    throw new BadRequestError(
      `The proxy has no kintone API token for app ${input.appId}; ask the IT administrator to add it to KINTONE_API_TOKENS.`,
      [{ path: "appId", message: "no API token for this app" }],
    );
  }
  return parsed.mapping;
}
