/**
 * Products (https://docs.stripe.com/api/products): create (a custom `id` may be given; a taken
 * one is `resource_already_exists`), retrieve, update, list, and search — which is eventually
 * consistent (https://docs.stripe.com/search#data-freshness), modelled by `searchLagMs`.
 */
import { causeOf, EmulatorContext } from "../EmulatorContext";
import type { EventCause } from "../EventBus";
import { assignGiven, checkUrl, mergeMetadata, ParamReader, UNSET } from "../params";
import { matchesSearch, parseSearchQuery } from "../searchQuery";
import { invalidParam, invalidRequest, requireFound, resourceMissing } from "../StripeApiError";
import { randomId } from "../StripeStore";
import type { Product } from "../stripeObjects";
import { expandObject, storeResolvers } from "../expand";
import type { Router } from "../http/Router";
import { createdFilter, fieldFilter, registerList, valueFilter } from "./listAndRetrieve";

/** https://docs.stripe.com/api/products/create#create_product-images — "A list of up to 8 URLs". */
export const MAX_PRODUCT_IMAGES = 8;
const SEARCH_FIELDS = ["active", "description", "metadata", "name", "shippable", "url", "created"];

export const PRODUCT_DATA_PARAMS = [
  "name",
  "description",
  "images",
  "metadata",
  "tax_code",
  "unit_label",
] as const;

/** What products.create and products.update both accept. */
const PRODUCT_PARAMS = [
  ...PRODUCT_DATA_PARAMS,
  "active",
  "shippable",
  "statement_descriptor",
  "url",
] as const;

export interface ProductFields {
  id?: string;
  name: string;
  active?: boolean;
  description?: string;
  images?: string[];
  metadata?: Record<string, string>;
  shippable?: boolean;
  statement_descriptor?: string;
  tax_code?: string;
  unit_label?: string;
  url?: string;
}

/** Reads the product fields shared by products.create and `product_data` of prices/sessions. */
export function readProductFields(params: ParamReader): ProductFields {
  const images = params.stringArray("images") as string[] | undefined;
  if (images && images.length > MAX_PRODUCT_IMAGES) {
    throw invalidParam(
      params.name("images"),
      `Invalid array: ${params.name("images")} must have at most ${MAX_PRODUCT_IMAGES} items (it currently has ${images.length}).`,
    );
  }
  images?.forEach((image, index) => checkUrl(`${params.name("images")}[${index}]`, image));
  const metadata = params.metadata() as Record<string, string | null> | undefined;
  return assignGiven<ProductFields>(
    { name: params.requiredString("name", { maxLength: 5000 }) },
    {
      description: params.optionalString("description", { maxLength: 40000 }),
      images,
      metadata: metadata && mergeMetadata({}, metadata),
      tax_code: params.optionalString("tax_code"),
      unit_label: params.optionalString("unit_label", { maxLength: 12 }),
    },
  );
}

export function createProduct(
  context: EmulatorContext,
  fields: ProductFields,
  livemode: boolean,
  cause: EventCause | null,
): Product {
  const { store } = context;
  const now = store.now();
  const product: Product = {
    id: fields.id ?? randomId("prod_", 14),
    object: "product",
    active: fields.active ?? true,
    attributes: [],
    created: now,
    default_price: null,
    description: fields.description ?? null,
    images: fields.images ?? [],
    livemode,
    marketing_features: [],
    metadata: fields.metadata ?? {},
    name: fields.name,
    package_dimensions: null,
    shippable: fields.shippable ?? null,
    statement_descriptor: fields.statement_descriptor ?? null,
    tax_code: fields.tax_code ?? null,
    type: "service",
    unit_label: fields.unit_label ?? null,
    updated: now,
    url: fields.url ?? null,
  };
  store.products.set(product.id, product);
  store.indexProduct(product, context.config.searchLagMs);
  if (cause) context.events.emit("product.created", product, cause);
  return product;
}

export function registerProductRoutes(router: Router, context: EmulatorContext): void {
  const { store } = context;

  function find(id: string, livemode: boolean): Product {
    return requireFound(store.products.get(id), id, livemode, "product");
  }

  router.post("/v1/products", "product_write", (request) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...PRODUCT_PARAMS,
      "id",
      "default_price_data",
      "marketing_features",
      "package_dimensions",
    ]);
    if (params.has("default_price_data") || params.has("marketing_features")) {
      throw invalidParam(
        undefined,
        "The emulator does not model default_price_data/marketing_features.",
      );
    }
    const fields = assignGiven(readProductFields(params), {
      id: params.optionalString("id"),
      active: params.boolean("active"),
      shippable: params.boolean("shippable"),
      statement_descriptor: params.optionalString("statement_descriptor", { maxLength: 22 }),
      url: params.optionalString("url"),
    });
    if (fields.url !== undefined) checkUrl("url", fields.url);
    const { id } = fields;
    if (id !== undefined && store.products.has(id)) {
      throw invalidRequest("Product already exists.", "resource_already_exists", "id");
    }
    return createProduct(context, fields, request.apiKey.livemode, causeOf(request));
  });

  // Literal route, matched before /v1/products/:id.
  router.get("/v1/products/search", "product_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly(["query", "limit", "page"]);
    const query = parseSearchQuery(params.requiredString("query"), SEARCH_FIELDS);
    const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
    const page = params.optionalString("page");
    const offset = page === undefined ? 0 : Number(Buffer.from(page, "base64url").toString());
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw invalidParam("page", `Invalid page: ${page}`);
    }
    const matching = store
      .searchableProducts()
      .filter((product) => product.livemode === request.apiKey.livemode)
      .filter((product) => matchesSearch(query, product as unknown as Record<string, unknown>));
    const data = matching.slice(offset, offset + limit);
    const hasMore = matching.length > offset + limit;
    return {
      object: "search_result",
      data,
      has_more: hasMore,
      next_page: hasMore ? Buffer.from(String(offset + limit)).toString("base64url") : null,
      url: "/v1/products/search",
    };
  });

  router.get("/v1/products/:id", "product_read", (request) => {
    const params = ParamReader.from(request.params).allowOnly([]);
    const expand = params.expandPaths();
    const product = find(request.pathParams.id ?? "", request.apiKey.livemode);
    return expandObject(product, expand, storeResolvers(store));
  });

  router.post("/v1/products/:id", "product_write", (request) => {
    const product = find(request.pathParams.id ?? "", request.apiKey.livemode);
    const params = ParamReader.from(request.params, "update").allowOnly([
      ...PRODUCT_PARAMS,
      "default_price",
    ]);
    const previous: Record<string, unknown> = {};
    const next: Product = structuredClone(product);
    const name = params.optionalString("name", { maxLength: 5000 });
    if (name !== undefined) next.name = name;
    const active = params.boolean("active");
    if (active !== undefined) next.active = active;
    const description = params.string("description", { maxLength: 40000, unsettable: true });
    if (description !== undefined) next.description = description === UNSET ? null : description;
    const images = params.stringArray("images", { unsettable: true });
    if (images !== undefined) {
      const list = images === UNSET ? [] : images;
      if (list.length > MAX_PRODUCT_IMAGES) {
        throw invalidParam(
          "images",
          `Invalid array: images must have at most ${MAX_PRODUCT_IMAGES} items (it currently has ${list.length}).`,
        );
      }
      list.forEach((image, index) => checkUrl(`images[${index}]`, image));
      next.images = list;
    }
    next.metadata = mergeMetadata(product.metadata, params.metadata());
    const shippable = params.boolean("shippable");
    if (shippable !== undefined) next.shippable = shippable;
    for (const key of ["statement_descriptor", "tax_code", "unit_label", "url"] as const) {
      const value = params.string(key, { unsettable: true });
      if (value !== undefined) next[key] = value === UNSET ? null : value;
    }
    if (typeof next.url === "string") checkUrl("url", next.url);
    const defaultPrice = params.string("default_price", { unsettable: true });
    if (defaultPrice !== undefined) {
      if (defaultPrice !== UNSET && !store.prices.has(defaultPrice)) {
        throw resourceMissing("price", defaultPrice, "default_price", 400);
      }
      next.default_price = defaultPrice === UNSET ? null : defaultPrice;
    }
    for (const key of Object.keys(next) as (keyof Product)[]) {
      if (JSON.stringify(next[key]) !== JSON.stringify(product[key])) previous[key] = product[key];
    }
    if (Object.keys(previous).length > 0) {
      next.updated = store.now();
      Object.assign(product, next);
      store.indexProduct(product, context.config.searchLagMs);
      context.events.emit("product.updated", product, causeOf(request), previous);
    }
    return product;
  });

  registerList(router, "/v1/products", "product", {
    filters: [
      fieldFilter("active", "boolean"),
      fieldFilter("shippable", "boolean"),
      valueFilter(
        "ids",
        (params) => params.stringArray("ids") as string[] | undefined,
        (product: Product, ids) => ids.includes(product.id),
      ),
      fieldFilter("url"),
      createdFilter(),
    ],
    items: () => store.products.values(),
    livemodeOf: (product) => product.livemode,
  });
}
