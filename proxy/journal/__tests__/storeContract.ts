import type { Journal } from "../Journal";

/** The tests of one store, given the current test's journal: `describeJournal` runs them. */
export type StoreContract = (journal: () => Journal) => void;

/**
 * One store's tests (`journal.sessions`, …) as a part of the journal's contract. `suite` gets a
 * stand-in that forwards each call to that store of the current test's journal.
 */
export function storeContract<Name extends Exclude<keyof Journal, "close">>(
  name: Name,
  suite: (store: Journal[Name]) => void,
): StoreContract {
  return (journal) =>
    describe(`journal.${name}`, () => {
      const current = new Proxy({} as Journal[Name], {
        get: (_standIn, method) => {
          const store = journal()[name];
          return (Reflect.get(store, method) as (...args: unknown[]) => unknown).bind(store);
        },
      });
      suite(current);
    });
}
