/**
 * The Orders app as a Japanese shop sets it up: the checkout's status and payment status are
 * drop-downs with the shop's own option texts, and the app runs process management
 * (未処理 → 入金済み → 発送済み, or 期限切れ), the record's status in the STATUS field "ステータス".
 * A fresh proxy per test, to which the Stripe emulator delivers its webhooks.
 */
import { setProcessSettings, type ProcessSettings } from "../sandbox/kintone/ProcessManagement";
import type { FieldDef } from "../sandbox/kintone/store/appDefinition";
import { ORDERS_FIELDS } from "./ordersFields";
import { ordersMappingJson } from "./ordersMapping";
import { ordersProxyPerTest } from "./ordersProxyPerTest";
import type { OrdersProxy } from "./startOrdersProxy";
import { TEST_WEBHOOK_SECRET } from "./testSecrets";

export const STATUS_LABELS = {
  status: { open: "受付中", complete: "決済完了", expired: "期限切れ" },
  paymentStatus: {
    unpaid: "未決済",
    paid: "入金済み",
    no_payment_required: "支払い不要",
    failed: "決済失敗",
    refunded: "返金済み",
    partially_refunded: "一部返金",
    disputed: "不審請求",
    dispute_lost: "不審請求（敗訴）",
  },
};

export const PROCESS_STATUS_CODE = "ステータス";

export const ORDERS_PROCESS: ProcessSettings = {
  enable: true,
  states: ["未処理", "入金済み", "発送済み", "期限切れ"],
  actions: [
    { name: "入金を確認する", from: "未処理", to: "入金済み" },
    { name: "発送する", from: "入金済み", to: "発送済み" },
    { name: "期限切れにする", from: "未処理", to: "期限切れ" },
  ],
};

const dropDown = (code: string, label: string, options: Record<string, string>): FieldDef => ({
  code,
  label,
  type: "DROP_DOWN",
  options: Object.values(options),
});

export const LABELLED_ORDERS_FIELDS: FieldDef[] = [
  ...ORDERS_FIELDS.filter((f) => f.code !== "status" && f.code !== "pay_status"),
  dropDown("status", "決済状況", STATUS_LABELS.status),
  dropDown("pay_status", "支払状況", STATUS_LABELS.paymentStatus),
  {
    code: PROCESS_STATUS_CODE,
    label: PROCESS_STATUS_CODE,
    type: "STATUS",
    defaultValue: ORDERS_PROCESS.states[0],
  },
];

export function labelledOrdersProxyPerTest(): OrdersProxy {
  const env = ordersProxyPerTest({
    fields: LABELLED_ORDERS_FIELDS,
    env: { STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
    stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
  });
  beforeEach(() => {
    setProcessSettings(env.kintone.store, env.appId, ORDERS_PROCESS);
    env.stripe.configure({
      webhook: { url: `${env.proxy.url}/v1/stripe/webhook`, secret: TEST_WEBHOOK_SECRET },
    });
  });
  return env;
}

/** The Orders mapping with the labels, in Japanese, writing status, payment status and error. */
export function labelledOrdersMapping(overrides: Record<string, unknown> = {}): string {
  return ordersMappingJson({
    lineItem: { name: { field: "name" }, unitPrice: { field: "price" } },
    locale: "ja",
    writeBack: {
      url: "checkout_url",
      sessionId: "session_id",
      status: "status",
      paymentStatus: "pay_status",
      error: "error",
    },
    statusLabels: STATUS_LABELS,
    ...overrides,
  });
}
