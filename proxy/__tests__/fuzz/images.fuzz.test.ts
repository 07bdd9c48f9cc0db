/**
 * Issue #8: product images fuzzed — attachments whose bytes are truncated, corrupted or random
 * behind an image content type and an image-looking name, sent through POST /v1/checkouts (the real
 * proxy, sharp included, against the emulators). Never a 5xx: either the session is created with
 * the image Stripe can show, or a 422 NOT_AN_IMAGE names the record and the image field and no
 * session is created. Random seeds: fast-check prints the seed and the shrunk case of a failure.
 */
import fc from "fast-check";
import sharp from "sharp";
import {
  addOrders,
  callProxy,
  orderMapping,
  revisionOf,
  startEmulatedProxy,
  type EmulatedProxy,
} from "../support/emulatedProxy";
import { bothOutcomes } from "../support/bothOutcomes";
import { IMAGES_FUZZ_RUNS } from "./fuzzRuns";

let env: EmulatedProxy;
let samples: Record<"png" | "jpeg" | "gif" | "webp" | "bigPng", Uint8Array>;

beforeAll(async () => {
  env = await startEmulatedProxy();
  const base = sharp({ create: { width: 80, height: 60, channels: 3, background: "#2a6" } });
  // Noise does not compress: over Stripe's 512 KB, so the proxy must decode and re-encode it.
  const noise = Buffer.from(Array.from({ length: 700 * 700 * 3 }, (_, i) => (i * 7919) % 251));
  samples = {
    png: await base.clone().png().toBuffer(),
    jpeg: await base.clone().jpeg().toBuffer(),
    gif: await base.clone().gif().toBuffer(),
    webp: await base.clone().webp().toBuffer(),
    bigPng: await sharp(noise, { raw: { width: 700, height: 700, channels: 3 } })
      .png()
      .toBuffer(),
  };
});

afterAll(async () => {
  await env.close();
});

const sessionCreates = () =>
  env.stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");

/** An image's bytes damaged in one way: cut short, bytes overwritten, or garbage appended. */
const damagedBytes = fc
  .tuple(
    fc.constantFrom("png", "jpeg", "gif", "webp", "bigPng") as fc.Arbitrary<keyof typeof samples>,
    fc.oneof(
      fc.record({
        kind: fc.constant("truncate" as const),
        keep: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant("overwrite" as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
      fc.record({ kind: fc.constant("append" as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
      fc.record({ kind: fc.constant("random" as const), bytes: fc.uint8Array({ maxLength: 256 }) }),
    ),
  )
  .map(([format, damage]) => {
    const original = samples[format];
    switch (damage.kind) {
      case "truncate":
        return original.slice(0, Math.floor(original.length * damage.keep));
      case "overwrite": {
        const copy = new Uint8Array(original);
        const patch = damage.bytes.slice(0, copy.length);
        copy.set(patch, Math.floor((copy.length - patch.length) * damage.at));
        return copy;
      }
      case "append":
        return new Uint8Array([...original, ...damage.bytes]);
      case "random":
        return damage.bytes;
    }
  });

describe("POST /v1/checkouts with broken image attachments", () => {
  const outcomes = bothOutcomes("created", "refused");

  it("creates the session with a usable image or answers 422 NOT_AN_IMAGE naming record and field, never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        damagedBytes,
        fc.constantFrom("image/png", "image/jpeg", "image/gif", "image/webp"),
        fc.constantFrom(
          "photo.png",
          "写真.jpg",
          "x.gif",
          "..\\..\\evil.png",
          "a".repeat(200) + ".png",
        ),
        async (bytes, contentType, name) => {
          const [id] = addOrders(env, [
            { code: "", name: "Tea", price: "500", photos: [{ bytes, name, contentType }] },
          ]);
          env.stripe.clearRequests();
          const mapping = orderMapping({ replaceOpenSession: false });
          mapping.lineItem = {
            ...(mapping.lineItem as object),
            productCode: undefined,
            image: { field: "photo" },
          };
          const answer = await callProxy(env, "POST", "/v1/checkouts", {
            json: {
              appId: env.appId,
              records: [{ id, revision: revisionOf(env, id!) }],
              mapping: JSON.stringify(mapping),
            },
          });
          expect(answer.status < 500 ? "" : answer.text).toBe("");
          expect([201, 422]).toContain(answer.status);
          if (answer.status === 422) {
            expect(answer.body.error.code).toBe("VALIDATION_FAILED");
            expect(answer.body.error.details).toEqual([
              expect.objectContaining({ recordId: id, field: "photo", code: "NOT_AN_IMAGE" }),
            ]);
            expect(sessionCreates()).toEqual([]);
            outcomes.refused += 1;
          } else {
            expect(sessionCreates()).toHaveLength(1);
            outcomes.created += 1;
          }
        },
      ),
      { numRuns: IMAGES_FUZZ_RUNS.brokenAttachments },
    );
  });
});
