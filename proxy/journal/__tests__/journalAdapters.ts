/**
 * The store suites run once per journal adapter, each test on a fresh, empty journal: an adapter
 * added here is held to the same contract as the others.
 */
import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import type { Journal } from "../Journal";

export const journalAdapters: { name: string; open: () => Journal }[] = [
  { name: "SQLite", open: () => new SqliteJournal(":memory:") },
];

/** Describes one store of the journal for every adapter; `store()` is the current test's. */
export function describeStore<Store>(
  title: string,
  pick: (journal: Journal) => Store,
  suite: (store: () => Store) => void,
): void {
  describe.each(journalAdapters)(`${title} ($name)`, ({ open }) => {
    let journal: Journal;
    beforeEach(() => {
      journal = open();
    });
    afterEach(() => journal.close());
    suite(() => pick(journal));
  });
}
