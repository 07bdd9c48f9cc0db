/**
 * API key authentication as Stripe answers it (https://docs.stripe.com/keys): Bearer (or Basic)
 * auth with a secret `sk_` or restricted `rk_` key; a publishable `pk_` key or a malformed one is a
 * 401 authentication error; a restricted key lacking a permission is a 403 whose body is an
 * invalid_request_error naming the missing `rak_…` permission (as reported in
 * https://github.com/stripe/stripe-node/issues/2246 and
 * https://github.com/tylerjrichards/st-paywall/issues/36; stripe-node turns any 403 into
 * StripePermissionError), before the request's parameters are read.
 */
import { StripeApiError } from "../StripeApiError";

export interface ApiKey {
  key: string;
  kind: "secret" | "restricted";
  livemode: boolean;
}

/** Never echo a whole key: Stripe shows the prefix and the last four characters. */
export function redactKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? "";
  const tail = key.length > prefix.length + 4 ? key.slice(-4) : "";
  return `${prefix}${"*".repeat(Math.max(4, key.length - prefix.length - tail.length))}${tail}`;
}

function authenticationError(message: string) {
  return new StripeApiError(401, { type: "invalid_request_error", message });
}

export function authenticate(authorization: string | undefined): ApiKey {
  let key: string | undefined;
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const basic = /^Basic\s+(\S+)\s*$/i.exec(authorization);
    if (bearer) key = bearer[1];
    else if (basic?.[1]) key = Buffer.from(basic[1], "base64").toString("utf8").split(":")[0];
  }
  if (!key) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    );
  }
  if (/^pk_(test|live)_/.test(key)) {
    throw authenticationError(
      "This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.",
    );
  }
  const match = /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/.exec(key);
  if (!match) throw authenticationError(`Invalid API Key provided: ${redactKey(key)}`);
  return { key, kind: match[1] === "rk" ? "restricted" : "secret", livemode: match[2] === "live" };
}

/** "checkout_sessions_write", "rak_checkout_session_write" and the like all mean one permission. */
export function normalizePermission(permission: string): string {
  return permission.replace(/^rak_/, "").replace(/s_(read|write)$/, "_$1");
}

/**
 * Whether `key` may use an endpoint needing `permission` (singular form, e.g. "product_write").
 * Keys not listed in `restrictedKeys` may do everything; a write permission includes reading.
 */
export function checkPermission(
  key: ApiKey,
  permission: string,
  restrictedKeys: Record<string, string[]> | undefined,
): void {
  const granted = restrictedKeys?.[key.key];
  if (!granted) return;
  const normalized = new Set(granted.map(normalizePermission));
  const writeForm = permission.replace(/_read$/, "_write");
  if (normalized.has(permission) || normalized.has(writeForm)) return;
  throw new StripeApiError(403, {
    type: "invalid_request_error",
    message: `The provided key '${redactKey(key.key)}' does not have the required permissions for this endpoint on account 'acct_1EmulatorAccount'. Having the 'rak_${permission}' permission would allow this request to continue.`,
  });
}
