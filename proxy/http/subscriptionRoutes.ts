/** POST /v1/subscriptions/:id/cancel, bound to the app like every route. */
import type { Express } from "express";
import { z } from "zod";
import { cancelSubscriptionBodySchema } from "../../core/api/proxyApi";
import type { UseCaseDeps } from "../deps/UseCaseDeps";
import { cancelSubscription } from "../subscriptions/cancelSubscription";
import { appScopeOf } from "./appBinding";

const subscriptionIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_]{1,255}$/, { error: "is not a subscription id" }),
});

export function mountSubscriptionRoutes(app: Express, deps: UseCaseDeps): void {
  app.post("/v1/subscriptions/:id/cancel", async (req, res) => {
    const { id } = subscriptionIdParam.parse(req.params);
    const body = cancelSubscriptionBodySchema.parse(req.body ?? {});
    const subscription = await cancelSubscription(deps, id, body, appScopeOf(res));
    res.json({ subscription });
  });
}
