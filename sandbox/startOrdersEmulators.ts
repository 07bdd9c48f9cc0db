/**
 * Both emulators with one kintone "Orders" app whose token may view and edit, and the variables
 * the proxy reads to reach them: what the proxy's test kits and the benchmarks start. The app has
 * the shared test Orders fields (testkit/ordersFields.ts) unless a caller gives its own.
 */
import { ORDERS_FIELDS } from "../testkit/ordersFields";
import { startKintoneEmulator, type KintoneEmulator } from "./kintone/KintoneEmulator";
import { placeAppInGuestSpace } from "./kintone/KintoneGuestSpaces";
import type { ApiTokenDef, FieldDef } from "./kintone/store/appDefinition";
import {
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from "./stripe/StripeEmulator";

export const ORDERS_TOKEN = "orderstesttoken123";

export interface OrdersEmulatorsOptions {
  /** Default ORDERS_FIELDS. */
  fields?: FieldDef[];
  /** The Orders app's API token; default ORDERS_TOKEN. */
  token?: string;
  /** Default view and edit. */
  tokenRights?: ApiTokenDef["rights"];
  stripe?: StripeEmulatorOptions;
  /** Puts the Orders app in this guest space: the proxy then gets its token as APP_ID@SPACE:TOKEN. */
  guestSpaceId?: string;
}

export interface OrdersEmulators {
  stripe: StripeEmulator;
  kintone: KintoneEmulator;
  appId: string;
  token: string;
  /** The proxy's required variables for these emulators; `PORT` 0 (any free port). */
  proxyEnv(secrets: { stripeApiKey: string; proxySecret: string }): Record<string, string>;
  close(): Promise<void>;
}

export async function startOrdersEmulators(
  options: OrdersEmulatorsOptions = {},
): Promise<OrdersEmulators> {
  const token = options.token ?? ORDERS_TOKEN;
  const stripe = await startStripeEmulator(options.stripe ?? {});
  const kintone = await startKintoneEmulator({
    apps: [
      {
        name: "Orders",
        fields: options.fields ?? ORDERS_FIELDS,
        apiTokens: [
          {
            token,
            rights: options.tokenRights ?? { view: true, add: false, edit: true, delete: false },
          },
        ],
      },
    ],
  });
  const appId = kintone.store.listApps()[0]!.id;
  if (options.guestSpaceId) placeAppInGuestSpace(kintone.store, appId, options.guestSpaceId);
  const tokenApp = options.guestSpaceId ? `${appId}@${options.guestSpaceId}` : appId;
  return {
    stripe,
    kintone,
    appId,
    token,
    proxyEnv: ({ stripeApiKey, proxySecret }) => ({
      STRIPE_API_KEY: stripeApiKey,
      STRIPE_API_BASE: stripe.url,
      PROXY_SECRET: proxySecret,
      KINTONE_BASE_URL: kintone.url,
      KINTONE_API_TOKENS: `${tokenApp}:${token}`,
      PORT: "0",
    }),
    async close() {
      await stripe.close();
      await kintone.close();
    },
  };
}
