/**
 * Why a record was not billed, as its `error` write-back field says it: one text per record, in
 * the caller's language (ja or en), naming the field and its problem (and the subtable row) for a
 * record the mapping cannot bill, the paying session for a paid one, the revisions for a changed one.
 */
import type { AlreadyPaidDetail } from "../../core/api/proxyApi";
import { labelQuotedFields, type FieldLabeler } from "../../core/fields/labelFields";
import { AppError } from "../errors/AppError";
import { RecordAlreadyPaidError } from "../errors/RecordAlreadyPaidError";
import { RecordChangedError } from "../errors/RecordChangedError";
import { ValidationFailedError, type ValidationDetail } from "../errors/ValidationFailedError";
import { NO_LABELS } from "./appFieldLabels";

export type ErrorTextLanguage = "en" | "ja";

/** Longer texts are cut: the field is for a glance, the job or the answer holds the rest. */
export const MAX_ERROR_TEXT = 500;

/** A record's reason for the `error` field. */
export interface BillingError {
  recordId: string;
  text: string;
}

/**
 * The records a refusal of `POST /v1/checkouts` names, each with its reason: VALIDATION_FAILED,
 * RECORD_ALREADY_PAID and RECORD_CHANGED. Others name no record of their own (none written).
 */
export function billingErrorsOf(
  error: unknown,
  language: ErrorTextLanguage,
  labelOf: FieldLabeler = NO_LABELS,
): BillingError[] {
  if (
    !(error instanceof ValidationFailedError) &&
    !(error instanceof RecordAlreadyPaidError) &&
    !(error instanceof RecordChangedError)
  ) {
    return [];
  }
  const recordIds = [...new Set(error.details.map((d) => (d as { recordId: string }).recordId))];
  return recordIds.flatMap((recordId) => {
    const text = recordErrorText(error, recordId, language, labelOf);
    return text === undefined ? [] : [{ recordId, text }];
  });
}

/**
 * One record's reason, for any error a job met with it; undefined where the record cannot or
 * need not be written: it does not exist, or kintone itself could not be read. Fields are named
 * by the labels `labelOf` knows.
 */
export function recordErrorText(
  error: unknown,
  recordId: string,
  language: ErrorTextLanguage,
  labelOf: FieldLabeler = NO_LABELS,
): string | undefined {
  const words = WORDS[language];
  if (error instanceof ValidationFailedError) {
    const problems = (error.details as ValidationDetail[])
      .filter((detail) => detail.recordId === recordId)
      .map((detail) => words.problem(labelled(detail, labelOf)));
    return cut(words.invalid(problems.length ? problems : [error.message]));
  }
  if (error instanceof RecordAlreadyPaidError) {
    const paid = (error.details as AlreadyPaidDetail[]).find((d) => d.recordId === recordId);
    return cut(words.alreadyPaid(paid));
  }
  if (error instanceof RecordChangedError) {
    const change = (error.details as { recordId: string; expected: string; actual: string }[]).find(
      (d) => d.recordId === recordId,
    );
    return cut(words.changed(change));
  }
  if (error instanceof AppError) {
    if (error.code === "RECORD_NOT_FOUND" || error.code === "KINTONE_ERROR") return undefined;
    return cut(words.other(error.code, error.message));
  }
  return cut(words.other("INTERNAL", words.internal));
}

/** The detail with its field, and the fields its message quotes, named by their labels. */
function labelled(detail: ValidationDetail, labelOf: FieldLabeler): ValidationDetail {
  return {
    ...detail,
    field: labelOf(detail.field) || detail.field,
    message: labelQuotedFields(detail.message, labelOf),
  };
}

/** The engine's messages often begin with their row already ("Row 2: …", "2 行目: …"). */
function rowNotSaid({ row, message }: ValidationDetail): boolean {
  return (
    row !== undefined && !message.startsWith(`Row ${row}:`) && !message.startsWith(`${row} 行目`)
  );
}

/**
 * "price: " before a problem, unless the engine's message quotes its field already (「price」,
 * "price", （price）): a field is named once. The row likewise, unless the message says it.
 */
function heading(detail: ValidationDetail, rowText: string): string {
  const { field, message } = detail;
  const quoted = [`"${field}"`, `「${field}」`, `（${field}）`, `(${field})`];
  const named = quoted.some((text) => message.includes(text));
  const head = `${named ? "" : field}${rowNotSaid(detail) ? rowText : ""}`.trim();
  return head === "" ? "" : `${head}: `;
}

/** Japanese sentences follow each other without a space; each ends with 「。」. */
function joinJapanese(problems: string[]): string {
  return problems.map((problem) => (problem.endsWith("。") ? problem : `${problem}。`)).join("");
}

function cut(text: string): string {
  return text.length <= MAX_ERROR_TEXT ? text : `${text.slice(0, MAX_ERROR_TEXT - 1)}…`;
}

interface Words {
  problem(detail: ValidationDetail): string;
  invalid(problems: string[]): string;
  alreadyPaid(paid: AlreadyPaidDetail | undefined): string;
  changed(change: { expected: string; actual: string } | undefined): string;
  other(code: string, message: string): string;
  internal: string;
}

const WORDS: Record<ErrorTextLanguage, Words> = {
  en: {
    problem: (d) => `${heading(d, ` (row ${d.row})`)}${d.message}`,
    invalid: (problems) => `No payment link made: ${problems.join("; ")}`,
    alreadyPaid: (paid) =>
      `No new payment link made: the record is already paid` +
      (paid ? ` (session ${paid.sessionId}, ${paid.paymentStatus}).` : "."),
    changed: (change) =>
      `No payment link made: the record was changed after it was chosen` +
      (change ? ` (revision ${change.actual}, expected ${change.expected})` : "") +
      `. Choose it again.`,
    other: (code, message) => `No payment link made (${code}): ${message}`,
    internal: "something went wrong in the proxy.",
  },
  ja: {
    problem: (d) => `${heading(d, `（${d.row} 行目）`)}${d.message}`,
    invalid: (problems) => `決済リンクを作成できませんでした: ${joinJapanese(problems)}`,
    alreadyPaid: (paid) =>
      `支払い済みのため、新しい決済リンクは作成していません` +
      (paid ? `（セッション ${paid.sessionId}、${paid.paymentStatus}）。` : "。"),
    changed: (change) =>
      `選択後にレコードが変更されたため、決済リンクを作成できませんでした` +
      (change ? `（リビジョン ${change.actual}、想定 ${change.expected}）` : "") +
      `。もう一度選択してください。`,
    other: (code, message) => `決済リンクを作成できませんでした（${code}）: ${message}`,
    internal: "プロキシで問題が発生しました。",
  },
};
