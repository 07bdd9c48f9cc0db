import { failedRecordsUrl, MAX_IDS_PER_LINK } from "../failedRecordsUrl";

describe("failedRecordsUrl", () => {
  it("opens the list filtered to the records by id", () => {
    const url = failedRecordsUrl("/k/12/", ["3", "9"]);
    expect(url).toBe(`/k/12/?query=${encodeURIComponent('$id in ("3", "9")')}`);
    expect(
      decodeURIComponent(new URL(url, "https://x.cybozu.com").searchParams.get("query")!),
    ).toBe('$id in ("3", "9")');
  });

  it("keeps the guest-space path and takes only record ids, at most a hundred", () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(i + 1));
    const url = failedRecordsUrl("/k/guest/3/12/", ['1") or ("2', ...ids]);
    expect(url.startsWith("/k/guest/3/12/?query=")).toBe(true);
    const query = new URL(url, "https://x.cybozu.com").searchParams.get("query")!;
    expect(query).not.toContain("or");
    expect(query.match(/"\d+"/g)).toHaveLength(MAX_IDS_PER_LINK);
  });
});
