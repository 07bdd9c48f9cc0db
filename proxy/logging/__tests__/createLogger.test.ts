import { Writable } from "node:stream";
import { createLogger } from "../createLogger";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}

describe("createLogger", () => {
  it("writes JSON lines and redacts authorization headers, tokens and keys", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: {
          headers: {
            authorization: "Bearer topsecret-proxy",
            "x-cybozu-api-token": "kintone-token",
          },
        },
        config: {
          stripeApiKey: "rk_test_secretkey",
          proxySecret: "p".repeat(32),
          kintoneApiTokens: { "1": "t" },
        },
        apiKey: "sk_live_top",
      },
      "hello",
    );
    const text = lines.join("");
    expect(JSON.parse(text)).toMatchObject({ msg: "hello", level: 30 });
    for (const secret of [
      "topsecret-proxy",
      "kintone-token",
      "rk_test_secretkey",
      "p".repeat(32),
      "sk_live_top",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
