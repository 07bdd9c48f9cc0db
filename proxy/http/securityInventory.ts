/**
 * What the security tests check, read from the app itself so a new route cannot be forgotten:
 * the routes Express has registered, which of them need the proxy secret, and the refused
 * Authorization variants each one is tried with. `authCheckCounts(app)` gives the numbers a docs
 * summary (SECURITY.md) states.
 */
import type { Express } from "express";
import pino from "pino";
import type { PaymentEventDeps } from "../events/applyPaymentEvent";
import type { JobRunner } from "../jobs/JobRunner";
import { createApp, type AppDependencies } from "./createApp";
import { mountStripeWebhook, STRIPE_WEBHOOK_PATH } from "./mountStripeWebhook";

export interface RouteEntry {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every method + path registered with `app.get/post/…`, in registration order. */
export function listRoutes(app: Express): RouteEntry[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  return stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m]);
    return paths.flatMap((path) =>
      methods.map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
}

/** The routes that must refuse a missing or wrong secret: every /v1 route but the webhook. */
export function secretGuardedRoutes(app: Express): RouteEntry[] {
  return listRoutes(app).filter(
    (route) => route.path.startsWith("/v1/") && route.path !== STRIPE_WEBHOOK_PATH,
  );
}

/** Authorization headers that must all be refused with 401 UNAUTHORIZED, given the real secret. */
export const REFUSED_AUTHORIZATION_VARIANTS: readonly {
  name: string;
  header: (secret: string) => string | undefined;
}[] = [
  { name: "missing", header: () => undefined },
  { name: "empty", header: () => "" },
  { name: "Bearer with nothing after it", header: () => "Bearer " },
  {
    name: "wrong secret of the same length",
    header: (s) => `Bearer ${s.slice(0, -1)}${s.endsWith("x") ? "y" : "x"}`,
  },
  {
    name: "wrong first character",
    header: (s) => `Bearer ${s.startsWith("x") ? "y" : "x"}${s.slice(1)}`,
  },
  { name: "a prefix of the secret (shorter)", header: (s) => `Bearer ${s.slice(0, -1)}` },
  { name: "the secret plus one character (longer)", header: (s) => `Bearer ${s}x` },
  { name: "the secret without a scheme", header: (s) => s },
  { name: "Basic scheme", header: (s) => `Basic ${Buffer.from(`x:${s}`).toString("base64")}` },
  { name: "Token scheme", header: (s) => `Token ${s}` },
  { name: "lowercase bearer, wrong secret", header: (s) => `bearer ${s.toUpperCase()}x` },
  { name: "BEARER, wrong secret", header: () => `BEARER ${"0".repeat(40)}` },
];

export function authCheckCounts(app: Express): {
  routes: number;
  variants: number;
  checks: number;
} {
  const routes = secretGuardedRoutes(app).length;
  const variants = REFUSED_AUTHORIZATION_VARIANTS.length;
  return { routes, variants, checks: routes * variants };
}

/** Headers helmet (https://helmetjs.github.io/) sets by default and the tests require on every answer. */
export const REQUIRED_SECURITY_HEADERS: Readonly<Record<string, string | RegExp>> = {
  "content-security-policy": /default-src 'self'/,
  "strict-transport-security": /max-age=\d+/,
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-permitted-cross-domain-policies": "none",
  "origin-agent-cluster": "?1",
};

/**
 * The numbers SECURITY.md states, from an app wired like `startProxy`'s (jobs and the webhook
 * mounted; nothing is called while routes are only listed).
 */
export function securityCheckCounts(): {
  routes: number;
  guardedRoutes: number;
  authVariants: number;
  authChecks: number;
  securityHeaders: number;
} {
  const app = createApp({
    proxySecret: "x".repeat(32),
    version: "0.0.0",
    logger: pino({ level: "silent" }),
    jobs: {} as JobRunner,
    mountRawBodyRoutes: (a) =>
      mountStripeWebhook(a, { verifier: undefined, deps: {} as PaymentEventDeps }),
  } as AppDependencies);
  const auth = authCheckCounts(app);
  return {
    routes: listRoutes(app).length,
    guardedRoutes: auth.routes,
    authVariants: auth.variants,
    authChecks: auth.checks,
    securityHeaders: Object.keys(REQUIRED_SECURITY_HEADERS).length,
  };
}
