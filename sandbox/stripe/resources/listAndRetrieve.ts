/**
 * The retrieve and list endpoints every resource has, in one shape: retrieve answers the object
 * of the key's mode or `resource_missing`; list allows Stripe's pagination parameters plus the
 * resource's filters, keeps the key's mode and pages the matches newest first.
 */
import { paginate, readCreatedFilter, LIST_PARAMS } from "../listing";
import { ParamReader } from "../params";
import { invalidParam, requireFound } from "../StripeApiError";
import { newestFirst } from "../StripeStore";
import type { ApiRequest, Router } from "../http/Router";

/** One list filter: the parameters it reads and, when given, the test an item must pass. */
export interface ListFilter<T> {
  params: readonly string[];
  read: (params: ParamReader) => ((item: T) => boolean) | undefined;
}

/** A filter on one parameter: absent, it keeps everything; given, `test` decides. */
export function valueFilter<T, V>(
  param: string,
  read: (params: ParamReader) => V | undefined,
  test: (item: T, value: V) => boolean,
): ListFilter<T> {
  return {
    params: [param],
    read(params) {
      const value = read(params);
      return value === undefined ? undefined : (item) => test(item, value);
    },
  };
}

/** `param=value` keeps the items whose same-named field equals the value. */
export function fieldFilter<T>(
  param: keyof T & string,
  kind: "string" | "boolean" | readonly string[] = "string",
): ListFilter<T> {
  return valueFilter<T, unknown>(
    param,
    (params) =>
      kind === "string"
        ? params.optionalString(param)
        : kind === "boolean"
          ? params.boolean(param)
          : params.enumOf(param, kind),
    (item, wanted) => item[param] === wanted,
  );
}

/** `created` as an integer or a `created[gt|gte|lt|lte]` range. */
export function createdFilter<T extends { created: number }>(): ListFilter<T> {
  return {
    params: ["created"],
    read(params) {
      const created = readCreatedFilter(params);
      return (item) => created(item.created);
    },
  };
}

/** A filter the emulator does not model (no such objects exist): any value matches nothing. */
export function unmodelledFilter<T>(param: string): ListFilter<T> {
  return valueFilter(
    param,
    (params) => params.optionalString(param),
    () => false,
  );
}

export interface ListRoute<T> {
  /** Read in this order, so the first bad parameter is the one reported. */
  filters: ListFilter<T>[];
  /** The objects in creation order. */
  items: () => Iterable<T>;
  /** The object's mode; omitted for objects that belong to both modes. */
  livemodeOf?: (item: T) => boolean | undefined;
  /** Runs once the parameters are known to be allowed, before anything is read. */
  beforeListing?: () => void;
  /** Reads what shapes the answer (expansions) and renders each listed object. */
  renderer?: (params: ParamReader) => (item: T) => unknown;
}

/** A list's `expand[]` paths (each under `data.`) as paths in each listed object. */
export function listExpandPaths(params: ParamReader): string[] {
  return params.expandPaths().map((path) => {
    if (!path.startsWith("data.")) {
      throw invalidParam("expand", `This property cannot be expanded (${path}).`);
    }
    return path.slice("data.".length);
  });
}

/** Restricted keys name their read permission after the object: `checkout_session_read`. */
function readPermission(kind: string): string {
  return `${kind.replace(".", "_")}_read`;
}

/** `GET <path>` listing the `kind` objects (as Stripe names them in errors). */
export function registerList<T extends { id: string }>(
  router: Router,
  path: string,
  kind: string,
  route: ListRoute<T>,
): void {
  router.get(path, readPermission(kind), (request: ApiRequest) => {
    const params = ParamReader.from(request.params).allowOnly([
      ...LIST_PARAMS,
      ...route.filters.flatMap((filter) => filter.params),
    ]);
    route.beforeListing?.();
    const tests = route.filters.flatMap((filter) => filter.read(params) ?? []);
    const render = route.renderer?.(params);
    const { livemodeOf } = route;
    const matching = newestFirst(route.items()).filter(
      (item) =>
        (livemodeOf === undefined || livemodeOf(item) === request.apiKey.livemode) &&
        tests.every((test) => test(item)),
    );
    const page = paginate(matching, params, path, kind);
    return render ? { ...page, data: page.data.map(render) } : page;
  });
}

/** `GET <path>/:id` without parameters: the object of the key's mode. */
export function registerRetrieve<T extends { id: string; livemode: boolean }>(
  router: Router,
  path: string,
  kind: string,
  find: (id: string) => T | undefined,
): void {
  router.get(path, readPermission(kind), (request) => {
    ParamReader.from(request.params).allowOnly([]);
    const id = request.pathParams.id ?? "";
    return requireFound(find(id), id, request.apiKey.livemode, kind);
  });
}
