import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "../migrations";
import { SqliteJournal } from "../SqliteJournal";

/** The journal file of a proxy from before sessions kept their refunds and disputes. */
function journalBeforeMoneyColumns(file: string): void {
  const db = new Database(file);
  // Found by what it adds: later migrations follow it.
  const before = MIGRATIONS.findIndex((sql) => sql.includes("ADD COLUMN amount_refunded"));
  for (const sql of MIGRATIONS.slice(0, before)) db.exec(sql);
  db.pragma(`user_version = ${before}`);
  const insert = db.prepare(
    `INSERT INTO sessions (session_id, app_id, record_ids, mapping_json, status, payment_status,
       url, currency, amount_total, customer_email, expires_at, created_at, paid_at)
     VALUES (?, '12', '["1"]', '{}', 'complete', ?, NULL, 'jpy', 500, NULL, 0, 0, 0)`,
  );
  insert.run("cs_refunded", "refunded");
  insert.run("cs_partly", "partially_refunded");
  insert.run("cs_paid", "paid");
  db.prepare(
    `INSERT INTO payment_intent_sessions (payment_intent_id, session_id) VALUES ('pi_1', 'cs_paid')`,
  ).run();
  db.close();
}

describe("SqliteJournal › a journal made before sessions kept their refunds and disputes", () => {
  it("keeps working: its sessions know what their status said of refunds, and their payment intent", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-money-"));
    try {
      const file = path.join(dir, "journal.sqlite");
      journalBeforeMoneyColumns(file);
      const journal = new SqliteJournal(file);
      expect(await journal.sessions.get("cs_refunded")).toMatchObject({
        paymentStatus: "refunded",
        refund: "full",
        amountRefunded: 500,
        dispute: "none",
      });
      expect(await journal.sessions.get("cs_partly")).toMatchObject({ refund: "partial" });
      expect(await journal.sessions.get("cs_paid")).toMatchObject({
        refund: "none",
        paymentIntentId: "pi_1",
        recoveryUrl: null,
      });
      await journal.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
