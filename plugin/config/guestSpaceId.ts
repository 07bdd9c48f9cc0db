/**
 * The guest space of the app whose settings screen this is, or undefined outside guest spaces.
 * `kintone.api.url(path, true)` answers the guest-space URL (`/k/guest/{spaceId}/v1/…`) only when
 * the page is in a guest space, and works on the plug-in settings screen
 * (https://cybozu.dev/ja/kintone/docs/js-api/api/get-url/); unlike `kintone.space.get()` it is
 * synchronous and answers outside any space too.
 */
export function currentGuestSpaceId(): string | undefined {
  const url = kintone.api.url("/k/v1/app.json", true);
  return /\/k\/guest\/([1-9]\d*)\/v1\//.exec(url)?.[1];
}
