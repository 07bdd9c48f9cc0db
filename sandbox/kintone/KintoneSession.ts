/**
 * Session auth as kintone's pages use it: a session cookie, `X-Requested-With: XMLHttpRequest` on every
 * REST call, and the page's request token (`kintone.getRequestToken()`) as `__REQUEST_TOKEN__` in the
 * body of every write. https://cybozu.dev/ja/kintone/docs/rest-api/overview/authentication/
 */
import type { KintoneStore } from "./KintoneStore";

export const SESSION_COOKIE = "kintone_session";

export interface KintoneSession {
  sessionId: string;
  /** What the page's `kintone.getRequestToken()` returns. */
  requestToken: string;
  /** A `Set-Cookie` header value that starts the session in a browser. */
  setCookie: string;
}

/** Starts a session acting as `store.loginUser` with full rights. */
export function issueSession(store: KintoneStore): KintoneSession {
  const { sessionId, requestToken } = store.issueSession();
  return {
    sessionId,
    requestToken,
    setCookie: `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
  };
}

/** The session named by a `Cookie` header, if it is one the store issued. */
export function readSession(
  store: KintoneStore,
  cookieHeader: string | undefined,
): { sessionId: string; requestToken: string } | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    const sessionId = decodeURIComponent(rest.join("="));
    const requestToken = store.sessionRequestToken(sessionId);
    if (requestToken) return { sessionId, requestToken };
  }
  return undefined;
}
