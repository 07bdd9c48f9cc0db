/**
 * Resolving a mapping's ValueRef against one line's record (and subtable row) to text, with the
 * issues that stop it. `{ field }` looks in the row's columns first, then the record's fields.
 */
import type { ValueRef } from "../mapping/MappingConfig";
import type { Issue, IssueCode } from "./CheckoutPlan";
import { fieldToText, isObject } from "./fieldToText";
import { inRow, issueMessages, type LocalizedMessage } from "./issueMessages";
import { wellFormedText } from "./wellFormedText";

/** Where a line's values come from. */
export interface LineContext {
  recordId: string;
  record: Record<string, unknown>;
  /** The subtable row, in `subtable` mode: 1-based number and its columns. */
  row?: { number: number; columns: Record<string, unknown> };
}

/** The failing side of every resolver's result. */
export interface Failure {
  ok: false;
  issues: Issue[];
}
export const failWith = (...issues: Issue[]): Failure => ({ ok: false, issues });

export function makeIssue(
  where: { recordId: string; row?: number },
  field: string,
  code: IssueCode,
  message: LocalizedMessage,
): Issue {
  const issue: Issue = {
    recordId: where.recordId,
    field,
    code,
    message: inRow(where.row, message),
  };
  if (where.row !== undefined) issue.row = where.row;
  return issue;
}

export function issueAt(
  ctx: LineContext,
  field: string,
  code: IssueCode,
  message: LocalizedMessage,
): Issue {
  return makeIssue({ recordId: ctx.recordId, row: ctx.row?.number }, field, code, message);
}

const hasOwn = (object: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key);

/** The field `code` of the line (row column first), or undefined. Own properties only: a field code may be "constructor". */
export function lookupField(code: string, ctx: LineContext): unknown {
  if (ctx.row && hasOwn(ctx.row.columns, code)) return ctx.row.columns[code];
  if (hasOwn(ctx.record, code)) return ctx.record[code];
  return undefined;
}

/**
 * The value of the field `code` when the field is of `type` and its value has the documented
 * shape; otherwise the issue saying it is missing, of another type or malformed.
 */
export function typedFieldValue<T>(
  code: string,
  ctx: LineContext,
  type: string,
  hasDocumentedShape: (value: unknown) => value is T,
): { ok: true; value: T } | Failure {
  const field = lookupField(code, ctx);
  if (field === undefined)
    return failWith(issueAt(ctx, code, "FIELD_NOT_FOUND", issueMessages.fieldNotFound(code)));
  if (!isObject(field) || field.type !== type) {
    const actual = isObject(field) && typeof field.type === "string" ? field.type : "?";
    const message = issueMessages.fieldTypeUnsupported(code, actual);
    return failWith(issueAt(ctx, code, "FIELD_TYPE_UNSUPPORTED", message));
  }
  if (!hasDocumentedShape(field.value)) {
    return failWith(
      issueAt(ctx, code, "FIELD_TYPE_UNSUPPORTED", issueMessages.fieldMalformed(code)),
    );
  }
  return { ok: true, value: field.value };
}

export type TextResult = { ok: true; text: string } | { ok: false; issues: Issue[] };

/** A field's value as text, or the issue saying why it has none. */
export function fieldText(code: string, ctx: LineContext, asPlaceholder = false): TextResult {
  const field = lookupField(code, ctx);
  if (field === undefined) {
    const message = asPlaceholder
      ? issueMessages.placeholderNotFound(code)
      : issueMessages.fieldNotFound(code);
    // Missing from the row and the record alike: a problem of the record, told once, not per row.
    return {
      ok: false,
      issues: [makeIssue({ recordId: ctx.recordId }, code, "FIELD_NOT_FOUND", message)],
    };
  }
  const result = fieldToText(field);
  if (result.ok) return result;
  const issue =
    result.reason === "unsupported"
      ? issueAt(
          ctx,
          code,
          "FIELD_TYPE_UNSUPPORTED",
          issueMessages.fieldTypeUnsupported(code, result.type),
        )
      : issueAt(ctx, code, "FIELD_TYPE_UNSUPPORTED", issueMessages.fieldMalformed(code));
  return { ok: false, issues: [issue] };
}

/** `{{code}}` with optional spaces inside the braces; `{CHECKOUT_SESSION_ID}` (single braces) never matches. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The field codes a template names, in order, without repeats. */
export function templatePlaceholders(template: string): string[] {
  const codes = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match[1]) codes.add(match[1]);
  }
  return [...codes];
}

/**
 * Fills `{{code}}` placeholders from the line; `encode` URL-encodes each value (for URLs).
 * Every unknown or unusable placeholder is reported, not only the first.
 */
export function fillTemplate(
  template: string,
  ctx: LineContext,
  encode: (value: string) => string = (value) => value,
): TextResult {
  const values = new Map<string, string>();
  const issues: Issue[] = [];
  for (const code of templatePlaceholders(template)) {
    const result = fieldText(code, ctx, true);
    if (result.ok) values.set(code, encode(result.text));
    else issues.push(...result.issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  const text = template.replace(PLACEHOLDER, (whole, code: string) => values.get(code) ?? whole);
  return { ok: true, text };
}

export interface ResolvedText {
  text: string;
  /** What to name in issues about the value: the field code, or the mapping element for constants and templates. */
  field: string;
}

/** A ValueRef's text for one line. `element` names the mapping element ("unitPrice", …). */
export function resolveText(
  ref: ValueRef,
  ctx: LineContext,
  element: string,
): { ok: true; value: ResolvedText } | { ok: false; issues: Issue[] } {
  const invalid = failWith(
    issueAt(
      ctx,
      element,
      "INVALID_MAPPING",
      issueMessages.invalidMapping(element, "not a value reference"),
    ),
  );
  if (!isObject(ref)) return invalid;
  // Every value as UTF-8 can carry it (wellFormedText): what the preview shows is what Stripe gets.
  if ("field" in ref && typeof ref.field === "string") {
    const result = fieldText(ref.field, ctx);
    return result.ok
      ? { ok: true, value: { text: wellFormedText(result.text), field: ref.field } }
      : result;
  }
  if ("template" in ref && typeof ref.template === "string") {
    const result = fillTemplate(ref.template, ctx);
    return result.ok
      ? { ok: true, value: { text: wellFormedText(result.text), field: element } }
      : result;
  }
  if ("const" in ref && (typeof ref.const === "string" || typeof ref.const === "number")) {
    return { ok: true, value: { text: wellFormedText(String(ref.const)), field: element } };
  }
  return invalid;
}
