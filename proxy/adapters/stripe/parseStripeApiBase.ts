export interface StripeHostConfig {
  host: string;
  port: number;
  protocol: "http" | "https";
}

/**
 * `STRIPE_API_BASE` → the SDK's host/port/protocol. stripe-node sends file uploads to
 * `files.stripe.com` unless the instance host is not the default one: `resolveBaseAddress` then
 * returns the instance host for every base address (stripe.core.js), so one setting redirects both.
 */
export function parseStripeApiBase(apiBase: string): StripeHostConfig {
  let url: URL;
  try {
    url = new URL(apiBase);
  } catch {
    throw new Error(`STRIPE_API_BASE is not a URL: ${apiBase}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`STRIPE_API_BASE must be http or https, got ${url.protocol}`);
  }
  if (url.pathname !== "/" && url.pathname !== "") {
    // The SDK always requests /v1/…; a path prefix would be silently dropped.
    throw new Error(`STRIPE_API_BASE must not have a path, got ${url.pathname}`);
  }
  const protocol = url.protocol === "http:" ? "http" : "https";
  const port = url.port ? Number(url.port) : protocol === "http" ? 80 : 443;
  // URL keeps IPv6 hosts in brackets; the Node HTTP client wants them bare.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return { host, port, protocol };
}
