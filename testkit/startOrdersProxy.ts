/**
 * The real proxy (startProxy: Stripe SDK, kintone REST client, sharp, SQLite) on 127.0.0.1 against
 * both emulators with the Orders app (sandbox/startOrdersEmulators.ts), and what a test asks of it:
 * HTTP calls with the secret, the Orders records' field values.
 */
import type { ProxyConfig } from "../proxy/config";
import type { RunningProxy, StartProxyOptions } from "../proxy/startProxy";
import {
  startOrdersEmulators,
  type OrdersEmulators,
  type OrdersEmulatorsOptions,
} from "../sandbox/startOrdersEmulators";
import { callProxy, type CallOptions, type ProxyAnswer } from "./callProxy";
import { startTestProxy, testProxyConfig } from "./startTestProxy";

export const ORDERS_PROXY_SECRET = "testkit-proxy-secret-0123456789-abcdef";
export const ORDERS_STRIPE_KEY = "rk_test_testkit";

export interface OrdersProxyOptions extends Partial<OrdersEmulatorsOptions> {
  /** The proxy's shared secret; default ORDERS_PROXY_SECRET. */
  secret?: string;
  /** The proxy's Stripe key; default ORDERS_STRIPE_KEY. */
  stripeApiKey?: string;
  /** Proxy variables beside the emulators' (STRIPE_WEBHOOK_SECRET, DATA_DIR…). */
  env?: Record<string, string>;
  /** How the proxy starts, over the default: on 127.0.0.1, journal in memory, silent. */
  proxy?: StartProxyOptions | ((emulators: OrdersEmulators) => StartProxyOptions);
}

export interface OrdersProxy extends OrdersEmulators {
  /** The running proxy; a test may close it and put another here, which `close` then closes. */
  proxy: RunningProxy;
  secret: string;
  /** The proxy's configuration for these emulators, with `env` over the suite's variables. */
  config(env?: Record<string, string>): ProxyConfig;
  /** Another proxy on the same emulators (the caller closes it), with `env` and `options` over the suite's. */
  startProxy(options?: {
    env?: Record<string, string>;
    proxy?: StartProxyOptions;
  }): Promise<RunningProxy>;
  /** Stops the proxy and starts it again as it was (a file journal keeps its state). */
  restartProxy(): Promise<void>;
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<ProxyAnswer>;
  /** A field's value in an Orders record, as the kintone emulator holds it. */
  field(recordId: string, code: string): unknown;
  revision(recordId: string): string;
  close(): Promise<void>;
}

export async function startOrdersProxy(options: OrdersProxyOptions = {}): Promise<OrdersProxy> {
  const emulators = await startOrdersEmulators(options);
  const secret = options.secret ?? ORDERS_PROXY_SECRET;
  const envOf = (env: Record<string, string> = {}) => ({
    ...emulators.proxyEnv({
      stripeApiKey: options.stripeApiKey ?? ORDERS_STRIPE_KEY,
      proxySecret: secret,
    }),
    ...options.env,
    ...env,
  });
  const config = (env: Record<string, string> = {}) => testProxyConfig(envOf(env));
  const start: OrdersProxy["startProxy"] = (more = {}) =>
    startTestProxy(envOf(more.env), {
      ...(typeof options.proxy === "function" ? options.proxy(emulators) : options.proxy),
      ...more.proxy,
    });
  let proxy: RunningProxy;
  try {
    proxy = await start();
  } catch (error) {
    await emulators.close();
    throw error;
  }
  const field = (recordId: string, code: string) =>
    (
      emulators.kintone.store.getRecord(emulators.appId, recordId)?.[code] as
        { value: unknown } | undefined
    )?.value;
  const kit: OrdersProxy = {
    ...emulators,
    proxy,
    secret,
    config,
    startProxy: start,
    async restartProxy() {
      await kit.proxy.close();
      kit.proxy = await start();
    },
    call: (method, path, body, callOptions) =>
      callProxy(kit.proxy.url, secret, method, path, body, callOptions),
    field,
    revision: (recordId) => String(field(recordId, "$revision")),
    async close() {
      await kit.proxy.close();
      await emulators.close();
    },
  };
  return kit;
}
