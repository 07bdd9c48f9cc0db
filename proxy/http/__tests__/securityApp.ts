/**
 * The proxy's Express app on fakes (testkit/makeDeps.ts), listening on 127.0.0.1, as the HTTP
 * security suites start it: every call into the gateway and the record store is counted (a
 * refused request must make none), and so is every webhook signature check.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import Stripe from "stripe";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP } from "../../../testkit/productRecords";
import { createStripeWebhookVerifier } from "../../adapters/stripe/StripeWebhookVerifier";
import { JobRunner } from "../../jobs/JobRunner";
import type { WebhookVerifier } from "../../ports/WebhookVerifier";
import { createApp, type AppDependencies } from "../createApp";
import { mountStripeWebhook } from "../mountStripeWebhook";
import { TEST_WEBHOOK_SECRET } from "../../../testkit/testSecrets";

export const SECRET = "Kq3-proxy-secret-0123456789abcdefXYZ";
export const WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;

/** Counts every call into the gateway and the record store: a refused request must make none. */
function recording<T extends object>(target: T, calls: string[]): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

export function makeAppDeps(overrides: Partial<AppDependencies> = {}) {
  const env = makeDeps();
  const upstreamCalls: string[] = [];
  const base = {
    ...env.deps,
    gateway: recording(env.gateway, upstreamCalls),
    records: recording(env.records, upstreamCalls),
  };
  const verifierCalls: number[] = [];
  const realVerifier = createStripeWebhookVerifier({ secret: WEBHOOK_SECRET });
  const verifier: WebhookVerifier = {
    verify(body, header) {
      verifierCalls.push(body.length);
      return realVerifier.verify(body, header);
    },
  };
  const deps: AppDependencies = {
    ...base,
    proxySecret: SECRET,
    version: "9.9.9",
    setup: {
      appIds: [APP],
      stripeKeyType: "restricted",
      stripeMode: "test",
      webhookConfigured: true,
    },
    jobs: new JobRunner(base, { concurrency: 1 }),
    mountRawBodyRoutes: (app) =>
      mountStripeWebhook(app, {
        verifier,
        deps: { ...base, servedAppIds: [APP] },
      }),
    ...overrides,
  };
  return { env, deps, upstreamCalls, verifierCalls };
}

export async function start(overrides: Partial<AppDependencies> = {}) {
  const made = makeAppDeps(overrides);
  const app = createApp(made.deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (
    method: string,
    path: string,
    options: { body?: string | Buffer; headers?: Record<string, string | undefined> } = {},
  ) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value !== undefined) headers[name] = value;
    }
    const response = await fetch(base + path, {
      method,
      headers,
      body:
        options.body === undefined || typeof options.body === "string"
          ? options.body
          : new Uint8Array(options.body),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers };
  };
  return {
    ...made,
    app,
    call,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type Started = Awaited<ReturnType<typeof start>>;

export const UNAUTHORIZED_ANSWER = {
  error: { code: "UNAUTHORIZED", message: expect.any(String), details: [] },
};
export const RATE_LIMITED_ANSWER = {
  error: { code: "RATE_LIMITED", message: expect.any(String), details: [] },
};

/** The headers of a webhook request Stripe signed with the app's secret. */
export function signedWebhookHeaders(payload: string): Record<string, string> {
  return {
    "content-type": "application/json",
    "stripe-signature": Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: WEBHOOK_SECRET,
    }),
  };
}
