/**
 * The light kintone client's requests as kintone sees them, against a bare HTTP server: what the
 * kintone emulator does not check (the method override of a long GET, a non-kintone error page).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createKintoneHttp, KintoneAnswerError } from "../kintoneHttp";
import { toProxyError } from "../toProxyError";
import { UpstreamError } from "../../../errors/UpstreamError";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server;
let baseUrl: string;
let seen: Seen[] = [];
let answer: { status: number; contentType: string; body: string };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(answer.status, { "content-type": answer.contentType });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  answer = { status: 200, contentType: "application/json", body: '{"records":[]}' };
});

describe("createKintoneHttp", () => {
  it("sends the token and the parameters of a GET in its query", async () => {
    const kintone = createKintoneHttp({ baseUrl: `${baseUrl}/`, timeoutMs: 5_000 });
    await kintone.getJson({ apiToken: "t1,t2" }, "records", { app: "7", query: '$id in ("1")' });

    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe("GET");
    expect(seen[0]!.url).toBe(
      `/k/v1/records.json?app=7&query=${encodeURIComponent('$id in ("1")')}`,
    );
    expect(seen[0]!.headers["x-cybozu-api-token"]).toBe("t1,t2");
  });

  it("sends a GET longer than 4,096 characters as a POST with X-HTTP-Method-Override: GET", async () => {
    const kintone = createKintoneHttp({ baseUrl, timeoutMs: 5_000 });
    const query = `$id in (${Array.from({ length: 600 }, (_, i) => `"${i + 1}"`).join(", ")})`;
    await kintone.getJson({ apiToken: "t1", guestSpaceId: "4" }, "records", { app: "7", query });

    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.url).toBe("/k/guest/4/v1/records.json");
    expect(seen[0]!.headers["x-http-method-override"]).toBe("GET");
    expect(JSON.parse(seen[0]!.body)).toEqual({ app: "7", query });
  });

  it("turns kintone's JSON error into its status, code and id", async () => {
    answer = {
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({ code: "GAIA_AP01", id: "req-1", message: "no app" }),
    };
    const kintone = createKintoneHttp({ baseUrl, timeoutMs: 5_000 });
    const failed = kintone.putJson({ apiToken: "t1" }, "records", { app: "9", records: [] });

    await expect(failed).rejects.toMatchObject({
      name: "KintoneAnswerError",
      status: 404,
      code: "GAIA_AP01",
      id: "req-1",
    });
    expect(toProxyError(await failed.catch((e: unknown) => e), "9")).toMatchObject({
      message: "kintone app 9 does not exist.",
      requestId: "req-1",
    });
  });

  it("keeps the status of an error page that is not kintone's, and calls a 502 retryable", async () => {
    answer = { status: 502, contentType: "text/html", body: "<html>Bad gateway</html>" };
    const kintone = createKintoneHttp({ baseUrl, timeoutMs: 5_000 });
    const error = await kintone
      .getBytes({ apiToken: "t1" }, "file", { fileKey: "k1" })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KintoneAnswerError);
    expect((error as KintoneAnswerError).status).toBe(502);
    const mapped = toProxyError(error, "7");
    expect(mapped).toBeInstanceOf(UpstreamError);
    expect((mapped as UpstreamError).retryable).toBe(true);
  });

  it("answers a file's bytes as they came", async () => {
    answer = { status: 200, contentType: "image/png", body: "\u0001\u0002png" };
    const kintone = createKintoneHttp({ baseUrl, timeoutMs: 5_000 });
    const bytes = await kintone.getBytes({ apiToken: "t1" }, "file", { fileKey: "k1" });

    expect(seen[0]!.url).toBe("/k/v1/file.json?fileKey=k1");
    expect([...bytes]).toEqual([1, 2, 112, 110, 103]);
  });
});
