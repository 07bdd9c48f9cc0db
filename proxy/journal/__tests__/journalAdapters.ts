/**
 * The store suites run once per journal adapter, each test on a fresh, empty journal: an adapter
 * added here is held to the same contract as the others.
 */
import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import type { Journal } from "../Journal";

export const journalAdapters: { name: string; open: () => Journal }[] = [
  { name: "SQLite", open: () => new SqliteJournal(":memory:") },
];

/**
 * Describes one store of the journal (`journal.sessions`, …) for every adapter. `suite` gets a
 * stand-in that forwards each call to that store of the current test's journal.
 */
export function describeStore<Name extends Exclude<keyof Journal, "close">>(
  name: Name,
  suite: (store: Journal[Name]) => void,
): void {
  describe.each(journalAdapters)(`journal.${name} ($name)`, ({ open }) => {
    let journal: Journal;
    beforeEach(() => {
      journal = open();
    });
    afterEach(() => journal.close());
    const current = new Proxy({} as Journal[Name], {
      get: (_standIn, method) => {
        const store = journal[name];
        return (Reflect.get(store, method) as (...args: unknown[]) => unknown).bind(store);
      },
    });
    suite(current);
  });
}
