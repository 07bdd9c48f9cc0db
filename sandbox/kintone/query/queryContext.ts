/** What evaluating a query needs of the app and the moment: field types, the login user, now. */
import { KintoneApiError } from "../KintoneApiError";

/** What the evaluator needs to know about a field code used in a query. */
export interface QueryFieldInfo {
  type: string;
  options?: string[];
  /** The SUBTABLE holding this column, for table columns. */
  subtable?: string;
}

export interface QueryContext {
  field(code: string): QueryFieldInfo | undefined;
  loginUserCode: string;
  now: Date;
}

/** kintone's `GAIA_IQ11` for a field code the app does not have. */
export function fieldNotFound(code: string): KintoneApiError {
  return new KintoneApiError(400, "GAIA_IQ11", `Specified field (${code}) not found.`);
}
