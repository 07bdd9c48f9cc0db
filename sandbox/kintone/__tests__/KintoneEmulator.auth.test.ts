import type { KintoneEmulator } from "../KintoneEmulator";
import { issueSession } from "../KintoneSession";
import { apiError, clientFor, startOrders } from "./ordersApp";

let emulator: KintoneEmulator;

beforeEach(async () => {
  emulator = await startOrders();
});

afterEach(async () => {
  await emulator.close();
});

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emulator.url}${path}`, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("API token auth", () => {
  it("refuses a request without credentials with CB_AU01 (401)", async () => {
    const { status, body } = await call("/k/v1/record.json?app=1&id=1");
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: "CB_AU01" });
    expect(typeof body.id).toBe("string");
    expect(typeof body.message).toBe("string");
  });

  it("refuses an unknown token with GAIA_IA02", async () => {
    const error = await apiError(
      clientFor(emulator, "no-such-token").record.getRecord({ app: 1, id: 1 }),
    );
    expect(error).toMatchObject({ status: 400, code: "GAIA_IA02" });
  });

  it("refuses a token of another app with GAIA_NO01 (403)", async () => {
    const error = await apiError(
      clientFor(emulator, "products-full").record.getRecord({ app: 1, id: 1 }),
    );
    expect(error).toMatchObject({ status: 403, code: "GAIA_NO01" });
  });

  it("lets a view-only token read but not add, edit or delete", async () => {
    const viewer = clientFor(emulator, "orders-view");
    await expect(viewer.record.getRecord({ app: 1, id: 1 })).resolves.toHaveProperty("record");
    for (const write of [
      viewer.record.addRecord({ app: 1, record: {} }),
      viewer.record.updateRecord({ app: 1, id: 1, record: {} }),
      viewer.record.deleteRecords({ app: 1, ids: [1] }),
    ]) {
      expect(await apiError(write)).toMatchObject({ status: 403, code: "GAIA_NO01" });
    }
    expect(emulator.store.getRecord("1", "1")?.$revision?.value).toBe("1");
  });

  it("accepts several comma-separated tokens, each for its own app", async () => {
    const both = clientFor(emulator, ["orders-view", "products-full"]);
    await expect(both.record.getRecord({ app: 1, id: 1 })).resolves.toHaveProperty("record");
    await expect(
      both.record.addRecord({ app: 2, record: { name: { value: "ink" } } }),
    ).resolves.toEqual({
      id: "2",
      revision: "1",
    });
    expect(await apiError(both.record.addRecord({ app: 1, record: {} }))).toMatchObject({
      code: "GAIA_NO01",
    });
  });

  it("refuses more than 9 tokens", async () => {
    const tokens = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const error = await apiError(clientFor(emulator, tokens).record.getRecord({ app: 1, id: 1 }));
    expect(error).toMatchObject({ status: 400, code: "CB_VA01" });
  });

  it("lets only a token with app management set the creator of a new record", async () => {
    const record = { Created_by: { value: { code: "sato" } } };
    const error = await apiError(
      clientFor(emulator, "orders-full").record.addRecord({ app: 1, record }),
    );
    expect(error).toMatchObject({ status: 403 });
    const { id } = await clientFor(emulator, "orders-manage").record.addRecord({ app: 1, record });
    expect(emulator.store.getRecord("1", id)?.Created_by?.value).toEqual({
      code: "sato",
      name: "sato",
    });
  });

  it("refuses two tokens of the same app with GAIA_DA03", async () => {
    const error = await apiError(
      clientFor(emulator, ["orders-view", "orders-full"]).record.getRecord({ app: 1, id: 1 }),
    );
    expect(error).toMatchObject({ status: 400, code: "GAIA_DA03" });
  });

  it("refuses a token mixed with an unknown one with GAIA_IA02", async () => {
    const error = await apiError(
      clientFor(emulator, ["orders-full", "bogus"]).record.getRecord({ app: 1, id: 1 }),
    );
    expect(error).toMatchObject({ code: "GAIA_IA02" });
  });
});

describe("session auth", () => {
  it("reads as the login user with the session cookie and X-Requested-With", async () => {
    const session = issueSession(emulator.store);
    const { status, body } = await call("/k/v1/record.json?app=2&id=1", {
      headers: {
        Cookie: `kintone_session=${session.sessionId}`,
        "X-Requested-With": "XMLHttpRequest",
      },
    });
    expect(status).toBe(200);
    expect(body).toHaveProperty("record");
  });

  it("accepts any non-empty X-Requested-With, as kintone documents", async () => {
    const session = issueSession(emulator.store);
    const { status } = await call("/k/v1/record.json?app=1&id=1", {
      headers: { Cookie: `kintone_session=${session.sessionId}`, "X-Requested-With": "fetch" },
    });
    expect(status).toBe(200);
  });

  it("is not authenticated without X-Requested-With", async () => {
    const session = issueSession(emulator.store);
    const { status, body } = await call("/k/v1/record.json?app=1&id=1", {
      headers: { Cookie: `kintone_session=${session.sessionId}` },
    });
    expect(status).toBe(401);
    expect(body.code).toBe("CB_AU01");
  });

  it("needs the request token in the body of a write, then attributes the record to the login user", async () => {
    const session = issueSession(emulator.store);
    const headers = {
      Cookie: `kintone_session=${session.sessionId}`,
      "X-Requested-With": "XMLHttpRequest",
      "Content-Type": "application/json",
    };
    const record = { title: { value: "from the page" } };
    const missing = await call("/k/v1/record.json", {
      method: "POST",
      headers,
      body: JSON.stringify({ app: 1, record }),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("CB_IL02");
    const wrong = await call("/k/v1/record.json", {
      method: "POST",
      headers,
      body: JSON.stringify({ app: 1, record, __REQUEST_TOKEN__: "guess" }),
    });
    expect(wrong.body.code).toBe("CB_IL02");

    emulator.store.loginUser = { ...emulator.store.loginUser, code: "sato", name: "Sato" };
    const added = await call("/k/v1/record.json", {
      method: "POST",
      headers,
      body: JSON.stringify({ app: 1, record, __REQUEST_TOKEN__: session.requestToken }),
    });
    expect(added.status).toBe(200);
    expect(emulator.store.getRecord("1", String(added.body.id))?.Created_by?.value).toEqual({
      code: "sato",
      name: "Sato",
    });
  });

  it("ignores an unknown session cookie", async () => {
    const { status } = await call("/k/v1/record.json?app=1&id=1", {
      headers: { Cookie: "kintone_session=forged", "X-Requested-With": "XMLHttpRequest" },
    });
    expect(status).toBe(401);
  });
});
