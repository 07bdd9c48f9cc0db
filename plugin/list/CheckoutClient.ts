import type { ProxyClient } from "../api/ProxyClient";

/** The calls the list dialog and the record buttons make (ProxyClient, or a fake in tests). */
export type CheckoutClient = Pick<
  ProxyClient,
  | "previewCheckouts"
  | "createCheckouts"
  | "startJob"
  | "getJob"
  | "getSession"
  | "listJobs"
  | "syncSession"
  | "expireSession"
>;
