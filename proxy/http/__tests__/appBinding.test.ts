/**
 * Issue #8: a call that carries X-Kintone-App-Id (stored by the plug-in's settings, added by
 * kintone, not changeable by the page) acts on that app only; a call without it acts as before.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { APP_BINDING_HEADER } from "../../../core/api/proxyApi";
import type { JobRunner } from "../../jobs/JobRunner";
import { createApp, type AppDependencies } from "../createApp";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP, baseMapping, productRecord } from "../../../testkit/productRecords";

const SECRET = "b".repeat(40);
const OTHER = "13";

async function start() {
  const env = makeDeps();
  const jobs = { run: jest.fn() } as unknown as JobRunner;
  const deps: AppDependencies = {
    ...env.deps,
    proxySecret: SECRET,
    version: "1.0.0",
    setup: {
      appIds: [APP, OTHER],
      stripeKeyType: "restricted",
      stripeMode: "test",
      webhookConfigured: true,
    },
    jobs,
  };
  const server: Server = await new Promise((resolve) => {
    const s = createApp(deps).listen(0, "127.0.0.1", () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  /** Raw header lines, so one header can be sent twice in two letter cases. */
  const call = (
    method: string,
    path: string,
    options: { body?: unknown; headers?: [string, string][]; authorization?: string } = {},
  ) =>
    new Promise<{ status: number; body: ReturnType<typeof JSON.parse> }>((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      // Raw header lines carry no Host of their own: Node's server refuses a request without one.
      const raw: string[] = [
        "Host",
        `127.0.0.1:${port}`,
        "Authorization",
        options.authorization ?? `Bearer ${SECRET}`,
      ];
      if (body !== undefined) raw.push("Content-Type", "application/json");
      for (const [name, value] of options.headers ?? []) raw.push(name, value);
      const req = http.request({ host: "127.0.0.1", port, method, path, headers: raw }, (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on("error", reject);
      req.end(body);
    });
  const bound = (appId: string): [string, string][] => [[APP_BINDING_HEADER, appId]];

  /** A record in `appId` with the fields baseMapping reads and writes. */
  const record = (appId: string) =>
    appId === APP
      ? productRecord(env.records, { name: "Tea", price: "500", qty: "1" })
      : env.records.addRecord(appId, {
          code: { type: "SINGLE_LINE_TEXT", value: "" },
          name: { type: "SINGLE_LINE_TEXT", value: "Cup" },
          price: { type: "NUMBER", value: "700" },
          qty: { type: "NUMBER", value: "1" },
          photo: { type: "FILE", value: [] },
          checkout_url: { type: "LINK", value: "" },
          session_id: { type: "SINGLE_LINE_TEXT", value: "" },
          status: { type: "SINGLE_LINE_TEXT", value: "" },
          expires_at: { type: "DATETIME", value: "" },
          amount: { type: "NUMBER", value: "" },
          error: { type: "SINGLE_LINE_TEXT", value: "" },
        });
  /** A session made for one record of `appId` by an unbound caller. */
  const sessionOf = async (appId: string) => {
    const recordId = record(appId);
    const created = await call("POST", "/v1/checkouts", {
      body: { appId, records: [{ id: recordId }], mapping: JSON.stringify(baseMapping()) },
    });
    expect(created.status).toBe(201);
    return { sessionId: created.body.sessions[0].id as string, recordId };
  };
  const jobOf = async (appId: string) => {
    const jobId = `job_${appId}`;
    await env.journal.jobs.create(
      { jobId, appId, mappingJson: "{}", query: "", createdAt: new Date() },
      [{ recordId: "1" }],
    );
    return jobId;
  };
  return {
    env,
    jobs,
    call,
    bound,
    record,
    sessionOf,
    jobOf,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let app: Awaited<ReturnType<typeof start>>;
beforeEach(async () => {
  app = await start();
});
afterEach(async () => {
  await app.close();
});

describe("a call bound to its app by X-Kintone-App-Id", () => {
  it("creates, reads, syncs, expires and lists its own app's sessions as before", async () => {
    const recordId = app.record(APP);
    const created = await app.call("POST", "/v1/checkouts", {
      body: { appId: APP, records: [{ id: recordId }], mapping: JSON.stringify(baseMapping()) },
      headers: app.bound(APP),
    });
    expect(created.status).toBe(201);
    const id = created.body.sessions[0].id;
    const read = await app.call("GET", `/v1/checkouts/${id}`, { headers: app.bound(APP) });
    expect(read).toMatchObject({ status: 200, body: { session: { id, appId: APP } } });
    const synced = await app.call("POST", `/v1/checkouts/${id}/sync`, {
      body: {},
      headers: app.bound(APP),
    });
    expect(synced.status).toBe(200);
    const expired = await app.call("POST", `/v1/checkouts/${id}/expire`, {
      body: {},
      headers: app.bound(APP),
    });
    expect(expired).toMatchObject({ status: 200, body: { session: { status: "expired" } } });
    expect(app.env.records.field(APP, recordId, "status")).toBe("expired");
    const listed = await app.call("GET", `/v1/checkouts?appId=${APP}`, { headers: app.bound(APP) });
    expect(listed.body.sessions.map((s: { id: string }) => s.id)).toEqual([id]);
  });

  it("refuses with 400 a checkout or dry run that names another app, and asks nothing upstream", async () => {
    const recordId = app.record(OTHER);
    for (const dryRun of [false, true]) {
      const answer = await app.call("POST", "/v1/checkouts", {
        body: {
          appId: OTHER,
          records: [{ id: recordId }],
          mapping: JSON.stringify(baseMapping()),
          dryRun,
        },
        headers: app.bound(APP),
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("BAD_REQUEST");
      expect(answer.body.error.message).toContain(`app ${APP}`);
      expect(answer.body.error.message).toContain(`app ${OTHER}`);
      expect(answer.body.error.details).toEqual([{ path: "appId", message: expect.any(String) }]);
    }
    expect(app.env.gateway.calls).toEqual([]);
    expect(app.env.records.updates).toEqual([]);
  });

  it("answers another app's session as unknown (404) for read, sync and expire, and leaves it open", async () => {
    const { sessionId, recordId } = await app.sessionOf(OTHER);
    const unknown = await app.call("GET", "/v1/checkouts/cs_test_nope", {
      headers: app.bound(APP),
    });
    const updatesBefore = app.env.records.updates.length;
    for (const [method, path] of [
      ["GET", `/v1/checkouts/${sessionId}`],
      ["POST", `/v1/checkouts/${sessionId}/sync`],
      ["POST", `/v1/checkouts/${sessionId}/expire`],
    ] as const) {
      const answer = await app.call(method, path, {
        body: method === "POST" ? {} : undefined,
        headers: app.bound(APP),
      });
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe("SESSION_NOT_FOUND");
      // The same words as for a session that does not exist, bar the id.
      expect(answer.body.error.message.replace(sessionId, "ID")).toBe(
        unknown.body.error.message.replace("cs_test_nope", "ID"),
      );
    }
    expect(app.env.gateway.callsOf("expireCheckoutSession")).toEqual([]);
    expect(app.env.gateway.sessions.get(sessionId)?.status).toBe("open");
    expect(app.env.records.updates.length).toBe(updatesBefore);
    expect(app.env.records.field(OTHER, recordId, "status")).toBe("open");
  });

  it("lists its own app only: another appId is refused, none given means its own", async () => {
    const own = await app.sessionOf(APP);
    await app.sessionOf(OTHER);
    const other = await app.call("GET", `/v1/checkouts?appId=${OTHER}`, {
      headers: app.bound(APP),
    });
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe("BAD_REQUEST");
    for (const path of ["/v1/checkouts", "/v1/checkouts?status=open", "/v1/checkouts?recordId=1"]) {
      const answer = await app.call("GET", path, { headers: app.bound(APP) });
      expect(answer.status).toBe(200);
      expect(answer.body.sessions.map((s: { id: string }) => s.id)).toEqual([own.sessionId]);
    }
  });

  it("refuses a job for another app and answers another app's job as unknown (404 NOT_FOUND)", async () => {
    const submitted = await app.call("POST", "/v1/jobs", {
      body: {
        appId: OTHER,
        records: [{ id: app.record(OTHER) }],
        mapping: JSON.stringify(baseMapping({ grouping: "perRecord" })),
      },
      headers: app.bound(APP),
    });
    expect(submitted.status).toBe(400);
    expect(app.jobs.run).not.toHaveBeenCalled();

    const ownJob = await app.jobOf(APP);
    const otherJob = await app.jobOf(OTHER);
    expect((await app.call("GET", `/v1/jobs/${ownJob}`, { headers: app.bound(APP) })).status).toBe(
      200,
    );
    const hidden = await app.call("GET", `/v1/jobs/${otherJob}`, { headers: app.bound(APP) });
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
  });

  it("takes a job for its own app", async () => {
    const submitted = await app.call("POST", "/v1/jobs", {
      body: {
        appId: APP,
        records: [{ id: app.record(APP) }],
        mapping: JSON.stringify(baseMapping({ grouping: "perRecord" })),
      },
      headers: app.bound(APP),
    });
    expect(submitted).toMatchObject({ status: 202, body: { job: { status: "queued" } } });
    expect(app.jobs.run).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["two app ids in one value", [[APP_BINDING_HEADER, `${APP}, ${OTHER}`]]],
    [
      "the header twice in two letter cases",
      [
        [APP_BINDING_HEADER, APP],
        [APP_BINDING_HEADER.toLowerCase(), OTHER],
      ],
    ],
    [
      "the same app id twice",
      [
        [APP_BINDING_HEADER, APP],
        [APP_BINDING_HEADER.toUpperCase(), APP],
      ],
    ],
    ["an empty value", [[APP_BINDING_HEADER, ""]]],
    ["a word", [[APP_BINDING_HEADER, "all"]]],
    ["a leading zero", [[APP_BINDING_HEADER, `0${APP}`]]],
    ["a negative id", [[APP_BINDING_HEADER, "-1"]]],
  ] as [string, [string, string][]][])(
    "refuses %s with 400 on every route, before anything happens",
    async (_label, headers) => {
      const { sessionId } = await app.sessionOf(APP);
      const callsBefore = app.env.gateway.calls.length;
      for (const [method, path] of [
        ["GET", "/v1/checkouts"],
        ["GET", `/v1/checkouts/${sessionId}`],
        ["POST", `/v1/checkouts/${sessionId}/expire`],
        ["GET", "/v1/jobs/job_x"],
        ["GET", "/v1/diagnostics"],
      ] as const) {
        const answer = await app.call(method, path, {
          body: method === "POST" ? {} : undefined,
          headers,
        });
        expect(answer.status).toBe(400);
        expect(answer.body.error).toEqual({
          code: "BAD_REQUEST",
          message: `${APP_BINDING_HEADER} must name exactly one kintone app id.`,
          details: [{ path: APP_BINDING_HEADER, message: expect.any(String) }],
        });
      }
      expect(app.env.gateway.calls.length).toBe(callsBefore);
      expect(app.env.gateway.sessions.get(sessionId)?.status).toBe("open");
    },
  );

  it("is judged after the secret: a wrong secret with any binding is still 401", async () => {
    for (const headers of [
      app.bound(APP),
      [[APP_BINDING_HEADER, "12, 13"]] as [string, string][],
    ]) {
      const answer = await app.call("GET", "/v1/checkouts", {
        headers,
        authorization: `Bearer ${"x".repeat(40)}`,
      });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe("UNAUTHORIZED");
    }
  });
});

describe("a call without X-Kintone-App-Id (a script with the secret, an older saved config)", () => {
  it("acts on any app as before: lists, reads and expires another app's session", async () => {
    const { sessionId } = await app.sessionOf(OTHER);
    const listed = await app.call("GET", `/v1/checkouts?appId=${OTHER}`);
    expect(listed.body.sessions.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await app.call("GET", `/v1/checkouts/${sessionId}`)).status).toBe(200);
    const expired = await app.call("POST", `/v1/checkouts/${sessionId}/expire`, { body: {} });
    expect(expired).toMatchObject({ status: 200, body: { session: { status: "expired" } } });
    expect((await app.call("GET", `/v1/jobs/${await app.jobOf(OTHER)}`)).status).toBe(200);
  });

  it("reports diagnostics for every served app, bound or not", async () => {
    for (const headers of [[], app.bound(APP)]) {
      const answer = await app.call("GET", "/v1/diagnostics", { headers });
      expect(answer.status).toBe(200);
      expect(answer.body.kintone.apps.map((a: { appId: string }) => a.appId)).toEqual([APP, OTHER]);
    }
  });
});
