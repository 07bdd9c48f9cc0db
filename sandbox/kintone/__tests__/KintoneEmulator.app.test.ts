import type { KintoneEmulator } from "../KintoneEmulator";
import { issueSession } from "../KintoneSession";
import { apiError, clientFor, ordersApp, PRODUCTS_APP, startOrders } from "./ordersApp";
import { startKintoneEmulator } from "../KintoneEmulator";

let emulator: KintoneEmulator;

afterEach(async () => {
  await emulator.close();
});

describe("GET /k/v1/app.json", () => {
  it("describes the app", async () => {
    emulator = await startOrders();
    const app = await clientFor(emulator).app.getApp({ id: 1 });
    expect(app).toMatchObject({ appId: "1", name: "Orders", spaceId: null });
  });

  it("answers GAIA_AP01 (404) for an app that does not exist, to a session", async () => {
    emulator = await startOrders();
    const session = issueSession(emulator.store);
    const response = await fetch(`${emulator.url}/k/v1/app.json?id=99`, {
      headers: {
        Cookie: `kintone_session=${session.sessionId}`,
        "X-Requested-With": "XMLHttpRequest",
      },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe("GAIA_AP01");
  });
});

describe("GET /k/v1/app/form/fields.json", () => {
  it("describes every field as kintone does: options by label with index, table columns, system fields", async () => {
    emulator = await startOrders();
    const { properties } = await clientFor(emulator).app.getFormFields({ app: 1 });
    expect(properties.status).toEqual({
      type: "DROP_DOWN",
      code: "status",
      label: "Status",
      noLabel: false,
      required: false,
      options: {
        open: { label: "open", index: "0" },
        complete: { label: "complete", index: "1" },
        expired: { label: "expired", index: "2" },
      },
    });
    expect(properties.items).toMatchObject({
      type: "SUBTABLE",
      fields: {
        name: { type: "SINGLE_LINE_TEXT", code: "name" },
        qty: { type: "NUMBER", code: "qty" },
      },
    });
    expect(properties.Record_number).toMatchObject({ type: "RECORD_NUMBER" });
    expect(properties.Created_by).toMatchObject({ type: "CREATOR" });
  });
});

describe("GET /k/v1/app/views.json", () => {
  it("lists the views, to a token with app management rights", async () => {
    emulator = await startKintoneEmulator({
      apps: [
        ordersApp({
          views: [{ name: "Open", condition: 'status in ("open")', sort: "price desc" }],
        }),
        PRODUCTS_APP,
      ],
    });
    const { views } = await clientFor(emulator, "orders-manage").app.getViews({ app: 1 });
    expect(views.Open).toMatchObject({
      type: "LIST",
      name: "Open",
      filterCond: 'status in ("open")',
      sort: "price desc",
    });
  });

  it("refuses a token without app management rights with GAIA_NO01", async () => {
    emulator = await startOrders();
    expect(
      await apiError(clientFor(emulator, "orders-full").app.getViews({ app: 1 })),
    ).toMatchObject({
      status: 403,
      code: "GAIA_NO01",
    });
  });
});

describe("test controls", () => {
  it("logs each request's method, path and status", async () => {
    emulator = await startOrders();
    await clientFor(emulator).record.getRecord({ app: 1, id: 1 });
    await apiError(clientFor(emulator).record.getRecord({ app: 1, id: 9 }));
    expect(emulator.requests.map(({ method, path, status }) => ({ method, path, status }))).toEqual(
      [
        { method: "GET", path: "/k/v1/record.json", status: 200 },
        { method: "GET", path: "/k/v1/record.json", status: 404 },
      ],
    );
    emulator.clearRequests();
    expect(emulator.requests).toEqual([]);
  });

  it("fails the next matching requests with the given status, count times", async () => {
    emulator = await startOrders();
    const client = clientFor(emulator);
    emulator.failNext({ method: "PUT", pathPrefix: "/k/v1/record", status: 503, count: 2 });
    await expect(client.record.getRecord({ app: 1, id: 1 })).resolves.toHaveProperty("record");
    expect((await apiError(client.record.updateRecord({ app: 1, id: 1, record: {} }))).status).toBe(
      503,
    );
    expect((await apiError(client.record.updateRecord({ app: 1, id: 1, record: {} }))).status).toBe(
      503,
    );
    await expect(client.record.updateRecord({ app: 1, id: 1, record: {} })).resolves.toEqual({
      revision: "2",
    });
  });

  it("hangs a request for a timeout rule until the client gives up", async () => {
    emulator = await startOrders();
    emulator.failNext({ pathPrefix: "/k/v1/records.json", status: "timeout" });
    const hung = fetch(`${emulator.url}/k/v1/records.json?app=1`, {
      headers: { "X-Cybozu-API-Token": "orders-full" },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    const next = await fetch(`${emulator.url}/k/v1/records.json?app=1`, {
      headers: { "X-Cybozu-API-Token": "orders-full" },
    });
    expect(next.status).toBe(200);
  });

  it("adds the configured latency", async () => {
    emulator = await startOrders({ latencyMs: 0 });
    emulator.configure({ latencyMs: 250 });
    const started = Date.now();
    await clientFor(emulator).record.getRecord({ app: 1, id: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("answers 429 beyond the concurrency limit, with kintone's X-ConcurrencyLimit headers", async () => {
    emulator = await startOrders({ latencyMs: 200 });
    emulator.configure({ concurrencyLimit: 2 });
    const get = () =>
      fetch(`${emulator.url}/k/v1/record.json?app=1&id=1`, {
        headers: { "X-Cybozu-API-Token": "orders-full" },
      });
    const responses = await Promise.all([get(), get(), get()]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    const refused = responses.find((r) => r.status === 429);
    expect(refused?.headers.get("x-concurrencylimit-limit")).toBe("2");
    expect((await get()).status).toBe(200);
  });

  it("runs the API a POST names in X-HTTP-Method-Override", async () => {
    emulator = await startOrders();
    const response = await fetch(`${emulator.url}/k/v1/record.json`, {
      method: "POST",
      headers: {
        "X-Cybozu-API-Token": "orders-full",
        "X-HTTP-Method-Override": "PUT",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ app: 1, id: 1, record: { title: { value: "overridden" } } }),
    });
    expect(await response.json()).toEqual({ revision: "2" });
    expect(emulator.store.getRecord("1", "1")?.title?.value).toBe("overridden");
  });

  it("serves mounted routes, and kintone's error shape for unknown paths", async () => {
    emulator = await startOrders({
      mount: (app, store) =>
        app.get("/k/1/", (_req, res) => res.send(`app ${store.getApp("1")?.name}`)),
    });
    expect(await (await fetch(`${emulator.url}/k/1/`)).text()).toBe("app Orders");
    const unknown = await fetch(`${emulator.url}/k/v1/nothing.json`, {
      headers: { "X-Cybozu-API-Token": "orders-full" },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      code: expect.any(String),
      id: expect.any(String),
      message: expect.any(String),
    });
  });

  it("answers CB_IJ01 for a body that is not JSON", async () => {
    emulator = await startOrders();
    const response = await fetch(`${emulator.url}/k/v1/record.json`, {
      method: "POST",
      headers: { "X-Cybozu-API-Token": "orders-full", "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe("CB_IJ01");
  });
});
