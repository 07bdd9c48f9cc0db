/**
 * `RecordStore` over kintone's REST API: a checkout's calls (records read and written, files
 * downloaded) through the proxy's own light client (kintoneHttp.ts), the others through
 * `@kintone/rest-api-client`, loaded with the first of them: one client per app with
 * that app's token(s) and, for an app in a guest space, its `guestSpaceId`, so every call for it
 * (records, files, form fields, status) goes to `/k/guest/{spaceId}/v1/…`. Retries 429/5xx/network failures with backoff, caps concurrent requests
 * (kintone allows 100 per domain), and turns kintone's errors into the proxy's own.
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/get-records/
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { Logger } from "pino";
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";
import { RecordNotFoundError } from "../../errors/RecordNotFoundError";
import { UpstreamError } from "../../errors/UpstreamError";
import type { FormField, RecordStore, RecordUpdate, TokenRights } from "../../ports/RecordStore";
import { checkTokenRights } from "./checkTokenRights";
import { KintoneActionRefusedError } from "./KintoneActionRefusedError";
import { createKintoneHttp, type KintoneCallAccess, type KintoneHttp } from "./kintoneHttp";
import { loadKintoneSdk } from "./loadKintoneSdk";
import { toProxyError } from "./toProxyError";

export interface KintoneRecordStoreOptions {
  /** https://…, or http://localhost:PORT (the SDK allows plain http only for localhost). */
  baseUrl: string;
  /** App id → token(s), comma-joined. */
  apiTokens: Record<string, string>;
  /** App id → the guest space the app is in; apps not named here are outside guest spaces. */
  guestSpaceIds?: Record<string, string>;
  /** Requests in flight at once, over all apps. */
  maxConcurrency?: number;
  /** Retries of a 429/5xx/network failure. */
  retries?: number;
  retryDelayMs?: number;
  /**
   * Time one request may take before it is abandoned (and retried as a network failure); default
   * 20 s. Without it a kintone request that never answers would hold a checkout or a job forever.
   */
  requestTimeoutMs?: number;
  logger?: Logger;
}

/** kintone reads at most 500 records per request; ids per `in (…)` kept well below that. */
const IDS_PER_QUERY = 100;
const WRITE_BATCH = 100;
const CURSOR_SIZE = 500;

export class KintoneRecordStore implements RecordStore {
  /** App id → its token(s) and guest space; its client is made on the app's first call. */
  private readonly access = new Map<string, { token: string; guestSpaceId?: string }>();
  private readonly clients = new Map<string, KintoneRestAPIClient>();
  private readonly allAppsToken: string | undefined;
  private readonly limiter: Semaphore;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  /** A checkout's own calls (records read and written, files downloaded), without the SDK. */
  private readonly http: KintoneHttp;

  constructor(private readonly options: KintoneRecordStoreOptions) {
    const guestSpaceIds = options.guestSpaceIds ?? {};
    for (const [appId, token] of Object.entries(options.apiTokens)) {
      this.access.set(appId, { token, guestSpaceId: guestSpaceIds[appId] });
    }
    const allTokens = [
      ...new Set(
        Object.entries(options.apiTokens)
          .filter(([appId]) => guestSpaceIds[appId] === undefined)
          .flatMap(([, token]) => token.split(",")),
      ),
    ];
    // A file download names no app: kintone accepts several apps' tokens in one header. Only
    // apps outside guest spaces: a guest-space app's file is downloaded under its space's path.
    this.allAppsToken = allTokens.length ? allTokens.join(",") : undefined;
    this.limiter = new Semaphore(options.maxConcurrency ?? 10);
    this.retries = options.retries ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.http = createKintoneHttp({
      baseUrl: options.baseUrl,
      timeoutMs: options.requestTimeoutMs ?? 20_000,
    });
  }

  hasApp(appId: string): boolean {
    return this.access.has(appId);
  }

  async getRecords(appId: string, recordIds: string[]): Promise<KintoneRecord[]> {
    const access = this.appAccess(appId);
    const unique = [...new Set(recordIds)];
    const found = new Map<string, KintoneRecord>();
    for (let i = 0; i < unique.length; i += IDS_PER_QUERY) {
      const ids = unique.slice(i, i + IDS_PER_QUERY);
      if (ids.some((id) => !/^\d+$/.test(id))) {
        throw new RecordNotFoundError(
          appId,
          ids.filter((id) => !/^\d+$/.test(id)),
        );
      }
      const { records } = await this.call(appId, () =>
        this.http.getJson<{ records: KintoneRecord[] }>(access, "records", {
          app: appId,
          query: `$id in (${ids.map((id) => `"${id}"`).join(", ")}) limit ${IDS_PER_QUERY}`,
        }),
      );
      for (const record of records) {
        const id = record.$id?.value;
        if (typeof id === "string") found.set(id, record);
      }
    }
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length) throw new RecordNotFoundError(appId, missing);
    return recordIds.map((id) => found.get(id) as KintoneRecord);
  }

  async queryRecordIds(
    appId: string,
    condition: string,
    options: { limit?: number } = {},
  ): Promise<{ id: string; revision: string }[]> {
    const client = await this.client(appId);
    const fields = ["$id", "$revision"];
    const toIds = (records: unknown[]) =>
      (records as KintoneRecord[]).map((r) => ({
        id: String(r.$id?.value),
        revision: String(r.$revision?.value),
      }));
    const ordered = `${condition.trim()} order by $id asc`.trim();
    if (options.limit !== undefined) {
      const { records } = await this.call(appId, () =>
        client.record.getRecords({
          app: appId,
          fields,
          query: `${ordered} limit ${Math.min(options.limit ?? 1, 500)}`,
        }),
      );
      return toIds(records);
    }
    // The cursor API reads beyond the 10,000-record offset limit of plain reads.
    // https://cybozu.dev/ja/kintone/docs/rest-api/records/add-cursor/
    const { id: cursorId } = await this.call(appId, () =>
      client.record.createCursor({ app: appId, fields, query: ordered, size: CURSOR_SIZE }),
    );
    const result: { id: string; revision: string }[] = [];
    try {
      for (;;) {
        const page = await this.call(appId, () =>
          client.record.getRecordsByCursor({ id: cursorId }),
        );
        result.push(...toIds(page.records));
        if (!page.next) return result;
      }
    } catch (error) {
      // A cursor read to the end deletes itself; one abandoned midway must be freed.
      await client.record.deleteCursor({ id: cursorId }).catch(() => undefined);
      throw error;
    }
  }

  async updateRecords(appId: string, updates: RecordUpdate[]): Promise<void> {
    const access = this.appAccess(appId);
    for (let i = 0; i < updates.length; i += WRITE_BATCH) {
      const batch = updates.slice(i, i + WRITE_BATCH);
      await this.call(appId, () =>
        this.http.putJson(access, "records", {
          app: appId,
          records: batch.map((u) => ({
            id: u.id,
            record: u.record as never,
            ...(u.revision !== undefined ? { revision: u.revision } : {}),
          })),
        }),
      );
    }
  }

  async downloadFile(
    fileKey: string,
    appId?: string,
  ): Promise<{ bytes: Uint8Array; contentType?: string }> {
    const access =
      appId !== undefined
        ? this.appAccess(appId)
        : this.allAppsToken !== undefined
          ? { apiToken: this.allAppsToken }
          : undefined;
    if (!access) throw new UpstreamError("kintone", "The proxy has no kintone API token at all.");
    const bytes = await this.call(appId ?? "", () =>
      this.http.getBytes(access, "file", { fileKey }),
    );
    return { bytes };
  }

  async checkTokenRights(appId: string): Promise<TokenRights> {
    return checkTokenRights(await this.client(appId), appId, (request) =>
      this.call(appId, request),
    );
  }

  async getFormFields(appId: string): Promise<FormField[]> {
    const client = await this.client(appId);
    const { properties } = await this.call(appId, () => client.app.getFormFields({ app: appId }));
    return Object.values(properties as Record<string, RawProperty>).map(toFormField);
  }

  /** https://cybozu.dev/ja/kintone/docs/rest-api/records/update-status/ */
  async runProcessAction(appId: string, recordId: string, action: string): Promise<void> {
    const client = await this.client(appId);
    try {
      await this.call(appId, () =>
        client.record.updateRecordStatus({ app: appId, id: recordId, action }),
      );
    } catch (error) {
      const code = error instanceof UpstreamError ? error.upstreamCode : undefined;
      if (code === "GAIA_IL03" || code === "GAIA_ST02") {
        const { requestId, upstreamStatus } = error as UpstreamError;
        const reason = code === "GAIA_IL03" ? "notOffered" : "processOff";
        throw new KintoneActionRefusedError(action, reason, { requestId, upstreamStatus });
      }
      throw error;
    }
  }

  private async makeClient(apiToken: string, guestSpaceId?: string): Promise<KintoneRestAPIClient> {
    const { KintoneRestAPIClient } = await loadKintoneSdk();
    return new KintoneRestAPIClient({
      baseUrl: this.options.baseUrl,
      auth: { apiToken },
      ...(guestSpaceId !== undefined ? { guestSpaceId } : {}),
      // The SDK's `socketTimeout` becomes axios' `timeout`, the whole request's limit.
      socketTimeout: this.options.requestTimeoutMs ?? 20_000,
    });
  }

  /** The app's token(s) and guest space, for the calls made without the SDK. */
  private appAccess(appId: string): KintoneCallAccess {
    const access = this.access.get(appId);
    if (!access) {
      throw new UpstreamError(
        "kintone",
        `The proxy has no kintone API token for app ${appId}. Add APP_ID:TOKEN to KINTONE_API_TOKENS.`,
        { upstreamCode: "NO_TOKEN" },
      );
    }
    return { apiToken: access.token, guestSpaceId: access.guestSpaceId };
  }

  /** The app's client, made once and then used by every call for the app. */
  private async client(appId: string): Promise<KintoneRestAPIClient> {
    const known = this.clients.get(appId);
    if (known) return known;
    const { apiToken, guestSpaceId } = this.appAccess(appId);
    const made = await this.makeClient(apiToken, guestSpaceId);
    // Two first calls at once both made one: the first one kept is everyone's from now on.
    if (!this.clients.has(appId)) this.clients.set(appId, made);
    return this.clients.get(appId)!;
  }

  /** One request: under the concurrency cap, retried while kintone says "later". */
  private async call<T>(appId: string, request: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.limiter.run(request);
      } catch (error) {
        const mapped = toProxyError(error, appId);
        const retryable = mapped instanceof UpstreamError && mapped.retryable;
        if (!retryable || attempt >= this.retries) throw mapped;
        const delay = this.retryDelayMs * 2 ** attempt * (1 + Math.random() / 2);
        this.options.logger?.warn(
          { appId, attempt: attempt + 1, upstreamStatus: mapped.upstreamStatus, delay },
          "kintone request failed; retrying",
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

export function createKintoneRecordStore(options: KintoneRecordStoreOptions): RecordStore {
  return new KintoneRecordStore(options);
}

interface RawProperty {
  code: string;
  label: string;
  type: string;
  options?: Record<string, { label: string; index: string | number }>;
  fields?: Record<string, RawProperty>;
}

function toFormField(property: RawProperty): FormField {
  const field: FormField = { code: property.code, label: property.label, type: property.type };
  if (property.options) {
    field.options = Object.values(property.options)
      .sort((a, b) => Number(a.index) - Number(b.index))
      .map((o) => o.label);
  }
  if (property.fields) field.fields = Object.values(property.fields).map(toFormField);
  return field;
}

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.capacity) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
