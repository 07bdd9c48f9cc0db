/**
 * Where the sandbox's preconfigured apps send the buyer back after Checkout:
 * `/k/:appId/checkout-return?session_id=cs_…` opens the record that session was made for (the
 * plugin writes the session id to it when it makes the link), or the app's list when none is.
 * Stripe fills in `{CHECKOUT_SESSION_ID}` (https://docs.stripe.com/payments/checkout/custom-success-page).
 */
import type { Request, Response, Router } from "express";
import type { KintoneStore } from "../KintoneStore";
import type { PluginSettingsStore } from "./PluginSettingsStore";

export const CHECKOUT_RETURN_PATH = "checkout-return";

export function checkoutReturnUrl(kintoneUrl: string, appId: string): string {
  return `${kintoneUrl}/k/${appId}/${CHECKOUT_RETURN_PATH}?session_id={CHECKOUT_SESSION_ID}`;
}

/** The write-back field the app's saved mapping keeps the session id in. */
function sessionIdField(settings: PluginSettingsStore, appId: string, pluginId: string) {
  const mapping = settings.getConfig(appId, pluginId).mapping;
  if (mapping === undefined) return undefined;
  try {
    const field = (JSON.parse(mapping) as { writeBack?: { sessionId?: unknown } }).writeBack
      ?.sessionId;
    return typeof field === "string" && /^[A-Za-z0-9_]+$/.test(field) ? field : undefined;
  } catch {
    return undefined;
  }
}

export function registerCheckoutReturnPage(
  router: Router,
  deps: { store: KintoneStore; settings: PluginSettingsStore; pluginId: string },
): void {
  router.get(`/k/:appId/${CHECKOUT_RETURN_PATH}`, (req: Request, res: Response) => {
    const appId = String(req.params.appId);
    const listUrl = `/k/${encodeURIComponent(appId)}/`;
    const sessionId = typeof req.query.session_id === "string" ? req.query.session_id : "";
    const field = sessionIdField(deps.settings, appId, deps.pluginId);
    if (deps.store.getApp(appId) === undefined || field === undefined || sessionId === "") {
      res.redirect(303, listUrl);
      return;
    }
    const quoted = JSON.stringify(sessionId);
    const found = deps.store.queryRecords(appId, `${field} = ${quoted} limit 1`).records[0];
    const recordId = found?.$id?.value;
    res.redirect(303, recordId === undefined ? listUrl : `/k/${appId}/show#record=${recordId}`);
  });
}
