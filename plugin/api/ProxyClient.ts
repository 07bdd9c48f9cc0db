/**
 * The proxy's HTTP API as the plugin calls it. Every answer is checked with the contract's zod
 * schema from core/, so a wrong URL or an old proxy shows as a clear error, not a crash later.
 */
import type { z } from "zod";
import {
  createCheckoutsAnswerSchema,
  diagnosticsAnswerSchema,
  errorAnswerSchema,
  jobAnswerSchema,
  jobListAnswerSchema,
  previewAnswerSchema,
  sessionAnswerSchema,
  sessionListAnswerSchema,
  subscriptionAnswerSchema,
} from "../../core/api/proxyApi";
import { ProxyError } from "./ProxyError";
import type { HttpMethod, ProxyTransport } from "./ProxyTransport";

export interface RecordRef {
  id: string;
  revision?: string;
}

export class ProxyClient {
  /** `proxyUrl` ends in "/" (the settings screen stores it so). */
  constructor(
    private readonly transport: ProxyTransport,
    private readonly proxyUrl: string,
    private readonly language: "ja" | "en" = "en",
  ) {}

  /**
   * `appId` and `mapping` are sent too, but the values stored with `setProxyConfig` win on
   * kintone's server: the page can choose records, never prices.
   */
  previewCheckouts(appId: string, records: RecordRef[]) {
    return this.call("POST", "v1/checkouts", previewAnswerSchema, { appId, records, dryRun: true });
  }

  createCheckouts(appId: string, records: RecordRef[]) {
    return this.call("POST", "v1/checkouts", createCheckoutsAnswerSchema, {
      appId,
      records,
      dryRun: false,
    });
  }

  startJob(appId: string, selection: { query: string } | { records: RecordRef[] }) {
    return this.call("POST", "v1/jobs", jobAnswerSchema, { appId, ...selection });
  }

  getJob(jobId: string) {
    return this.call("GET", `v1/jobs/${encodeURIComponent(jobId)}`, jobAnswerSchema);
  }

  /** The app's recent jobs, newest first (the proxy lists 10 unless asked for up to 50). */
  listJobs(appId: string, limit?: number) {
    const query = new URLSearchParams({ appId });
    if (limit !== undefined) query.set("limit", String(limit));
    return this.call("GET", `v1/jobs?${query.toString()}`, jobListAnswerSchema);
  }

  getSession(sessionId: string) {
    return this.call("GET", `v1/checkouts/${encodeURIComponent(sessionId)}`, sessionAnswerSchema);
  }

  syncSession(sessionId: string) {
    const path = `v1/checkouts/${encodeURIComponent(sessionId)}/sync`;
    return this.call("POST", path, sessionAnswerSchema, {});
  }

  expireSession(sessionId: string) {
    const path = `v1/checkouts/${encodeURIComponent(sessionId)}/expire`;
    return this.call("POST", path, sessionAnswerSchema, {});
  }

  listSessions(filter: { appId?: string; recordId?: string; status?: string; limit?: number }) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value !== undefined) query.set(key, String(value));
    }
    return this.call("GET", `v1/checkouts?${query.toString()}`, sessionListAnswerSchema);
  }

  /** Cancels the subscription a checkout made: at the period's end, or now. */
  cancelSubscription(subscriptionId: string, atPeriodEnd: boolean) {
    const path = `v1/subscriptions/${encodeURIComponent(subscriptionId)}/cancel`;
    return this.call("POST", path, subscriptionAnswerSchema, { atPeriodEnd });
  }

  diagnostics() {
    return this.call("GET", "v1/diagnostics", diagnosticsAnswerSchema);
  }

  private async call<S extends z.ZodType>(
    method: HttpMethod,
    path: string,
    schema: S,
    data: Record<string, unknown> = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { "Accept-Language": this.language };
    if (method !== "GET") headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await this.transport.send(this.proxyUrl + path, method, headers, data);
    } catch (error) {
      throw new ProxyError("UNREACHABLE", describe(error), 0);
    }
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw new ProxyError(
        "BAD_ANSWER",
        `HTTP ${response.status}: not a JSON answer`,
        response.status,
      );
    }
    if (response.status >= 400) {
      const failure = errorAnswerSchema.safeParse(json);
      if (!failure.success) {
        throw new ProxyError("BAD_ANSWER", `HTTP ${response.status}`, response.status);
      }
      const { code, message, details } = failure.data.error;
      throw new ProxyError(code, message, response.status, details ?? []);
    }
    const answer = schema.safeParse(json);
    if (!answer.success) {
      throw new ProxyError(
        "BAD_ANSWER",
        `HTTP ${response.status}: unexpected answer`,
        response.status,
      );
    }
    return answer.data;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return "kintone could not reach the proxy";
}
