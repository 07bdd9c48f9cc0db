import { SqliteJournal } from "../../adapters/sqlite/SqliteJournal";
import { describeJournal } from "./journalContract";

describeJournal("SQLite", async () => new SqliteJournal(":memory:"));
