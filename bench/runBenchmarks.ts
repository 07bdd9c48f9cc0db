/**
 * `npm run bench`: measures the proxy against the emulators and writes bench/RESULTS.md.
 * Everything binds 127.0.0.1/localhost; every loop is bounded and stops by itself.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import Stripe from "stripe";
import { measureBundles } from "../scripts/packPlugin";
import { BENCH_TOKEN, call, mapping, SECRET, startBed, type Bed, type Row } from "./setup";

const root = path.resolve(__dirname, "..");
const lines: string[] = [];
const say = (text = "") => {
  lines.push(text);
  console.log(text);
};
const met = (ok: boolean) => (ok ? "**met**" : "**not met**");

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)("autocannon") as Autocannon;

function rows(count: number, coded: boolean, prefix = "P"): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    ...(coded ? { code: `${prefix}-${i}` } : {}),
    name: `Item ${i}`,
    price: String(100 + i * 10),
    qty: "1",
  }));
}

// 1. Stripe requests per session.
async function requestsPerSession(): Promise<void> {
  say("## 1. Stripe requests per session (N = 10 lines)");
  say();
  const bed = await startBed();
  try {
    const count = async (ids: string[], replaceOpenSession?: boolean) => {
      bed.stripe.clearRequests();
      const answer = await call(bed.proxy.url, "POST", "/v1/checkouts", {
        appId: bed.appId,
        records: ids.map((id) => ({ id })),
        mapping: mapping(replaceOpenSession === false ? { replaceOpenSession: false } : {}),
      });
      if (answer.status !== 201) throw new Error(`checkout answered ${answer.status}`);
      return bed.stripe.requests.length;
    };
    const inline = await count(bed.addRecords(rows(10, false)));
    const codedIds = bed.addRecords(rows(10, true));
    const codedFirst = await count(codedIds, false);
    const codedAgain = await count(codedIds, false);
    const codedFresh = await count(bed.addRecords(rows(10, true)), false);

    // Naive baseline: the real SDK against the same emulator, a product and a price per line.
    const base = new URL(bed.stripe.url);
    const sdk = new Stripe("sk_test_bench", {
      host: base.hostname,
      port: Number(base.port),
      protocol: "http",
      maxNetworkRetries: 0,
    });
    bed.stripe.clearRequests();
    const prices: string[] = [];
    for (let i = 0; i < 10; i++) {
      const product = await sdk.products.create({ name: `Naive ${i}` });
      const price = await sdk.prices.create({
        product: product.id,
        currency: "jpy",
        unit_amount: 100 + i * 10,
      });
      prices.push(price.id);
    }
    await sdk.checkout.sessions.create({
      mode: "payment",
      line_items: prices.map((price) => ({ price, quantity: 1 })),
      success_url: "https://shop.example.com/thanks",
    });
    const naive = bed.stripe.requests.length;

    say("| Case | Stripe requests | Target |");
    say("| --- | ---: | --- |");
    say(`| 10 inline lines (no product code) | ${inline} | — |`);
    say(`| 10 coded lines, first time | ${codedFirst} | — |`);
    say(
      `| 10 coded lines, same records again (\`replaceOpenSession: false\`) | ${codedAgain} | 1 — ${met(codedAgain <= 1)} |`,
    );
    say(
      `| 10 coded lines, new records with the same (known) codes | ${codedFresh} | 1 — ${met(codedFresh === 1)} |`,
    );
    say(`| Naive baseline (SDK: product + price per line, then session) | ${naive} | — |`);
    say();
  } finally {
    await bed.close();
  }
}

// 2. Proxy overhead.
async function proxyOverhead(): Promise<void> {
  say("## 2. Proxy overhead: `POST /v1/checkouts`, 3 coded lines, zero-latency emulators");
  say();
  const bed = await startBed();
  try {
    const ids = bed.addRecords(rows(3, true, "OV"));
    const body = JSON.stringify({
      appId: bed.appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping({ replaceOpenSession: false }),
    });
    const first = await call(bed.proxy.url, "POST", "/v1/checkouts", JSON.parse(body));
    if (first.status !== 201) throw new Error(`warm-up answered ${first.status}`);
    bed.stripe.clearRequests();
    await call(bed.proxy.url, "POST", "/v1/checkouts", JSON.parse(body));
    const perRepeat = bed.stripe.requests.length;
    const base = await emulatorBaseline(bed, bed.addRecords(rows(1, true, "BL"))[0]!);
    say(
      "Method: the same 3 records (products already known) posted over and over with " +
        "`replaceOpenSession: false`, so every request after the first is an idempotent repeat; " +
        `one repeat made ${perRepeat} Stripe request(s). autocannon programmatic API, 5 s per level ` +
        "after a 1 s warm-up; proxy, emulators and autocannon share one process on this machine.",
    );
    say();
    say("| Connections | p50 (ms) | p99 (ms) | avg (ms) | req/s | non-2xx | errors | Target |");
    say("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    const common = {
      url: `${bed.proxy.url}/v1/checkouts`,
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "application/json" },
      body,
    };
    for (const connections of [1, 10, 50]) {
      await autocannon({ ...common, connections, duration: 1 });
      const r = await autocannon({ ...common, connections, duration: 5 });
      const target = connections === 50 ? `p99 ≤ 20 ms — ${met(r.latency.p99 <= 20)}` : "—";
      say(
        `| ${connections} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.average.toFixed(1)} | ${r.requests.average.toFixed(0)} | ${r.non2xx} | ${r.errors + r.timeouts} | ${target} |`,
      );
    }
    say();
    say(
      `Emulator cost inside each request, measured directly in the same run (median of 20 sequential calls, ms): ` +
        `kintone GET records ${base.kintoneGet.toFixed(1)}, kintone PUT records ${base.kintonePut.toFixed(1)}, ` +
        `Stripe session create via the SDK ${base.stripeSession.toFixed(1)} — ` +
        `${(base.kintoneGet + base.kintonePut + base.stripeSession).toFixed(1)} ms of each proxy request at 1 connection is emulator time, ` +
        "not proxy code (the zero-latency emulators are not free: they share the process and the 2 cores).",
    );
    say();
  } finally {
    await bed.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Direct round trips to the emulators, the same calls one repeat of the proxy makes. */
async function emulatorBaseline(bed: Bed, recordId: string) {
  const token = { "x-cybozu-api-token": BENCH_TOKEN };
  const base = new URL(bed.stripe.url);
  const sdk = new Stripe("sk_test_bench", {
    host: base.hostname,
    port: Number(base.port),
    protocol: "http",
    maxNetworkRetries: 0,
  });
  const price = await sdk.prices.create({
    currency: "jpy",
    unit_amount: 100,
    product_data: { name: "Baseline" },
  });
  const gets: number[] = [];
  const puts: number[] = [];
  const sessions: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    const query = encodeURIComponent(`$id = ${recordId}`);
    await (
      await fetch(`${bed.kintone.url}/k/v1/records.json?app=${bed.appId}&query=${query}`, {
        headers: token,
      })
    ).text();
    gets.push(performance.now() - t);
    t = performance.now();
    await (
      await fetch(`${bed.kintone.url}/k/v1/records.json`, {
        method: "PUT",
        headers: { ...token, "content-type": "application/json" },
        body: JSON.stringify({
          app: bed.appId,
          records: [{ id: recordId, record: { error: { value: `baseline ${i}` } } }],
        }),
      })
    ).text();
    puts.push(performance.now() - t);
    t = performance.now();
    await sdk.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "https://shop.example.com/thanks",
    });
    sessions.push(performance.now() - t);
  }
  return { kintoneGet: median(gets), kintonePut: median(puts), stripeSession: median(sessions) };
}

// 3 + 4. Bulk job with peak RSS.
async function bulk(records: number): Promise<void> {
  say(
    `## 3. Bulk: ${records} records, one session each, via \`/v1/jobs\` (Stripe emulator 25 req/s, 200 ms latency)`,
  );
  say();
  const bed = await startBed({ rateLimitPerSecond: 25, latencyMs: 200 });
  let peakRss = process.memoryUsage().rss;
  const startRss = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  try {
    const ids = bed.addRecords(
      Array.from({ length: records }, (_, i) => ({
        code: `SKU-${i % 5}`,
        name: `Order item ${i % 5}`,
        price: String(500 + (i % 5) * 100),
        qty: "1",
      })),
    );
    bed.stripe.clearRequests();
    bed.kintone.clearRequests();
    const started = Date.now();
    const submitted = await call(bed.proxy.url, "POST", "/v1/jobs", {
      appId: bed.appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping({ grouping: "perRecord" }),
    });
    if (submitted.status !== 202) {
      throw new Error(`job answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
    }
    const jobId = (submitted.body.job as { id: string }).id;
    const deadline = started + 240_000;
    let job: { status: string; done: number; failed: number; total: number } | undefined;
    while (Date.now() < deadline) {
      const answer = await call(bed.proxy.url, "GET", `/v1/jobs/${jobId}`);
      job = answer.body.job as typeof job;
      if (job && ["succeeded", "partially_failed", "failed"].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const wall = (Date.now() - started) / 1000;
    const all = bed.stripe.requests;
    const limited = all.filter((r) => r.status === 429).length;
    const served = all.length - limited;
    const bound = served / 25;
    const ratio = wall / bound;
    say(`- Job status: ${job?.status ?? "unknown"}, done ${job?.done}, failed ${job?.failed}`);
    say(
      `- Stripe requests: ${all.length} (${served} served, ${limited} answered 429 by the rate limit)`,
    );
    say(`- Rate-limit bound: ${served} served requests ÷ 25/s = ${bound.toFixed(1)} s`);
    say(
      `- Wall time (submit → finished, polled every 250 ms): ${wall.toFixed(1)} s = **${ratio.toFixed(2)} × bound** — target ≤ 1.1 × — ${met(ratio <= 1.1 && job?.status === "succeeded")}`,
    );
    say(`- Failures: ${job?.failed ?? "unknown"}`);
    say(`- kintone requests used: ${bed.kintone.requests.length}`);
    say();
    say("## 4. Peak memory during the bulk run");
    say();
    say(
      `- Peak RSS ${(peakRss / 1024 / 1024).toFixed(1)} MB (sampled every 100 ms; at start ${(startRss / 1024 / 1024).toFixed(1)} MB). ` +
        "The proxy runs in-process here, so this RSS also holds both emulators and the bench itself: an upper bound for the proxy.",
    );
    say();
  } finally {
    clearInterval(sampler);
    await bed.close();
  }
}

// 5. Bundle sizes.
async function bundles(): Promise<void> {
  say("## 5. Plugin bundle sizes");
  say();
  const sourceDir = path.join(root, "dist", "plugin");
  const manifestPath = path.join(sourceDir, "manifest.json");
  const manifestFile = fs.existsSync(manifestPath)
    ? manifestPath
    : path.join(root, "manifest.json");
  if (!fs.existsSync(path.join(sourceDir, "js"))) {
    say("Not measured: `dist/` is missing — run `npm run build`.");
    say();
    return;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Parameters<
    typeof measureBundles
  >[0];
  const sizes = await measureBundles(manifest, sourceDir);
  say("| File | Raw (KB) | gzip (KB) | Target |");
  say("| --- | ---: | ---: | --- |");
  for (const { file, rawBytes, gzipBytes } of sizes) {
    const target =
      file === "js/desktop.js" ? `≤ 60 KB gzip (list view) — ${met(gzipBytes <= 60 * 1024)}` : "—";
    say(
      `| ${file} | ${(rawBytes / 1024).toFixed(1)} | ${(gzipBytes / 1024).toFixed(1)} | ${target} |`,
    );
  }
  say();
}

async function main(): Promise<void> {
  const began = Date.now();
  const cpus = os.cpus();
  say("# Benchmark results");
  say();
  say(`- Date: ${new Date().toISOString()}`);
  say(`- CPU: ${cpus[0]?.model ?? "unknown"} × ${cpus.length} cores`);
  say(`- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`);
  say(`- Node: ${process.version} on ${os.platform()} ${os.arch()}`);
  say();
  const sections: [string, () => Promise<void>][] = [
    ["1. Stripe requests per session", requestsPerSession],
    ["2. Proxy overhead", proxyOverhead],
    ["3/4. Bulk and peak memory", () => bulk(Number(process.env.BENCH_BULK_RECORDS ?? 1000))],
    ["5. Plugin bundle sizes", bundles],
  ];
  for (const [name, run] of sections) {
    try {
      await run();
    } catch (error) {
      say(`## ${name}`);
      say();
      say(`Not measured yet: the run failed (${error instanceof Error ? error.message : error}).`);
      say();
    }
  }
  say(`_Bench run took ${((Date.now() - began) / 1000).toFixed(0)} s._`);
  fs.writeFileSync(path.join(__dirname, "RESULTS.md"), lines.join("\n") + "\n");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
