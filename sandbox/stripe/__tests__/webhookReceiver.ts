/** Test helper: a local HTTP endpoint that records the webhooks the emulator delivers to it. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Receiver {
  url: string;
  received: { body: string; signature: string }[];
  /** Status to answer for the next calls (then 200). */
  failures: number[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Receiver["received"] = [];
  const failures: number[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const status = failures.shift() ?? 200;
      if (status === 200) {
        received.push({
          body: Buffer.concat(chunks).toString("utf8"),
          signature: String(request.headers["stripe-signature"]),
        });
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/webhook`,
    received,
    failures,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One receiver for a test file: started before all its tests, emptied before each, closed after. */
export function useReceiver(): Receiver {
  const receiver = {} as Receiver;
  beforeAll(async () => {
    Object.assign(receiver, await startReceiver());
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.failures.length = 0;
  });
  afterAll(() => receiver.close());
  return receiver;
}
