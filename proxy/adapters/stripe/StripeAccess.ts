import type Stripe from "stripe";
import type { RequestPacer } from "./createRequestPacer";

/** The subset of pino the gateway uses. */
export interface GatewayLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** What each part of the Stripe gateway works with: one SDK client and one shared pacer. */
export interface StripeAccess {
  stripe: Stripe;
  paced: RequestPacer;
  logger?: GatewayLogger;
}
