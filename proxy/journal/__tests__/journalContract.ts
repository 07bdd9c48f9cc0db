/**
 * The journal's contract: the same tests for every adapter, each on a fresh, empty journal. An
 * adapter's test file runs `describeJournal(name, open)`; an adapter added is held to the same
 * contract as the others.
 */
import type { Journal } from "../Journal";
import { catalogueContract } from "./catalogueContract";
import { checkoutIntentsContract } from "./checkoutIntentsContract";
import { jobsContract } from "./jobsContract";
import { jobLeasesContract, writeBackLeasesContract } from "./leasesContract";
import { sessionsContract } from "./sessionsContract";
import { stripeEventsContract } from "./stripeEventsContract";
import { writeBacksContract } from "./writeBacksContract";

const STORE_CONTRACTS = [
  sessionsContract,
  checkoutIntentsContract,
  writeBacksContract,
  catalogueContract,
  jobsContract,
  stripeEventsContract,
  jobLeasesContract,
  writeBackLeasesContract,
];

/** `open` makes a fresh, empty journal; it is closed after each test. */
export function describeJournal(name: string, open: () => Promise<Journal>): void {
  describe(`the journal (${name})`, () => {
    let journal: Journal | undefined;
    beforeEach(async () => {
      journal = await open();
    });
    afterEach(async () => {
      await journal?.close();
      journal = undefined;
    });
    const current = () => {
      if (!journal) throw new Error("no journal is open outside a test");
      return journal;
    };
    for (const contract of STORE_CONTRACTS) contract(current);
  });
}
