/**
 * X-Kintone-Guest-Space-Id beside X-Kintone-App-Id: a call for an app the proxy serves in a guest
 * space passes with that space and is refused with another; the app binding's rules stay.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { silentLogger } from "../../../testkit/silentLogger";
import { bindApp, appScopeOf } from "../appBinding";
import { errorHandler } from "../errorHandler";

const GUEST_APP = "12";
const PLAIN_APP = "13";
let server: http.Server;
let port: number;

beforeAll(async () => {
  const app = express();
  app.use(bindApp({ [GUEST_APP]: "5" }));
  app.get("/scope", (_req, res) => {
    res.json({ scope: appScopeOf(res) ?? null });
  });
  app.use(errorHandler(silentLogger));
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Raw header lines, so that one header can be sent twice. */
function call(
  headers: [string, string][],
): Promise<{ status: number; body: ReturnType<typeof JSON.parse> }> {
  return new Promise((resolve, reject) => {
    const raw = ["Host", `127.0.0.1:${port}`, ...headers.flat()];
    const req = http.request({ host: "127.0.0.1", port, path: "/scope", headers: raw }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("X-Kintone-Guest-Space-Id", () => {
  it("accepts a call for the guest-space app with its own space", async () => {
    const answer = await call([
      ["X-Kintone-App-Id", GUEST_APP],
      ["X-Kintone-Guest-Space-Id", "5"],
    ]);
    expect(answer).toEqual({ status: 200, body: { scope: { appId: GUEST_APP } } });
  });

  it("accepts a call bound by the app id alone (settings saved before guest spaces)", async () => {
    expect((await call([["X-Kintone-App-Id", GUEST_APP]])).status).toBe(200);
    expect((await call([])).body).toEqual({ scope: null });
  });

  it("refuses with 400 a call that names another guest space, naming both", async () => {
    const answer = await call([
      ["X-Kintone-App-Id", GUEST_APP],
      ["X-Kintone-Guest-Space-Id", "6"],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("BAD_REQUEST");
    expect(answer.body.error.message).toContain("guest space 6");
    expect(answer.body.error.message).toContain("guest space 5");
    expect(answer.body.error.details).toEqual([
      { path: "X-Kintone-Guest-Space-Id", message: "must be 5, the guest space of app 12" },
    ]);
  });

  it("refuses a guest space for an app the proxy serves outside guest spaces, with the token format to write", async () => {
    const answer = await call([
      ["X-Kintone-App-Id", PLAIN_APP],
      ["X-Kintone-Guest-Space-Id", "5"],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(`${PLAIN_APP}@5:TOKEN`);
  });

  it.each([
    [
      "sent twice",
      [
        ["X-Kintone-Guest-Space-Id", "5"],
        ["x-kintone-guest-space-id", "5"],
      ],
    ],
    ["not a number", [["X-Kintone-Guest-Space-Id", "five"]]],
    ["a list", [["X-Kintone-Guest-Space-Id", "5, 6"]]],
  ])("refuses a guest space header %s", async (_label, headers) => {
    const answer = await call([
      ["X-Kintone-App-Id", GUEST_APP],
      ...(headers as [string, string][]),
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe("X-Kintone-Guest-Space-Id");
  });

  it("refuses a guest space without an app id", async () => {
    const answer = await call([["X-Kintone-Guest-Space-Id", "5"]]);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].path).toBe("X-Kintone-App-Id");
  });
});
