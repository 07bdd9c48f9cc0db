import type { PlannedSession } from "../../core/engine/CheckoutPlan";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { hashOfMapping } from "./checkoutIntents";
import { prepareImages, type PreparedImages } from "./prepareImages";

/** What every session of one request (or one job record) is made with. */
export interface SessionContext {
  deps: UseCaseDeps;
  appId: string;
  mapping: MappingConfig;
  /** The mapping as journalled with each session (a later replacement reads its write-back). */
  mappingJson: string;
  mappingHash: string;
  /** recordId → the revision the sessions are made from (part of each intent's key). */
  revisions: Map<string, string>;
  images: PreparedImages;
}

/**
 * The context for these planned sessions of these records. Every image is read and normalized
 * here, before anything reaches Stripe: a file that is no image stops the request with nothing sent.
 */
export async function createSessionContext(
  deps: UseCaseDeps,
  input: {
    appId: string;
    mapping: MappingConfig;
    records: KintoneRecord[];
    sessions: PlannedSession[];
  },
): Promise<SessionContext> {
  const { appId, mapping, records, sessions } = input;
  return {
    deps,
    appId,
    mapping,
    mappingJson: JSON.stringify(mapping),
    mappingHash: hashOfMapping(mapping),
    revisions: new Map(records.map((r) => [String(r.$id?.value), String(r.$revision?.value)])),
    images: await prepareImages(deps, appId, mapping, sessions),
  };
}
