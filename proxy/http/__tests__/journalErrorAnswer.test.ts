/**
 * A journal database that fails a call: the caller gets a 500 INTERNAL whose message says so and
 * names nothing of the database; the database's own error goes to the log.
 */
import type { AddressInfo } from "node:net";
import type http from "node:http";
import express from "express";
import type { Logger } from "pino";
import { JournalUnavailableError } from "../../errors/JournalUnavailableError";
import { errorHandler } from "../errorHandler";

describe("an error of the journal's database", () => {
  it("answers 500 INTERNAL with a safe message and logs the database's error", async () => {
    const driverError = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), {
      code: "ECONNREFUSED",
    });
    const logged: unknown[][] = [];
    const logger = {
      error: (...args: unknown[]) => logged.push(args),
      warn: () => undefined,
    } as unknown as Logger;
    const app = express();
    app.get("/fails", () => {
      throw new JournalUnavailableError("The proxy's journal database cannot be reached.", {
        retryable: true,
        cause: driverError,
      });
    });
    app.use(errorHandler(logger));
    const server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/fails`);
      expect(answer.status).toBe(500);
      const body = await answer.text();
      expect(JSON.parse(body)).toEqual({
        error: {
          code: "INTERNAL",
          message: "The proxy's journal database cannot be reached.",
          details: [],
        },
      });
      expect(body).not.toContain("10.0.0.5");
      expect(logged).toEqual([
        [{ err: driverError, path: "/fails" }, "The proxy's journal database cannot be reached."],
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
