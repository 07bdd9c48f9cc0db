/** A small method + path router for the API routes; each resource module registers its own. */
import type { ParamObject } from "../params";
import type { ApiKey } from "./apiKeys";

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
  mimeType: string;
}

export interface ApiRequest {
  method: string;
  path: string;
  /** Query parameters for GET, the form (or multipart fields) for POST, parsed with qs. */
  params: ParamObject;
  pathParams: Record<string, string>;
  apiKey: ApiKey;
  requestId: string;
  idempotencyKey: string | null;
  file?: UploadedFile;
}

/** A non-JSON answer (file contents). */
export class RawBody {
  constructor(
    readonly bytes: Buffer,
    readonly contentType: string,
  ) {}
}

export type ApiHandler = (request: ApiRequest) => unknown;

interface Route {
  method: string;
  segments: string[];
  /** The restricted-key permission the route needs, e.g. "product_write". */
  permission: string;
  handler: ApiHandler;
}

export interface RouteMatch {
  permission: string;
  handler: ApiHandler;
  pathParams: Record<string, string>;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, permission: string, handler: ApiHandler): void {
    this.routes.push({ method, segments: pattern.split("/"), permission, handler });
  }

  get(pattern: string, permission: string, handler: ApiHandler): void {
    this.add("GET", pattern, permission, handler);
  }

  post(pattern: string, permission: string, handler: ApiHandler): void {
    this.add("POST", pattern, permission, handler);
  }

  match(method: string, path: string): RouteMatch | undefined {
    const segments = path.replace(/\/+$/, "").split("/");
    // Literal routes win over parameterised ones (/v1/products/search vs /v1/products/:id).
    const candidates = this.routes
      .filter((route) => route.method === method && route.segments.length === segments.length)
      .sort(
        (a, b) =>
          a.segments.filter((s) => s.startsWith(":")).length -
          b.segments.filter((s) => s.startsWith(":")).length,
      );
    for (const route of candidates) {
      const pathParams: Record<string, string> = {};
      const matches = route.segments.every((segment, index) => {
        const actual = segments[index] ?? "";
        if (segment.startsWith(":")) {
          if (actual === "") return false;
          try {
            pathParams[segment.slice(1)] = decodeURIComponent(actual);
          } catch {
            return false; // malformed escape: no such resource
          }
          return true;
        }
        return segment === actual;
      });
      if (matches) return { permission: route.permission, handler: route.handler, pathParams };
    }
    return undefined;
  }
}
