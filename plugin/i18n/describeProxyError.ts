import { alreadyPaidDetailSchema, validationDetailSchema } from "../../core/api/proxyApi";
import { ProxyError } from "../api/ProxyError";
import { billedStateOf } from "../billing/billedState";
import { fillTemplate } from "../ui/fillTemplate";
import { billedStateLabel } from "./billedStateLabel";
import { fieldOrElementLabeler } from "./elementLabels";
import { labelQuotedFields, mentionsField, type FieldLabeler } from "../../core/fields/labelFields";
import type { Messages } from "./messages";

export interface ErrorDescription {
  /** What happened and what the user can do, in their language. */
  message: string;
  /** One line per problem (VALIDATION_FAILED) or per record concerned. */
  details: string[];
}

/** How a record is named to the user; by default "Record <id>". */
export type RecordNamer = (recordId: string) => string;

/**
 * A failed call as a user can act on it: every error code the proxy answers, plus UNREACHABLE and BAD_ANSWER
 * from ProxyError, NOT_FOUND (an older proxy without the route) and RATE_LIMITED (the proxy's
 * per-client limits).
 */
export function describeProxyError(
  error: unknown,
  messages: Messages,
  nameRecord: RecordNamer = (id) => fillTemplate(messages.recordLabel, { record: id }),
  labelOf?: FieldLabeler,
): ErrorDescription {
  if (!(error instanceof ProxyError)) {
    const text = error instanceof Error ? error.message : String(error);
    return { message: fillTemplate(messages.unexpectedError, { message: text }), details: [] };
  }
  const values = { message: error.message, code: error.code };
  switch (error.code) {
    case "BAD_REQUEST":
      return { message: fillTemplate(messages.proxyErrorBadRequest, values), details: [] };
    case "UNAUTHORIZED":
      return { message: messages.proxyErrorUnauthorized, details: [] };
    case "RECORD_NOT_FOUND":
      return { message: messages.proxyErrorRecordNotFound, details: recordsOf(error, nameRecord) };
    case "SESSION_NOT_FOUND":
      return { message: messages.proxyErrorSessionNotFound, details: [] };
    case "RECORD_CHANGED":
      return { message: messages.proxyErrorRecordChanged, details: recordsOf(error, nameRecord) };
    case "SESSION_NOT_OPEN":
      return { message: messages.proxyErrorSessionNotOpen, details: [] };
    case "RECORD_ALREADY_PAID":
      return {
        message: messages.proxyErrorRecordAlreadyPaid,
        details: alreadyPaidLines(error, messages, nameRecord),
      };
    case "VALIDATION_FAILED": {
      const details = error.details.flatMap((detail) => {
        const parsed = validationDetailSchema.safeParse(detail);
        return parsed.success ? [describeIssue(parsed.data, messages, nameRecord, labelOf)] : [];
      });
      // Job errors carry a message but no details: keep the proxy's own words then.
      if (details.length === 0 && error.message !== "") {
        details.push(fillTemplate(messages.proxyErrorReason, values));
      }
      return { message: messages.proxyErrorValidationFailed, details };
    }
    case "STRIPE_ERROR":
      return { message: fillTemplate(messages.proxyErrorStripe, values), details: [] };
    case "KINTONE_ERROR":
      return { message: fillTemplate(messages.proxyErrorKintone, values), details: [] };
    case "UNREACHABLE":
      return { message: messages.proxyErrorUnreachable, details: [] };
    case "BAD_ANSWER":
      return { message: messages.proxyErrorBadAnswer, details: [] };
    case "NOT_FOUND":
      return { message: messages.proxyErrorNotFound, details: [] };
    case "RATE_LIMITED":
      return { message: messages.proxyErrorRateLimited, details: [] };
    default:
      return { message: fillTemplate(messages.proxyErrorOther, values), details: [] };
  }
}

/**
 * "Record 3 · row 2 · 「価格」フィールドの値…": the field named by its label, once — the message's
 * own quoted codes become labels (a mapping element's the settings screen's name for it); a message
 * that does not name the field gets "価格: " before it.
 * Row only for subtable lines; a namer giving "" leaves the record out.
 */
export function describeIssue(
  issue: { recordId: string; row?: number; field: string; message: string },
  messages: Messages,
  nameRecord: RecordNamer = (id) => fillTemplate(messages.recordLabel, { record: id }),
  labelOf: FieldLabeler = () => undefined,
): string {
  const labelOfName = fieldOrElementLabeler(labelOf, messages);
  const label = labelOfName(issue.field) ?? issue.field;
  const text = labelQuotedFields(issue.message, labelOfName);
  const withoutRow = issue.row === undefined ? text : stripRowPrefix(text, issue.row);
  return [
    nameRecord(issue.recordId),
    issue.row === undefined ? undefined : fillTemplate(messages.issueRow, { row: issue.row }),
    mentionsField(withoutRow, label) || label === ""
      ? withoutRow
      : fillTemplate(messages.issueField, { field: label, message: withoutRow }),
  ]
    .filter((part) => part !== undefined && part !== "")
    .join(" · ");
}

/** core prefixes a row's message with "Row 2: " / "2 行目: "; the row is named once, before it. */
function stripRowPrefix(message: string, row: number): string {
  for (const prefix of [`Row ${row}: `, `${row} 行目: `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}

/** "Record 3: Paid (session cs_…)": one line per record the proxy found billed. */
function alreadyPaidLines(
  error: ProxyError,
  messages: Messages,
  nameRecord: RecordNamer,
): string[] {
  return error.details.flatMap((detail) => {
    const parsed = alreadyPaidDetailSchema.safeParse(detail);
    if (!parsed.success) return [];
    const { recordId, sessionId, paymentStatus } = parsed.data;
    // The proxy names only billed sessions: one still `unpaid` is complete, its payment on its way.
    const state = billedStateOf(paymentStatus, true);
    return [
      fillTemplate(messages.alreadyPaidLine, {
        record: nameRecord(recordId),
        state: state === undefined ? paymentStatus : billedStateLabel(state, messages),
        session: sessionId,
      }),
    ];
  });
}

function recordsOf(error: ProxyError, nameRecord: RecordNamer): string[] {
  return error.details.flatMap((detail) => {
    const recordId = (detail as { recordId?: unknown } | null)?.recordId;
    return typeof recordId === "string" ? [nameRecord(recordId)] : [];
  });
}
