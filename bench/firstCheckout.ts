/**
 * The first checkout's critical path: how many Stripe round trips a person pressing Create waits
 * for, for 10 lines of new product codes with a new photo each. The Stripe emulator answers every
 * request after 200 ms and has no rate limit; the proxy paces itself as for a live key (100/s),
 * so the wall time divided by 200 ms counts the requests that had to wait for one another.
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

export interface FirstCheckoutFigures {
  wallMs: number;
  roundTrips: number;
  stripeRequests: number;
}

export async function measureFirstCheckout(build: ProxyBuild = {}): Promise<FirstCheckoutFigures> {
  const pictures = await Promise.all(PICTURES.map((p) => renderProductPicture(p)));
  const bed = await startBed({
    stripe: { latencyMs: LATENCY_MS },
    stripeRateLimitPerSecond: 100,
    ...build,
  });
  try {
    const ids = bed.addRecords(
      PICTURES.map((picture, i) => ({
        code: `NEW-${picture}`,
        name: `New ${picture}`,
        price: String(1000 + i * 100),
        qty: "1",
        images: [
          { bytes: new Uint8Array(pictures[i]!), name: `${picture}.png`, contentType: "image/png" },
        ],
      })),
    );
    // The bench's own HTTP client (fetch, loaded on first use) and its connection ready before the
    // clock starts, through the health check a deployment makes right after a start.
    const health = await call(bed.proxy.url, "GET", "/healthz");
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    bed.stripe.clearRequests();
    bed.kintone.clearRequests();
    const startedAt = Date.now();
    const started = performance.now();
    const answer = await call(bed.proxy.url, "POST", "/v1/checkouts", {
      appId: bed.appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping({
        lineItem: {
          productCode: { field: "code" },
          name: { field: "name" },
          unitPrice: { field: "price" },
          quantity: { field: "qty" },
          image: { field: "image" },
        },
      }),
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
): Promise<FirstCheckoutFigures> {
  say(
    `## 7. First checkout: 10 new coded lines with 10 new images (Stripe emulator ${LATENCY_MS} ms per request, no rate limit)`,
  );
  say();
  const figures = await measureFirstCheckout();
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
  say();
  say(
    "The wall time includes reading the 10 images from kintone and normalizing them, which is not Stripe's. " +
      "The proxy is freshly started and has answered only `/healthz` (which also connects the bench's HTTP client before the clock starts).",
  );
  say();
  return figures;
}
