/**
 * Stripe's list pagination (https://docs.stripe.com/api/pagination): newest first, `limit`
 * 1..100 (default 10), `starting_after` / `ending_before` cursors naming an object of the list,
 * and `created` filters given as an integer or `created[gt|gte|lt|lte]`.
 */
import { ParamReader } from "./params";
import { resourceMissing } from "./StripeApiError";

export const LIST_PARAMS = ["limit", "starting_after", "ending_before"] as const;

export interface ListPage<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export function paginate<T extends { id: string }>(
  newestFirstItems: T[],
  params: ParamReader,
  url: string,
  kind: string,
): ListPage<T> {
  const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.optionalString("starting_after");
  const endingBefore = params.optionalString("ending_before");
  let data: T[];
  let hasMore: boolean;
  if (startingAfter !== undefined) {
    const index = newestFirstItems.findIndex((item) => item.id === startingAfter);
    if (index < 0) throw resourceMissing(kind, startingAfter, "starting_after", 400);
    const rest = newestFirstItems.slice(index + 1);
    data = rest.slice(0, limit);
    hasMore = rest.length > limit;
  } else if (endingBefore !== undefined) {
    const index = newestFirstItems.findIndex((item) => item.id === endingBefore);
    if (index < 0) throw resourceMissing(kind, endingBefore, "ending_before", 400);
    const before = newestFirstItems.slice(0, index);
    data = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    data = newestFirstItems.slice(0, limit);
    hasMore = newestFirstItems.length > limit;
  }
  return { object: "list", data, has_more: hasMore, url };
}

export type CreatedFilter = (created: number) => boolean;

/** `created=123` or `created[gt]=…&created[lte]=…`. */
export function readCreatedFilter(params: ParamReader, key = "created"): CreatedFilter {
  if (!params.has(key)) return () => true;
  if (typeof params.raw[key] === "string") {
    const exact = params.integer(key);
    return (created) => created === exact;
  }
  const range = params.object(key, ["gt", "gte", "lt", "lte"]);
  const gt = range?.integer("gt");
  const gte = range?.integer("gte");
  const lt = range?.integer("lt");
  const lte = range?.integer("lte");
  return (created) =>
    (gt === undefined || created > gt) &&
    (gte === undefined || created >= gte) &&
    (lt === undefined || created < lt) &&
    (lte === undefined || created <= lte);
}
