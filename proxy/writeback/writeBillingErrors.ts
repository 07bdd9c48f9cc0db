/**
 * Writes why records were not billed into the mapping's `error` field (nothing without one).
 * A refusal's answer never depends on it: what kintone refuses now is logged (and kept for retry
 * by the RecordWriter), and the caller's 422/409 stays what it was. A later link clears the field.
 */
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { Logger } from "pino";
import type { RecordStore } from "../ports/RecordStore";
import { appFieldLabels } from "./appFieldLabels";
import { billingErrorsOf, type BillingError, type ErrorTextLanguage } from "./billingErrorText";
import type { RecordWrite, RecordWriter } from "./RecordWriter";

/** The writes putting each record's reason into the `error` field; none when it is not mapped. */
export function billingErrorWrites(
  writeBack: MappingConfig["writeBack"],
  errors: readonly BillingError[],
): RecordWrite[] {
  const field = writeBack.error;
  if (field === undefined) return [];
  return errors.map(({ recordId, text }) => ({ recordId, fields: { [field]: { value: text } } }));
}

/**
 * After a refused `POST /v1/checkouts`: the reason into every record the refusal names, its
 * fields named by the app's labels (read only when there is something to write).
 */
export async function writeBillingErrors(
  deps: { writer: RecordWriter; logger: Logger; records: Pick<RecordStore, "getFormFields"> },
  input: { appId: string; mapping: MappingConfig; error: unknown; language: ErrorTextLanguage },
): Promise<void> {
  if (input.mapping.writeBack.error === undefined) return;
  if (billingErrorsOf(input.error, input.language).length === 0) return;
  const labelOf = await appFieldLabels(deps.records, input.appId);
  const writes = billingErrorWrites(
    input.mapping.writeBack,
    billingErrorsOf(input.error, input.language, labelOf),
  );
  if (writes.length === 0) return;
  try {
    await deps.writer.write(input.appId, writes);
  } catch (error) {
    deps.logger.warn(
      { err: error, appId: input.appId, recordIds: writes.map((w) => w.recordId) },
      "the records' error field could not be written",
    );
  }
}
