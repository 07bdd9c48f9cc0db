/**
 * Idempotent requests (https://docs.stripe.com/api/idempotent_requests): a POST with an
 * `Idempotency-Key` saves its status and body once the endpoint began executing; the same key
 * with the same parameters replays them (`Idempotent-Replayed: true`), with other parameters or on
 * another endpoint it is an `idempotency_error`. Keys are at most 255 characters and are pruned
 * after 24 hours (of emulator time here).
 */
import { StripeApiError } from "../StripeApiError";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface StoredAnswer {
  status: number;
  body: unknown;
  requestId: string;
}

interface Entry {
  method: string;
  path: string;
  fingerprint: string;
  savedAtMs: number;
  answer?: StoredAnswer; // undefined while the first request still runs
}

/** JSON with sorted keys, so that parameter order does not matter. */
export function fingerprintOf(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === "object" && !Array.isArray(inner) && !Buffer.isBuffer(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return inner;
  });
}

export function checkIdempotencyKey(key: string): void {
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      message: `Invalid Idempotency-Key: must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters (it currently has ${key.length}).`,
    });
  }
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number) {}

  /**
   * Returns the stored answer to replay, undefined when the request should run (and is now
   * reserved), or throws when the key was used for something else or is still running.
   */
  begin(key: string, method: string, path: string, fingerprint: string): StoredAnswer | undefined {
    const now = this.nowMs();
    this.prune(now);
    const entry = this.entries.get(key);
    if (!entry) {
      this.entries.set(key, { method, path, fingerprint, savedAtMs: now });
      return undefined;
    }
    if (entry.method !== method || entry.path !== path) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.method} ${entry.path}' vs '${method} ${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (entry.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    if (!entry.answer) {
      throw new StripeApiError(409, {
        type: "invalid_request_error",
        code: "idempotency_key_in_use",
        message:
          "There is currently another in-progress request using this idempotency key (that probably means you submitted twice, and the other request is still going through). Please try again later.",
      });
    }
    return entry.answer;
  }

  /** Drops keys older than 24 hours; the map is in insertion (= time) order, so stop early. */
  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.savedAtMs + KEY_LIFETIME_MS > now) break;
      this.entries.delete(key);
    }
  }

  save(key: string, answer: StoredAnswer): void {
    const entry = this.entries.get(key);
    if (entry) entry.answer = answer;
  }

  /** The request failed validation or never reached the endpoint: nothing is saved. */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (entry && !entry.answer) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
