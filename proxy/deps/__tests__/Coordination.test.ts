import { Coordination } from "../Coordination";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("Coordination", () => {
  it("gives concurrent callers of one key one shared run", async () => {
    const coordination = new Coordination();
    let runs = 0;
    const task = async () => {
      runs++;
      await tick();
      return runs;
    };
    const results = await Promise.all([
      coordination.singleFlight("k", task),
      coordination.singleFlight("k", task),
    ]);
    expect(results).toEqual([1, 1]);
    expect(await coordination.singleFlight("k", task)).toBe(2); // a later call runs again
  });

  it("lets holders of overlapping keys take turns, and others run alongside", async () => {
    const coordination = new Coordination();
    const log: string[] = [];
    const job = (name: string, keys: string[]) =>
      coordination.withLocks(keys, async () => {
        log.push(`${name}:start`);
        await tick();
        log.push(`${name}:end`);
      });
    await Promise.all([job("a", ["1", "2"]), job("b", ["2", "1"]), job("c", ["3"])]);
    expect(log.indexOf("b:start")).toBeGreaterThan(log.indexOf("a:end"));
    expect(log.indexOf("c:start")).toBeLessThan(log.indexOf("a:end"));
  });

  it("releases a lock when its holder fails", async () => {
    const coordination = new Coordination();
    await expect(
      coordination.withLocks(["x"], async () => Promise.reject(new Error("no"))),
    ).rejects.toThrow("no");
    await expect(coordination.withLocks(["x"], async () => "next")).resolves.toBe("next");
  });
});
