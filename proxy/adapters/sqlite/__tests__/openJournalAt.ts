/**
 * Opens a journal in its own process at a given moment, for the test of two proxies starting on
 * one DATA_DIR at once: `tsx openJournalAt.ts <file> <epoch ms>`; prints "opened" or the error.
 */
import { SqliteJournal } from "../SqliteJournal";

const [file, at] = process.argv.slice(2);
setTimeout(
  () => {
    try {
      new SqliteJournal(file as string);
      process.stdout.write("opened\n");
    } catch (error) {
      process.stdout.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  },
  Math.max(0, Number(at) - Date.now()),
);
