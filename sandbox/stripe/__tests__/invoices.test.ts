/** Invoices the emulator issues for paid sessions created with invoice_creation. */
import type Stripe from "stripe";
import { pricedItem, sessionParams, stripeErrorOf, useEmulator } from "./emulatorClient";

const under = useEmulator({ frozenClock: true });

const INVOICE_CREATION: Stripe.Checkout.SessionCreateParams.InvoiceCreation = {
  enabled: true,
  invoice_data: {
    description: "ご請求書",
    footer: "株式会社サンプル",
    custom_fields: [{ name: "登録番号", value: "T1234567890123" }],
    metadata: { kintone_app_id: "12" },
  },
};

describe("invoice_creation", () => {
  it("issues a paid invoice with a number, hosted page and PDF once the session is paid, then sends invoice.paid", async () => {
    const rate = await under.stripe.taxRates.create({
      display_name: "消費税",
      percentage: 10,
      inclusive: true,
    });
    const session = await under.stripe.checkout.sessions.create(
      sessionParams({
        line_items: [pricedItem("jpy", 1100, "Pen", { tax_rates: [rate.id] })],
        invoice_creation: INVOICE_CREATION,
      }),
    );
    expect(session.invoice).toBeNull();
    await under.emulator.payWithCard(session.id);
    const paid = await under.stripe.checkout.sessions.retrieve(session.id);
    const invoice = await under.stripe.invoices.retrieve(paid.invoice as string);
    expect(invoice).toMatchObject({
      status: "paid",
      total: 1100,
      description: "ご請求書",
      footer: "株式会社サンプル",
      custom_fields: [{ name: "登録番号", value: "T1234567890123" }],
      metadata: { kintone_app_id: "12" },
    });
    expect(invoice.number).toMatch(/^[A-Z0-9]+-0001$/);
    expect(invoice.hosted_invoice_url).toMatch(/^http/);
    expect(invoice.invoice_pdf).toMatch(/\/pdf$/);
    const types = under.emulator.state.events.map((event) => event.type);
    const completed = types.indexOf("checkout.session.completed");
    expect(types.indexOf("invoice.paid")).toBeGreaterThan(completed);
  });

  it("shows the invoice on its hosted page and PDF link: number, registration number, tax per rate, total", async () => {
    const rate = await under.stripe.taxRates.create({
      display_name: "消費税",
      percentage: 8,
      inclusive: false,
    });
    const session = await under.stripe.checkout.sessions.create(
      sessionParams({
        line_items: [pricedItem("jpy", 1000, "<Tea>", { quantity: 2, tax_rates: [rate.id] })],
        invoice_creation: INVOICE_CREATION,
      }),
    );
    await under.emulator.payWithCard(session.id);
    const invoice = under.emulator.state.invoices[0]!;
    for (const url of [invoice.hosted_invoice_url, invoice.invoice_pdf]) {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(invoice.number);
      expect(html).toContain("登録番号: T1234567890123");
      expect(html).toMatch(/消費税 8% \(¥2,000\)<\/td><td>¥160</);
      expect(html).toContain('Total</th><th style="text-align:left">¥2,160');
      expect(html).toContain("&lt;Tea&gt;");
    }
    expect((await fetch(`${under.emulator.url}/i/in_unknown`)).status).toBe(404);
  });

  it("issues no invoice for a session without invoice_creation", async () => {
    const session = await under.stripe.checkout.sessions.create(sessionParams());
    await under.emulator.payWithCard(session.id);
    expect((await under.stripe.checkout.sessions.retrieve(session.id)).invoice).toBeNull();
    expect(under.emulator.state.invoices).toEqual([]);
  });

  it("refuses a fifth custom field and automatic tax together with line tax rates", async () => {
    const field = { name: "n", value: "v" };
    const five = await stripeErrorOf(
      under.stripe.checkout.sessions.create(
        sessionParams({
          invoice_creation: {
            enabled: true,
            invoice_data: { custom_fields: [field, field, field, field, field] },
          },
        }),
      ),
    );
    expect(five).toMatchObject({ param: "invoice_creation[invoice_data][custom_fields]" });
    const rate = await under.stripe.taxRates.create({
      display_name: "VAT",
      percentage: 8,
      inclusive: false,
    });
    const both = await stripeErrorOf(
      under.stripe.checkout.sessions.create(
        sessionParams({
          line_items: [pricedItem("jpy", 1000, "x", { tax_rates: [rate.id] })],
          automatic_tax: { enabled: true },
        }),
      ),
    );
    expect(both).toMatchObject({ param: "automatic_tax[enabled]" });
  });
});
