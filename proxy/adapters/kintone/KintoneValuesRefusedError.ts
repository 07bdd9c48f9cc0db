import { UpstreamError } from "../../errors/UpstreamError";

/**
 * kintone refused a value a field does not take (`CB_VA01`). One bad record refuses the whole
 * request it is in. `fields`: the field codes kintone named, where it named them.
 */
export class KintoneValuesRefusedError extends UpstreamError {
  readonly fields: string[];

  constructor(
    fields: string[],
    options: { requestId?: string; upstreamStatus?: number; message?: string } = {},
  ) {
    const { message, ...upstream } = options;
    super(
      "kintone",
      message ??
        `kintone refused the values written${fields.length ? ` (${fields.join(", ")})` : ""}: check the write-back fields of the mapping.`,
      { ...upstream, upstreamCode: "CB_VA01" },
    );
    this.fields = fields;
  }
}
