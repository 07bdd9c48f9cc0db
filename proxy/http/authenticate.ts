/**
 * `Authorization: Bearer <PROXY_SECRET>` on every /v1 route but the webhook. Compared in constant
 * time over fixed-length digests, so neither content nor length of the secret leaks by timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { UnauthorizedError } from "../errors/UnauthorizedError";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function authenticate(proxySecret: string): RequestHandler {
  const expected = digest(proxySecret);
  return (req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match) {
      next(new UnauthorizedError("Send the proxy secret as Authorization: Bearer <secret>."));
      return;
    }
    if (!timingSafeEqual(digest(match[1] as string), expected)) {
      next(new UnauthorizedError("The proxy secret is wrong."));
      return;
    }
    next();
  };
}
