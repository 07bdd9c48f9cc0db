/**
 * The app's own status texts and its process management, through HTTP with the real adapters
 * against the emulators: a Japanese app whose drop-downs read 未決済 / 入金済み / 期限切れ.
 */
import {
  ORDERS_PROCESS,
  PROCESS_STATUS_CODE,
  labelledOrdersMapping,
  labelledOrdersProxyPerTest,
} from "../../testkit/labelledOrdersApp";
import { addOrderRecords } from "../../testkit/orderRecords";
import type { OrdersProxy } from "../../testkit/startOrdersProxy";
import { waitFor } from "../../testkit/waitFor";

const env = labelledOrdersProxyPerTest();

async function billRecord(kit: OrdersProxy, mapping: string) {
  const [recordId] = addOrderRecords(kit, [{ name: "抹茶", price: "500" }]);
  const answer = await kit.call("POST", "/v1/checkouts", {
    appId: kit.appId,
    records: [{ id: recordId }],
    mapping,
  });
  expect(answer.status).toBe(201);
  return { recordId: recordId!, sessionId: answer.body.sessions[0].id as string };
}

const statusUpdates = () =>
  env.kintone.requests.filter((r) => r.method === "PUT" && r.path === "/k/v1/record/status.json");

describe("POST /v1/checkouts and webhooks with statusLabels", () => {
  it("writes 受付中 / 未決済 for a new link and 決済完了 / 入金済み once paid", async () => {
    const { recordId, sessionId } = await billRecord(env, labelledOrdersMapping());
    expect(env.field(recordId, "status")).toBe("受付中");
    expect(env.field(recordId, "pay_status")).toBe("未決済");

    await env.stripe.payWithCard(sessionId);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "入金済み");
    expect(env.field(recordId, "status")).toBe("決済完了");
  });

  it("writes 期限切れ when the link expires", async () => {
    const { recordId, sessionId } = await billRecord(env, labelledOrdersMapping());
    const answer = await env.call("POST", `/v1/checkouts/${sessionId}/expire`, {
      appId: env.appId,
    });
    expect(answer.status).toBe(200);
    await waitFor(() => env.field(recordId, "status") === "期限切れ");
  });

  it("still refuses a new link for the paid record with 409 RECORD_ALREADY_PAID", async () => {
    const { recordId, sessionId } = await billRecord(env, labelledOrdersMapping());
    await env.stripe.payWithCard(sessionId);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, "pay_status") === "入金済み");

    const answer = await env.call("POST", "/v1/checkouts", {
      appId: env.appId,
      records: [{ id: recordId }],
      mapping: labelledOrdersMapping(),
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      error: { code: "RECORD_ALREADY_PAID", details: [{ recordId, sessionId }] },
    });
  });
});

describe("processActions", () => {
  it("moves the paid record to the next process status, once", async () => {
    const mapping = labelledOrdersMapping({ processActions: { paid: "入金を確認する" } });
    const { recordId, sessionId } = await billRecord(env, mapping);
    expect(env.field(recordId, PROCESS_STATUS_CODE)).toBe(ORDERS_PROCESS.states[0]);

    await env.stripe.payWithCard(sessionId);
    await env.stripe.flushWebhooks();
    await waitFor(() => env.field(recordId, PROCESS_STATUS_CODE) === "入金済み");
    await waitFor(() => env.field(recordId, "pay_status") === "入金済み");
    expect(env.field(recordId, "error")).toBe("");

    // The same event again changes nothing and runs nothing.
    const completed = env.stripe.state.events.find((e) => e.type === "checkout.session.completed");
    await env.stripe.resendEvent(completed!.id);
    await env.stripe.flushWebhooks();
    expect(statusUpdates()).toHaveLength(1);
  });

  it("moves an expired link's record along the expired action", async () => {
    const mapping = labelledOrdersMapping({ processActions: { expired: "期限切れにする" } });
    const { recordId, sessionId } = await billRecord(env, mapping);
    const answer = await env.call("POST", `/v1/checkouts/${sessionId}/expire`, {
      appId: env.appId,
    });
    expect(answer.status).toBe(200);
    await waitFor(() => env.field(recordId, PROCESS_STATUS_CODE) === "期限切れ");
    await waitFor(() => env.field(recordId, "status") === "期限切れ");
  });

  it("writes why into error when the record's status offers no such action, and does not retry", async () => {
    const mapping = labelledOrdersMapping({ processActions: { paid: "発送する" } });
    const { recordId, sessionId } = await billRecord(env, mapping);

    await env.stripe.payWithCard(sessionId);
    await env.stripe.flushWebhooks();
    await waitFor(() => String(env.field(recordId, "error")).includes("発送する"));
    expect(env.field(recordId, "error")).toBe(
      "プロセス管理のアクション「発送する」を実行できませんでした。レコードの現在のステータスではこのアクションを実行できません。手動で適切なアクションを実行するか、アプリのプロセス管理の設定を確認してください。",
    );
    await waitFor(() => env.field(recordId, "pay_status") === "入金済み");
    expect(env.field(recordId, PROCESS_STATUS_CODE)).toBe("未処理");
    expect(statusUpdates()).toHaveLength(1);
    expect(statusUpdates()[0]?.status).toBe(400);
  });
});
