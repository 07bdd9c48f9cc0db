/** Subscription-mode Checkout Sessions, their Subscriptions and invoices on the emulator's clock. */
import type Stripe from "stripe";
import { clientFor, pricedItem, sessionParams, stripeErrorOf, useEmulator } from "./emulatorClient";
import { dashboardHtml, postDashboardForm } from "./dashboardForms";

const under = useEmulator({ frozenClock: true });

type LineItem = Stripe.Checkout.SessionCreateParams.LineItem;

/** A line billed every `interval_count` `interval`s: `unitAmount` yen for `name`. */
function recurringItem(
  unitAmount: number,
  recurring: Stripe.Checkout.SessionCreateParams.LineItem.PriceData.Recurring = {
    interval: "month",
  },
  name = "会費",
): LineItem {
  const item = pricedItem("jpy", unitAmount, name);
  return { ...item, price_data: { ...item.price_data!, recurring } };
}

/** A monthly ¥5,000 membership session. */
function membershipParams(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Stripe.Checkout.SessionCreateParams {
  return sessionParams({ mode: "subscription", line_items: [recurringItem(5000)], ...overrides });
}

/** A paid monthly ¥5,000 membership: its session and subscription. */
async function paidMembership(
  overrides: Partial<Stripe.Checkout.SessionCreateParams> = {},
): Promise<{ session: Stripe.Checkout.Session; subscription: Stripe.Subscription }> {
  const created = await under.stripe.checkout.sessions.create(membershipParams(overrides));
  await under.emulator.payWithCard(created.id, {
    buyer: { name: "山田 花子", email: "hanako@example.com" },
  });
  const session = await under.stripe.checkout.sessions.retrieve(created.id);
  const subscription = await under.stripe.subscriptions.retrieve(session.subscription as string);
  return { session, subscription };
}

function eventTypes(): string[] {
  return under.emulator.state.events.map((event) => event.type);
}

/** Whole calendar months from `from` to `to` (unix seconds), as the billing cycle counts them. */
function monthsBetween(from: number, to: number): number {
  const a = new Date(from * 1000);
  const b = new Date(to * 1000);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

describe("POST /v1/checkout/sessions in subscription mode", () => {
  it("accepts recurring price_data and an existing recurring Price beside a one-time line", async () => {
    const price = await under.stripe.prices.create({
      currency: "jpy",
      unit_amount: 1200,
      product_data: { name: "保守契約" },
      recurring: { interval: "month" },
    });
    expect(price).toMatchObject({
      type: "recurring",
      recurring: { interval: "month", interval_count: 1 },
    });
    const retrieved = await under.stripe.prices.retrieve(price.id);
    expect(retrieved.recurring).toMatchObject({ interval: "month", interval_count: 1 });
    const session = await under.stripe.checkout.sessions.create(
      membershipParams({
        line_items: [
          recurringItem(5000),
          { price: price.id, quantity: 1 },
          pricedItem("jpy", 3000, "入会金"),
        ],
        subscription_data: { description: "月会費", metadata: { record: "7" } },
      }),
    );
    expect(session).toMatchObject({
      mode: "subscription",
      amount_total: 9200,
      subscription: null,
      status: "open",
    });
    const lines = await under.stripe.checkout.sessions.listLineItems(session.id);
    expect(lines.data.map((line) => line.price?.recurring?.interval ?? null)).toEqual([
      "month",
      "month",
      null,
    ]);
  });

  it("keeps refusing recurring prices in payment mode", async () => {
    const error = await stripeErrorOf(
      under.stripe.checkout.sessions.create(sessionParams({ line_items: [recurringItem(5000)] })),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      param: "line_items[0][price_data][recurring]",
    });
  });

  it.each<[string, Partial<Stripe.Checkout.SessionCreateParams>, string, RegExp]>([
    [
      "no recurring line",
      { line_items: [pricedItem("jpy", 5000)] },
      "line_items",
      /at least one recurring price/,
    ],
    [
      "21 recurring lines",
      { line_items: Array.from({ length: 21 }, (_, i) => recurringItem(100, undefined, `${i}`)) },
      "line_items",
      /up to 20 line items with recurring prices/,
    ],
    [
      "21 one-time lines beside a recurring one",
      {
        line_items: [
          recurringItem(100),
          ...Array.from({ length: 21 }, (_, i) => pricedItem("jpy", 100, `${i}`)),
        ],
      },
      "line_items",
      /up to 20 line items with one-time prices/,
    ],
    [
      "37 months between billings",
      { line_items: [recurringItem(5000, { interval: "month", interval_count: 37 })] },
      "line_items[0][price_data][recurring][interval_count]",
      /three years/,
    ],
    [
      "157 weeks between billings",
      { line_items: [recurringItem(5000, { interval: "week", interval_count: 157 })] },
      "line_items[0][price_data][recurring][interval_count]",
      /three years/,
    ],
    [
      "konbini",
      { allowed_payment_method_types: ["card", "konbini"] },
      "allowed_payment_method_types",
      /konbini.*subscription/,
    ],
    [
      "PayPay",
      { allowed_payment_method_types: ["paypay"] },
      "allowed_payment_method_types",
      /paypay.*subscription/,
    ],
    [
      "invoice_creation",
      { invoice_creation: { enabled: true } },
      "invoice_creation",
      /subscription/,
    ],
    [
      "payment_intent_data",
      { payment_intent_data: { description: "x" } },
      "payment_intent_data",
      /subscription/,
    ],
    ["customer_creation", { customer_creation: "always" }, "customer_creation", /subscription/],
  ])("refuses %s with Stripe's error shape", async (_name, overrides, param, message) => {
    const error = await stripeErrorOf(
      under.stripe.checkout.sessions.create(membershipParams(overrides)),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      rawType: "invalid_request_error",
      param,
    });
    expect(error.message).toMatch(message);
    expect(under.emulator.state.sessions).toHaveLength(0);
  });

  it("accepts the longest intervals (36 months, 156 weeks, 3 years) and submit_type", async () => {
    for (const recurring of [
      { interval: "month", interval_count: 36 },
      { interval: "week", interval_count: 156 },
      { interval: "year", interval_count: 3 },
    ] as const) {
      const session = await under.stripe.checkout.sessions.create(
        membershipParams({
          line_items: [recurringItem(5000, recurring)],
          submit_type: "subscribe",
        }),
      );
      expect(session.submit_type).toBe("subscribe");
    }
  });

  it("refuses subscription_data in payment mode", async () => {
    const error = await stripeErrorOf(
      under.stripe.checkout.sessions.create(
        sessionParams({ subscription_data: { metadata: { a: "b" } } }),
      ),
    );
    expect(error).toMatchObject({ statusCode: 400, param: "subscription_data" });
  });
});

describe("paying a subscription-mode session", () => {
  it("starts an active subscription with its first invoice paid, and names both on the session", async () => {
    const { session, subscription } = await paidMembership({
      subscription_data: { description: "月会費", metadata: { record: "7" } },
    });
    const now = under.emulator.now();
    expect(session).toMatchObject({
      status: "complete",
      payment_status: "paid",
      mode: "subscription",
      payment_intent: null,
      invoice: subscription.latest_invoice,
    });
    expect(session.customer).toMatch(/^cus_/);
    expect(subscription).toMatchObject({
      object: "subscription",
      status: "active",
      customer: session.customer,
      currency: "jpy",
      cancel_at_period_end: false,
      canceled_at: null,
      description: "月会費",
      metadata: { record: "7" },
      start_date: now,
      billing_cycle_anchor: now,
    });
    const [item] = subscription.items.data;
    expect(subscription.items.data).toHaveLength(1);
    expect(item).toMatchObject({
      object: "subscription_item",
      current_period_start: now,
      quantity: 1,
      price: { unit_amount: 5000, recurring: { interval: "month", interval_count: 1 } },
    });
    expect(monthsBetween(now, item!.current_period_end)).toBe(1);
    const invoice = await under.stripe.invoices.retrieve(session.invoice as string);
    expect(invoice).toMatchObject({
      status: "paid",
      billing_reason: "subscription_create",
      amount_due: 5000,
      amount_paid: 5000,
      amount_remaining: 0,
      total: 5000,
      customer: session.customer,
      customer_email: "hanako@example.com",
      parent: {
        type: "subscription_details",
        subscription_details: { subscription: subscription.id, metadata: { record: "7" } },
      },
    });
    expect(invoice.number).toMatch(/^[A-Z0-9]+-\d{4}$/);
    expect(invoice.hosted_invoice_url).toMatch(/^http/);
    expect(invoice.invoice_pdf).toMatch(/\/pdf$/);
    expect(invoice.lines.data[0]).toMatchObject({
      amount: 5000,
      period: { start: now, end: item!.current_period_end },
      parent: {
        type: "subscription_item_details",
        subscription_item_details: { subscription: subscription.id, subscription_item: item!.id },
      },
    });
    expect((await fetch(invoice.hosted_invoice_url!)).status).toBe(200);
  });

  it("puts one-time lines on the first invoice only beside the recurring ones", async () => {
    const { session, subscription } = await paidMembership({
      line_items: [recurringItem(5000), pricedItem("jpy", 3000, "入会金")],
    });
    expect(subscription.items.data).toHaveLength(1);
    const invoice = await under.stripe.invoices.retrieve(session.invoice as string);
    expect(invoice.total).toBe(8000);
    expect(invoice.lines.data).toHaveLength(2);
  });

  it("sends the subscription's and the invoice's events before checkout.session.completed", async () => {
    await paidMembership();
    const types = eventTypes();
    const order = [
      "customer.created",
      "customer.subscription.created",
      "invoice.created",
      "invoice.finalized",
      "invoice.paid",
      "invoice.payment_succeeded",
      "checkout.session.completed",
    ].map((type) => types.indexOf(type));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const completed = under.emulator.state.events.find(
      (event) => event.type === "checkout.session.completed",
    );
    expect((completed?.data.object as Stripe.Checkout.Session).subscription).toMatch(/^sub_/);
  });

  it("pays through the control API and the hosted page alike", async () => {
    const viaControl = await under.stripe.checkout.sessions.create(membershipParams());
    const control = await fetch(`${under.emulator.url}/_emulator/sessions/${viaControl.id}/pay`, {
      method: "POST",
      body: "{}",
    });
    expect(control.status).toBe(200);
    const viaPage = await under.stripe.checkout.sessions.create(membershipParams());
    const page = await fetch(`${viaPage.url}/card`, { method: "POST", redirect: "manual" });
    expect(page.status).toBeLessThan(400);
    for (const id of [viaControl.id, viaPage.id]) {
      const session = await under.stripe.checkout.sessions.retrieve(id);
      expect(session.subscription).toMatch(/^sub_/);
    }
  });

  it("lets the session expand its subscription and invoice", async () => {
    const { session } = await paidMembership();
    const expanded = await under.stripe.checkout.sessions.retrieve(session.id, {
      expand: ["subscription", "invoice"],
    });
    expect((expanded.subscription as Stripe.Subscription).status).toBe("active");
    expect((expanded.invoice as Stripe.Invoice).status).toBe("paid");
  });
});

/** Moves the emulator's clock to `seconds` past the subscription's current period end. */
async function passPeriodEnd(subscription: Stripe.Subscription, seconds = 1): Promise<void> {
  const end = subscription.items.data[0]!.current_period_end;
  await under.emulator.advanceClock(end - under.emulator.now() + seconds);
}

function eventsOf(type: string): Stripe.Event[] {
  return under.emulator.state.events.filter((event) => event.type === type) as never;
}

describe("renewals on the emulator's clock", () => {
  it("renews a month later: a paid subscription_cycle invoice and the period moved on", async () => {
    const { subscription } = await paidMembership();
    const firstEnd = subscription.items.data[0]!.current_period_end;
    await passPeriodEnd(subscription);
    const renewed = await under.stripe.subscriptions.retrieve(subscription.id, {
      expand: ["latest_invoice"],
    });
    const item = renewed.items.data[0]!;
    expect(renewed.status).toBe("active");
    expect(item.current_period_start).toBe(firstEnd);
    expect(monthsBetween(firstEnd, item.current_period_end)).toBe(1);
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({
      status: "paid",
      billing_reason: "subscription_cycle",
      amount_paid: 5000,
      period_end: firstEnd,
      parent: { subscription_details: { subscription: subscription.id } },
    });
    expect(invoice.lines.data[0]?.period).toEqual({
      start: firstEnd,
      end: item.current_period_end,
    });
    const updated = eventsOf("customer.subscription.updated").at(-1)!;
    const moved = updated.data.object as Stripe.Subscription;
    expect(moved.items.data[0]?.current_period_end).toBe(item.current_period_end);
    expect(updated.data.previous_attributes).toHaveProperty("items");
    expect(eventsOf("invoice.paid").map((e) => (e.data.object as Stripe.Invoice).id)).toContain(
      invoice.id,
    );
    const listed = await under.stripe.invoices.list({ subscription: subscription.id });
    expect(listed.data.map((entry) => entry.billing_reason)).toEqual([
      "subscription_cycle",
      "subscription_create",
    ]);
  });

  it("makes one renewal per elapsed period when the clock jumps several", async () => {
    const { subscription } = await paidMembership({
      line_items: [recurringItem(700, { interval: "week", interval_count: 2 })],
    });
    await under.emulator.advanceClock(3 * 14 * 24 * 60 * 60 + 60);
    const invoices = await under.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data).toHaveLength(4);
    const renewed = await under.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.items.data[0]!.current_period_end).toBe(
      subscription.items.data[0]!.current_period_end + 3 * 14 * 24 * 60 * 60,
    );
  });

  it("fails the next renewal on the control: invoice.payment_failed and past_due, then active again when paid", async () => {
    const { subscription } = await paidMembership();
    const control = await fetch(
      `${under.emulator.url}/_emulator/subscriptions/${subscription.id}/next_renewal`,
      { method: "POST", body: JSON.stringify({ outcome: "fail" }) },
    );
    expect(control.status).toBe(200);
    await passPeriodEnd(subscription);
    const failed = await under.stripe.subscriptions.retrieve(subscription.id, {
      expand: ["latest_invoice"],
    });
    expect(failed.status).toBe("past_due");
    expect(failed.latest_invoice).toMatchObject({
      status: "open",
      attempted: true,
      amount_paid: 0,
      amount_remaining: 5000,
      billing_reason: "subscription_cycle",
    });
    const failure = eventsOf("invoice.payment_failed");
    expect(failure).toHaveLength(1);
    const pastDue = eventsOf("customer.subscription.updated").at(-1)!;
    expect(pastDue.data.object).toMatchObject({ status: "past_due" });
    expect(pastDue.data.previous_attributes).toEqual({ status: "active" });

    await passPeriodEnd(failed);
    const recovered = await under.stripe.subscriptions.retrieve(subscription.id);
    expect(recovered.status).toBe("active");
  });

  it("answers 400 for an unknown outcome and 404 for an unknown subscription on the control", async () => {
    const { subscription } = await paidMembership();
    const url = `${under.emulator.url}/_emulator/subscriptions`;
    const bad = await fetch(`${url}/${subscription.id}/next_renewal`, {
      method: "POST",
      body: JSON.stringify({ outcome: "maybe" }),
    });
    expect(bad.status).toBe(400);
    const missing = await fetch(`${url}/sub_missing/next_renewal`, {
      method: "POST",
      body: JSON.stringify({ outcome: "fail" }),
    });
    expect(missing.status).toBe(404);
    const listed = (await (await fetch(url)).json()) as { subscriptions: { id: string }[] };
    expect(listed.subscriptions.map((entry) => entry.id)).toEqual([subscription.id]);
  });
});

describe("canceling a subscription", () => {
  it("cancels at period end: updated now, canceled and deleted when the clock passes the end", async () => {
    const { subscription } = await paidMembership();
    const end = subscription.items.data[0]!.current_period_end;
    const updated = await under.stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
    });
    expect(updated).toMatchObject({
      status: "active",
      cancel_at_period_end: true,
      cancel_at: end,
      canceled_at: under.emulator.now(),
    });
    const event = eventsOf("customer.subscription.updated").at(-1)!;
    expect(event.data.previous_attributes).toMatchObject({ cancel_at_period_end: false });
    expect(event.request?.id).toMatch(/^req_/);

    await passPeriodEnd(subscription);
    const ended = await under.stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: end });
    expect(eventsOf("customer.subscription.deleted")).toHaveLength(1);
    const invoices = await under.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data).toHaveLength(1);
  });

  it("keeps renewing when cancel_at_period_end is turned off again", async () => {
    const { subscription } = await paidMembership();
    await under.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const resumed = await under.stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: false,
    });
    expect(resumed).toMatchObject({ cancel_at_period_end: false, cancel_at: null });
    await passPeriodEnd(subscription);
    expect((await under.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("cancels now with DELETE: canceled, canceled_at, customer.subscription.deleted; then immutable", async () => {
    const { subscription } = await paidMembership();
    const canceled = await under.stripe.subscriptions.cancel(subscription.id, {
      cancellation_details: { comment: "退会" },
      prorate: false,
    });
    const now = under.emulator.now();
    expect(canceled).toMatchObject({
      status: "canceled",
      canceled_at: now,
      ended_at: now,
      cancellation_details: { comment: "退会", reason: "cancellation_requested" },
    });
    const [deleted] = eventsOf("customer.subscription.deleted");
    expect(deleted?.data.object).toMatchObject({ cancellation_details: { comment: "退会" } });
    const again = await stripeErrorOf(
      under.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }),
    );
    expect(again).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError" });
    await passPeriodEnd(subscription);
    expect((await under.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(
      1,
    );
  });
});

describe("GET /v1/subscriptions", () => {
  it("lists a customer's subscriptions, canceled ones only when asked", async () => {
    const first = await paidMembership();
    const second = await paidMembership();
    await under.stripe.subscriptions.cancel(second.subscription.id);
    const active = await under.stripe.subscriptions.list({
      customer: first.session.customer as string,
    });
    expect(active.data.map((entry) => entry.id)).toEqual([first.subscription.id]);
    const all = await under.stripe.subscriptions.list({ status: "all" });
    expect(all.data.map((entry) => entry.id)).toEqual([
      second.subscription.id,
      first.subscription.id,
    ]);
    const canceled = await under.stripe.subscriptions.list({ status: "canceled" });
    expect(canceled.data.map((entry) => entry.id)).toEqual([second.subscription.id]);
  });

  it("answers resource_missing for an unknown subscription", async () => {
    const error = await stripeErrorOf(under.stripe.subscriptions.retrieve("sub_missing"));
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id" });
  });

  it("lets a restricted key with subscriptions read retrieve but not cancel (403)", async () => {
    const { subscription } = await paidMembership();
    const key = "rk_test_subscriptionsReader";
    under.emulator.configure({ restrictedKeys: { [key]: ["rak_subscription_read"] } });
    const reader = clientFor(under.emulator, key);
    expect((await reader.subscriptions.retrieve(subscription.id)).id).toBe(subscription.id);
    const denied = await stripeErrorOf(reader.subscriptions.cancel(subscription.id));
    expect(denied).toMatchObject({ statusCode: 403 });
    expect(denied.message).toContain("rak_subscription_write");
    under.emulator.configure({ restrictedKeys: undefined });
  });
});

describe("the Dashboard's subscriptions", () => {
  it("shows each subscription's state, period end and amount per period, in Japanese and English", async () => {
    const { subscription } = await paidMembership();
    const en = await dashboardHtml(under, "?lang=en");
    expect(en).toContain(`data-subscription-id="${subscription.id}"`);
    expect(en).toContain("¥5,000 / month");
    expect(en).toContain("Advance 1 month");
    expect(en).toContain("Next renewal fails");
    const ja = await dashboardHtml(under, "?lang=ja");
    expect(ja).toContain("¥5,000 / 月");
    expect(ja).toContain("1か月進める");
    expect(ja).toContain("次回の更新を失敗させる");
  });

  it("fails the next renewal and moves the clock a month from its buttons", async () => {
    const { subscription } = await paidMembership();
    const set = await postDashboardForm(under, `subscriptions/${subscription.id}/next_renewal`, {
      outcome: "fail",
      lang: "en",
    });
    expect(set).toContain("will fail");
    expect(await dashboardHtml(under, "?lang=en")).toContain("Next renewal pays");
    const moved = await postDashboardForm(under, "clock/month/advance", { lang: "en" });
    expect(moved).toContain("The clock moved one month");
    const renewed = await under.stripe.subscriptions.retrieve(subscription.id);
    expect(renewed.status).toBe("past_due");
    expect(eventsOf("invoice.payment_failed")).toHaveLength(1);
  });
});

describe("the hosted checkout page of a subscription-mode session", () => {
  it("shows a recurring line's amount per period", async () => {
    const page = async (line: LineItem, language: string) => {
      const session = await under.stripe.checkout.sessions.create(
        membershipParams({ line_items: [line] }),
      );
      const response = await fetch(session.url!, { headers: { "Accept-Language": language } });
      return response.text();
    };
    const monthly = await page(recurringItem(5000), "en");
    expect(monthly).toContain("¥5,000 / month");
    expect(monthly).toContain("/card");
    expect(monthly).not.toContain("/konbini");
    expect(await page(recurringItem(5000), "ja")).toContain("¥5,000 / 月");
    const quarterly = recurringItem(1000, { interval: "month", interval_count: 3 });
    expect(await page(quarterly, "en")).toContain("¥1,000 / 3 months");
    expect(await page(quarterly, "ja")).toContain("¥1,000 / 3か月");
  });
});

describe("paying a subscription-mode session with konbini", () => {
  it("is refused: the session stays open without a subscription", async () => {
    const session = await under.stripe.checkout.sessions.create(membershipParams());
    await expect(under.emulator.payWithDelayedMethod(session.id)).rejects.toThrow(
      /one-time payments only/,
    );
    const open = await under.stripe.checkout.sessions.retrieve(session.id);
    expect(open).toMatchObject({ status: "open", subscription: null });
  });
});

describe("GET /v1/subscriptions by current period", () => {
  it("keeps the subscriptions whose current period ends in the range", async () => {
    const { subscription } = await paidMembership();
    const end = subscription.items.data[0]!.current_period_end;
    const within = await under.stripe.subscriptions.list({ current_period_end: { lte: end } });
    expect(within.data.map((entry) => entry.id)).toEqual([subscription.id]);
    const before = await under.stripe.subscriptions.list({ current_period_end: { lt: end } });
    expect(before.data).toHaveLength(0);
  });
});

describe("POST /v1/test_helpers/test_clocks", () => {
  it("runs a customer's subscription on its test clock: advancing it renews, the emulator's clock does not", async () => {
    const start = under.emulator.now();
    const clock = await under.stripe.testHelpers.testClocks.create({
      frozen_time: start,
      name: "会費テスト",
    });
    expect(clock).toMatchObject({
      object: "test_helpers.test_clock",
      status: "ready",
      frozen_time: start,
    });
    const customer = await under.stripe.customers.create({
      email: "member@example.com",
      test_clock: clock.id,
    });
    const { subscription } = await paidMembership({ customer: customer.id });
    expect(subscription.test_clock).toBe(clock.id);
    const end = subscription.items.data[0]!.current_period_end;

    await under.emulator.advanceClock(end - start + 60);
    expect((await under.stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(
      1,
    );

    const advancing = await under.stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: end + 60,
    });
    expect(advancing).toMatchObject({
      status: "advancing",
      status_details: { advancing: { target_frozen_time: end + 60 } },
    });
    const ready = await under.stripe.testHelpers.testClocks.retrieve(clock.id);
    expect(ready).toMatchObject({ status: "ready", frozen_time: end + 60 });
    const invoices = await under.stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((invoice) => invoice.billing_reason)).toEqual([
      "subscription_cycle",
      "subscription_create",
    ]);
    const types = eventTypes();
    expect(types).toContain("test_helpers.test_clock.advancing");
    expect(types).toContain("test_helpers.test_clock.ready");
  });

  it("refuses to move a test clock backwards, and forgets a deleted one", async () => {
    const clock = await under.stripe.testHelpers.testClocks.create({
      frozen_time: under.emulator.now(),
    });
    const back = await stripeErrorOf(
      under.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: clock.frozen_time }),
    );
    expect(back).toMatchObject({ statusCode: 400, param: "frozen_time" });
    const deleted = await under.stripe.testHelpers.testClocks.del(clock.id);
    expect(deleted).toMatchObject({ id: clock.id, deleted: true });
    const missing = await stripeErrorOf(under.stripe.testHelpers.testClocks.retrieve(clock.id));
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});

describe("POST /v1/subscriptions", () => {
  it("answers 400 parameter_missing without a customer to a key that may write, 403 to one that may not", async () => {
    const missing = await stripeErrorOf(under.stripe.subscriptions.create({}));
    expect(missing).toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "customer",
    });
    const key = "rk_test_subscriptionsReadOnly";
    under.emulator.configure({ restrictedKeys: { [key]: ["subscription_read"] } });
    const denied = await stripeErrorOf(clientFor(under.emulator, key).subscriptions.create({}));
    under.emulator.configure({ restrictedKeys: undefined });
    expect(denied).toMatchObject({ statusCode: 403 });
    expect(under.emulator.state.subscriptions).toHaveLength(0);
  });
});
