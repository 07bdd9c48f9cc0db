import { applySessionChange } from "../applySessionChange";
import { journalSession, oneRecordSetup } from "./sessionFixtures";
import { APP, baseMapping } from "../../../testkit/productRecords";

async function setup(mapping: Record<string, unknown>) {
  const made = oneRecordSetup();
  await made.journal.sessions.save(
    journalSession(made.recordId, {
      mappingJson: JSON.stringify(
        baseMapping({
          writeBack: { status: "status", paymentStatus: "pay_status", error: "error" },
          ...mapping,
        }),
      ),
    }),
  );
  return made;
}

const pay = (deps: Awaited<ReturnType<typeof setup>>["deps"]) =>
  applySessionChange(deps, "cs_1", (journalled) => ({
    current: journalled!,
    change: { status: "complete", paymentStatus: "paid" },
    writeUnchanged: false,
  }));

describe("processActions on a session's change", () => {
  it("runs the paid action on the session's record once, however often the payment is told", async () => {
    const { deps, records, recordId } = await setup({ processActions: { paid: "入金確認" } });
    await pay(deps);
    await pay(deps);
    expect(records.actionsRun).toEqual([{ appId: APP, recordId, action: "入金確認" }]);
  });

  it("runs the expired action when the link expires", async () => {
    const { deps, records, recordId } = await setup({
      processActions: { paid: "入金確認", expired: "期限切れにする" },
    });
    await applySessionChange(deps, "cs_1", (journalled) => ({
      current: journalled!,
      change: { status: "expired" },
      writeUnchanged: false,
    }));
    expect(records.actionsRun).toEqual([{ appId: APP, recordId, action: "期限切れにする" }]);
  });

  it("runs nothing without processActions", async () => {
    const { deps, records } = await setup({});
    await pay(deps);
    expect(records.actionsRun).toEqual([]);
  });

  it("writes why into the error field when the record's status does not offer the action", async () => {
    const { deps, records, recordId } = await setup({
      locale: "en",
      processActions: { paid: "入金確認" },
    });
    records.refusedActions.add("入金確認");
    await pay(deps);
    expect(records.field(APP, recordId, "pay_status")).toBe("paid");
    expect(records.field(APP, recordId, "error")).toBe(
      `The process-management action "入金確認" was not run: the record's current status does not offer it. Run the right action by hand, or check the app's process management settings.`,
    );
    await pay(deps);
    expect(records.actionsRun).toEqual([]);
  });

  it("writes the reason in Japanese for a Japanese checkout", async () => {
    const { deps, records, recordId } = await setup({
      locale: "ja",
      processActions: { paid: "入金確認" },
    });
    records.refusedActions.add("入金確認");
    await pay(deps);
    expect(records.field(APP, recordId, "error")).toMatch(
      /^プロセス管理のアクション「入金確認」を実行できませんでした。/,
    );
  });
});
