/**
 * `@kintone/rest-api-client` (axios and its helpers with it) is ~19 MB of a started proxy's
 * memory: it is loaded with the first call that needs it (a cursor, the form's fields, a status
 * action, a token check; a checkout's calls go through kintoneHttp.ts), not at start, so an idle
 * proxy does not hold it. Loaded once; later calls get the same module.
 */
type KintoneSdk = typeof import("@kintone/rest-api-client");

let loading: Promise<KintoneSdk> | undefined;
let loaded: KintoneSdk | undefined;

export function loadKintoneSdk(): Promise<KintoneSdk> {
  return (loading ??= import("@kintone/rest-api-client").then((sdk) => (loaded = sdk)));
}

/** The SDK once a call loaded it; before that no error can have come from it. */
export function loadedKintoneSdk(): KintoneSdk | undefined {
  return loaded;
}
