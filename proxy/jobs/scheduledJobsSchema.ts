/**
 * `SCHEDULED_JOBS` (optional proxy configuration): a JSON array of jobs the proxy submits itself
 * on a cron schedule, e.g.
 * `[{ "name": "nightly", "cron": "0 2 * * *", "appId": "12", "query": "status = \"new\"",
 *    "mapping": { "version": 1, … } }]`.
 * `cron` is croner's syntax (5 fields, or 6 with seconds first); `timezone` optional (IANA name,
 * default the server's); `mapping` a MappingConfig object or its JSON string, grouping "perRecord".
 */
import { Cron } from "croner";
import { z } from "zod";
import { parseMappingConfig } from "../../core/mapping/parseMappingConfig";

export interface ScheduledJob {
  name: string;
  cron: string;
  timezone?: string;
  appId: string;
  query: string;
  /** The MappingConfig as a JSON string, as POST /v1/jobs takes it. */
  mapping: string;
}

/** Each field is checked on its own, so every problem of every job is listed at once. */
const scheduledJobSchema = z
  .object({
    name: z.string().min(1).optional(),
    cron: z
      .string({ error: "is required" })
      .min(1, { error: "is required" })
      .superRefine((pattern, ctx) => {
        try {
          new Cron(pattern, { paused: true });
        } catch (error) {
          ctx.addIssue({
            code: "custom",
            message: `is not a valid cron expression (${error instanceof Error ? error.message : "invalid"})`,
          });
        }
      }),
    timezone: z
      .string()
      .min(1)
      .refine(isTimeZone, { error: "is not an IANA time zone such as Asia/Tokyo" })
      .optional(),
    appId: z
      .union([z.string(), z.number().int().nonnegative()])
      .transform(String)
      .pipe(z.string().regex(/^\d+$/, { error: "must be a numeric app id" })),
    query: z.string({ error: 'is required (a kintone query condition; "" for every record)' }),
    mapping: z
      .union([z.string(), z.record(z.string(), z.unknown())], {
        error: "is required (a MappingConfig object or its JSON string)",
      })
      .transform((value, ctx) => {
        const mapping = typeof value === "string" ? value : JSON.stringify(value);
        const parsed = parseMappingConfig(mapping);
        if (!parsed.ok) {
          for (const problem of parsed.problems) {
            ctx.addIssue({
              code: "custom",
              path: problem.path ? [problem.path] : [],
              message: problem.message,
            });
          }
        } else if (parsed.mapping.grouping !== "perRecord") {
          ctx.addIssue({
            code: "custom",
            path: ["grouping"],
            message: 'must be "perRecord" (a job makes one session per record)',
          });
        }
        return mapping;
      }),
  })
  .strict()
  .transform((entry): ScheduledJob => ({
    name: entry.name ?? entry.cron,
    cron: entry.cron,
    ...(entry.timezone ? { timezone: entry.timezone } : {}),
    appId: entry.appId,
    query: entry.query,
    mapping: entry.mapping,
  }));

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The variable's value (a JSON string) → the scheduled jobs, or zod issues naming each problem. */
export const scheduledJobsSchema = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a JSON array of scheduled jobs" });
      return z.NEVER;
    }
  })
  .pipe(z.array(scheduledJobSchema, { error: "must be a JSON array of scheduled jobs" }));
