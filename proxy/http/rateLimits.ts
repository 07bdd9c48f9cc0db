/**
 * Rate limits on the /v1 routes, per client IP (express-rate-limit,
 * https://express-rate-limit.mintlify.app/reference/configuration):
 *
 * - failed authentications: a client that sent a missing or wrong proxy secret `failedAuth.limit`
 *   times in a window gets 429 on every /v1 call until the window ends, checked BEFORE its secret is
 *   compared, so a blocked client cannot tell a right guess from a wrong one (brute force,
 *   OWASP ASVS V2.2.1). Only failures count: a burst of authenticated calls never trips it.
 * - authenticated traffic: a generous ceiling per client against a runaway caller.
 *
 * kintone calls the proxy from its own servers (`kintone.plugin.app.proxy`), so every user of a
 * kintone domain shares a few source IPs: the limits are per IP, but sized for a whole domain.
 * Behind the documented nginx (deploy.md) the client IP is the one nginx puts in X-Forwarded-For,
 * trusted only from a loopback peer (`trust proxy` = "loopback" in createApp).
 *
 * The webhook (mountStripeWebhook) and /healthz are mounted before these limits and never limited:
 * a 429 to Stripe would delay events, and Stripe's signature is checked instead.
 */
import type { Request, RequestHandler, Response } from "express";
import type { ErrorCode } from "../../core/api/proxyApi";
import { ipKeyGenerator, MemoryStore, rateLimit, type Options } from "express-rate-limit";

export interface RateLimitWindow {
  /** Requests (or failures) allowed per client IP in one window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  failedAuth?: Partial<RateLimitWindow>;
  authenticated?: Partial<RateLimitWindow>;
}

export const DEFAULT_RATE_LIMITS: Readonly<{
  failedAuth: RateLimitWindow;
  authenticated: RateLimitWindow;
}> = {
  // A ≥ 32-character secret cannot be guessed anyway; this keeps guessing (and log noise) slow
  // while a misconfigured app of a shared kintone domain does not lock everyone out at once.
  failedAuth: { limit: 100, windowMs: 15 * 60_000 },
  // 50 requests/s per kintone domain on average: list dialogs poll jobs once a second each.
  authenticated: { limit: 3000, windowMs: 60_000 },
};

export const RATE_LIMITED = "RATE_LIMITED" satisfies ErrorCode;

export interface RateLimits {
  /** Before the secret is compared: 429 for a client over its failed-authentication limit. */
  failedAuthGuard: RequestHandler;
  /** After a refused secret: counts one failure for the client. */
  recordFailedAuth(req: Request): Promise<void>;
  /** After a accepted secret: the authenticated traffic limit. */
  authenticated: RequestHandler;
}

function clientKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? "unknown");
}

function answerTooMany(res: Response, retryAfterSeconds: number, message: string): void {
  res.setHeader("Retry-After", String(Math.max(1, retryAfterSeconds)));
  res.status(429).json({ error: { code: RATE_LIMITED, message, details: [] } });
}

const secondsUntil = (time: Date | undefined, fallbackMs: number) =>
  Math.ceil(((time?.getTime() ?? Date.now() + fallbackMs) - Date.now()) / 1000);

export function createRateLimits(options: RateLimitOptions = {}): RateLimits {
  const failed = { ...DEFAULT_RATE_LIMITS.failedAuth, ...options.failedAuth };
  const authenticated = { ...DEFAULT_RATE_LIMITS.authenticated, ...options.authenticated };

  const failures = new MemoryStore();
  failures.init({ windowMs: failed.windowMs } as Options);

  return {
    failedAuthGuard: async (req, res, next) => {
      const info = await failures.get(clientKey(req));
      if (info && info.totalHits >= failed.limit) {
        const seconds = secondsUntil(info.resetTime, failed.windowMs);
        answerTooMany(
          res,
          seconds,
          `Too many requests with a missing or wrong proxy secret from this address; try again in ${seconds} s.`,
        );
        return;
      }
      next();
    },
    async recordFailedAuth(req) {
      await failures.increment(clientKey(req));
    },
    authenticated: rateLimit({
      windowMs: authenticated.windowMs,
      limit: authenticated.limit,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      keyGenerator: clientKey,
      handler: (req, res) => {
        const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit
          ?.resetTime;
        const seconds = secondsUntil(resetTime, authenticated.windowMs);
        answerTooMany(
          res,
          seconds,
          `Too many requests from this address; try again in ${seconds} s.`,
        );
      },
    }),
  };
}
