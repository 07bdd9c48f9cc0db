import { ordersMappingJson } from "../../../testkit/ordersMapping";
import { mappingConfigSchema } from "../MappingConfig";
import { parseMappingConfig, validateMappingConfig } from "../parseMappingConfig";
import { parseMappingConfigOnce, REMEMBERED_MAPPINGS } from "../parseMappingConfigOnce";

describe("parseMappingConfigOnce", () => {
  it("answers what parseMappingConfig answers, for a valid and an invalid mapping", () => {
    const valid = ordersMappingJson();
    const invalid = ordersMappingJson({ currency: "XXX" });
    expect(parseMappingConfigOnce(valid)).toEqual(parseMappingConfig(valid));
    expect(parseMappingConfigOnce(invalid)).toEqual(parseMappingConfig(invalid));
    expect(parseMappingConfigOnce("{")).toEqual(parseMappingConfig("{"));
  });

  it("gives the same answer for the same text, without parsing it again", () => {
    const json = ordersMappingJson({ currency: "USD" });
    expect(parseMappingConfigOnce(json)).toBe(parseMappingConfigOnce(json));
  });

  it("parses a text that differs by one character on its own", () => {
    const first = parseMappingConfigOnce(ordersMappingJson({ currency: "JPY" }));
    const second = parseMappingConfigOnce(ordersMappingJson({ currency: "EUR" }));
    expect(first.ok && first.mapping.currency).toBe("JPY");
    expect(second.ok && second.mapping.currency).toBe("EUR");
  });

  it("freezes the shared answer, so that no caller can change it for the next one", () => {
    const result = parseMappingConfigOnce(ordersMappingJson());
    if (!result.ok) throw new Error("expected a valid mapping");
    expect(Object.isFrozen(result.mapping)).toBe(true);
    expect(Object.isFrozen(result.mapping.lineItem)).toBe(true);
  });

  it("keeps a bounded number of texts, dropping the least recently used", () => {
    const texts = Array.from({ length: REMEMBERED_MAPPINGS + 1 }, (_, i) =>
      ordersMappingJson({ successUrl: `https://shop.example.com/thanks/${i}` }),
    );
    const first = parseMappingConfigOnce(texts[0]!);
    const second = parseMappingConfigOnce(texts[1]!);
    parseMappingConfigOnce(texts[0]!); // used again: now the most recent
    for (const text of texts.slice(2)) parseMappingConfigOnce(text);
    expect(parseMappingConfigOnce(texts[0]!)).toBe(first);
    expect(parseMappingConfigOnce(texts[1]!)).not.toBe(second);
  });
});

describe("validateMappingConfig on a mapping already checked", () => {
  const schemaChecks = () => {
    const spy = jest.spyOn(mappingConfigSchema, "safeParse");
    return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
  };

  it("passes the frozen mapping parseMappingConfigOnce gave without checking it again", () => {
    const result = parseMappingConfigOnce(ordersMappingJson({ currency: "GBP" }));
    if (!result.ok) throw new Error("expected a valid mapping");
    const checks = schemaChecks();
    try {
      expect(validateMappingConfig(result.mapping)).toEqual({ ok: true, mapping: result.mapping });
      expect(checks.count()).toBe(0);
    } finally {
      checks.restore();
    }
  });

  it("checks again a mapping that is not frozen, so a change made since is found", () => {
    const result = parseMappingConfig(ordersMappingJson());
    if (!result.ok) throw new Error("expected a valid mapping");
    (result.mapping as { currency: unknown }).currency = "XXX";
    const again = validateMappingConfig(result.mapping);
    expect(again.ok).toBe(false);
  });
});
