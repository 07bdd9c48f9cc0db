/** The start and end of one write's validation, with the file keys it attaches. */
import { invalidInput, type KintoneErrorDetails } from "../KintoneApiError";
import type { FieldWrite } from "./convertFieldValue";
import type { StoredFiles } from "./StoredFiles";

/**
 * Starts validating a write; `finish` throws CB_VA01 on the errors collected, else consumes the
 * temporary file keys the write attached (only a successful write uses them up).
 */
export function startFieldWrite(
  writing: "add" | "update",
  loginUser: { code: string; name: string },
  files: StoredFiles,
  takeRowId: () => number,
): { write: FieldWrite; finish: () => void } {
  const errors: KintoneErrorDetails = {};
  const attachedTemporaryKeys: string[] = [];
  const write: FieldWrite = {
    errors,
    writing,
    loginUser,
    attachFile: (fileKey) => {
      const attached = files.attachTemporary(fileKey);
      attachedTemporaryKeys.push(fileKey);
      return attached;
    },
    nextRowId: () => String(takeRowId()),
  };
  const finish = () => {
    if (Object.keys(errors).length > 0) throw invalidInput(errors);
    for (const key of attachedTemporaryKeys) files.delete(key);
  };
  return { write, finish };
}
