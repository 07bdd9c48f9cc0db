/**
 * The pipeline every `/v1` request goes through, in Stripe's order: latency, authentication,
 * rate limits (429), injected failures, routing (404), restricted-key permissions (403), body
 * parsing, idempotency (replay / conflict), the endpoint, and the answer with `Request-Id`,
 * `Stripe-Version` and, on replays, `Idempotent-Replayed: true`.
 */
import type http from "node:http";
import type { EmulatorConfig } from "../EmulatorContext";
import { EMULATOR_API_VERSION } from "../EventBus";
import { apiError, rateLimited, StripeApiError, unrecognizedUrl } from "../StripeApiError";
import { authenticate, checkPermission } from "./apiKeys";
import { checkIdempotencyKey, fingerprintOf, IdempotencyStore } from "./IdempotencyStore";
import { parseForm, parseMultipart, readBody } from "./requestBody";
import { ApiRequest, RawBody, Router } from "./Router";
import type { TrafficControls } from "./TrafficControls";

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  status: number;
  at: number;
  /** The form parameters of a POST (not multipart uploads), so a test can read what was sent. */
  params?: unknown;
}

export function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-cache, no-store",
    ...headers,
  });
  response.end(text);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ApiRequestHandler {
  /** Requests that were told to hang (failNext "timeout"); destroyed on close. */
  readonly hanging = new Set<http.ServerResponse>();

  constructor(
    private readonly deps: {
      router: Router;
      config: EmulatorConfig;
      idempotency: IdempotencyStore;
      traffic: TrafficControls;
      requests: RecordedRequest[];
    },
  ) {}

  private hang(response: http.ServerResponse, record: RecordedRequest): void {
    record.status = 0; // never answered
    this.hanging.add(response);
    response.on("close", () => this.hanging.delete(response));
  }

  async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    requestId: string,
  ): Promise<void> {
    const { router, config, idempotency, traffic } = this.deps;
    const method = request.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const idempotencyKey =
      method === "POST" ? firstHeader(request.headers["idempotency-key"]) : undefined;
    const record: RecordedRequest = {
      method,
      path,
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      status: 0,
      at: Date.now(),
    };
    this.deps.requests.push(record);
    const headers: Record<string, string> = {
      "Stripe-Version": firstHeader(request.headers["stripe-version"]) ?? EMULATOR_API_VERSION,
    };
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
    const answer = (status: number, body: unknown) => {
      record.status = status;
      if (body instanceof RawBody) {
        response.writeHead(status, {
          ...headers,
          "Content-Type": body.contentType,
          "Content-Length": body.bytes.length,
        });
        response.end(body.bytes);
      } else {
        sendJson(response, status, body, headers);
      }
    };

    if (config.latencyMs > 0) await sleep(config.latencyMs);
    let reserved = false;
    try {
      const apiKey = authenticate(firstHeader(request.headers.authorization));
      const limitedBy = traffic.takeTokens(method, path);
      if (limitedBy) {
        // The header Stripe sets on 429s (https://docs.stripe.com/rate-limits).
        headers["Stripe-Rate-Limited-Reason"] = limitedBy;
        throw rateLimited();
      }
      const failRule = traffic.takeFailRule(method, path);
      if (failRule?.when === "before") {
        if (failRule.status === "timeout") return this.hang(response, record);
        throw failRule.status === 429 ? rateLimited() : apiError(failRule.status);
      }
      const route = router.match(method, path);
      if (!route) throw unrecognizedUrl(method, url.pathname);
      checkPermission(apiKey, route.permission, config.restrictedKeys);

      let params;
      let file;
      const contentType = request.headers["content-type"] ?? "";
      if (method === "GET" || method === "DELETE") {
        params = parseForm(url.search.slice(1));
      } else if (contentType.startsWith("multipart/form-data")) {
        ({ params, file } = await parseMultipart(request));
      } else {
        params = parseForm((await readBody(request)).toString("utf8"));
        record.params = params;
      }

      if (idempotencyKey !== undefined) {
        checkIdempotencyKey(idempotencyKey);
        const fingerprint = fingerprintOf({
          params,
          file: file ? { name: file.filename, bytes: file.bytes.toString("base64") } : null,
        });
        const stored = idempotency.begin(idempotencyKey, method, path, fingerprint);
        if (stored) {
          headers["Idempotent-Replayed"] = "true";
          headers["Original-Request"] = stored.requestId;
          return answer(stored.status, stored.body);
        }
        reserved = true;
      }

      const apiRequest: ApiRequest = {
        method,
        path,
        params,
        pathParams: route.pathParams,
        apiKey,
        requestId,
        idempotencyKey: idempotencyKey ?? null,
        ...(file ? { file } : {}),
      };
      let status = 200;
      let body: unknown;
      try {
        body = await route.handler(apiRequest);
      } catch (error) {
        if (!(error instanceof StripeApiError) || error.beforeExecution) throw error;
        status = error.status;
        body = error.toJSON();
      }
      if (reserved && idempotencyKey !== undefined) {
        idempotency.save(idempotencyKey, { status, body, requestId });
        reserved = false;
      }
      if (failRule?.when === "after") {
        if (failRule.status === "timeout") return this.hang(response, record);
        throw failRule.status === 429 ? rateLimited() : apiError(failRule.status);
      }
      answer(status, body);
    } catch (error) {
      if (reserved && idempotencyKey !== undefined) idempotency.release(idempotencyKey);
      if (!(error instanceof StripeApiError)) throw error;
      answer(error.status, error.toJSON());
    }
  }

  close(): void {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
  }
}
