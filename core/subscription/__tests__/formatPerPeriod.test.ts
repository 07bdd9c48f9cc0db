import { formatPerPeriod, type PeriodWords } from "../formatPerPeriod";

const en: PeriodWords = {
  one: { day: "day", week: "week", month: "month", year: "year" },
  many: {
    day: "{count} days",
    week: "{count} weeks",
    month: "{count} months",
    year: "{count} years",
  },
  perPeriod: "{amount} / {period}",
};
const ja: PeriodWords = {
  one: { day: "日", week: "週", month: "月", year: "年" },
  many: { day: "{count}日", week: "{count}週", month: "{count}か月", year: "{count}年" },
  perPeriod: "{amount} / {period}",
};

describe("formatPerPeriod", () => {
  it("says a monthly amount per month, and every 3 months in the plural", () => {
    expect(formatPerPeriod("¥5,000", { interval: "month", intervalCount: 1 }, en)).toBe(
      "¥5,000 / month",
    );
    expect(formatPerPeriod("¥5,000", { interval: "month", intervalCount: 3 }, en)).toBe(
      "¥5,000 / 3 months",
    );
    expect(formatPerPeriod("$9.99", { interval: "week", intervalCount: 2 }, en)).toBe(
      "$9.99 / 2 weeks",
    );
  });

  it("says it in Japanese: 「¥5,000 / 月」「¥5,000 / 3か月」", () => {
    expect(formatPerPeriod("¥5,000", { interval: "month", intervalCount: 1 }, ja)).toBe(
      "¥5,000 / 月",
    );
    expect(formatPerPeriod("¥5,000", { interval: "month", intervalCount: 3 }, ja)).toBe(
      "¥5,000 / 3か月",
    );
    expect(formatPerPeriod("¥60,000", { interval: "year", intervalCount: 1 }, ja)).toBe(
      "¥60,000 / 年",
    );
  });

  it("fills the template once, whatever the amount holds", () => {
    expect(formatPerPeriod("{period}", { interval: "day", intervalCount: 1 }, en)).toBe(
      "{period} / day",
    );
  });
});
