/**
 * Binds a call to the kintone app it came from (issue #8).
 *
 * The plug-in's settings store `X-Kintone-App-Id: <this app>` with `setProxyConfig` for every
 * method; kintone adds it server-side to the app's `kintone.plugin.app.proxy` calls, and a stored
 * header wins over one the page sends
 * (https://cybozu.dev/ja/kintone/docs/js-api/plugins/set-config-for-proxy/). So a user of app 12
 * cannot unbind a call or bind it to app 13. When the header is present every route acts on that
 * app only; without it (an older saved config, a script holding the secret) nothing changes.
 *
 * A page may still add the same header in other letter case: kintone may then send both, and
 * Node joins repeated headers into "12, 13". So the header must hold exactly one app id, once.
 *
 * Refusals are 400 BAD_REQUEST, not 401: the secret was right (401 means a missing or wrong
 * secret in the HTTP contract, counts towards the failed-authentication limit, and the plug-in tells users
 * "the proxy refused the secret"), while a 400's message reaches the user through the plug-in and
 * names both apps — the fix for a copied app whose settings were never saved again.
 */
import type { Request, RequestHandler, Response } from "express";
import { APP_BINDING_HEADER } from "../../core/api/proxyApi";
import { BadRequestError } from "../errors/BadRequestError";
import type { AppScope } from "../sessions/appScope";
import { checkGuestSpaceBinding } from "./guestSpaceBinding";

const HEADER = APP_BINDING_HEADER.toLowerCase();
/** A kintone app id: a positive integer, no sign, no leading zero, no spaces. */
const APP_ID = /^[1-9][0-9]{0,18}$/;

/**
 * Reads the binding header (after authentication) into `res.locals.appScope`, and checks the
 * guest-space header against `guestSpaceIds` (app id → the guest space the proxy serves it in).
 */
export function bindApp(guestSpaceIds: Readonly<Record<string, string>> = {}): RequestHandler {
  return (req, res, next) => {
    const values = headerValues(req);
    if (values.length === 0) {
      try {
        checkGuestSpaceBinding(req, undefined, guestSpaceIds);
      } catch (error) {
        next(error);
        return;
      }
      next();
      return;
    }
    const [value] = values;
    if (values.length > 1 || value === undefined || !APP_ID.test(value)) {
      next(
        new BadRequestError(`${APP_BINDING_HEADER} must name exactly one kintone app id.`, [
          { path: APP_BINDING_HEADER, message: "must be one app id, sent once" },
        ]),
      );
      return;
    }
    try {
      checkGuestSpaceBinding(req, value, guestSpaceIds);
    } catch (error) {
      next(error);
      return;
    }
    res.locals.appScope = { appId: value } satisfies AppScope;
    next();
  };
}

/** Every value the header was sent with, each occurrence apart, however its name was cased. */
function headerValues(req: Request): string[] {
  const distinct = req.headersDistinct[HEADER];
  if (distinct === undefined) return [];
  // A single occurrence may itself be a list ("12, 13"): left as one value, refused by APP_ID.
  return distinct;
}

/** The app the call is bound to, or undefined for an unbound call. */
export function appScopeOf(res: Response): AppScope {
  return (res.locals as { appScope?: AppScope }).appScope;
}

/** A body's or query's appId must be the bound app's; an unbound call may name any app. */
export function assertBoundApp(scope: AppScope, appId: string | undefined, where: string): void {
  if (scope === undefined || appId === undefined || appId === scope.appId) return;
  throw new BadRequestError(
    `This call comes through the plug-in settings of app ${scope.appId} but names app ${appId}. ` +
      `If app ${scope.appId} is not this app (e.g. the app was copied), open the plug-in settings here and press Save.`,
    [{ path: where, message: `must be ${scope.appId}, the app this call is bound to` }],
  );
}
