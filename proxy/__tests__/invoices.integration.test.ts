/**
 * Issue 18, the qualified invoice end to end through HTTP with the real adapters against both
 * emulators: a session with invoice creation paid → Stripe issues the invoice (number, hosted
 * page, PDF) and the record receives them with the tax; with the proxy down during the payment,
 * the catch-up after the restart fills them; a registration number that is not T + 13 digits
 * is refused before Stripe.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { orderValues } from "../../testkit/orderRecords";
import { ORDERS_FIELDS } from "../../testkit/ordersFields";
import { ordersMappingJson, ORDERS_WRITE_BACK } from "../../testkit/ordersMapping";
import { ordersProxyPerTest } from "../../testkit/ordersProxyPerTest";
import type { OrdersProxy } from "../../testkit/startOrdersProxy";
import { TEST_WEBHOOK_SECRET } from "../../testkit/testSecrets";
import { waitFor } from "../../testkit/waitFor";
import { addTaxedOrders, TAXED_LINE_ITEM, TAX_RATE_FIELD } from "./support/taxedOrders";
import type { RunningProxy } from "../startProxy";

const INVOICE_FIELDS = [
  TAX_RATE_FIELD,
  { code: "invoice_number", label: "Invoice number", type: "SINGLE_LINE_TEXT" },
  { code: "invoice_url", label: "Invoice", type: "LINK", protocol: "WEB" },
  { code: "invoice_pdf", label: "Invoice PDF", type: "LINK", protocol: "WEB" },
  { code: "amount_tax", label: "Tax", type: "NUMBER" },
] as const;

const REGISTRATION = { name: "登録番号", value: "T1234567890123" };

const invoiceMapping = (invoiceCreation: Record<string, unknown>) =>
  ordersMappingJson({
    lineItem: TAXED_LINE_ITEM,
    invoiceCreation,
    writeBack: {
      ...ORDERS_WRITE_BACK,
      paymentStatus: "pay_status",
      invoiceNumber: "invoice_number",
      invoiceUrl: "invoice_url",
      invoicePdfUrl: "invoice_pdf",
      amountTax: "amount_tax",
    },
  });

const INVOICE = {
  enabled: true,
  description: "ご請求書",
  footer: "株式会社サンプル 東京都千代田区",
  customFields: [REGISTRATION],
};

const addOrders = (env: OrdersProxy) =>
  addTaxedOrders(env, [
    { price: "1100", rate: "10" },
    { price: "1080", qty: "2", rate: "8" },
  ]);

async function checkout(env: OrdersProxy, mapping: string) {
  const ids = addOrders(env);
  const answer = await env.call("POST", "/v1/checkouts", {
    appId: env.appId,
    records: ids.map((id) => ({ id })),
    mapping,
  });
  return { ids, answer };
}

const deliverTo = (env: OrdersProxy, proxy: RunningProxy) =>
  env.stripe.configure({
    webhook: { url: `${proxy.url}/v1/stripe/webhook`, secret: TEST_WEBHOOK_SECRET },
  });

describe("invoiceCreation end to end", () => {
  const env = ordersProxyPerTest({
    env: { STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET },
    stripe: { webhookRetry: { initialDelayMs: 20, maxAttempts: 2 } },
    fields: [...ORDERS_FIELDS, ...INVOICE_FIELDS],
  });
  let tmpDir: string;
  beforeEach(() => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "invoices-"));
    deliverTo(env, env.proxy);
  });
  afterEach(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

  it("asks Stripe for the invoice with description, footer and the registration number", async () => {
    const { answer } = await checkout(env, invoiceMapping(INVOICE));
    expect(answer.status).toBe(201);
    const session = env.stripe.state.sessions[0]!;
    expect(session.invoice_creation).toMatchObject({
      enabled: true,
      invoice_data: {
        description: "ご請求書",
        footer: INVOICE.footer,
        custom_fields: [REGISTRATION],
        metadata: { kintone_app_id: env.appId },
      },
    });
  });

  it("writes the invoice number, hosted URL, PDF URL and tax to the records once the session is paid", async () => {
    const { ids, answer } = await checkout(env, invoiceMapping(INVOICE));
    await env.stripe.payWithCard(answer.body.sessions[0].id);
    await env.stripe.flushWebhooks();
    const invoice = env.stripe.state.invoices[0]!;
    expect(invoice).toMatchObject({ status: "paid", total: 3260, custom_fields: [REGISTRATION] });
    for (const id of ids) {
      await waitFor(() => env.field(id, "invoice_number") === invoice.number);
      await waitFor(() => env.field(id, "invoice_url") === invoice.hosted_invoice_url);
      await waitFor(() => env.field(id, "invoice_pdf") === invoice.invoice_pdf);
      await waitFor(() => env.field(id, "amount_tax") === "260");
    }
    expect(invoice.number).toMatch(/^[A-Z0-9]+-\d{4}$/);
  });

  it("fills the invoice fields through the catch-up after a restart when the proxy was down during the payment", async () => {
    const journalFile = path.join(tmpDir, "journal.sqlite");
    await env.proxy.close();
    env.proxy = await env.startProxy({ proxy: { journalFile } });
    deliverTo(env, env.proxy);
    const { ids, answer } = await checkout(env, invoiceMapping(INVOICE));
    await env.proxy.close();

    await env.stripe.payWithCard(answer.body.sessions[0].id);
    await env.stripe.flushWebhooks(); // delivered to nobody
    expect(env.field(ids[0]!, "invoice_number")).toBe("");

    env.proxy = await env.startProxy({ proxy: { journalFile } });
    deliverTo(env, env.proxy);
    await env.proxy.catchUpEvents();
    const invoice = env.stripe.state.invoices[0]!;
    for (const id of ids) {
      await waitFor(() => env.field(id, "pay_status") === "paid");
      await waitFor(() => env.field(id, "invoice_number") === invoice.number);
      await waitFor(() => env.field(id, "invoice_url") === invoice.hosted_invoice_url);
      await waitFor(() => env.field(id, "invoice_pdf") === invoice.invoice_pdf);
      await waitFor(() => env.field(id, "amount_tax") === "260");
    }
  });

  it.each(["1234567890123", "T123456789012", "T12345678901234"])(
    "answers 422 naming the mapping key for the registration number %j, with nothing sent to Stripe",
    async (value) => {
      env.stripe.clearRequests();
      const { answer } = await checkout(
        env,
        invoiceMapping({ ...INVOICE, customFields: [{ name: "登録番号", value }] }),
      );
      expect(answer.status).toBe(422);
      expect(answer.body.error).toMatchObject({
        code: "VALIDATION_FAILED",
        details: [expect.objectContaining({ field: "invoiceCreation.customFields.0.value" })],
      });
      expect(env.stripe.requests).toEqual([]);
    },
  );

  it("passes automatic tax and tax ID collection through to Stripe", async () => {
    const { store } = env.kintone;
    const [id] = store.addRecords(env.appId, [
      orderValues(store, { name: "Tea", price: "1000" }),
    ]).ids;
    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id }],
      mapping: ordersMappingJson({ automaticTax: true, taxIdCollection: true }),
    });
    expect(answer.status).toBe(201);
    expect(env.stripe.state.sessions[0]).toMatchObject({
      automatic_tax: { enabled: true },
      tax_id_collection: { enabled: true },
    });
  });
});
