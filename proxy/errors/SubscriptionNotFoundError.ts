import { SessionNotFoundError } from "./SessionNotFoundError";

/**
 * A subscription no checkout of this proxy made, or one of another app: answered as an unknown
 * session (404 SESSION_NOT_FOUND), so a caller bound to one app cannot learn another's exists.
 */
export class SubscriptionNotFoundError extends SessionNotFoundError {
  constructor(subscriptionId: string) {
    super(subscriptionId);
    this.message = `Subscription ${subscriptionId} is unknown.`;
  }
}
