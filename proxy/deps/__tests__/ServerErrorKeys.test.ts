import { ServerErrorKeys } from "../ServerErrorKeys";

describe("ServerErrorKeys", () => {
  it("calls a key's first 5xx the first, its second not, and then starts over", () => {
    const keys = new ServerErrorKeys();
    expect(keys.isFirst("k1")).toBe(true);
    expect(keys.isFirst("k2")).toBe(true);
    expect(keys.isFirst("k1")).toBe(false);
    expect(keys.isFirst("k1")).toBe(true);
  });

  it("keeps each proxy's keys apart", () => {
    const first = new ServerErrorKeys();
    const second = new ServerErrorKeys();
    expect(first.isFirst("k")).toBe(true);
    expect(second.isFirst("k")).toBe(true);
  });
});
