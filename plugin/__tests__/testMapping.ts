import type { MappingConfig } from "../../core/mapping/MappingConfig";
import { mapping } from "../../core/engine/__tests__/kintoneFixtures";

/**
 * A small valid mapping for the plugin's tests: one line item per record from its `name` and
 * `price` fields, the link and its state written back to `sid`, `link` and `state`.
 */
export function testMapping(overrides: Partial<MappingConfig> = {}): MappingConfig {
  return mapping({
    grouping: "perRecord",
    currency: "JPY",
    successUrl: "https://example.com/done",
    writeBack: { sessionId: "sid", url: "link", status: "state" },
    ...overrides,
  });
}
