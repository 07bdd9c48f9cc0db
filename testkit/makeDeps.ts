/**
 * The use cases' dependencies with in-memory fakes (gateway, record store, image normalizer) and a
 * real SQLite journal in memory, on a fixed clock unless the test passes its own.
 */
import { Coordination } from "../proxy/deps/Coordination";
import { ServerErrorKeys } from "../proxy/deps/ServerErrorKeys";
import type { UseCaseDeps } from "../proxy/deps/UseCaseDeps";
import { SqliteJournal } from "../proxy/adapters/sqlite/SqliteJournal";
import { RecordWriter } from "../proxy/writeback/RecordWriter";
import { fixedClock } from "./clocks";
import { FakeImageNormalizer } from "./FakeImageNormalizer";
import { FakePaymentGateway } from "./FakePaymentGateway";
import { FakeRecordStore } from "./FakeRecordStore";
import { silentLogger } from "./silentLogger";

export function makeDeps(now = fixedClock()) {
  const gateway = new FakePaymentGateway(now);
  const records = new FakeRecordStore();
  const journal = new SqliteJournal(":memory:");
  const imageNormalizer = new FakeImageNormalizer();
  const writer = new RecordWriter(records, journal, silentLogger, { now });
  const deps: UseCaseDeps = {
    gateway,
    records,
    journal,
    imageNormalizer,
    writer,
    logger: silentLogger,
    now,
    coordination: new Coordination(),
    serverErrorKeys: new ServerErrorKeys(),
    cacheScope: "test",
  };
  return { deps, gateway, records, journal, imageNormalizer, writer };
}
