/**
 * How the gateway looks up a session's product codes (prepareProducts, then upsertProduct): the
 * real stripe SDK against the sandbox's Stripe emulator.
 */
import { productIdForCode } from "../productIdForCode";
import { requestLine, tenLines, upsertSession, useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway, dashboard, productRequests, sessionRequest } = useGatewayTestKit();

describe("a session's new product codes", () => {
  it("cost one search for all ten, one create each and the session: 12 requests, not 31", async () => {
    const payments = gateway();
    const lines = tenLines();

    const ids = await upsertSession(payments, lines);
    await payments.createCheckoutSession(
      sessionRequest({
        lineItems: ids.map((id) => ({ product: { id }, unitAmount: 100, quantity: 1 })),
      }),
    );

    expect(emulator.requests.length).toBeLessThanOrEqual(lines.length + 2);
    expect(emulator.requests.map(requestLine).sort()).toEqual(
      [
        "GET /v1/products/search",
        ...lines.map(() => "POST /v1/products"),
        "POST /v1/checkout/sessions",
      ].sort(),
    );
    expect(ids).toEqual(lines.map((line) => productIdForCode(line.code)));
    expect(emulator.state.products).toHaveLength(10);
  });

  it("are looked up ten codes to a search, as Stripe combines at most 10 clauses", async () => {
    const payments = gateway();
    const lines = Array.from({ length: 23 }, (_, i) => ({ code: `Q-${i}`, name: `Q ${i}` }));

    await upsertSession(payments, lines);

    const searches = emulator.requests.filter((r) => r.path === "/v1/products/search");
    expect(searches.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(emulator.requests.filter((r) => r.method === "POST")).toHaveLength(23);
    expect(emulator.state.products).toHaveLength(23);
  });

  it("reuse the products registered by hand among them, and create only the others", async () => {
    const lines = tenLines("MIX");
    const byHand = new Map<string, string>();
    for (const line of [lines[2]!, lines[5]!, lines[9]!]) {
      const product = await dashboard().products.create({
        name: line.name,
        metadata: { product_code: line.code },
      });
      byHand.set(line.code, product.id);
    }
    // Search is case-insensitive; a product of code "mix-0" is not the product of "MIX-0".
    await dashboard().products.create({ name: "Other", metadata: { product_code: "mix-0" } });
    emulator.clearRequests();

    const ids = await upsertSession(gateway(), lines);

    expect(ids).toEqual(lines.map((line) => byHand.get(line.code) ?? productIdForCode(line.code)));
    expect(emulator.state.products).toHaveLength(4 + 7);
    expect(productRequests().filter((r) => r.path === "/v1/products/search")).toHaveLength(1);
    expect(productRequests().filter((r) => r.method === "POST")).toHaveLength(7);
  });

  it("prefer the code's own product to one registered by hand when both exist", async () => {
    const code = "BOTH";
    await gateway().upsertProduct({ code, name: "Ours" });
    await dashboard().products.create({ name: "By hand", metadata: { product_code: code } });

    const [id] = await upsertSession(gateway(), [{ code, name: "Ours" }]);

    expect(id).toBe(productIdForCode(code));
  });

  it("still make one product per code when two processes create them at once", async () => {
    const lines = tenLines("RACE");
    // Separate gateways stand for separate proxy processes; both looked up before either created.
    const [first, second] = await Promise.all([
      upsertSession(gateway(), lines),
      upsertSession(gateway(), lines),
    ]);

    expect(second).toEqual(first);
    expect(emulator.state.products).toHaveLength(10);
    const refused = emulator.requests.filter((r) => r.method === "POST" && r.status === 400);
    // Every refusal is Stripe's "that id exists", answered by reading the winner's product.
    expect(refused.length).toBeGreaterThan(0);
    expect(
      emulator.requests.filter((r) => r.method === "GET" && r.path.startsWith("/v1/products/kc_")),
    ).toHaveLength(refused.length);
  });

  it("do not duplicate products another process made a moment ago, while search lags", async () => {
    emulator.configure({ searchLagMs: 60_000 });
    const lines = tenLines("LAGGING");
    const first = await upsertSession(gateway(), lines);
    emulator.clearRequests();

    const second = await upsertSession(gateway(), [
      ...lines.slice(0, 5),
      { ...lines[5]!, name: "Renamed" },
      ...lines.slice(6),
    ]);

    expect(second).toEqual(first);
    expect(emulator.state.products).toHaveLength(10);
    expect(emulator.state.products.find((p) => p.id === first[5])?.name).toBe("Renamed");
  });

  it("are looked up one by one when the session's lookup fails, and still created", async () => {
    emulator.failNext({ method: "GET", pathPrefix: "/v1/products/search", status: 500 });
    const logger = { info: jest.fn(), warn: jest.fn() };
    const lines = tenLines("NOLOOKUP");

    const ids = await upsertSession(gateway({ logger, maxNetworkRetries: 0 }), lines);

    expect(ids).toEqual(lines.map((line) => productIdForCode(line.code)));
    const searches = emulator.requests.filter((r) => r.path === "/v1/products/search");
    expect(searches.map((r) => r.status)).toEqual([500, ...lines.map(() => 200)]);
    expect(emulator.state.products).toHaveLength(10);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.anything(),
      expect.stringMatching(/lookup failed/),
    );
  });

  it("cost a search and a create when no lookup was prepared", async () => {
    const { productId } = await gateway().upsertProduct({ code: "ALONE", name: "Alone" });

    expect(productId).toBe(productIdForCode("ALONE"));
    expect(emulator.requests.map(requestLine)).toEqual([
      "GET /v1/products/search",
      "POST /v1/products",
    ]);
  });

  it("skip the lookup for codes whose product id the caller knows", async () => {
    const payments = gateway();
    const { productId } = await payments.upsertProduct({ code: "KNOWN", name: "Known" });
    emulator.clearRequests();

    await upsertSession(payments, [{ code: "KNOWN", name: "Known", knownProductId: productId }]);

    expect(emulator.requests.map(requestLine)).toEqual([
      `GET /v1/products/${productIdForCode("KNOWN")}`,
    ]);
  });
});
