/**
 * The floor under the proxy's CPU per checkout: a process that does only the HTTP of a checkout of
 * known products, with Node's own http module and nothing else — it takes `POST /v1/checkouts`,
 * reads the records from kintone (GET records.json), creates the session in Stripe (one
 * form-encoded POST), writes its URL back (PUT records.json) and answers 201 with JSON. No
 * framework, SDK, validation, journal or log: what is left is what 4 HTTP exchanges and their JSON
 * cost on this machine, which no change inside the proxy can go below.
 * It speaks the protocol of bench/proxyProcess.ts (ready, stats, close), so bench/cpuPerCheckout.ts
 * measures it the same way.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "../proxy/config";
import { processStats } from "./processStats";
import type { FromProxyProcess, ToProxyProcess } from "./proxyProcess";

let incomingRequests = 0;

function send(message: FromProxyProcess): void {
  process.send?.(message);
}

function exchange(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    send({ type: "failed", message: loaded.message });
    process.exit(1);
  }
  const { kintoneBaseUrl, kintoneApiTokens, stripeApiBase, stripeApiKey } = loaded.config;
  const stripeBase = (stripeApiBase ?? "https://api.stripe.com").replace(/\/+$/, "");

  async function checkout(body: string): Promise<unknown> {
    const input = JSON.parse(body) as { appId: string; records: { id: string }[] };
    const token = kintoneApiTokens[input.appId] ?? "";
    const query = `$id in (${input.records.map((r) => `"${r.id}"`).join(", ")})`;
    const read = await exchange(
      `${kintoneBaseUrl}/k/v1/records.json?app=${input.appId}&query=${encodeURIComponent(query)}`,
      "GET",
      { "X-Cybozu-API-Token": token },
    );
    const { records } = JSON.parse(read.text) as {
      records: Record<string, { value: unknown }>[];
    };
    const form = new URLSearchParams({ mode: "payment", success_url: "https://example.com/ok" });
    records.forEach((record, i) => {
      form.set(`line_items[${i}][price_data][currency]`, "jpy");
      form.set(`line_items[${i}][price_data][unit_amount]`, String(record.price?.value ?? "100"));
      form.set(`line_items[${i}][price_data][product_data][name]`, String(record.name?.value));
      form.set(`line_items[${i}][quantity]`, String(record.qty?.value ?? "1"));
    });
    const created = await exchange(
      `${stripeBase}/v1/checkout/sessions`,
      "POST",
      {
        Authorization: `Bearer ${stripeApiKey}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      form.toString(),
    );
    const session = JSON.parse(created.text) as { id: string; url: string };
    await exchange(
      `${kintoneBaseUrl}/k/v1/records.json`,
      "PUT",
      { "X-Cybozu-API-Token": token, "Content-Type": "application/json" },
      JSON.stringify({
        app: input.appId,
        records: input.records.map((r) => ({
          id: r.id,
          record: { checkout_url: { value: session.url }, session_id: { value: session.id } },
        })),
      }),
    );
    return { sessions: [{ id: session.id, url: session.url, recordIds: input.records }] };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      checkout(Buffer.concat(chunks).toString("utf8")).then(
        (answer) => {
          incomingRequests += 1;
          res.writeHead(201, { "Content-Type": "application/json" });
          res.end(JSON.stringify(answer));
        },
        (error: unknown) => {
          incomingRequests += 1;
          res.writeHead(500, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ error: String(error) }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.on("message", (message: ToProxyProcess) => {
    if (message.type === "stats") {
      send({
        type: "stats",
        stats: processStats({ upstreamRequests: 0, upstreamMs: 0, incomingRequests }),
      });
    } else if (message.type === "close") {
      server.closeAllConnections();
      server.close(() => {
        send({ type: "closed" });
        process.exit(0);
      });
    }
  });
  process.on("disconnect", () => process.exit(0));
  send({ type: "ready", port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  send({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
