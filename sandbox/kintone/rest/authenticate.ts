/**
 * Who a REST call acts as: API tokens (`X-Cybozu-API-Token`), password auth, or a page's session
 * (https://cybozu.dev/ja/kintone/docs/rest-api/overview/authentication/).
 */
import { KintoneApiError, invalidInput } from "../KintoneApiError";
import { checkPassword } from "../KintonePlugins";
import { readSession } from "../KintoneSession";
import type { KintoneStore } from "../KintoneStore";
import type { ApiTokenDef } from "../store/appDefinition";
import type { Caller, KintoneRequest } from "./apiCall";

export const MAX_API_TOKENS = 9;

export /** Who the request acts as; undefined when it carries no credentials (handlers then answer CB_AU01). */
function authenticate(store: KintoneStore, req: KintoneRequest): Caller | undefined {
  const tokenHeader = req.get("X-Cybozu-API-Token");
  if (tokenHeader !== undefined) {
    const grants = new Map<string, ApiTokenDef["rights"] & { manage?: boolean }>();
    const tokens = tokenHeader.split(",").map((t) => t.trim());
    // At most 9 tokens per request (https://cybozu.dev/ja/kintone/docs/rest-api/overview/authentication/).
    if (tokens.length > MAX_API_TOKENS) {
      throw invalidInput({
        "X-Cybozu-API-Token": { messages: [`Up to ${MAX_API_TOKENS} API tokens can be given.`] },
      });
    }
    for (const token of tokens) {
      const found = store.findApiToken(token);
      if (!token || !found) {
        throw new KintoneApiError(
          400,
          "GAIA_IA02",
          "The specified API token does not match the API token generated via an app.",
        );
      }
      if (grants.has(found.appId)) {
        throw new KintoneApiError(
          400,
          "GAIA_DA03",
          "You cannot specify a duplicate API token for the same app.",
        );
      }
      grants.set(found.appId, found.rights);
    }
    return { kind: "token", grants };
  }
  // Password auth (X-Cybozu-Authorization: base64 "login:password"), as cli-kintone uses it.
  const passwordHeader = req.get("X-Cybozu-Authorization");
  if (passwordHeader !== undefined) {
    return { kind: "session", user: checkPassword(store, passwordHeader) };
  }
  const session = readSession(store, req.get("Cookie"));
  if (session) {
    // Session auth needs this header, and writes need the page's request token.
    // kintone accepts "XMLHttpRequest" or any other non-empty value.
    if (!req.get("X-Requested-With")) return undefined;
    const isWrite = req.method !== "GET" && !(req.method === "POST" && req.path === "/file.json");
    if (isWrite && req.kintoneParams?.__REQUEST_TOKEN__ !== session.requestToken) {
      throw new KintoneApiError(
        400,
        "CB_IL02",
        "Illegal request: the request token is missing or wrong.",
      );
    }
    if (req.kintoneParams) delete req.kintoneParams.__REQUEST_TOKEN__;
    return {
      kind: "session",
      user: { code: store.loginUser.code, name: store.loginUser.name },
      requestToken: session.requestToken,
    };
  }
  return undefined;
}
