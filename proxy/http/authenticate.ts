/**
 * `Authorization: Bearer <PROXY_SECRET>` on every /v1 route but the webhook.
 *
 * The presented secret and the real one are both hashed to 32-byte SHA-256 digests and compared with
 * `crypto.timingSafeEqual` (https://nodejs.org/api/crypto.html#cryptotimingsafeequala-b): the
 * comparison always looks at all 32 bytes, so neither where the first wrong character is nor the
 * secret's length leaks through the answer's timing (OWASP ASVS V6.2; a plain `===` stops at the
 * first difference). The scheme name is case-insensitive, as RFC 7235 §2.1 says of every HTTP
 * authentication scheme: `bearer <secret>` is accepted like `Bearer <secret>`.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { UnauthorizedError } from "../errors/UnauthorizedError";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** The secret presented in an Authorization header, or undefined when the header is not `Bearer <…>`. */
export function presentedSecret(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S.*)$/i.exec((header ?? "").trim());
  return match?.[1];
}

/** A comparator bound to the real secret: constant time over fixed-length digests. */
export function secretComparator(proxySecret: string): (presented: string) => boolean {
  const expected = digest(proxySecret);
  return (presented) => timingSafeEqual(digest(presented), expected);
}

export interface AuthenticateOptions {
  /** Called for every refused attempt before the 401 is answered (the failed-auth rate limit). */
  onFailure?: (req: Request) => Promise<void> | void;
}

export function authenticate(
  proxySecret: string,
  options: AuthenticateOptions = {},
): RequestHandler {
  const matches = secretComparator(proxySecret);
  return async (req, _res, next) => {
    const presented = presentedSecret(req.get("authorization"));
    let refusal: UnauthorizedError | undefined;
    if (presented === undefined) {
      refusal = new UnauthorizedError("Send the proxy secret as Authorization: Bearer <secret>.");
    } else if (!matches(presented)) {
      refusal = new UnauthorizedError("The proxy secret is wrong.");
    }
    if (refusal) {
      await options.onFailure?.(req);
      next(refusal);
      return;
    }
    next();
  };
}
