import { normalizeProxyUrl } from "../normalizeProxyUrl";

describe("normalizeProxyUrl", () => {
  it.each([
    ["https://proxy.example.com", "https://proxy.example.com/"],
    ["  https://proxy.example.com/  ", "https://proxy.example.com/"],
    ["https://PROXY.example.com:8443/checkout", "https://proxy.example.com:8443/checkout/"],
    ["http://localhost:3000", "http://localhost:3000/"],
    ["http://127.0.0.1:3000/", "http://127.0.0.1:3000/"],
  ])("ends %p with a slash so the stored secret only matches that host (%p)", (input, url) => {
    expect(normalizeProxyUrl(input)).toEqual({ ok: true, url });
  });

  it("keeps a URL that a longer host name or user info could extend from matching the prefix", () => {
    const result = normalizeProxyUrl("https://proxy.example.com");
    if (!result.ok) throw new Error("expected a valid URL");
    expect("https://proxy.example.com.evil.test/v1".startsWith(result.url)).toBe(false);
    expect("https://proxy.example.com@evil.test/v1".startsWith(result.url)).toBe(false);
    expect("https://proxy.example.com/v1/checkouts".startsWith(result.url)).toBe(true);
  });

  it.each([
    "http://proxy.example.com/",
    "ftp://proxy.example.com/",
    "https://user:pass@proxy.example.com/",
    "https://proxy.example.com/?token=1",
    "https://proxy.example.com/#x",
    "javascript:alert(1)",
  ])("refuses %p", (input) => {
    expect(normalizeProxyUrl(input)).toEqual({ ok: false, reason: "scheme" });
  });

  it.each(["", "proxy.example.com", "https://"])("says %p is not a URL", (input) => {
    expect(normalizeProxyUrl(input)).toEqual({ ok: false, reason: "invalid" });
  });
});
