import { randomBytes } from "node:crypto";

/** An unguessable key (session ids, permanent file keys). */
export function randomKey(): string {
  return randomBytes(18).toString("hex");
}
