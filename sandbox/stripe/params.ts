/**
 * The one place where request parameters are checked, the way Stripe checks them
 * (https://docs.stripe.com/api/errors, https://docs.stripe.com/error-codes):
 * - a parameter the endpoint does not know → `parameter_unknown` "Received unknown parameter: x";
 * - an empty string is read as "unset": on create, or for a parameter that cannot be unset, it is
 *   `parameter_invalid_empty`;
 * - a missing required one → `parameter_missing` "Missing required param: x.";
 * - integers, booleans and enums are parsed from the form strings stripe-node sends.
 */
import { invalidParam } from "./StripeApiError";

export type ParamValue = string | ParamValue[] | { [key: string]: ParamValue };
export type ParamObject = { [key: string]: ParamValue };

/** "create": empty strings are errors; "update": empty strings unset what can be unset. */
export type ParamMode = "create" | "update";

export interface MetadataLimits {
  maxKeys: number;
  maxKeyLength: number;
  maxValueLength: number;
}
/** https://docs.stripe.com/metadata — 50 keys, key ≤ 40 characters, value ≤ 500 characters. */
export const METADATA_LIMITS: MetadataLimits = {
  maxKeys: 50,
  maxKeyLength: 40,
  maxValueLength: 500,
};

export const UNSET = Symbol("unset");
export type Unset = typeof UNSET;

function emptyStringError(param: string) {
  return invalidParam(
    param,
    `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
    "parameter_invalid_empty",
  );
}

export function missingParam(param: string) {
  return invalidParam(param, `Missing required param: ${param}.`, "parameter_missing");
}

function isObject(value: ParamValue | undefined): value is ParamObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class ParamReader {
  constructor(
    readonly raw: ParamObject,
    readonly mode: ParamMode = "create",
    readonly prefix = "",
  ) {}

  static from(raw: unknown, mode: ParamMode = "create"): ParamReader {
    return new ParamReader(isObject(raw as ParamValue) ? (raw as ParamObject) : {}, mode);
  }

  /** The full bracket name of a parameter, as Stripe names it in `param`. */
  name(key: string): string {
    return this.prefix ? `${this.prefix}[${key}]` : key;
  }

  has(key: string): boolean {
    return this.raw[key] !== undefined;
  }

  /** Refuses any parameter outside `allowed` (`expand` is allowed everywhere at top level). */
  allowOnly(allowed: readonly string[]): this {
    for (const key of Object.keys(this.raw)) {
      if (!allowed.includes(key) && !(this.prefix === "" && key === "expand")) {
        const param = this.name(key);
        throw invalidParam(param, `Received unknown parameter: ${param}`, "parameter_unknown");
      }
    }
    return this;
  }

  private scalar(key: string, required: boolean, unsettable: boolean): string | undefined | Unset {
    const value = this.raw[key];
    const param = this.name(key);
    if (value === undefined) {
      if (required) throw missingParam(param);
      return undefined;
    }
    if (typeof value !== "string") {
      throw invalidParam(param, `Invalid ${param}: must be a string`, "parameter_invalid_string");
    }
    if (value === "") {
      if (this.mode === "update" && unsettable && !required) return UNSET;
      throw emptyStringError(param);
    }
    return value;
  }

  string(
    key: string,
    options: { required?: boolean; maxLength?: number; unsettable?: boolean } = {},
  ): string | undefined | Unset {
    const value = this.scalar(key, options.required ?? false, options.unsettable ?? false);
    if (typeof value === "string" && options.maxLength !== undefined) {
      if ([...value].length > options.maxLength) {
        const param = this.name(key);
        throw invalidParam(
          param,
          `Invalid string: ${value.slice(0, 20)}...; must be at most ${options.maxLength} characters`,
          "string_length_exceeds_maximum",
        );
      }
    }
    return value;
  }

  /** A string that cannot be unset (on update an empty string is an error too). */
  requiredString(key: string, options: { maxLength?: number } = {}): string {
    return this.string(key, { ...options, required: true }) as string;
  }

  optionalString(key: string, options: { maxLength?: number } = {}): string | undefined {
    return this.string(key, options) as string | undefined;
  }

  integer(
    key: string,
    options: { required?: boolean; min?: number; max?: number } = {},
  ): number | undefined {
    const value = this.scalar(key, options.required ?? false, false) as string | undefined;
    if (value === undefined) return undefined;
    const param = this.name(key);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
      throw invalidParam(param, `Invalid integer: ${value}`, "parameter_invalid_integer");
    }
    const number = Number(value);
    if (options.min !== undefined && number < options.min) {
      throw invalidParam(
        param,
        `This value must be greater than or equal to ${options.min} (it currently is '${number}').`,
      );
    }
    if (options.max !== undefined && number > options.max) {
      throw invalidParam(
        param,
        `This value must be less than or equal to ${options.max} (it currently is '${number}').`,
      );
    }
    return number;
  }

  boolean(key: string, options: { required?: boolean } = {}): boolean | undefined {
    const value = this.scalar(key, options.required ?? false, false) as string | undefined;
    if (value === undefined) return undefined;
    if (value === "true") return true;
    if (value === "false") return false;
    throw invalidParam(this.name(key), `Invalid boolean: ${value}`);
  }

  enumOf<T extends string>(
    key: string,
    values: readonly T[],
    options: { required?: boolean } = {},
  ): T | undefined {
    const value = this.scalar(key, options.required ?? false, false) as string | undefined;
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      throw invalidParam(
        this.name(key),
        `Invalid ${this.name(key)}: must be one of ${values.join(", ")}`,
      );
    }
    return value as T;
  }

  /** A parameter that must not be an empty string; `undefined` when absent and not required. */
  private nonEmpty(
    key: string,
    required: boolean,
  ): { value: ParamValue; param: string } | undefined {
    const value = this.raw[key];
    const param = this.name(key);
    if (value === undefined) {
      if (required) throw missingParam(param);
      return undefined;
    }
    if (value === "") throw emptyStringError(param);
    return { value, param };
  }

  /** A nested hash, already checked for unknown keys. `undefined` when absent. */
  object(key: string, allowed: readonly string[], options: { required?: boolean } = {}) {
    const present = this.nonEmpty(key, options.required ?? false);
    if (present === undefined) return undefined;
    const { value, param } = present;
    if (!isObject(value)) {
      throw invalidParam(param, `Invalid object`, "parameter_invalid_object");
    }
    return new ParamReader(value, this.mode, param).allowOnly(allowed);
  }

  /** An array of hashes (`line_items[0][price]=…`). */
  objectArray(key: string, allowed: readonly string[], options: { required?: boolean } = {}) {
    const present = this.nonEmpty(key, options.required ?? false);
    if (present === undefined) return undefined;
    const { value, param } = present;
    const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
    if (items === null) throw invalidParam(param, `Invalid array`, "parameter_invalid_array");
    return items.map((item, index) => {
      const itemParam = `${param}[${index}]`;
      if (!isObject(item)) throw invalidParam(itemParam, `Invalid hash`);
      return new ParamReader(item, this.mode, itemParam).allowOnly(allowed);
    });
  }

  /** The `expand[]` paths asked for (none when absent). */
  expandPaths(): string[] {
    return (this.stringArray("expand") as string[] | undefined) ?? [];
  }

  /** An array of strings; on update an empty string unsets it (returns UNSET). */
  stringArray(
    key: string,
    options: { maxItems?: number; unsettable?: boolean } = {},
  ): string[] | undefined | Unset {
    const value = this.raw[key];
    const param = this.name(key);
    if (value === undefined) return undefined;
    if (value === "") {
      if (this.mode === "update" && options.unsettable) return UNSET;
      throw emptyStringError(param);
    }
    const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [value];
    const strings = items.map((item, index) => {
      if (typeof item !== "string") throw invalidParam(`${param}[${index}]`, `Invalid string`);
      if (item === "") throw emptyStringError(`${param}[${index}]`);
      return item;
    });
    if (options.maxItems !== undefined && strings.length > options.maxItems) {
      throw invalidParam(
        param,
        `Invalid array: ${param} must have at most ${options.maxItems} items (it currently has ${strings.length}).`,
      );
    }
    return strings;
  }

  /**
   * Metadata, with Stripe's limits. An empty value removes that key ("individual keys can be
   * unset by posting an empty value"); an empty string for the whole hash clears it on update
   * and is an error on create.
   */
  metadata(key = "metadata"): Record<string, string | null> | undefined | Unset {
    const value = this.raw[key];
    const param = this.name(key);
    if (value === undefined) return undefined;
    if (value === "") {
      if (this.mode === "update") return UNSET;
      throw emptyStringError(param);
    }
    if (!isObject(value)) throw invalidParam(param, `Invalid hash`, "parameter_invalid_object");
    const entries = Object.entries(value);
    if (entries.length > METADATA_LIMITS.maxKeys) {
      throw invalidParam(
        param,
        `Invalid metadata: metadata cannot have more than ${METADATA_LIMITS.maxKeys} keys.`,
      );
    }
    const result: Record<string, string | null> = {};
    for (const [metaKey, metaValue] of entries) {
      const metaParam = `${param}[${metaKey}]`;
      if ([...metaKey].length > METADATA_LIMITS.maxKeyLength) {
        throw invalidParam(
          metaParam,
          `Metadata keys can have a maximum length of ${METADATA_LIMITS.maxKeyLength} characters. The key '${metaKey.slice(0, 50)}' exceeds this limit.`,
        );
      }
      if (typeof metaValue !== "string") {
        throw invalidParam(metaParam, `Metadata values must be strings.`);
      }
      if ([...metaValue].length > METADATA_LIMITS.maxValueLength) {
        throw invalidParam(
          metaParam,
          `Metadata values can have a maximum length of ${METADATA_LIMITS.maxValueLength} characters. The value for key '${metaKey}' exceeds this limit.`,
        );
      }
      result[metaKey] = metaValue === "" ? null : metaValue;
    }
    return result;
  }
}

/** Applies a metadata change (null values remove keys) to the current metadata. */
export function mergeMetadata(
  current: Record<string, string>,
  change: Record<string, string | null> | undefined | Unset,
): Record<string, string> {
  if (change === undefined) return current;
  if (change === UNSET) return {};
  const next = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** Sets each value that was given (not undefined) on `target`: optional fields stay absent. */
export function assignGiven<T extends object>(
  target: T,
  values: { [K in keyof T]?: T[K] | undefined },
): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** "Not a valid URL" as Stripe answers for success_url, images[] and the like. */
export function checkUrl(param: string, value: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(value);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) {
    throw invalidParam(param, "Not a valid URL", "url_invalid");
  }
  return value;
}

export function checkEmail(param: string, value: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw invalidParam(param, `Invalid email address: ${value}`, "email_invalid");
  }
  return value;
}
