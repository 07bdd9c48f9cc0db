/**
 * The guest-space half of the app binding: with `X-Kintone-Guest-Space-Id` (stored by the
 * plug-in's settings for an app in a guest space, added by kintone, not changeable by the page)
 * the call must be bound to an app, and that app must be the one this proxy knows in that space
 * (`KINTONE_API_TOKENS` entry `APP_ID@GUEST_SPACE_ID:TOKEN`). Without the header nothing changes:
 * a settings screen saved before guest spaces were supported still works, bound by the app id.
 * Refusals are 400 BAD_REQUEST with the fix, as the app binding's are.
 */
import type { Request } from "express";
import { APP_BINDING_HEADER } from "../../core/api/proxyApi";
import { GUEST_SPACE_BINDING_HEADER } from "../../core/api/guestSpaceHeader";
import { BadRequestError } from "../errors/BadRequestError";

const HEADER = GUEST_SPACE_BINDING_HEADER.toLowerCase();
/** A kintone space id: a positive integer, no sign, no leading zero, no spaces. */
const SPACE_ID = /^[1-9][0-9]{0,18}$/;

/**
 * Throws unless the call's guest-space header (if any) agrees with `guestSpaceIds` for the bound
 * `appId` (undefined: no app header).
 */
export function checkGuestSpaceBinding(
  req: Request,
  appId: string | undefined,
  guestSpaceIds: Readonly<Record<string, string>>,
): void {
  const values = req.headersDistinct[HEADER];
  if (values === undefined || values.length === 0) return;
  const [space] = values;
  if (values.length > 1 || space === undefined || !SPACE_ID.test(space)) {
    throw new BadRequestError(
      `${GUEST_SPACE_BINDING_HEADER} must name exactly one guest space id.`,
      [{ path: GUEST_SPACE_BINDING_HEADER, message: "must be one space id, sent once" }],
    );
  }
  if (appId === undefined) {
    throw new BadRequestError(
      `${GUEST_SPACE_BINDING_HEADER} comes only with ${APP_BINDING_HEADER}: open the plug-in settings and press Save.`,
      [{ path: APP_BINDING_HEADER, message: "is required with a guest space" }],
    );
  }
  const known = guestSpaceIds[appId];
  if (known === space) return;
  const fix =
    known === undefined
      ? `If app ${appId} is in guest space ${space}, write its token as ${appId}@${space}:TOKEN in the proxy's KINTONE_API_TOKENS.`
      : `If the app was moved or copied, open the plug-in settings here and press Save.`;
  throw new BadRequestError(
    `This call comes from app ${appId} in guest space ${space}, but the proxy serves app ${appId} ${
      known === undefined ? "outside guest spaces" : `in guest space ${known}`
    }. ${fix}`,
    [
      {
        path: GUEST_SPACE_BINDING_HEADER,
        message:
          known === undefined
            ? `app ${appId} is not in a guest space for this proxy`
            : `must be ${known}, the guest space of app ${appId}`,
      },
    ],
  );
}
