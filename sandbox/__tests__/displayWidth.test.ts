import { displayWidth, padToWidth } from "../displayWidth";

describe("displayWidth", () => {
  it.each([
    ["kintone", 7],
    ["商品マスタ", 10],
    ["ｶﾅ", 2],
    ["ＡＢＣ", 6],
    ["한글", 4],
    ["é", 1],
    ["e\u0301", 1],
    ["", 0],
  ])("%p takes %p columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("pads to columns, not to characters", () => {
    expect(padToWidth("注文", 6)).toBe("注文  ");
    expect(padToWidth("toolong", 3)).toBe("toolong");
  });
});
