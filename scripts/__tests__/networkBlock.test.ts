/**
 * jest.setup.ts blocks sockets to anything but this machine. The SDK clients connect through
 * Node's http/https modules, which pass `path: null` — they must be blocked too.
 */
import http from "node:http";
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import Stripe from "stripe";

describe("the test network block", () => {
  it("refuses a plain http request to another host", async () => {
    const attempt = new Promise((resolve, reject) => {
      try {
        http.get("http://example.com/", resolve).on("error", reject);
      } catch (error) {
        reject(error);
      }
    });
    await expect(attempt).rejects.toThrow(
      /Network access blocked in tests: tried to reach example\.com/,
    );
  });

  it("refuses the stripe SDK's request to api.stripe.com", async () => {
    const stripe = new Stripe("rk_test_networkblock", { maxNetworkRetries: 0 });
    const error: unknown = await stripe.products.list({ limit: 1 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The SDK wraps the socket's error in a StripeConnectionError and keeps it as `detail`.
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(String((error as { detail?: unknown }).detail)).toMatch(
      /Network access blocked in tests: tried to reach api\.stripe\.com/,
    );
  });

  it("refuses the kintone client's request to a cybozu.com host", async () => {
    const client = new KintoneRestAPIClient({
      baseUrl: "https://example.cybozu.com",
      auth: { apiToken: "token" },
    });
    await expect(client.record.getRecord({ app: 1, id: 1 })).rejects.toThrow(
      /Network access blocked in tests: tried to reach example\.cybozu\.com/,
    );
  });

  it("still lets a request reach this machine", async () => {
    const server = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const body = await new Promise<string>((resolve, reject) => {
      http
        .get(`http://127.0.0.1:${port}/`, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    server.close();
    expect(body).toBe("ok");
  });
});
