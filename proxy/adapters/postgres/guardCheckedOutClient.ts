import type { PoolClient } from "pg";

/**
 * Keeps a connection the server drops while it is checked out of the pool (PostgreSQL restarting
 * under a transaction or a held lock) from crashing the process: pg-pool listens for a client's
 * `error` only while it is idle, and an `error` event nobody listens to is thrown. The query in
 * flight still fails, and the caller releases the client as broken.
 * https://node-postgres.com/apis/pool#error · https://node-postgres.com/apis/client#error
 * Returns what removes the guard; call it before `release`.
 */
export function guardCheckedOutClient(client: PoolClient): () => void {
  const ignore = () => undefined;
  client.on("error", ignore);
  return () => client.off("error", ignore);
}
