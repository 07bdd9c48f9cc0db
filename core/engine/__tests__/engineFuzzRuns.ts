/**
 * Runs per fuzz property of the engine (buildCheckoutPlan.fuzz.test.ts), in a module of their own
 * so the documentation's summary (docs/en/quality.md) can read them without running the suite.
 */
export const ENGINE_FUZZ_RUNS = {
  hostileFieldCodesAreReadAsOwnFields: 300,
  missingHostileFieldIsNamed: 200,
  placeholdersInValuesAreNotExpanded: 300,
  richTextHtmlBecomesPlainText: 300,
  anyValueInEveryMappedField: 400,
  everyPlannedTextIsWellFormed: 300,
} as const;
