/**
 * What the routes accept, checked with zod before any use case runs. The bodies are
 * core's shared contract (core/api/proxyApi.ts), the same schemas the plugin's client uses.
 */
import { z } from "zod";
import {
  createCheckoutsBodySchema,
  recordRefSchema,
  sessionStatusSchema,
} from "../../core/api/proxyApi";

export const createCheckoutsBody = createCheckoutsBodySchema;

/** kintone ids arrive as strings; numbers are tolerated. */
const numericId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(z.string().regex(/^\d+$/, { error: "must be a numeric id" }));

const checkoutSessionId = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,255}$/, { error: "is not a checkout session id" });

export const sessionIdParam = z.object({ id: checkoutSessionId });

export const listCheckoutsQuery = z.object({
  appId: numericId.optional(),
  recordId: numericId.optional(),
  status: sessionStatusSchema.optional(),
  customerEmail: z.string().min(1).optional(),
  paymentIntent: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** A cursor is a session id: anything else would only come back as Stripe's 400 (a 502 here). */
  startingAfter: checkoutSessionId.optional(),
});

/** `Accept-Language` → the language of issue messages: ja or en, en by default. */
export function pickLanguage(header: string | undefined): "en" | "ja" {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.lang === "ja" || entry.lang === "en")
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === "ja" ? "ja" : "en";
}

/** GET /v1/jobs: the app whose recent jobs are listed, and how many (default 10, at most 50). */
export const listJobsQuery = z.object({
  appId: numericId,
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** POST /v1/jobs: the records by query condition or by id (one of the two), and the mapping. */
export const createJobBody = z
  .object({
    appId: numericId,
    query: z.string().optional(),
    records: z
      .array(recordRefSchema)
      .min(1, { error: "choose at least one record" })
      .refine((records) => new Set(records.map((r) => r.id)).size === records.length, {
        error: "a record is named twice",
      })
      .optional(),
    mapping: z.string({ error: "must be the mapping as a JSON string" }).min(1),
  })
  .transform((body, ctx) => {
    const { appId, mapping, query, records } = body;
    if ((query === undefined) === (records === undefined)) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "give either query or records" });
      return z.NEVER;
    }
    return records !== undefined ? { appId, mapping, records } : { appId, mapping, query: query! };
  });
