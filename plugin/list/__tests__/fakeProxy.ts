/** A fake ProxyTransport for the plugin's tests: answers by "METHOD path" and records every call. */
import { ProxyClient } from "../../api/ProxyClient";
import type { ProxyTransport } from "../../api/ProxyTransport";

export interface ProxyCall {
  method: string;
  path: string;
  data: Record<string, unknown>;
}

export type ProxyRoute = (
  call: ProxyCall,
) => { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;

export const PROXY_URL = "https://proxy.example.com/";

export function fakeProxy(routes: Record<string, ProxyRoute>) {
  const calls: ProxyCall[] = [];
  const transport: ProxyTransport = {
    async send(url, method, _headers, data) {
      const path = url.slice(PROXY_URL.length).split("?")[0] ?? "";
      const call = { method, path, data };
      calls.push(call);
      const route =
        routes[`${method} ${path}`] ??
        Object.entries(routes).find(([key]) =>
          new RegExp(`^${key}$`).test(`${method} ${path}`),
        )?.[1];
      if (!route)
        return {
          status: 404,
          body: JSON.stringify({ error: { code: "NOT_FOUND", message: "no route" } }),
        };
      const answer = await route(call);
      return { status: answer.status, body: JSON.stringify(answer.body) };
    },
  };
  return { client: new ProxyClient(transport, PROXY_URL, "en"), calls };
}

export function proxyError(status: number, code: string, details: unknown[] = [], message = code) {
  return { status, body: { error: { code, message, details } } };
}

/** A dry-run answer: one session per record (perRecord) or one for all (single). */
export function previewAnswer(
  recordIds: string[],
  grouping: "single" | "perRecord",
  unitAmount = 1000,
  currency = "jpy",
) {
  const line = (recordId: string) => ({
    recordId,
    name: `Item ${recordId}`,
    unitAmount,
    quantity: 1,
    imageCount: 0,
  });
  const groups = grouping === "single" ? [recordIds] : recordIds.map((id) => [id]);
  return {
    status: 200,
    body: {
      preview: {
        sessions: groups.map((ids) => ({
          recordIds: ids,
          currency,
          amountTotal: unitAmount * ids.length,
          lineItems: ids.map(line),
        })),
      },
    },
  };
}

export function createdAnswer(recordIds: string[], grouping: "single" | "perRecord") {
  const groups = grouping === "single" ? [recordIds] : recordIds.map((id) => [id]);
  return {
    status: 201,
    body: {
      sessions: groups.map((ids) => ({
        id: `cs_test_${ids.join("_")}`,
        url: `https://checkout.example.com/c/pay/cs_test_${ids.join("_")}`,
        expiresAt: "2026-11-24T12:00:00.000Z",
        recordIds: ids,
        currency: "jpy",
        amountTotal: 1000 * ids.length,
        replaced: [],
      })),
    },
  };
}

export const recordIdsOf = (call: ProxyCall) =>
  (call.data.records as Array<{ id: string }>).map((r) => r.id);
