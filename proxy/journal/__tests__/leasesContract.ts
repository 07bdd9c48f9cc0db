import { storeContract } from "./storeContract";
import { aJob } from "./journalFixtures";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 0, minute));

export const jobLeasesContract = storeContract("jobs", (jobs) => {
  describe("claims in slices with leases", () => {
    beforeEach(async () => {
      await jobs.create(
        aJob("job_l"),
        ["1", "2", "3", "4", "5"].map((recordId) => ({ recordId })),
      );
    });

    it("gives each pending item to one proxy at a time, in order", async () => {
      const a = await jobs.claimItems("job_l", "proxy-a", at(0), at(1), 2);
      const b = await jobs.claimItems("job_l", "proxy-b", at(0), at(1), 2);
      expect(a.map((i) => i.recordId)).toEqual(["1", "2"]);
      expect(b.map((i) => i.recordId)).toEqual(["3", "4"]);
      expect(a[0]).toMatchObject({ jobId: "job_l", state: "pending", sessionId: null });
      expect(Object.keys(a[0] ?? {}).sort()).toEqual(
        ["error", "jobId", "recordId", "revision", "sessionId", "state", "writtenBack"].sort(),
      );
      expect(
        (await jobs.claimItems("job_l", "proxy-c", at(0), at(1), 5)).map((i) => i.recordId),
      ).toEqual(["5"]);
      expect(await jobs.claimItems("job_l", "proxy-d", at(0), at(1), 5)).toEqual([]);
    });

    it("hands an expired lease's items to another proxy, but not a renewed one's", async () => {
      await jobs.claimItems("job_l", "proxy-a", at(0), at(1), 2);
      await jobs.claimItems("job_l", "proxy-b", at(0), at(1), 2);
      expect(await jobs.renewClaims("job_l", "proxy-b", at(3))).toBe(2);
      const taken = await jobs.claimItems("job_l", "proxy-c", at(2), at(3), 10);
      expect(taken.map((i) => i.recordId)).toEqual(["1", "2", "5"]);
    });

    it("never hands out a finished item, and a renewal counts only pending ones", async () => {
      await jobs.claimItems("job_l", "proxy-a", at(0), at(1), 2);
      await jobs.finishItem("job_l", "1", { sessionId: "cs_1" });
      await jobs.finishItem("job_l", "2", { code: "X", message: "no" });
      expect(await jobs.renewClaims("job_l", "proxy-a", at(5))).toBe(0);
      const later = await jobs.claimItems("job_l", "proxy-b", at(9), at(10), 10);
      expect(later.map((i) => i.recordId)).toEqual(["3", "4", "5"]);
    });

    it("claims ahead: a proxy's next slice holds none of the items it already claimed", async () => {
      await jobs.claimItems("job_l", "proxy-a", at(0), at(1), 2);
      const next = await jobs.claimItems("job_l", "proxy-a", at(0), at(1), 2);
      expect(next.map((i) => i.recordId)).toEqual(["3", "4"]);
    });

    it("gives a stopping proxy's items back at once", async () => {
      await jobs.claimItems("job_l", "proxy-a", at(0), at(1), 3);
      await jobs.releaseClaims("job_l", "proxy-a");
      const b = await jobs.claimItems("job_l", "proxy-b", at(0), at(1), 2);
      expect(b.map((i) => i.recordId)).toEqual(["1", "2"]);
    });
  });
});

export const writeBackLeasesContract = storeContract("writeBacks", (writeBacks) => {
  describe("claims with leases", () => {
    beforeEach(async () => {
      await writeBacks.add("12", "1", { url: { value: "u1" } }, "down", at(0));
      await writeBacks.add("12", "2", { url: { value: "u2" } }, "down", at(0));
      await writeBacks.add("12", "3", { url: { value: "u3" } }, "down", at(30));
    });

    it("gives each due write-back to one proxy at a time", async () => {
      const a = await writeBacks.claimDue(at(0), 1, "proxy-a", at(1));
      const b = await writeBacks.claimDue(at(0), 10, "proxy-b", at(1));
      expect(a).toEqual([
        expect.objectContaining({ appId: "12", recordId: "1", fields: { url: { value: "u1" } } }),
      ]);
      expect(b.map((w) => w.recordId)).toEqual(["2"]);
      expect(await writeBacks.claimDue(at(0), 10, "proxy-c", at(1))).toEqual([]);
      // Claimed is not lost: the rows are still owed.
      expect(await writeBacks.count()).toBe(3);
    });

    it("hands a dead proxy's claims to another once the lease runs out", async () => {
      await writeBacks.claimDue(at(0), 10, "proxy-a", at(1));
      const later = await writeBacks.claimDue(at(2), 10, "proxy-b", at(3));
      expect(later.map((w) => w.recordId)).toEqual(["1", "2"]);
    });

    it("gives a proxy restarted under the same name its own claims back at once", async () => {
      await writeBacks.claimDue(at(0), 1, "proxy-a", at(1));
      const again = await writeBacks.claimDue(at(0), 10, "proxy-a", at(1));
      expect(again.map((w) => w.recordId)).toEqual(["1", "2"]);
      expect(await writeBacks.claimDue(at(0), 10, "proxy-b", at(1))).toEqual([]);
    });

    it("puts a failed write-back back, claimable at its next attempt time", async () => {
      await writeBacks.claimDue(at(0), 10, "proxy-a", at(20));
      await writeBacks.recordFailure("12", "1", "still down", at(5));
      expect(await writeBacks.claimDue(at(4), 10, "proxy-b", at(25))).toEqual([]);
      expect(await writeBacks.claimDue(at(5), 10, "proxy-b", at(25))).toEqual([
        expect.objectContaining({ recordId: "1", attempts: 1, lastError: "still down" }),
      ]);
    });

    it("claims write-backs not yet due when asked to look further", async () => {
      const all = await writeBacks.claimDue(at(0), 10, "proxy-a", at(1), at(60));
      expect(all.map((w) => w.recordId)).toEqual(["1", "2", "3"]);
    });
  });
});
