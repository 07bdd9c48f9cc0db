/**
 * The security suite's bed: the emulators with the Orders app, a decoy server that counts who
 * connects to it, every outbound TCP connection of this process, and proxies whose log lines and
 * answers are kept for the secret grep. Keys and tokens are given Stripe's and kintone's shapes.
 */
import net from "node:net";
import { startOrdersEmulators, type OrdersEmulators } from "../../../sandbox/startOrdersEmulators";
import { callProxy } from "../../../testkit/callProxy";
import { addOrderRecords } from "../../../testkit/orderRecords";
import { ordersMappingJson } from "../../../testkit/ordersMapping";
import { picture } from "../../../testkit/pictures";
import { startTestProxy, testProxyConfig } from "../../../testkit/startTestProxy";
import type { ProxyConfig } from "../../config";
import { STRIPE_WEBHOOK_PATH } from "../../http/mountStripeWebhook";
import type { RateLimitOptions } from "../../http/rateLimits";
import { createLogger } from "../../logging/createLogger";
import type { RunningProxy } from "../../startProxy";
import { TEST_WEBHOOK_SECRET } from "../../../testkit/testSecrets";

export const PROXY_SECRET = "PxS3cr3t-integration-0123456789-abcdefgh";
export const KINTONE_TOKEN = "KtT0kenIntegration0123456789";
export const WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
export const STRIPE_KEY = "rk_test_StR1peKeyIntegration0123456789";
const SECRETS = { PROXY_SECRET, KINTONE_TOKEN, WEBHOOK_SECRET, STRIPE_KEY };
/** Key material after a Stripe prefix, whoever's key it is. */
export const SECRET_SHAPES = [/\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]/, /\bwhsec_[A-Za-z0-9]/];

interface Decoy {
  port: number;
  connections: number;
  close(): Promise<void>;
}

export interface SecurityBed extends OrdersEmulators {
  decoy: Decoy;
  /** Every outbound TCP connection of this process, as "host:port". */
  connections: string[];
  /** Log lines of every proxy `start` started, at the most talkative level. */
  logLines: string[];
  /** Every answer the proxy gave, body and headers, for the secret grep. */
  answers: { status: number; text: string; headers: string }[];
  proxies: RunningProxy[];
}

/** The bed, fresh for every test of the file that calls this. */
export function securityBedPerTest(): SecurityBed {
  const bed = { connections: [], logLines: [], answers: [], proxies: [] } as unknown as SecurityBed;
  const originalConnect = net.Socket.prototype.connect;
  beforeAll(() => {
    net.Socket.prototype.connect = function recordingConnect(this: net.Socket, ...args: unknown[]) {
      const [first, second] = args as [unknown, unknown];
      const options = (Array.isArray(first) ? first[0] : first) as
        { host?: string; port?: number | string; path?: string } | number | string;
      // Node's http module passes `path: null` for TCP; only a string path is a Unix socket.
      if (typeof options === "object" && options !== null && typeof options.path !== "string") {
        bed.connections.push(`${options.host ?? "localhost"}:${options.port}`);
      } else if (typeof options === "number") {
        bed.connections.push(`${typeof second === "string" ? second : "localhost"}:${options}`);
      }
      return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof net.Socket.prototype.connect;
  });
  afterAll(() => {
    net.Socket.prototype.connect = originalConnect;
  });
  beforeEach(async () => {
    Object.assign(
      bed,
      await startOrdersEmulators({
        token: KINTONE_TOKEN,
        tokenRights: { view: true, add: true, edit: true, delete: false },
        stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
      }),
    );
    bed.decoy = await startDecoy();
    bed.connections.length = 0;
    bed.logLines.length = 0;
    bed.answers.length = 0;
  });
  afterEach(async () => {
    for (const proxy of bed.proxies.splice(0)) await proxy.close();
    await bed.close();
    await bed.decoy.close();
  });
  return bed;
}

async function startDecoy(): Promise<Decoy> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function variables(bed: SecurityBed, env: Record<string, string>): Record<string, string> {
  return {
    ...bed.proxyEnv({ stripeApiKey: STRIPE_KEY, proxySecret: PROXY_SECRET }),
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...env,
  };
}

export function config(bed: SecurityBed, env: Record<string, string> = {}): ProxyConfig {
  return testProxyConfig(variables(bed, env));
}

/** A proxy logging at trace into `bed.logLines`; the Stripe emulator's webhooks go to it unless `webhook: false`. */
export async function start(
  bed: SecurityBed,
  options: { env?: Record<string, string>; rateLimits?: RateLimitOptions; webhook?: boolean } = {},
): Promise<RunningProxy> {
  const logger = createLogger({
    level: "trace",
    destination: { write: (line: string) => void bed.logLines.push(line) },
  });
  const proxy = await startTestProxy(variables(bed, options.env ?? {}), {
    logger,
    rateLimits: options.rateLimits,
  });
  bed.proxies.push(proxy);
  if (options.webhook !== false) {
    bed.stripe.configure({
      webhook: { url: `${proxy.url}${STRIPE_WEBHOOK_PATH}`, secret: WEBHOOK_SECRET },
    });
  }
  return proxy;
}

/** A request with the secret (a string body is sent as it is); the answer is kept in `bed.answers`. */
export async function call(
  bed: SecurityBed,
  proxy: RunningProxy,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const answer = await callProxy(proxy.url, PROXY_SECRET, method, path, body, {
    headers,
    raw: typeof body === "string",
  });
  bed.answers.push({
    status: answer.status,
    text: answer.text,
    headers: JSON.stringify([...answer.headers.entries()]),
  });
  return { status: answer.status, body: answer.body };
}

/** A session per record, each URL the proxy is given pointing at the decoy. */
export function mapping(
  bed: SecurityBed,
  overrides: Record<string, unknown> = {},
  lineItem: Record<string, unknown> = {},
) {
  return ordersMappingJson({
    grouping: "perRecord",
    lineItem: {
      name: { field: "name" },
      description: { field: "link" },
      unitPrice: { field: "price" },
      image: { field: "photo" },
      ...lineItem,
    },
    currency: "USD",
    successUrl: `http://127.0.0.1:${bed.decoy.port}/thanks?s={CHECKOUT_SESSION_ID}`,
    cancelUrl: `http://127.0.0.1:${bed.decoy.port}/cancel`,
    writeBack: {
      sessionId: "session_id",
      url: "url",
      status: "status",
      paymentStatus: "pay_status",
    },
    ...overrides,
  });
}

/** Records whose data points at the decoy everywhere it can. */
export async function addRecords(
  bed: SecurityBed,
  count: number,
  withPhoto = true,
): Promise<string[]> {
  const bytes = await picture("#36c", 8);
  const decoyUrl = `http://127.0.0.1:${bed.decoy.port}/evil.png`;
  return addOrderRecords(
    bed,
    Array.from({ length: count }, (_, i) => ({
      name: `Tea ${i} ${decoyUrl}`,
      price: "12.50",
      link: decoyUrl,
      photos: withPhoto ? [{ bytes, name: `tea${i}.png`, contentType: "image/png" }] : [],
    })),
  );
}

/** Rewrites every file key of a stored record, as no REST call could. */
export function pointFileKeysAt(bed: SecurityBed, recordId: string, fileKey: string): void {
  const apps = (
    bed.kintone.store as unknown as {
      apps: Map<
        string,
        { records: Map<number, { values: Record<string, unknown>; view?: unknown }> }
      >;
    }
  ).apps;
  const stored = apps.get(bed.appId)!.records.get(Number(recordId))!;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === "fileKey" ? fileKey : rewrite(v)]),
      );
    }
    return value;
  };
  stored.values = rewrite(stored.values) as Record<string, unknown>;
  delete stored.view;
  const photo = bed.kintone.store.getRecord(bed.appId, recordId)?.photo as {
    value: { fileKey: string }[];
  };
  expect(photo.value[0]?.fileKey).toBe(fileKey);
}

export function contactedBesides(bed: SecurityBed, proxy: RunningProxy): Set<string> {
  const proxyPort = String(proxy.port);
  return new Set(
    bed.connections
      .filter((c) => c.split(":").pop() !== proxyPort)
      .map((c) => c.replace(/^(127\.0\.0\.1|::1|localhost):/, "loopback:")),
  );
}

/** Where a secret, or something shaped like one, stands in a log line or an answer. */
export function leaks(bed: SecurityBed): string[] {
  const texts = [
    ...bed.logLines.map((line) => ["log", line] as const),
    ...bed.answers.map((a) => ["answer body", a.text] as const),
    ...bed.answers.map((a) => ["answer headers", a.headers] as const),
  ];
  const found: string[] = [];
  for (const [where, text] of texts) {
    for (const [name, value] of Object.entries(SECRETS)) {
      if (text.includes(value)) found.push(`${where} holds ${name}: ${text.slice(0, 200)}`);
    }
    for (const shape of SECRET_SHAPES) {
      if (shape.test(text)) found.push(`${where} matches ${shape}: ${text.slice(0, 200)}`);
    }
  }
  return found;
}
