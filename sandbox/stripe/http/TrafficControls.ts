/**
 * What stands between a request and its endpoint besides auth: Stripe's rate limiters (a global
 * bucket plus per-endpoint ones, https://docs.stripe.com/rate-limits) and the failures tests ask
 * for with failNext.
 */
import { RateLimiter } from "./RateLimiter";

export interface FailRule {
  method?: string;
  pathPrefix?: string;
  status: number | "timeout";
  count?: number;
  /**
   * "before" (default): the request is refused without effect. "after": it is executed, then the
   * answer is replaced (or never sent) — a lost response, as idempotent retries must survive.
   */
  when?: "before" | "after";
}

export interface EndpointRateLimit {
  method?: string;
  pathPrefix: string;
  perSecond: number;
}

export interface ActiveFailRule {
  method?: string;
  pathPrefix?: string;
  status: number | "timeout";
  when: "before" | "after";
  remaining: number;
}

function matches(rule: { method?: string; pathPrefix?: string }, method: string, path: string) {
  return (
    (!rule.method || rule.method === method) &&
    (!rule.pathPrefix || path.startsWith(rule.pathPrefix))
  );
}

export class TrafficControls {
  private readonly globalLimiter: RateLimiter;
  private endpointLimiters: { rule: EndpointRateLimit; limiter: RateLimiter }[] = [];
  private failRules: ActiveFailRule[] = [];

  constructor(
    rateLimitPerSecond: number | undefined,
    endpointRateLimits: EndpointRateLimit[] = [],
  ) {
    this.globalLimiter = new RateLimiter(rateLimitPerSecond);
    this.setEndpointRateLimits(endpointRateLimits);
  }

  setRateLimit(perSecond: number | undefined): void {
    this.globalLimiter.configure(perSecond);
  }

  setEndpointRateLimits(rules: EndpointRateLimit[]): void {
    this.endpointLimiters = rules.map((rule) => ({
      rule: { ...rule, ...(rule.method ? { method: rule.method.toUpperCase() } : {}) },
      limiter: new RateLimiter(rule.perSecond),
    }));
  }

  /** Takes a token from every bucket the request falls into; names the one that was empty. */
  takeTokens(method: string, path: string): "global-rate" | "endpoint-rate" | null {
    if (!this.globalLimiter.take()) return "global-rate";
    for (const { rule, limiter } of this.endpointLimiters) {
      if (matches(rule, method, path) && !limiter.take()) return "endpoint-rate";
    }
    return null;
  }

  failNext(rule: FailRule): void {
    this.failRules.push({
      status: rule.status,
      when: rule.when ?? "before",
      remaining: rule.count ?? 1,
      ...(rule.method ? { method: rule.method.toUpperCase() } : {}),
      ...(rule.pathPrefix ? { pathPrefix: rule.pathPrefix } : {}),
    });
  }

  /** The first rule matching this request, consumed once. */
  takeFailRule(method: string, path: string): ActiveFailRule | undefined {
    const rule = this.failRules.find((candidate) => matches(candidate, method, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.failRules = this.failRules.filter((r) => r !== rule);
    return rule;
  }

  clearFailRules(): void {
    this.failRules = [];
  }
}
