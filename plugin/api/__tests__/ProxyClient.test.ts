import { ProxyClient } from "../ProxyClient";
import { ProxyError } from "../ProxyError";
import type { ProxyTransport } from "../ProxyTransport";

interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  data: Record<string, unknown>;
}

function transportAnswering(
  status: number,
  body: unknown,
  sent: SentRequest[] = [],
): ProxyTransport {
  return {
    async send(url, method, headers, data) {
      sent.push({ url, method, headers, data });
      return { status, body: typeof body === "string" ? body : JSON.stringify(body) };
    },
  };
}

const session = {
  id: "cs_test_1",
  url: "http://localhost:12111/c/pay/cs_test_1",
  status: "open",
  paymentStatus: "unpaid",
  amountTotal: 1500,
  currency: "jpy",
  customerEmail: null,
  expiresAt: "2026-11-24T10:00:00.000Z",
  appId: "3",
  recordIds: ["7"],
};

describe("ProxyClient", () => {
  it("lists an app's recent jobs with GET v1/jobs?appId=&limit=", async () => {
    const sent: SentRequest[] = [];
    const job = { id: "job_1", status: "succeeded", total: 2, done: 2, failed: 0, errors: [] };
    const client = new ProxyClient(
      transportAnswering(200, { jobs: [job] }, sent),
      "https://proxy.example.com/",
    );
    await expect(client.listJobs("3")).resolves.toEqual({ jobs: [job] });
    await client.listJobs("3", 20);
    expect(sent.map((r) => [r.method, r.url])).toEqual([
      ["GET", "https://proxy.example.com/v1/jobs?appId=3"],
      ["GET", "https://proxy.example.com/v1/jobs?appId=3&limit=20"],
    ]);
  });

  it("posts a dry run to <proxyUrl>v1/checkouts with the user's language", async () => {
    const sent: SentRequest[] = [];
    const client = new ProxyClient(
      transportAnswering(200, { preview: { sessions: [] } }, sent),
      "https://proxy.example.com/",
      "ja",
    );
    await expect(client.previewCheckouts("3", [{ id: "7", revision: "2" }])).resolves.toEqual({
      preview: { sessions: [] },
    });
    expect(sent).toEqual([
      {
        url: "https://proxy.example.com/v1/checkouts",
        method: "POST",
        headers: { "Accept-Language": "ja", "Content-Type": "application/json" },
        data: { appId: "3", records: [{ id: "7", revision: "2" }], dryRun: true },
      },
    ]);
  });

  it("escapes session ids in paths", async () => {
    const sent: SentRequest[] = [];
    const client = new ProxyClient(
      transportAnswering(200, { session }, sent),
      "http://localhost:3000/",
    );
    await client.expireSession("cs_test_1/../x");
    expect(sent[0]?.url).toBe("http://localhost:3000/v1/checkouts/cs_test_1%2F..%2Fx/expire");
  });

  it("turns the proxy's error answer into a ProxyError with code, status and details", async () => {
    const details = [{ recordId: "7", field: "price", message: "too many decimals" }];
    const client = new ProxyClient(
      transportAnswering(422, {
        error: { code: "VALIDATION_FAILED", message: "1 problem", details },
      }),
      "http://localhost:3000/",
    );
    const error = await client.createCheckouts("3", [{ id: "7" }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProxyError);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 422, details });
  });

  it("reports an unreachable proxy as UNREACHABLE", async () => {
    const client = new ProxyClient(
      { send: () => Promise.reject(new Error("connect ECONNREFUSED")) },
      "http://localhost:3000/",
    );
    await expect(client.diagnostics()).rejects.toMatchObject({ code: "UNREACHABLE", status: 0 });
  });

  it("reports an HTML page or an unexpected shape as BAD_ANSWER", async () => {
    const html = new ProxyClient(transportAnswering(200, "<html>login</html>"), "http://x/");
    await expect(html.getSession("cs_1")).rejects.toMatchObject({ code: "BAD_ANSWER" });
    const wrongShape = new ProxyClient(
      transportAnswering(200, { session: { id: 1 } }),
      "http://x/",
    );
    await expect(wrongShape.getSession("cs_1")).rejects.toMatchObject({ code: "BAD_ANSWER" });
  });
});
