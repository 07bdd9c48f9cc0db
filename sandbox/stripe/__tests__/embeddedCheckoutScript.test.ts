import { createRequire } from "node:module";
import { waitFor } from "../../../testkit/waitFor";
import { sessionParams, useEmulatorPerFile } from "./emulatorClient";

// jsdom's own types would bring the DOM library into the Node project's type check.
const { JSDOM } = createRequire(__filename)("jsdom") as {
  JSDOM: new (html: string, options: object) => { window: { eval(code: string): unknown } };
};

const running = useEmulatorPerFile();

/** The few DOM members the tests touch (the Node project has no DOM types). */
interface FakeElement {
  querySelector(selector: string): { src: string } | null;
}

interface StandInCheckout {
  mount(target: FakeElement): void;
  destroy(): void;
}
interface StandIn {
  createEmbeddedCheckoutPage(options: {
    fetchClientSecret: () => Promise<string>;
    onComplete?: () => void;
  }): Promise<StandInCheckout>;
  initEmbeddedCheckout(options: unknown): unknown;
}

/** A page that loaded the stand-in from the emulator, as a record screen does with a script tag. */
async function pageWithStandIn() {
  const answer = await fetch(`${running().emulator.url}/_emulator/stripe.js`);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^text\/javascript/);
  const dom = new JSDOM("<!doctype html><div id=checkout></div>", { runScripts: "outside-only" });
  // jsdom has no fetch: the page's is Node's, as the stand-in only reads the emulator with it.
  (dom.window as unknown as { fetch: typeof fetch }).fetch = fetch;
  dom.window.eval(await answer.text());
  const window = dom.window as unknown as {
    Stripe: (key: string) => StandIn;
    document: { getElementById(id: string): FakeElement | null };
    location: { href: string };
    Event: new (type: string) => object;
  };
  return window;
}

const embeddedSession = (redirectOnCompletion?: "always" | "if_required" | "never") =>
  running().stripe.checkout.sessions.create(
    sessionParams({
      ui_mode: "embedded_page",
      success_url: undefined,
      cancel_url: undefined,
      return_url: "https://example.com/return?s={CHECKOUT_SESSION_ID}",
      ...(redirectOnCompletion ? { redirect_on_completion: redirectOnCompletion } : {}),
    }),
  );

/** Mounts the stand-in on `session`, pays it by card and lets the frame load its outcome page. */
async function payInMountedFrame(session: { id: string; client_secret: string | null }) {
  const window = await pageWithStandIn();
  const onComplete = jest.fn();
  const checkout = await window.Stripe("pk_test_anything123").createEmbeddedCheckoutPage({
    fetchClientSecret: () => Promise.resolve(session.client_secret!),
    onComplete,
  });
  const target = window.document.getElementById("checkout")!;
  checkout.mount(target);
  const frame = target.querySelector("iframe") as unknown as {
    dispatchEvent(event: object): void;
  };
  frame.dispatchEvent(new window.Event("load"));
  await running().emulator.payWithCard(session.id);
  frame.dispatchEvent(new window.Event("load"));
  return { window, onComplete };
}

describe("GET /_emulator/stripe.js, the stand-in of Stripe.js", () => {
  it("refuses a secret or restricted key with an IntegrationError, as Stripe.js does", async () => {
    const { Stripe } = await pageWithStandIn();
    for (const key of [
      "sk_test_abc123",
      ["sk", "live", "notARealKey"].join("_"),
      "rk_test_abc123",
    ]) {
      expect(() => Stripe(key)).toThrow(
        expect.objectContaining({
          name: "IntegrationError",
          message: expect.stringContaining("You should not use your secret key with Stripe.js"),
        }),
      );
    }
  });

  it("refuses an empty or malformed key, and a live key on the test-mode emulator", async () => {
    const { Stripe } = await pageWithStandIn();
    expect(() => Stripe("")).toThrow(/publishable key/);
    expect(() => Stripe("hello")).toThrow(/Invalid API Key/);
    expect(() => Stripe("pk_live_abc123")).toThrow(/test-mode account/);
  });

  it("mounts the session's checkout page in a frame from its client secret, and removes it", async () => {
    const session = await embeddedSession();
    const window = await pageWithStandIn();
    const checkout = await window.Stripe("pk_test_anything123").createEmbeddedCheckoutPage({
      fetchClientSecret: () => Promise.resolve(session.client_secret!),
    });
    const target = window.document.getElementById("checkout")!;
    checkout.mount(target);
    const frame = target.querySelector("iframe");
    expect(frame?.src).toBe(
      `${running().emulator.url}/c/pay/${encodeURIComponent(session.client_secret!)}`,
    );
    const page = await fetch(frame!.src);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="pay"');
    checkout.destroy();
    expect(target.querySelector("iframe")).toBeNull();
  });

  it("throws on the old initEmbeddedCheckout, renamed in the dahlia release", async () => {
    const { Stripe } = await pageWithStandIn();
    expect(() => Stripe("pk_test_abc123").initEmbeddedCheckout({})).toThrow(
      /createEmbeddedCheckoutPage/,
    );
  });

  it("refuses a second embedded Checkout while one is alive, and anything but a client secret", async () => {
    const session = await embeddedSession();
    const { Stripe } = await pageWithStandIn();
    const instance = Stripe("pk_test_abc123");
    await expect(
      instance.createEmbeddedCheckoutPage({ fetchClientSecret: () => Promise.resolve("cs_1") }),
    ).rejects.toThrow(/client secret/);
    const secret = () => Promise.resolve(session.client_secret!);
    const first = await instance.createEmbeddedCheckoutPage({ fetchClientSecret: secret });
    await expect(
      instance.createEmbeddedCheckoutPage({ fetchClientSecret: secret }),
    ).rejects.toThrow(/multiple/);
    first.destroy();
    await expect(
      instance.createEmbeddedCheckoutPage({ fetchClientSecret: secret }),
    ).resolves.toBeDefined();
  });
});

describe("the stand-in once the buyer has paid in its frame", () => {
  it("calls onComplete and stays on the page with redirect_on_completion if_required", async () => {
    const { window, onComplete } = await payInMountedFrame(await embeddedSession("if_required"));
    await waitFor(() => onComplete.mock.calls.length === 1);
    expect(window.location.href).toBe("about:blank");
  });

  it("calls onComplete with redirect_on_completion never", async () => {
    const { onComplete } = await payInMountedFrame(await embeddedSession("never"));
    await waitFor(() => onComplete.mock.calls.length === 1);
  });
});

describe("GET /_emulator/embedded_checkout/:client_secret", () => {
  it("tells the stand-in the session's state and return_url, to any origin", async () => {
    const session = await embeddedSession();
    const url = `${running().emulator.url}/_emulator/embedded_checkout/${encodeURIComponent(session.client_secret!)}`;
    const open = await fetch(url);
    expect(open.headers.get("access-control-allow-origin")).toBe("*");
    expect(await open.json()).toEqual({
      id: session.id,
      status: "open",
      return_url: "https://example.com/return?s={CHECKOUT_SESSION_ID}",
      completes_in_place: false,
    });
    await running().emulator.payWithCard(session.id);
    expect(await (await fetch(url)).json()).toMatchObject({ status: "complete" });
  });

  it("says a card payment completes in place with redirect_on_completion if_required, not with always", async () => {
    const state = async (session: { client_secret: string | null }) =>
      (await fetch(
        `${running().emulator.url}/_emulator/embedded_checkout/${encodeURIComponent(session.client_secret!)}`,
      ).then((answer) => answer.json())) as { completes_in_place: boolean };
    const ifRequired = await embeddedSession("if_required");
    const always = await embeddedSession("always");
    expect(await state(ifRequired)).toMatchObject({ completes_in_place: false });
    await running().emulator.payWithCard(ifRequired.id);
    await running().emulator.payWithCard(always.id);
    expect(await state(ifRequired)).toMatchObject({ completes_in_place: true });
    expect(await state(always)).toMatchObject({ completes_in_place: false });
  });

  it("knows no made-up client secret", async () => {
    const session = await embeddedSession();
    const forged = `${session.id}_secret_forged`;
    const answer = await fetch(`${running().emulator.url}/_emulator/embedded_checkout/${forged}`);
    expect(answer.status).toBe(404);
  });
});

describe("an embedded session's page in Stripe.js's frame", () => {
  it("shows the outcome in the frame after paying, and sends a page opened on its own to return_url", async () => {
    const framed = await embeddedSession();
    const pay = (id: string, headers: Record<string, string>) =>
      fetch(`${running().emulator.url}/c/pay/${id}/card`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: "",
        redirect: "manual",
      });
    const inFrame = await pay(framed.id, { "Sec-Fetch-Dest": "iframe" });
    expect(inFrame.status).toBe(200);
    expect(inFrame.headers.get("location")).toBeNull();
    const alone = await embeddedSession();
    const inTab = await pay(alone.id, { "Sec-Fetch-Dest": "document" });
    expect(inTab.status).toBe(303);
    expect(inTab.headers.get("location")).toBe(`https://example.com/return?s=${alone.id}`);
  });
});
