/**
 * Both emulators with one kintone "Orders" app whose token may view and edit, and the proxy
 * environment (DESIGN §4) that points at them: what the proxy's integration kits and the
 * benchmarks start, each with its own fields.
 */
import { startKintoneEmulator, type KintoneEmulator } from "./kintone/KintoneEmulator";
import type { FieldDef } from "./kintone/KintoneStore";
import {
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from "./stripe/StripeEmulator";

export interface OrdersEmulatorsOptions {
  fields: FieldDef[];
  /** The Orders app's API token (view and edit records). */
  token: string;
  stripe?: StripeEmulatorOptions;
}

export interface OrdersEmulators {
  stripe: StripeEmulator;
  kintone: KintoneEmulator;
  appId: string;
  /** The proxy's required variables for these emulators; `PORT` 0 (any free port). */
  proxyEnv(secrets: { stripeApiKey: string; proxySecret: string }): Record<string, string>;
  close(): Promise<void>;
}

export async function startOrdersEmulators(
  options: OrdersEmulatorsOptions,
): Promise<OrdersEmulators> {
  const stripe = await startStripeEmulator(options.stripe ?? {});
  const kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Orders",
        fields: options.fields,
        apiTokens: [
          { token: options.token, rights: { view: true, add: false, edit: true, delete: false } },
        ],
      },
    ],
  });
  const appId = kintone.store.listApps()[0]!.id;
  return {
    stripe,
    kintone,
    appId,
    proxyEnv: ({ stripeApiKey, proxySecret }) => ({
      STRIPE_API_KEY: stripeApiKey,
      STRIPE_API_BASE: stripe.url,
      PROXY_SECRET: proxySecret,
      KINTONE_BASE_URL: kintone.url,
      KINTONE_API_TOKENS: `${appId}:${options.token}`,
      PORT: "0",
    }),
    async close() {
      await stripe.close();
      await kintone.close();
    },
  };
}
