/**
 * The period a record's subscription is billed at, for showing it (the record screen): read from
 * the mapping's constant or the record's field, without the engine's checks. Undefined when it
 * cannot be told (a template, a row's field, a value out of range).
 */
import type { Recurring } from "../api/proxyApi";
import type { MappingConfig, ValueRef } from "../mapping/MappingConfig";
import { parseInterval } from "./parseInterval";
import { MAX_INTERVAL_COUNT } from "./subscriptionLimits";

function simpleValue(ref: ValueRef, record: Record<string, unknown>): string | undefined {
  if ("const" in ref) return String(ref.const);
  if (!("field" in ref) || !Object.prototype.hasOwnProperty.call(record, ref.field))
    return undefined;
  const field = record[ref.field];
  const value =
    typeof field === "object" && field !== null ? (field as { value?: unknown }).value : undefined;
  return typeof value === "string" ? value : undefined;
}

export function recordPeriod(
  recurring: MappingConfig["lineItem"]["recurring"],
  record: Record<string, unknown>,
): Recurring | undefined {
  if (recurring === undefined) return undefined;
  const text = simpleValue(recurring.interval, record);
  const interval = text === undefined ? undefined : parseInterval(text);
  if (interval === undefined) return undefined;
  const countText = recurring.intervalCount
    ? simpleValue(recurring.intervalCount, record)?.trim()
    : "";
  if (countText === undefined) return undefined;
  const intervalCount = countText === "" ? 1 : Number(countText);
  const fits =
    Number.isInteger(intervalCount) &&
    intervalCount >= 1 &&
    intervalCount <= MAX_INTERVAL_COUNT[interval];
  return fits ? { interval, intervalCount } : undefined;
}
