/** The ports and services every use case is given; `main.ts` wires the real ones, tests fakes. */
import type { Logger } from "pino";
import type { Journal } from "../journal/Journal";
import type { ImageNormalizer } from "../ports/ImageNormalizer";
import type { PaymentGateway } from "../ports/PaymentGateway";
import type { RecordStore } from "../ports/RecordStore";
import type { RecordWriter } from "../writeback/RecordWriter";
import type { Coordination } from "./Coordination";
import type { ServerErrorKeys } from "./ServerErrorKeys";

export interface UseCaseDeps {
  gateway: PaymentGateway;
  records: RecordStore;
  journal: Journal;
  imageNormalizer: ImageNormalizer;
  writer: RecordWriter;
  logger: Logger;
  now: () => Date;
  /** This proxy's single flights and per-key locks (one instance per proxy). */
  coordination: Coordination;
  /** Keys whose session create got a 5xx once already, in this proxy (one instance per proxy). */
  serverErrorKeys: ServerErrorKeys;
  /**
   * Names the Stripe account/endpoint in the journal's caches (product ids, image URLs), so a
   * proxy pointed at another account or emulator does not reuse ids that mean nothing there.
   */
  cacheScope: string;
}
