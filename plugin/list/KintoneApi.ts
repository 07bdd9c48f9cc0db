/** kintone's REST API as the page calls it (`kintone.api`), so tests can hand in a fake. */
export type KintoneApi = (
  path: string,
  method: "GET" | "POST" | "DELETE",
  params: Record<string, unknown>,
) => Promise<unknown>;

/** The page's own `kintone.api`, guest spaces included. */
export function pageKintoneApi(): KintoneApi {
  // kintone's typings give its own Promise type; Promise.resolve makes it a standard one.
  return (path, method, params) =>
    Promise.resolve<unknown>(kintone.api(kintone.api.url(path, true), method, params));
}
