/**
 * The sandbox story (`npm start`): a checkout made through the proxy, paid on the Stripe
 * emulator's hosted page, lands in the kintone record through the webhook the sandbox wires.
 */
import pino from "pino";
import { PRODUCTS_APP_ID, sampleMapping, WRITE_BACK_FIELD_CODES } from "../../sandbox/sampleApps";
import { FIXTURE_PLUGIN_DIR, FIXTURE_PLUGIN_ID } from "../../testkit/fixturePlugin";
import { SANDBOX_SECRETS, startSandbox, type Sandbox } from "../../sandbox/startSandbox";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    ports: { kintone: 0, stripe: 0, proxy: 0 },
    // The stand-in plugin: no plugin build needed.
    pluginDir: FIXTURE_PLUGIN_DIR,
    pluginId: FIXTURE_PLUGIN_ID,
    proxyLogger: pino({ level: "silent" }),
  });
});

afterAll(async () => {
  await sandbox?.close();
});

function recordField(recordId: string, code: string): unknown {
  const record = sandbox.kintone.store.getRecord(PRODUCTS_APP_ID, recordId);
  return (record?.[code] as { value: unknown } | undefined)?.value;
}

describe("the sandbox", () => {
  it("shows paid in the record after the customer pays on the emulator's checkout page", async () => {
    const created = await fetch(`${sandbox.urls.proxy}/v1/checkouts`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${SANDBOX_SECRETS.proxySecret}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        appId: PRODUCTS_APP_ID,
        records: [{ id: "2" }],
        mapping: JSON.stringify(sampleMapping("products", sandbox.urls.productsList)),
      }),
    });
    expect(created.status).toBe(201);
    const { sessions } = (await created.json()) as { sessions: { url: string }[] };

    // The buyer presses "Pay" on the hosted page (a plain form post).
    const paid = await fetch(`${sessions[0]!.url}/card`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(paid.status).toBeLessThan(400);
    await sandbox.stripe.flushWebhooks();

    expect(recordField("2", WRITE_BACK_FIELD_CODES.status)).toBe("complete");
    expect(recordField("2", WRITE_BACK_FIELD_CODES.paymentStatus)).toBe("paid");
    expect(recordField("2", WRITE_BACK_FIELD_CODES.paidAt)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/,
    );
  });
});
