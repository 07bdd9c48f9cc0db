/**
 * This process's name in the journal's leases (`claimed_by`): the host, the process id and a random
 * part, so two containers with the same hostname and pid (a restart, a replica) never share one.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

export function newProxyId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}
