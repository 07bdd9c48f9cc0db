import { UpstreamError } from "../../errors/UpstreamError";

/**
 * kintone refused a write naming a field the app's form does not have (`GAIA_FC01`): a field
 * deleted since the mapping was saved. Writing it again can never succeed.
 */
export class KintoneFieldMissingError extends UpstreamError {
  constructor(options: { requestId?: string; upstreamStatus?: number } = {}) {
    super("kintone", "kintone refused the request (GAIA_FC01).", {
      ...options,
      upstreamCode: "GAIA_FC01",
    });
  }
}
