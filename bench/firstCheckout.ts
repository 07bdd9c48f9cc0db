/**
 * The first checkout's critical path: how many Stripe round trips a person pressing Create waits
 * for, for 10 lines of new product codes with a new photo each. The Stripe emulator answers every
 * request after 200 ms and has no rate limit; the proxy paces itself as for a live key (100/s),
 * so the wall time divided by 200 ms counts the requests that had to wait for one another.
 * Measured on a proxy that has served one earlier checkout (of other new products with images), as
 * a running proxy has; a freshly started proxy's very first request also loads the kintone SDK and
 * sharp, which a proxy defers until it needs them (its idle memory), and is shown beside it.
 */
import { renderProductPicture, type ProductPicture } from "../sandbox/sampleImages";
import type { ProxyBuild } from "./cpuPerCheckout";
import { call, mapping, startBed } from "./setup";

const LATENCY_MS = 200;
const PICTURES: ProductPicture[] = [
  "mug",
  "tshirt",
  "notebook",
  "matcha",
  "tote",
  "earbuds",
  "plant",
  "coffee",
  "stickers",
  "bento",
];
/** Measured from outside before the change: 2.5 s at 200 ms per request, 32 requests. */
const BASELINE = { roundTrips: 12.5, requests: 32 };
export const TARGET_ROUND_TRIPS = 4;

/** Pictures of the warm-up checkout: none of the measured ones, so those are still new. */
const WARM_UP_PICTURES: ProductPicture[] = ["lamp", "socks"];

export interface FirstCheckoutFigures {
  wallMs: number;
  roundTrips: number;
  stripeRequests: number;
}

export interface FirstCheckoutRuns {
  /** After one earlier checkout: the figure the target is about. */
  warm: FirstCheckoutFigures;
  /** The very first request of a freshly started proxy. */
  cold: FirstCheckoutFigures;
}

export async function measureFirstCheckout(build: ProxyBuild = {}): Promise<FirstCheckoutRuns> {
  const cold = await measureOnce(build, false);
  const warm = await measureOnce(build, true);
  return { warm, cold };
}

const imageMapping = () =>
  mapping({
    lineItem: {
      productCode: { field: "code" },
      name: { field: "name" },
      unitPrice: { field: "price" },
      quantity: { field: "qty" },
      image: { field: "image" },
    },
  });

async function newProductRecords(
  bed: Awaited<ReturnType<typeof startBed>>,
  pictures: ProductPicture[],
  prefix: string,
): Promise<string[]> {
  const bytes = await Promise.all(pictures.map((p) => renderProductPicture(p)));
  return bed.addRecords(
    pictures.map((picture, i) => ({
      code: `${prefix}-${picture}`,
      name: `New ${picture}`,
      price: String(1000 + i * 100),
      qty: "1",
      images: [
        { bytes: new Uint8Array(bytes[i]!), name: `${picture}.png`, contentType: "image/png" },
      ],
    })),
  );
}

async function measureOnce(build: ProxyBuild, warmUp: boolean): Promise<FirstCheckoutFigures> {
  const bed = await startBed({
    stripe: { latencyMs: LATENCY_MS },
    stripeRateLimitPerSecond: 100,
    ...build,
  });
  try {
    const ids = await newProductRecords(bed, PICTURES, "NEW");
    // The bench's own HTTP client (fetch, loaded on first use) and its connection ready before the
    // clock starts, through the health check a deployment makes right after a start.
    const health = await call(bed.proxy.url, "GET", "/healthz");
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    if (warmUp) {
      const warmIds = await newProductRecords(bed, WARM_UP_PICTURES, "WARM");
      const warm = await call(bed.proxy.url, "POST", "/v1/checkouts", {
        appId: bed.appId,
        records: warmIds.map((id) => ({ id })),
        mapping: imageMapping(),
      });
      if (warm.status !== 201) throw new Error(`the warm-up checkout answered ${warm.status}`);
    }
    bed.stripe.clearRequests();
    bed.kintone.clearRequests();
    const startedAt = Date.now();
    const started = performance.now();
    const answer = await call(bed.proxy.url, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: ids.map((id) => ({ id })),
      mapping: imageMapping(),
    });
    const wallMs = performance.now() - started;
    if (answer.status !== 201) {
      throw new Error(`checkout answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    // BENCH_TRACE=1 prints when each kintone and Stripe request arrived, from the moment the
    // checkout was sent: which ones waited for another.
    if (process.env.BENCH_TRACE) printTrace(startedAt, wallMs, bed);
    return {
      wallMs,
      roundTrips: wallMs / LATENCY_MS,
      stripeRequests: bed.stripe.requests.length,
    };
  } finally {
    await bed.close();
  }
}

function printTrace(startedAt: number, wallMs: number, bed: Awaited<ReturnType<typeof startBed>>) {
  const trace = [
    ...bed.kintone.requests.map((r) => ({ at: r.at, what: `kintone ${r.method} ${r.path}` })),
    ...bed.stripe.requests.map((r) => ({ at: r.at, what: `Stripe ${r.method} ${r.path}` })),
  ].sort((a, b) => a.at - b.at);
  for (const r of trace) console.log(`${(r.at - startedAt).toString().padStart(5)} ${r.what}`);
  console.log(`${wallMs.toFixed(0).padStart(5)} answered`);
}

/** The section of bench/RESULTS.md. */
export async function firstCheckoutSection(
  say: (text?: string) => void,
): Promise<FirstCheckoutRuns> {
  say(
    `## 7. First checkout: 10 new coded lines with 10 new images (Stripe emulator ${LATENCY_MS} ms per request, no rate limit)`,
  );
  say();
  const runs = await measureFirstCheckout();
  const figures = runs.warm;
  const met = figures.roundTrips <= TARGET_ROUND_TRIPS;
  say("| Figure | Baseline | Now | Target |");
  say("| --- | ---: | ---: | --- |");
  say(
    `| Sequential Stripe round trips (wall time ÷ ${LATENCY_MS} ms) | ${BASELINE.roundTrips} | ${figures.roundTrips.toFixed(1)} | ≤ ${TARGET_ROUND_TRIPS} — **${met ? "met" : "not met"}** |`,
  );
  say(
    `| Wall time of POST /v1/checkouts (ms) | ${BASELINE.roundTrips * LATENCY_MS} | ${figures.wallMs.toFixed(0)} | — |`,
  );
  say(`| Stripe requests | ${BASELINE.requests} | ${figures.stripeRequests} | — |`);
  say(
    `| The same, as a freshly started proxy's very first request: round trips (wall time) | — | ${runs.cold.roundTrips.toFixed(1)} (${runs.cold.wallMs.toFixed(0)} ms) | — |`,
  );
  say();
  say(
    "The wall time includes reading the 10 images from kintone and normalizing them, which is not Stripe's. " +
      "The proxy has answered `/healthz` (which also connects the bench's HTTP client before the clock starts) and one earlier checkout of 2 other new products with images, as a running proxy has. " +
      "The last row is a proxy's very first request after its start: it also loads the kintone SDK and sharp, which the proxy loads only when first needed, to keep its idle memory (section 8) small.",
  );
  say();
  return runs;
}
