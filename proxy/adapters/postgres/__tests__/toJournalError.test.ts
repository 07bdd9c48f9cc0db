import { JournalUnavailableError } from "../../../errors/JournalUnavailableError";
import { toJournalError } from "../PostgresQueries";

const driverError = (code: string, message = "driver error") =>
  Object.assign(new Error(message), { code });

describe("toJournalError", () => {
  it.each([
    ["a refused connection", driverError("ECONNREFUSED")],
    ["a server shutting down (57P01)", driverError("57P01")],
    ["too many connections (53300)", driverError("53300")],
    ["a lost connection", new Error("Connection terminated unexpectedly")],
  ])("makes %s a JournalUnavailableError that may be retried", (_label, error) => {
    const mapped = toJournalError(error);
    expect(mapped).toBeInstanceOf(JournalUnavailableError);
    expect(mapped).toMatchObject({ code: "INTERNAL", status: 500, retryable: true, cause: error });
  });

  it("makes a refused statement one that may not be retried, naming none of it", () => {
    const error = driverError(
      "23505",
      'duplicate key value violates unique constraint "jobs_pkey"',
    );
    const mapped = toJournalError(error);
    expect(mapped).toMatchObject({ retryable: false, cause: error });
    expect(mapped.message).not.toContain("jobs_pkey");
  });
});
