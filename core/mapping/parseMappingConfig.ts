/**
 * Reading a mapping: JSON text → a MappingConfig that passed the schema and the checks a schema
 * cannot express. The settings screen and the proxy both use it.
 */
import { MAX_AMOUNT, findCurrency } from "../money/currencies";
import { parseDecimal, toMinorUnits } from "../money/toMinorUnits";
import { mappingConfigSchema, type MappingConfig, type ValueRef } from "./MappingConfig";
import { duplicateLabelProblems } from "./statusLabels";

export interface MappingProblem {
  /** Dotted path into the mapping ("lineItem.image.index"), "" for the whole document. */
  path: string;
  message: string;
}

export type ParseMappingResult =
  { ok: true; mapping: MappingConfig } | { ok: false; problems: MappingProblem[] };

/** Same ceilings as the engine's (core/engine/limits.ts), restated to keep mapping/ free of engine/. */
const MAX_QUANTITY = 999_999;
const DEFAULT_ADJUSTABLE_MAXIMUM = 99;

export function parseMappingConfig(json: string): ParseMappingResult {
  if (typeof json !== "string") {
    return { ok: false, problems: [{ path: "", message: "the mapping must be a JSON string" }] };
  }
  let candidate: unknown;
  try {
    candidate = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: "", message: `not valid JSON: ${detail}` }] };
  }
  return validateMappingConfig(candidate);
}

/**
 * Mappings these checks passed, by identity. The engine is handed the one a route already checked
 * and parseMappingConfigOnce deep-froze: frozen, it cannot have changed, so checking it again would
 * only cost CPU. A mapping that is not frozen is always checked.
 */
const checkedMappings = new WeakSet<object>();

/** The same checks for a value that is already parsed; a mapping these checks passed, as it is. */
export function validateMappingConfig(candidate: unknown): ParseMappingResult {
  if (
    typeof candidate === "object" &&
    candidate !== null &&
    Object.isFrozen(candidate) &&
    checkedMappings.has(candidate)
  )
    return { ok: true, mapping: candidate as MappingConfig };
  const parsed = mappingConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join("."),
      message: issue.message,
    }));
    return { ok: false, problems };
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) return { ok: false, problems };
  checkedMappings.add(parsed.data);
  return { ok: true, mapping: parsed.data };
}

/**
 * What the schema cannot say: a constant currency Stripe does not know, constants that can never
 * make a valid line, `index` together with `all`, URL templates that stay invalid, and two
 * write-back targets sharing one field (the second write would overwrite the first).
 * Adjustable quantity with only one bound is allowed: Stripe fills the other (0 or 99).
 */
function crossFieldProblems(mapping: MappingConfig): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const { lineItem } = mapping;

  const constantCurrency =
    typeof mapping.currency === "string" ? findCurrency(mapping.currency) : undefined;
  if (typeof mapping.currency === "string" && !constantCurrency) {
    problems.push({
      path: "currency",
      message: `"${mapping.currency}" is not a currency Stripe supports`,
    });
  }

  if (lineItem.image?.all && lineItem.image.index !== undefined) {
    problems.push({
      path: "lineItem.image",
      message: "use either index (one file) or all (every image), not both",
    });
  }

  const price = constantText(lineItem.unitPrice);
  if (price !== undefined && constantCurrency) {
    const result = toMinorUnits(price, constantCurrency.code, lineItem.unitPriceIn ?? "major");
    const refusal = !result.ok
      ? result.error
      : result.amount > MAX_AMOUNT
        ? "above Stripe's 8-digit maximum"
        : result.amount % constantCurrency.step !== 0
          ? `Stripe takes ${constantCurrency.code.toUpperCase()} only in steps of ${constantCurrency.step} minor units`
          : undefined;
    if (refusal !== undefined) {
      problems.push({
        path: "lineItem.unitPrice.const",
        message: `"${price}" is not a valid price (${refusal})`,
      });
    }
  }

  const quantity = constantWholeNumber(lineItem.quantity, "lineItem.quantity.const", 1, problems);
  const min = constantWholeNumber(lineItem.minQuantity, "lineItem.minQuantity.const", 0, problems);
  const max = constantWholeNumber(lineItem.maxQuantity, "lineItem.maxQuantity.const", 0, problems);
  if (min !== undefined && max !== undefined && max < min) {
    problems.push({
      path: "lineItem.maxQuantity.const",
      message: `maximum ${max} is below minimum ${min}`,
    });
  }
  const effectiveMax = max ?? (min !== undefined ? DEFAULT_ADJUSTABLE_MAXIMUM : undefined);
  if (quantity !== undefined && effectiveMax !== undefined && quantity > effectiveMax) {
    problems.push({
      path: "lineItem.quantity.const",
      message: `quantity ${quantity} is above the maximum ${effectiveMax}`,
    });
  }
  if (quantity !== undefined && min !== undefined && quantity < min) {
    problems.push({
      path: "lineItem.quantity.const",
      message: `quantity ${quantity} is below the minimum ${min}`,
    });
  }

  for (const key of ["successUrl", "cancelUrl"] as const) {
    const template = mapping[key];
    if (template !== undefined && !isHttpUrl(template.replace(/\{\{[^{}]*\}\}/g, "x"))) {
      problems.push({ path: key, message: "must be an absolute http:// or https:// URL" });
    }
  }

  const seen = new Map<string, string>();
  const { customFields, ...namedTargets } = mapping.writeBack;
  const targets: [string, string | undefined][] = [
    ...Object.entries(namedTargets),
    ...Object.entries(customFields ?? {}).map(([key, field]): [string, string] => [
      `customFields.${key}`,
      field,
    ]),
  ];
  for (const [key, field] of targets) {
    if (field === undefined) continue;
    const earlier = seen.get(field);
    if (earlier) {
      problems.push({
        path: `writeBack.${key}`,
        message: `field "${field}" is already used by writeBack.${earlier}`,
      });
    } else {
      seen.set(field, key);
    }
  }
  problems.push(...duplicateLabelProblems(mapping.statusLabels));
  return problems;
}

function constantText(ref: ValueRef | undefined): string | undefined {
  return ref !== undefined && "const" in ref ? String(ref.const) : undefined;
}

function constantWholeNumber(
  ref: ValueRef | undefined,
  path: string,
  min: number,
  problems: MappingProblem[],
): number | undefined {
  const text = constantText(ref);
  if (text === undefined || text.trim() === "") return undefined;
  const parsed = parseDecimal(text);
  if (!parsed || parsed.negative || parsed.fractionDigits !== "") {
    problems.push({ path, message: `"${text}" is not a whole number` });
    return undefined;
  }
  const digits = parsed.integerDigits === "" ? "0" : parsed.integerDigits;
  if (digits.length > 7 || Number(digits) < min || Number(digits) > MAX_QUANTITY) {
    problems.push({ path, message: `must be between ${min} and ${MAX_QUANTITY}` });
    return undefined;
  }
  return Number(digits);
}

/**
 * An absolute http(s) URL with a host written out: WHATWG parsing alone would turn "https:///x"
 * into host "x". `URL` is a web-platform global (browsers and Node alike), so core/ stays pure.
 */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^/?#\s]+(?:[/?#]\S*)?$/i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
