/**
 * The kintone adapter keeps its connection to kintone open between requests: every checkout reads
 * and writes records, and a new connection per request would add a TCP (and, against
 * *.cybozu.com, a TLS) handshake to each. Node's global agents keep connections alive since
 * Node 19 (https://nodejs.org/docs/latest-v20.x/api/http.html#class-httpagent), and the REST
 * client's axios uses them; this catches a change (an agent, a header) that would undo that.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { KintoneRecordStore } from "../KintoneRecordStore";

let server: http.Server;
let baseUrl: string;
let connections = 0;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      requests.push(`${req.method} ${req.url?.split("?")[0]}`);
      res.setHeader("content-type", "application/json");
      res.end(
        req.method === "GET"
          ? JSON.stringify({
              records: [{ $id: { type: "__ID__", value: "1" }, $revision: { value: "1" } }],
              totalCount: null,
            })
          : JSON.stringify({ records: [{ id: "1", revision: "2" }] }),
      );
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("KintoneRecordStore connections", () => {
  it("reads and writes records over one kept-alive connection", async () => {
    const store = new KintoneRecordStore({ baseUrl, apiTokens: { "7": "token7" } });
    await store.getRecords("7", ["1"]);
    await store.updateRecords("7", [{ id: "1", record: { status: { value: "open" } } }]);
    await store.getRecords("7", ["1"]);

    expect(requests).toEqual([
      "GET /k/v1/records.json",
      "PUT /k/v1/records.json",
      "GET /k/v1/records.json",
    ]);
    expect(connections).toBe(1);
  });
});
