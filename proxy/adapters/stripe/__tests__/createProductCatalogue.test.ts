/**
 * The gateway's product catalogue (upsertProduct): the real stripe SDK against the
 * sandbox's Stripe emulator.
 */
import { productIdForCode } from "../productIdForCode";
import { useGatewayTestKit } from "./gatewayTestKit";

const { emulator, gateway, dashboard, productRequests } = useGatewayTestKit();

describe("upsertProduct", () => {
  it("creates the product once under the code's own id, then reuses it without writing", async () => {
    const payments = gateway();
    const details = { code: "TEA-01", name: "Green tea", description: "Sencha, 100 g" };

    const first = await payments.upsertProduct(details);
    emulator.clearRequests();
    const second = await payments.upsertProduct({ ...details, knownProductId: first.productId });

    expect(first.productId).toBe(productIdForCode("TEA-01"));
    expect(second.productId).toBe(first.productId);
    expect(emulator.state.products).toHaveLength(1);
    expect(emulator.state.products[0]).toMatchObject({
      id: first.productId,
      name: "Green tea",
      description: "Sencha, 100 g",
      metadata: { product_code: "TEA-01" },
    });
    expect(productRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/products/${first.productId}`,
    ]);
  });

  it("updates only what changed, and keeps the images when none are given", async () => {
    const payments = gateway();
    const images = ["https://img.example/tea.png"];
    const { productId } = await payments.upsertProduct({ code: "TEA-02", name: "Tea", images });
    const otherGateway = gateway(); // no memory of the first call

    emulator.clearRequests();
    await otherGateway.upsertProduct({ code: "TEA-02", name: "Tea" });
    expect(productRequests().filter((r) => r.method === "POST")).toEqual([]);

    await otherGateway.upsertProduct({ code: "TEA-02", name: "Green tea" });
    const writes = productRequests().filter((r) => r.method === "POST");
    expect(writes.map((r) => r.path)).toEqual([`/v1/products/${productId}`]);
    expect(emulator.state.products[0]).toMatchObject({ name: "Green tea", images });
  });

  it("makes one product when two checkouts upsert a new code at the same time", async () => {
    // Separate gateways stand for separate proxy processes: no shared in-process memory.
    const details = { code: "NEW-CODE", name: "New thing" };
    const results = await Promise.all([
      gateway().upsertProduct(details),
      gateway().upsertProduct(details),
      gateway().upsertProduct(details),
      gateway().upsertProduct(details),
    ]);

    expect(new Set(results.map((r) => r.productId)).size).toBe(1);
    expect(emulator.state.products).toHaveLength(1);
  });

  it("shares one round of calls between identical concurrent upserts in one process", async () => {
    const payments = gateway();
    const details = { code: "SAME", name: "Same" };
    await Promise.all([payments.upsertProduct(details), payments.upsertProduct(details)]);
    expect(productRequests().filter((r) => r.method === "POST")).toHaveLength(1);
    expect(emulator.state.products).toHaveLength(1);
  });

  it("finds its own product while search still lags, instead of creating another", async () => {
    emulator.configure({ searchLagMs: 60_000 });
    const created = await gateway().upsertProduct({ code: "LAG-1", name: "Lagging" });
    const again = await gateway().upsertProduct({ code: "LAG-1", name: "Lagging" });
    expect(again.productId).toBe(created.productId);
    expect(emulator.state.products).toHaveLength(1);
  });

  it("reuses a product registered by hand with metadata product_code", async () => {
    const code = "HAND MADE-1";
    const byHand = await dashboard().products.create({
      name: "Handmade mug",
      metadata: { product_code: code },
    });
    await dashboard().products.create({ name: "Other", metadata: { product_code: "OTHER" } });

    const payments = gateway();
    const first = await payments.upsertProduct({ code, name: "Handmade mug" });
    emulator.clearRequests();
    const second = await payments.upsertProduct({
      code,
      name: "Handmade mug",
      knownProductId: first.productId,
    });

    expect(first.productId).toBe(byHand.id);
    expect(second.productId).toBe(byHand.id);
    expect(emulator.state.products).toHaveLength(2);
    // Given the id the caller saved: the second call reads the product directly, no search.
    expect(productRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/products/${byHand.id}`,
    ]);
  });

  it("keeps one product for a code with quotes and backslashes in it", async () => {
    const code = `it's a "quoted" \\ code`;
    const first = await gateway().upsertProduct({ code, name: "Quoted" });
    const second = await gateway().upsertProduct({ code, name: "Quoted" });
    expect(second.productId).toBe(first.productId);
    expect(emulator.state.products.map((p) => p.metadata)).toEqual([{ product_code: code }]);
  });

  it("re-activates an archived product it reuses", async () => {
    const payments = gateway();
    const { productId } = await payments.upsertProduct({ code: "ARCH", name: "Archived" });
    await dashboard().products.update(productId, { active: false });

    await gateway().upsertProduct({ code: "ARCH", name: "Archived" });

    expect(emulator.state.products[0]?.active).toBe(true);
  });
});
