/**
 * The bulk job of section 3 (records with an image each, a session each, Stripe emulator at
 * 25 req/s with 200 ms latency) run by 1 proxy on SQLite and by 3 proxies on one PostgreSQL
 * (testkit/startPostgres), side by side in one run. The proxies share Stripe's limit (each paces
 * itself at 1/N of it), so together they stay within the bound instead of tripping 429s.
 */
import path from "node:path";
import { renderProductPicture } from "../sandbox/sampleImages";
import { startOrdersEmulators, type OrdersEmulators } from "../sandbox/startOrdersEmulators";
import { addOrderRecords } from "../testkit/orderRecords";
import { startPostgres } from "../testkit/startPostgres";
import { BULK_PICTURES, bulkLineItem, bulkRows } from "./bulkJob";
import { productionNodeFlags } from "./productionNodeFlags";
import {
  BENCH_TOKEN,
  call,
  compiledProxyProcess,
  mapping,
  SECRET,
  startProxyProcess,
  type ProxyChild,
} from "./setup";

const STRIPE_LIMIT = 25;
const FINISHED = ["succeeded", "partially_failed", "failed"];

interface BulkRun {
  label: string;
  status: string;
  done: number;
  failed: number;
  requests: number;
  served: number;
  limited: number;
  /** Most requests Stripe served in any one second of the run. */
  busiestSecond: number;
  wallS: number;
  boundS: number;
  /** The 429s by request and when in the run they came (to tell a burst from a steady excess). */
  limitedBy: string;
}

async function runBulk(
  label: string,
  records: number,
  proxyCount: number,
  databaseUrl?: string,
): Promise<BulkRun> {
  const pictures = await Promise.all(BULK_PICTURES.map((p) => renderProductPicture(p)));
  const emulators: OrdersEmulators = await startOrdersEmulators({
    token: BENCH_TOKEN,
    stripe: { rateLimitPerSecond: STRIPE_LIMIT, latencyMs: 200 },
  });
  const proxies: ProxyChild[] = [];
  try {
    const env = {
      ...emulators.proxyEnv({ stripeApiKey: "rk_test_bench", proxySecret: SECRET }),
      LOG_LEVEL: "info",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const flags = productionNodeFlags(path.resolve(__dirname, ".."));
    for (let i = 0; i < proxyCount; i++) {
      proxies.push(await startProxyProcess(env, undefined, compiledProxyProcess(), flags));
    }
    const ids = addOrderRecords(emulators, bulkRows(records, pictures));
    emulators.stripe.clearRequests();
    const started = Date.now();
    const submitted = await call(proxies[0]!.url, "POST", "/v1/jobs", {
      appId: emulators.appId,
      records: ids.map((id) => ({ id })),
      mapping: mapping({ grouping: "perRecord", lineItem: bulkLineItem }),
    });
    if (submitted.status !== 202) throw new Error(`job answered ${submitted.status}`);
    const jobId = (submitted.body.job as { id: string }).id;
    let job = { status: "unknown", done: 0, failed: 0 };
    // Polled at each proxy in turn: the job's progress is shared.
    for (let poll = 0; Date.now() < started + 300_000; poll++) {
      const answer = await call(proxies[poll % proxyCount]!.url, "GET", `/v1/jobs/${jobId}`);
      job = (answer.body.job as typeof job | undefined) ?? job;
      if (FINISHED.includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const wallS = (Date.now() - started) / 1000;
    const all = emulators.stripe.requests;
    const servedAt = all.filter((r) => r.status !== 429).map((r) => r.at);
    return {
      label,
      ...job,
      requests: all.length,
      served: servedAt.length,
      limited: all.length - servedAt.length,
      busiestSecond: busiestSecond(servedAt),
      wallS,
      boundS: servedAt.length / STRIPE_LIMIT,
      limitedBy: describeLimited(all, started),
    };
  } finally {
    for (const proxy of proxies) await proxy.close();
    await emulators.close();
  }
}

function describeLimited(
  requests: { method: string; path: string; status: number; at: number }[],
  started: number,
): string {
  const limited = requests.filter((r) => r.status === 429);
  if (limited.length === 0) return "none";
  const byKind = new Map<string, number>();
  for (const r of limited) {
    const kind = `${r.method} ${r.path.replace(/\/(cs|prod|price|file|cus|kc)_[^/]+/g, "/:id")}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  const seconds = limited.map((r) => (r.at - started) / 1000);
  return (
    [...byKind].map(([kind, n]) => `${n} × ${kind}`).join(", ") +
    `, from ${Math.min(...seconds).toFixed(1)} s to ${Math.max(...seconds).toFixed(1)} s`
  );
}

/** The most moments falling in any window of one second. */
function busiestSecond(moments: number[]): number {
  const sorted = [...moments].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function multiProxyBulkSection(
  out: (text?: string) => void,
  records: number,
): Promise<void> {
  out(
    `## 10. Bulk on several proxies: ${records} records with an image each, 1 proxy on SQLite and 3 proxies on one PostgreSQL (Stripe emulator ${STRIPE_LIMIT} req/s, 200 ms latency)`,
  );
  out();
  const runs = [await runBulk("1 proxy, SQLite", records, 1)];
  const postgres = await startPostgres();
  try {
    runs.push(await runBulk("3 proxies, PostgreSQL", records, 3, await postgres.newDatabase()));
  } finally {
    await postgres.stop();
  }
  out(
    "Method: the job of section 3, submitted to the first proxy; the 3-proxy run polls each proxy in turn. " +
      `Each proxy paces its Stripe requests at its share of ${STRIPE_LIMIT}/s (1/N of the proxies that wanted Stripe tokens at their last PostgreSQL heartbeat; a proxy on PostgreSQL looks for new jobs every second). ` +
      "Bound: served Stripe requests ÷ 25/s.",
  );
  out();
  out(
    "| Run | Job | Stripe requests (served / 429) | Busiest second | Bound | Wall time | × bound | Target ≤ 1.1 × |",
  );
  out("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const run of runs) {
    const ratio = run.wallS / run.boundS;
    const ok = ratio <= 1.1 && run.status === "succeeded" && run.limited === 0;
    out(
      `| ${run.label} | ${run.status}, done ${run.done}, failed ${run.failed} | ${run.served} / ${run.limited} | ` +
        `${run.busiestSecond} | ${run.boundS.toFixed(1)} s | ${run.wallS.toFixed(1)} s | **${ratio.toFixed(2)}** | ${ok ? "**met**" : "**not met**"} |`,
    );
  }
  out();
  for (const run of runs) out(`- 429s of "${run.label}": ${run.limitedBy}.`);
  out();
}
