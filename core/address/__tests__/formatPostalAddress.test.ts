import { TOKYO_ADDRESS, tokyoAddressText } from "../../../testkit/buyerAddresses";
import { formatPostalAddress, joinJapanese } from "../formatPostalAddress";

describe("formatPostalAddress", () => {
  describe("a Japanese address", () => {
    it("starts with 〒 and the postal code, runs prefecture, city and line1 together, then line2 and the name", () => {
      const text = formatPostalAddress(TOKYO_ADDRESS, "山田 太郎");
      expect(text).toBe(tokyoAddressText("山田 太郎"));
    });

    it("writes a seven-digit postal code with its hyphen", () => {
      expect(formatPostalAddress({ country: "JP", postalCode: "1500002", state: "東京都" })).toBe(
        "〒150-0002\n東京都",
      );
    });

    it("leaves out parts it was not given, and keeps spaces between romanised parts", () => {
      const text = formatPostalAddress({
        country: "jp",
        state: "Tokyo",
        city: "Chiyoda-ku",
        line1: "1-1 Chiyoda",
      });
      expect(text).toBe("Tokyo Chiyoda-ku 1-1 Chiyoda");
    });
  });

  it("writes a US address name first, then the street, city, state and ZIP, then the country", () => {
    const text = formatPostalAddress(
      {
        country: "US",
        line1: "123 Main St",
        line2: "Apt 4",
        city: "Springfield",
        state: "IL",
        postalCode: "62701",
      },
      "Jane Doe",
    );
    expect(text).toBe("Jane Doe\n123 Main St\nApt 4\nSpringfield, IL 62701\nUNITED STATES");
  });

  it("writes a British address with the town and the postcode on lines of their own", () => {
    const text = formatPostalAddress(
      { country: "GB", line1: "10 Downing Street", city: "London", postalCode: "SW1A 2AA" },
      "John Smith",
    );
    expect(text).toBe("John Smith\n10 Downing Street\nLondon\nSW1A 2AA\nUNITED KINGDOM");
  });

  it.each([
    [
      "puts the postal code before the city in Germany",
      { country: "DE", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117" },
      "Unter den Linden 1\n10117 Berlin\nGERMANY",
    ],
    [
      "writes a country it has no rule for in the generic order: city and postal code on one line",
      { country: "SG", line1: "1 Raffles Place", city: "Singapore", postalCode: "048616" },
      "1 Raffles Place\nSingapore 048616\nSINGAPORE",
    ],
    [
      "writes the Italian province's code after the town",
      { country: "IT", line1: "Via Roma 1", city: "Milano", state: "MI", postalCode: "20121" },
      "Via Roma 1\n20121 Milano MI\nITALY",
    ],
    [
      "leaves the country line out when the address names no country",
      { line1: "1 Main St", city: "Springfield", postalCode: "62701" },
      "1 Main St\nSpringfield 62701",
    ],
  ])("%s", (_behaviour, address, expected) => {
    expect(formatPostalAddress(address)).toBe(expected);
  });

  it("gives an empty text for an address without any part, even with a name and a country", () => {
    expect(formatPostalAddress({ country: "US", line1: " ", city: null }, "Jane")).toBe("");
  });
});

describe("joinJapanese", () => {
  it("adds a space only next to a Latin letter", () => {
    expect(joinJapanese(["大阪府", "大阪市北区", "梅田1-2-3"])).toBe("大阪府大阪市北区梅田1-2-3");
    expect(joinJapanese(["東京都", "Shibuya", "", "渋谷2-1"])).toBe("東京都 Shibuya 渋谷2-1");
  });
});
