import { ConcurrencyLimit, mapWithConcurrency } from "../ConcurrencyLimit";

/** Lets pending promise callbacks run (the limit hands a freed slot on in a callback). */
async function settle() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A task the test finishes by hand, and how many such tasks run right now. */
function controlledTasks() {
  const finishers = new Map<number, () => void>();
  let running = 0;
  let mostAtOnce = 0;
  const started: number[] = [];
  const task = (n: number) =>
    new Promise<number>((resolve) => {
      started.push(n);
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      finishers.set(n, () => {
        running--;
        resolve(n * 10);
      });
    });
  const finish = async (n: number) => {
    finishers.get(n)!();
    await settle();
  };
  return { task, finish, started, mostAtOnce: () => mostAtOnce };
}

describe("ConcurrencyLimit.run", () => {
  it("runs at most `size` tasks at once and starts the waiting ones in order", async () => {
    const limit = new ConcurrencyLimit(2);
    const tasks = controlledTasks();
    const results = [1, 2, 3, 4].map((n) => limit.run(() => tasks.task(n)));
    await settle();
    expect(tasks.started).toEqual([1, 2]);

    await tasks.finish(2);
    expect(tasks.started).toEqual([1, 2, 3]);
    await tasks.finish(1);
    await tasks.finish(3);
    await tasks.finish(4);

    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30, 40]);
    expect(tasks.mostAtOnce()).toBe(2);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await expect(limit.run(() => Promise.resolve("next"))).resolves.toBe("next");
  });
});

describe("mapWithConcurrency", () => {
  it("gives the results in the items' order, whatever order they finish in", async () => {
    const tasks = controlledTasks();
    const mapped = mapWithConcurrency([1, 2, 3], 3, (n) => tasks.task(n));
    await tasks.finish(3);
    await tasks.finish(1);
    await tasks.finish(2);
    await expect(mapped).resolves.toEqual([10, 20, 30]);
  });

  it("starts no more than the limit at once, and each item once with its index", async () => {
    const tasks = controlledTasks();
    const indexes: number[] = [];
    const mapped = mapWithConcurrency([5, 6, 7, 8, 9], 2, (n, index) => {
      indexes.push(index);
      return tasks.task(n);
    });
    await settle();
    expect(tasks.started).toEqual([5, 6]);
    for (const n of [5, 6, 7, 8, 9]) await tasks.finish(n);
    await expect(mapped).resolves.toEqual([50, 60, 70, 80, 90]);
    expect(indexes).toEqual([0, 1, 2, 3, 4]);
    expect(tasks.mostAtOnce()).toBe(2);
  });

  it("answers an empty list with an empty list", async () => {
    await expect(mapWithConcurrency([], 4, () => Promise.resolve(1))).resolves.toEqual([]);
  });
});
