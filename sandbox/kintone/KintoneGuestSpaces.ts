/**
 * Which emulated apps live in a guest space, and the rule kintone applies to them: such an app
 * is reached only under `/k/guest/{spaceId}/v1/…`
 * (https://cybozu.dev/ja/kintone/docs/rest-api/overview/kintone-rest-api-overview/#guest-space).
 * On `/k/v1/…` kintone answers GAIA_IL23 ("ゲストスペース内のアプリを操作する場合は、リクエストの
 * 送信先を「/k/guest/（ゲストスペースのID）/v1/...」にします。"), status 520 as kintone sends its
 * other application errors of that family. Kept beside the store (keyed by it) so the REST
 * router and the pages' `kintone.getGuestSpaceId()` read the same answer.
 */
import { KintoneApiError } from "./KintoneApiError";
import type { KintoneStore } from "./KintoneStore";

const spacesByStore = new WeakMap<KintoneStore, Map<string, string>>();

/** Puts an app of the store in guest space `spaceId` (a positive integer, as kintone numbers spaces). */
export function placeAppInGuestSpace(store: KintoneStore, appId: string, spaceId: string): void {
  store.requireApp(appId);
  if (!/^[1-9]\d*$/.test(spaceId))
    throw new Error(`guest space id must be a positive integer: ${spaceId}`);
  let spaces = spacesByStore.get(store);
  if (!spaces) spacesByStore.set(store, (spaces = new Map()));
  spaces.set(appId, spaceId);
}

/** The guest space the app is in, or undefined for an app outside guest spaces. */
export function guestSpaceOfApp(store: KintoneStore, appId: string): string | undefined {
  return spacesByStore.get(store)?.get(appId);
}

/**
 * Refuses a call for `appId` made on the wrong path: a guest-space app on `/k/v1` (GAIA_IL23), or
 * any app under another space's `/k/guest/{id}/v1`. `requestedSpace` is the path's space id,
 * undefined for `/k/v1`.
 */
export function requireAppPath(
  store: KintoneStore,
  appId: string,
  requestedSpace: string | undefined,
): void {
  const space = guestSpaceOfApp(store, appId);
  if (space === requestedSpace) return;
  if (space !== undefined && requestedSpace === undefined) {
    throw new KintoneApiError(
      520,
      "GAIA_IL23",
      "ゲストスペース内のアプリを操作する場合は、リクエストの送信先を「/k/guest/（ゲストスペースのID）/v1/...」にします。",
    );
  }
  // Code unverified: kintone documents no error for an app outside the path's guest space.
  throw new KintoneApiError(
    403,
    "CB_NO02",
    `The app (ID: ${appId}) is not in the guest space (ID: ${requestedSpace ?? "none"}).`,
  );
}
