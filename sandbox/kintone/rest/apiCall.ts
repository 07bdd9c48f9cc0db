/** One REST API call of the kintone emulator: who makes it, its parameters, and the checks on both. */
import type { Request, Response } from "express";
import type { KintoneEntity } from "../../../core/kintone/KintoneRecord";
import { KintoneApiError, invalidInput } from "../KintoneApiError";
import type { ApiTokenDef } from "../store/appDefinition";

export type Right = "view" | "add" | "edit" | "delete" | "manage";

/** Who a request acts as: a session (full rights) or API tokens (rights per app). */
export type Caller =
  | { kind: "session"; user: KintoneEntity; requestToken?: string } // no requestToken: password auth
  | { kind: "token"; grants: Map<string, ApiTokenDef["rights"] & { manage?: boolean }> };

/** One API call: who makes it and its parameters. */
export interface ApiCall {
  caller?: Caller;
  /** Refuses an app the call's path may not reach (KintoneGuestSpaces.requireAppPath). */
  checkAppPath?: (appId: string) => void;
  /** The API's parameters: the query string for GET/DELETE, the body otherwise (and for a method-overridden GET). */
  kintoneParams?: Record<string, unknown>;
}

export interface KintoneRequest extends Request, ApiCall {
  /** The `{spaceId}` of a `/k/guest/{spaceId}/v1/…` call. */
  guestSpaceId?: string;
}

export function sendError(res: Response, error: KintoneApiError): void {
  res.status(error.status).json(error.toJSON());
}

export function required(name: string): KintoneApiError {
  return invalidInput({ [name]: { messages: ["Required field."] } });
}

export function param(req: ApiCall, name: string): unknown {
  return req.kintoneParams?.[name];
}

export function requireId(req: ApiCall, name: string): string {
  const value = param(req, name);
  if (value === undefined || value === null || value === "") throw required(name);
  if ((typeof value !== "string" && typeof value !== "number") || !/^\d+$/.test(String(value))) {
    throw invalidInput({ [name]: { messages: ["Enter an integer value."] } });
  }
  return String(value);
}

/** A list parameter, whether qs made it an array or (past its array limit) an index-keyed object. */
export function listParam(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) return value;
  if (typeof value === "object") return Object.values(value as Record<string, unknown>);
  return [value];
}

export function stringList(value: unknown): string[] | undefined {
  return listParam(value)?.map(String);
}

/**
 * Checks that the caller may use `right` on `appId`: kintone's `GAIA_NO01` (403) for tokens that
 * may not, before the record is looked for ("このAPIトークンでは、指定したAPIを実行できません。",
 * the token lacks the right: https://cybozu.dev/ja/kintone/sdk/connector/support/troubleshooting).
 */
export function authorize(req: ApiCall, appId: string, right: Right): KintoneEntity | undefined {
  req.checkAppPath?.(appId);
  const caller = req.caller;
  if (!caller) throw new KintoneApiError(401, "CB_AU01", "Please login.");
  if (caller.kind === "session") return caller.user;
  const grant = caller.grants.get(appId);
  if (!grant || !grant[right]) {
    throw new KintoneApiError(
      403,
      "GAIA_NO01",
      "Using this API token, you cannot run the specified API.",
    );
  }
  return undefined;
}

export function requireCaller(req: ApiCall): Caller {
  if (!req.caller) throw new KintoneApiError(401, "CB_AU01", "Please login.");
  return req.caller;
}
