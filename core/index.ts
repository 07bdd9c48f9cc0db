/** The public API of core/: mapping schema and parsing, money, and the line-item engine. */
export {
  mappingConfigSchema,
  valueRefSchema,
  STRIPE_CHECKOUT_LOCALES,
  DEFAULT_EXPIRES_AFTER_MINUTES,
  type MappingConfig,
  type ValueRef,
} from "./mapping/MappingConfig";
export {
  parseMappingConfig,
  validateMappingConfig,
  type MappingProblem,
  type ParseMappingResult,
} from "./mapping/parseMappingConfig";
export { STRIPE_CURRENCIES, MAX_AMOUNT, findCurrency, type CurrencyRule } from "./money/currencies";
export {
  toMinorUnits,
  formatMinorUnits,
  parseDecimal,
  type MinorUnitsResult,
  type MoneyError,
  type ParsedDecimal,
} from "./money/toMinorUnits";
export { buildCheckoutPlan } from "./engine/buildCheckoutPlan";
export type {
  CheckoutPlan,
  PlannedSession,
  PlannedLineItem,
  Issue,
  IssueCode,
} from "./engine/CheckoutPlan";
export { issueMessages, type LocalizedMessage } from "./engine/issueMessages";
export { richTextToPlain } from "./engine/richTextToPlain";
export { fieldToText, TEXT_FIELD_TYPES } from "./engine/fieldToText";
export { isProductImage } from "./engine/selectImages";
export * as limits from "./engine/limits";
export type * from "./kintone/KintoneRecord";
export * from "./api/proxyApi";
export {
  computeTaxes,
  type SessionTax,
  type TaxBehavior,
  type TaxPerRate,
} from "./tax/computeTaxes";
export { parseTaxPercent, TAX_PERCENTS, type TaxPercent } from "./tax/taxPercent";
export { isRegistrationNumber, registrationNumberProblems } from "./tax/registrationNumber";
