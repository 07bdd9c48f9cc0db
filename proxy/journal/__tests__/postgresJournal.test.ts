/**
 * The journal's contract on PostgreSQL: a throwaway cluster for this file, a new database per
 * test. Without PostgreSQL's binaries the file fails, naming what to install: CI installs them.
 */
import { PostgresJournal } from "../../adapters/postgres/PostgresJournal";
import { startPostgres, type RunningPostgres } from "../../../testkit/startPostgres";
import { describeJournal } from "./journalContract";

let postgres: RunningPostgres | undefined;

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
});

describeJournal("PostgreSQL", async () => {
  if (!postgres) throw new Error("the PostgreSQL test cluster did not start");
  return PostgresJournal.open(await postgres.newDatabase());
});
