import { UpstreamError } from "../../errors/UpstreamError";

/**
 * kintone refused to run a process-management action on a record: the record's status does not
 * offer it (`GAIA_IL03`), or the app's process management is off (`GAIA_ST02`). Running it again
 * cannot succeed until someone changes the record or the app.
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/update-status/
 */
export class KintoneActionRefusedError extends UpstreamError {
  readonly action: string;
  readonly reason: "notOffered" | "processOff";

  constructor(
    action: string,
    reason: "notOffered" | "processOff",
    options: { requestId?: string; upstreamStatus?: number } = {},
  ) {
    super(
      "kintone",
      reason === "notOffered"
        ? `The record's status does not offer the action "${action}".`
        : `The app's process management is off: the action "${action}" cannot be run.`,
      { ...options, upstreamCode: reason === "notOffered" ? "GAIA_IL03" : "GAIA_ST02" },
    );
    this.action = action;
    this.reason = reason;
  }
}
