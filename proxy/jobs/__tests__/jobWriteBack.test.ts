import type { MappingConfig } from "../../../core/mapping/MappingConfig";
import { ordersMapping } from "../../../testkit/ordersMapping";
import type { UseCaseDeps } from "../../deps/UseCaseDeps";
import { JobWriteBack } from "../JobWriteBack";

/** A journal whose `markItemsWrittenBack` fails once, as while its database restarts. */
function depsWithJournalOutage() {
  const written: string[][] = [];
  const errors: string[] = [];
  let outage = true;
  const deps = {
    writer: {
      write: async (_appId: string, writes: { recordId: string }[]) => {
        written.push(writes.map((write) => write.recordId));
      },
    },
    logger: { error: (_fields: unknown, message: string) => errors.push(message) },
    journal: {
      sessions: {
        get: async (sessionId: string) => ({
          id: sessionId,
          url: `https://checkout.example/${sessionId}`,
          status: "open",
          paymentStatus: "unpaid",
          expiresAt: new Date(0),
          amountTotal: 5000,
          currency: "jpy",
          paidAt: null,
          customerEmail: null,
        }),
        latestIdForRecord: async (_appId: string, recordId: string) => `cs_${recordId}`,
      },
      jobs: {
        markItemsWrittenBack: async () => {
          if (outage) {
            outage = false;
            throw new Error("connection terminated");
          }
        },
      },
    },
  } as unknown as UseCaseDeps;
  return { deps, written, errors };
}

const mapping = ordersMapping() as MappingConfig;

describe("JobWriteBack", () => {
  it("keeps writing later batches after the journal failed to mark one written", async () => {
    const { deps, written, errors } = depsWithJournalOutage();
    const writeBack = new JobWriteBack(deps, { jobId: "job_1", appId: "12", mapping }, 60_000);
    writeBack.add({ recordId: "1", sessionId: "cs_1" });
    await expect(writeBack.flush()).resolves.toBeUndefined();
    writeBack.add({ recordId: "2", sessionId: "cs_2" });
    await writeBack.close();
    expect(written).toEqual([["1"], ["2"]]);
    expect(errors).toEqual(["job write-back not marked"]);
  });
});
