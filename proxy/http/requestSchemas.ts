/** What the routes accept (DESIGN §5), checked with zod before any use case runs. */
import { z } from "zod";
import { MAX_RECORDS_PER_REQUEST } from "../usecases/createCheckouts";

/** kintone ids arrive as strings (stored proxy config values are strings); numbers are tolerated. */
const numericId = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(z.string().regex(/^\d+$/, { error: "must be a numeric id" }));

export const createCheckoutsBody = z.object({
  appId: numericId,
  records: z
    .array(z.object({ id: numericId, revision: numericId.optional() }))
    .min(1, { error: "choose at least one record" })
    .max(MAX_RECORDS_PER_REQUEST, {
      error: `at most ${MAX_RECORDS_PER_REQUEST} records per request; use /v1/jobs for more`,
    })
    .refine((records) => new Set(records.map((r) => r.id)).size === records.length, {
      error: "a record is named twice",
    }),
  mapping: z.string({ error: "must be the mapping as a JSON string" }).min(1),
  dryRun: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .optional()
    .transform((v) => v === true || v === "true"),
});

export const sessionIdParam = z.object({
  id: z.string().regex(/^[A-Za-z0-9_]{1,255}$/, { error: "is not a checkout session id" }),
});

export const listCheckoutsQuery = z.object({
  appId: numericId.optional(),
  recordId: numericId.optional(),
  status: z.enum(["open", "complete", "expired"]).optional(),
  customerEmail: z.string().min(1).optional(),
  paymentIntent: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  startingAfter: z.string().min(1).optional(),
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
