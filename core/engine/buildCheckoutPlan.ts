/**
 * kintone records + mapping → the checkout sessions to create, or every issue that stops them.
 * Pure and total: whatever the input (records of the wrong shape, a mapping that skipped
 * validation), it returns a plan and never throws. Any issue anywhere means no session at all
 * (the proxy answers 422 VALIDATION_FAILED and sends nothing to Stripe).
 */
import type { KintoneRecord } from "../kintone/KintoneRecord";
import type { MappingConfig } from "../mapping/MappingConfig";
import { validateMappingConfig } from "../mapping/parseMappingConfig";
import type { CheckoutPlan, Issue, PlanContext, PlannedSession } from "./CheckoutPlan";
import { buildLineItem } from "./buildLineItem";
import { buildSession, type SessionRecord } from "./buildSession";
import { isObject } from "./fieldToText";
import { issueMessages } from "./issueMessages";
import { registrationNumberIssues } from "../tax/registrationNumberIssues";
import { subscriptionMappingIssues } from "../subscription/subscriptionIssues";
import { failWith, issueAt, makeIssue, typedFieldValue, type LineContext } from "./resolveValue";

export function buildCheckoutPlan(
  records: KintoneRecord[],
  mapping: MappingConfig,
  context: PlanContext = {},
): CheckoutPlan {
  try {
    return planCheckout(records as unknown, mapping as unknown, context);
  } catch {
    // A safety net for a bug in this engine: the caller still gets an answer, never a charge.
    return {
      ok: false,
      issues: [
        makeIssue(
          { recordId: "" },
          "records",
          "FIELD_TYPE_UNSUPPORTED",
          issueMessages.unexpected(),
        ),
      ],
    };
  }
}

function planCheckout(records: unknown, candidate: unknown, context: PlanContext): CheckoutPlan {
  const validated = validateMappingConfig(candidate);
  if (!validated.ok) {
    const issues = validated.problems.map((p) =>
      makeIssue(
        { recordId: "" },
        p.path || "mapping",
        "INVALID_MAPPING",
        issueMessages.invalidMapping(p.path, p.message),
      ),
    );
    return { ok: false, issues };
  }
  const mapping = validated.mapping;
  if (!Array.isArray(records) || records.length === 0) {
    return {
      ok: false,
      issues: [
        makeIssue({ recordId: "" }, "records", "EMPTY_SELECTION", issueMessages.emptySelection()),
      ],
    };
  }

  // The invoice's registration number is the seller's, the same for every record.
  const issues: Issue[] = [
    ...registrationNumberIssues(mapping),
    ...subscriptionMappingIssues(mapping),
  ];
  const sessionRecords: SessionRecord[] = [];
  const seen = new Set<string>();
  records.forEach((record: unknown, index) => {
    const recordId = readRecordId(record);
    if (recordId === undefined || !isObject(record)) {
      issues.push(
        makeIssue(
          { recordId: "" },
          "$id",
          "FIELD_NOT_FOUND",
          issueMessages.recordMalformed(index + 1),
        ),
      );
      return;
    }
    // A record named twice is charged once.
    if (seen.has(recordId)) return;
    seen.add(recordId);
    const ctx: LineContext = { recordId, record };
    const lines = lineContexts(mapping, ctx);
    if (!lines.ok) {
      issues.push(...lines.issues);
      sessionRecords.push({ ctx, drafts: [], complete: false });
      return;
    }
    const built = lines.contexts.map((line) => buildLineItem(mapping, line, context.prices));
    const drafts = built.flatMap((b) => (b.ok ? [b.draft] : []));
    issues.push(...built.flatMap((b) => (b.ok ? [] : b.issues)));
    sessionRecords.push({ ctx, drafts, complete: built.every((b) => b.ok) });
  });

  const groups = mapping.grouping === "single" ? [sessionRecords] : sessionRecords.map((r) => [r]);
  const sessions: PlannedSession[] = [];
  for (const group of groups) {
    const result = buildSession(group, mapping);
    issues.push(...result.issues);
    if (result.session) sessions.push(result.session);
  }

  if (issues.length > 0) return { ok: false, issues: withoutDuplicates(issues) };
  return { ok: true, sessions };
}

/** The record id from the `$id` field (type `__ID__`) as the REST API returns it. */
function readRecordId(record: unknown): string | undefined {
  if (!isObject(record)) return undefined;
  const field = Object.prototype.hasOwnProperty.call(record, "$id") ? record.$id : undefined;
  if (!isObject(field) || typeof field.value !== "string") return undefined;
  const id = field.value.trim();
  return id === "" ? undefined : id;
}

const isRowList = (value: unknown): value is { value: Record<string, unknown> }[] =>
  Array.isArray(value) && value.every((row) => isObject(row) && isObject(row.value));

/** The contexts of a record's lines: the record itself, or one per subtable row (1-based). */
function lineContexts(
  mapping: MappingConfig,
  ctx: LineContext,
): { ok: true; contexts: LineContext[] } | { ok: false; issues: Issue[] } {
  if (mapping.source.type === "records") return { ok: true, contexts: [ctx] };
  const code = mapping.source.field;
  const table = typedFieldValue(code, ctx, "SUBTABLE", isRowList);
  if (!table.ok) return table;
  const rows = table.value;
  if (rows.length === 0)
    return failWith(issueAt(ctx, code, "REQUIRED", issueMessages.emptyTable(code)));
  const contexts = rows.map((row, index) => ({
    ...ctx,
    row: { number: index + 1, columns: row.value },
  }));
  return { ok: true, contexts };
}

/** The same problem found on several lines (e.g. a record field missing on every row) is told once. */
function withoutDuplicates(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify([
      issue.recordId,
      issue.row,
      issue.field,
      issue.code,
      issue.message.en,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
