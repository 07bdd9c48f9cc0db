import { diagnose, STUCK_WRITE_BACK_ATTEMPTS } from "../diagnose";
import { makeDeps } from "../../../testkit/makeDeps";
import { APP } from "../../../testkit/productRecords";

const SETUP = {
  appIds: [APP],
  stripeKeyType: "restricted" as const,
  stripeMode: "test" as const,
  webhookConfigured: true,
};

async function refuse(
  journal: ReturnType<typeof makeDeps>["journal"],
  recordId: string,
  times: number,
) {
  await journal.writeBacks.add(
    APP,
    recordId,
    { status: { value: "open" } },
    "kintone refused the values written (status): check the write-back fields of the mapping.",
    new Date(0),
  );
  for (let i = 0; i < times; i++) {
    await journal.writeBacks.recordFailure(APP, recordId, `refusal ${i + 1}`, new Date(0));
  }
}

describe("GET /v1/diagnostics › write-backs kintone keeps refusing", () => {
  it("reports an app whose write-backs were refused again and again, naming a record and kintone's reason", async () => {
    const { deps, journal } = makeDeps();
    await refuse(journal, "7", STUCK_WRITE_BACK_ATTEMPTS);
    await refuse(journal, "12", STUCK_WRITE_BACK_ATTEMPTS + 3);

    const report = await diagnose(deps, SETUP);

    const app = report.kintone.apps.find((a) => a.appId === APP);
    expect(app?.ok).toBe(false);
    expect(report.kintone.ok).toBe(false);
    expect(app?.problems).toEqual([
      expect.stringMatching(
        /^App 12: 2 records wait for a write-back kintone keeps refusing \(record 12: refusal \d+\);.*→ docs\/en\/troubleshooting\.md#kintone-write-back-stuck$/,
      ),
    ]);
  });

  it("stays quiet about write-backs refused only a few times (kintone busy for a moment)", async () => {
    const { deps, journal } = makeDeps();
    await refuse(journal, "7", STUCK_WRITE_BACK_ATTEMPTS - 1);

    const report = await diagnose(deps, SETUP);

    expect(report.kintone.apps).toEqual([{ appId: APP, ok: true, problems: [] }]);
  });
});
