/** The sessions the pages start: a session id (the cookie) and the request token writes must carry. */
import { randomUUID } from "node:crypto";
import { randomKey } from "./randomKey";

export class PageSessions {
  private readonly sessions = new Map<string, { requestToken: string }>();

  /** Starts a session: the cookie value and the `__REQUEST_TOKEN__` writes must carry. */
  issue(): { sessionId: string; requestToken: string } {
    const sessionId = randomKey();
    const requestToken = randomUUID();
    this.sessions.set(sessionId, { requestToken });
    return { sessionId, requestToken };
  }

  /** The request token of a session, or undefined for an unknown session. */
  requestToken(sessionId: string): string | undefined {
    return this.sessions.get(sessionId)?.requestToken;
  }
}
