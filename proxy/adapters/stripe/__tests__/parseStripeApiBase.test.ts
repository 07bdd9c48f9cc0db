import { parseStripeApiBase } from "../parseStripeApiBase";

describe("parseStripeApiBase", () => {
  it("splits a local emulator's address into the SDK's host, port and protocol", () => {
    expect(parseStripeApiBase("http://localhost:12111")).toEqual({
      host: "localhost",
      port: 12111,
      protocol: "http",
    });
  });

  it("uses the protocol's default port when none is given", () => {
    expect(parseStripeApiBase("https://stripe.internal.example")).toEqual({
      host: "stripe.internal.example",
      port: 443,
      protocol: "https",
    });
  });

  it("refuses what the SDK cannot honour", () => {
    expect(() => parseStripeApiBase("localhost:12111")).toThrow(/http or https/);
    expect(() => parseStripeApiBase("not a url")).toThrow(/not a URL/);
    expect(() => parseStripeApiBase("http://localhost:12111/stripe")).toThrow(/path/);
  });
});
