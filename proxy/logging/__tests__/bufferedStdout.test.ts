import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitFor } from "../../../testkit/waitFor";
import { bufferedStdout } from "../bufferedStdout";

let dir: string;
let file: string;
let fd: number;

beforeEach(() => {
  // Only the flush interval is faked: the file writes and waitFor run on real time.
  jest.useFakeTimers({ doNotFake: ["setTimeout", "clearTimeout", "setImmediate", "nextTick"] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "buffered-stdout-"));
  file = path.join(dir, "log");
  fd = fs.openSync(file, "w");
});

afterEach(() => {
  jest.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const written = () => fs.readFileSync(file, "utf8");

describe("bufferedStdout", () => {
  it("holds short lines back and writes them together once the second is over", async () => {
    const destination = bufferedStdout(fd);
    destination.write('{"msg":"one"}\n');
    destination.write('{"msg":"two"}\n');
    expect(written()).toBe("");

    jest.advanceTimersByTime(1000);

    await waitFor(() => written() === '{"msg":"one"}\n{"msg":"two"}\n');
  });

  it("writes a full 4 KB block at once, without waiting for the second", async () => {
    const destination = bufferedStdout(fd);
    const line = `${JSON.stringify({ msg: "x".repeat(1000) })}\n`;
    for (let i = 0; i < 5; i++) destination.write(line);

    await waitFor(() => written().length === 5 * line.length);
  });
});
