import http from "node:http";
import type { AddressInfo } from "node:net";
import { STRIPE_API_VERSION, STRIPE_APP_INFO, createStripeClient } from "../createStripeClient";

describe("createStripeClient against a local server", () => {
  interface SeenRequest {
    method?: string;
    url?: string;
    contentType?: string;
    stripeVersion?: string;
    userAgent?: string;
    body: string;
  }
  let server: http.Server;
  let apiBase: string;
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        seen.push({
          method: req.method,
          url: req.url,
          contentType: req.headers["content-type"],
          stripeVersion: req.headers["stripe-version"] as string | undefined,
          userAgent: req.headers["user-agent"],
          body: Buffer.concat(chunks).toString("latin1"),
        });
        res.setHeader("content-type", "application/json");
        res.end(
          req.url?.startsWith("/v1/files")
            ? JSON.stringify({ id: "file_1", object: "file", purpose: "business_logo" })
            : JSON.stringify({ object: "list", data: [], has_more: false, url: "/v1/products" }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiBase = `http://localhost:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it("sends API calls there with the pinned API version and the app's name", async () => {
    const stripe = createStripeClient({ apiKey: "sk_test_local", apiBase });
    await stripe.products.list({ limit: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "GET", url: "/v1/products?limit=1" });
    expect(seen[0]?.stripeVersion).toBe(STRIPE_API_VERSION);
    expect(seen[0]?.userAgent).toContain(STRIPE_APP_INFO.name);
  });

  it("keeps one connection for consecutive calls instead of opening one per call", async () => {
    // A new TCP connection per call costs a handshake on every Stripe request (and a TLS one
    // against api.stripe.com); stripe-node's default agent keeps connections alive.
    const sockets = new Set<unknown>();
    const note = (req: http.IncomingMessage) => sockets.add(req.socket);
    server.on("request", note);
    try {
      const stripe = createStripeClient({ apiKey: "sk_test_local", apiBase });
      for (let i = 0; i < 3; i++) await stripe.products.list({ limit: 1 });
    } finally {
      server.off("request", note);
    }
    expect(seen).toHaveLength(3);
    expect(sockets.size).toBe(1);
  });

  it("sends file uploads there too, not to files.stripe.com", async () => {
    const stripe = createStripeClient({ apiKey: "sk_test_local", apiBase });
    const file = await stripe.files.create({
      purpose: "business_logo",
      file: { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), name: "logo.png", type: "image/png" },
    });
    expect(file.id).toBe("file_1");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "POST", url: "/v1/files" });
    expect(seen[0]?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]?.body).toContain('name="purpose"');
    expect(seen[0]?.body).toContain('filename="logo.png"');
  });
});
