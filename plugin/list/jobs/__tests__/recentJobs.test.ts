/** @jest-environment jsdom */
import type { Job } from "../../../../core/api/proxyApi";
import { messages } from "../../../i18n/messages";
import { fakeProxy, proxyError, type ProxyRoute } from "../../__tests__/fakeProxy";
import { ERRORS_SHOWN, RECENT_JOBS_CLASS, recentJobs } from "../recentJobs";

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

function show(route: ProxyRoute, language: "ja" | "en" = "en") {
  const proxy = fakeProxy({ "GET v1/jobs": route });
  const jobs = recentJobs({
    document,
    messages: messages[language],
    language,
    client: proxy.client,
    appId: "12",
    listPath: "/k/12/",
    nameRecord: (id) => `Record P-${id}`,
    refreshMs: 0,
  });
  document.body.replaceChildren(jobs.element);
  return { proxy, jobs, section: jobs.element as HTMLDetailsElement };
}

const answer = (...jobs: Job[]) => ({ status: 200, body: { jobs } });
const finishedWithErrors: Job = {
  id: "job_b",
  status: "partially_failed",
  total: 20,
  done: 17,
  failed: 3,
  createdAt: "2026-12-07T09:00:00.000Z",
  errors: [
    { recordId: "3", code: "VALIDATION_FAILED", message: "No payment link made: price: is empty" },
    { recordId: "9", code: "RECORD_CHANGED", message: "No payment link made: changed" },
    { recordId: "44", code: "RECORD_NOT_FOUND", message: "Record 44 was not found." },
  ],
};
const succeeded: Job = {
  id: "job_a",
  status: "succeeded",
  total: 5,
  done: 5,
  failed: 0,
  errors: [],
};

const items = (section: HTMLElement) => [
  ...section.querySelectorAll<HTMLElement>(`.${RECENT_JOBS_CLASS}-job`),
];

describe("recentJobs", () => {
  it("lists the app's jobs as the proxy answers them, with progress, record errors and a link to those records", async () => {
    const { section, jobs, proxy } = show(() => answer(finishedWithErrors, succeeded));
    await jobs.loaded;
    expect(proxy.calls).toEqual([{ method: "GET", path: "v1/jobs", data: {} }]);
    expect(section.hidden).toBe(false);
    expect(section.open).toBe(true);
    expect(section.querySelector("summary")?.textContent).toBe("Recent jobs (2)");
    const [first, second] = items(section);
    expect(first!.dataset.jobId).toBe("job_b");
    expect(first!.textContent).toContain("Partly failed");
    expect(first!.textContent).toContain("17 of 20 records done, 3 failed");
    expect(first!.textContent).toContain("Started ");
    expect([...first!.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "Record P-3: No payment link made: price: is empty",
      "Record P-9: No payment link made: changed",
      "Record P-44: Record 44 was not found.",
    ]);
    // The link opens the records that exist (a missing one cannot be listed).
    const link = first!.querySelector<HTMLAnchorElement>(`.${RECENT_JOBS_CLASS}-open-failed`)!;
    expect(link.textContent).toBe("Open the 2 failed records in the list");
    expect(decodeURIComponent(link.getAttribute("href")!)).toBe('/k/12/?query=$id in ("3", "9")');
    expect(second!.textContent).toContain("Done");
    expect(second!.querySelector("a")).toBeNull();
    expect(section.querySelector("progress")).toBeNull();
  });

  it("says it in Japanese", async () => {
    const { section, jobs } = show(() => answer(finishedWithErrors), "ja");
    await jobs.loaded;
    expect(section.querySelector("summary")?.textContent).toBe("最近の一括作成 (1)");
    expect(section.textContent).toContain("20 件中 17 件作成、3 件失敗");
    expect(section.textContent).toContain("失敗したレコード 2 件を一覧で開く");
  });

  it("counts the errors it does not list", async () => {
    const errors = Array.from({ length: ERRORS_SHOWN + 3 }, (_, i) => ({
      recordId: String(i + 1),
      code: "STRIPE_ERROR",
      message: "declined",
    }));
    const { section, jobs } = show(() => answer({ ...finishedWithErrors, failed: 10, errors }));
    await jobs.loaded;
    const lines = [...section.querySelectorAll(`.${RECENT_JOBS_CLASS}-errors li`)];
    expect(lines).toHaveLength(ERRORS_SHOWN + 1);
    expect(lines.at(-1)?.textContent).toBe(`and ${10 - ERRORS_SHOWN} more`);
  });

  it("says why a job failed as a whole", async () => {
    const failed: Job = {
      id: "job_q",
      status: "failed",
      total: 0,
      done: 0,
      failed: 0,
      errors: [{ recordId: "", code: "KINTONE_ERROR", message: "no permission" }],
    };
    const { section, jobs } = show(() => answer(failed));
    await jobs.loaded;
    expect(section.textContent).toContain("The job failed: no permission");
    expect(section.querySelector("a")).toBeNull();
  });

  it("follows a running job until it finishes, then offers its failed records", async () => {
    const answers = [
      { ...finishedWithErrors, status: "running", done: 5, failed: 1, errors: [] } as Job,
      finishedWithErrors,
    ];
    const { section, jobs, proxy } = show(() =>
      answer(answers.length > 1 ? answers.shift()! : answers[0]!),
    );
    await jobs.loaded;
    const bar = section.querySelector("progress")!;
    expect([bar.max, bar.value]).toEqual([20, 6]);
    expect(section.querySelector("a")).toBeNull();
    for (let i = 0; i < 20 && section.querySelector("progress"); i++) await settle();
    expect(section.querySelector("progress")).toBeNull();
    expect(section.querySelector(`.${RECENT_JOBS_CLASS}-open-failed`)).not.toBeNull();
    const calls = proxy.calls.length;
    await settle();
    expect(proxy.calls.length).toBe(calls);
  });

  it("stops asking once the dialog is gone", async () => {
    const running: Job = { ...succeeded, status: "running", done: 1 };
    const { section, jobs, proxy } = show(() => answer(running));
    await jobs.loaded;
    section.remove();
    await settle();
    await settle();
    expect(proxy.calls.length).toBeLessThanOrEqual(2);
  });

  it("stays hidden with no jobs, or from a proxy that cannot list them", async () => {
    for (const route of [() => answer(), () => proxyError(404, "NOT_FOUND")]) {
      const { section, jobs } = show(route);
      await jobs.loaded;
      expect(section.hidden).toBe(true);
    }
  });
});
