import { storeContract } from "./storeContract";

export const catalogueContract = storeContract("catalogue", (catalogue) => {
  it("caches product ids and image URLs", async () => {
    await catalogue.putProduct("s:product:A", { productId: "prod_1", contentHash: "h1" });
    await catalogue.putProduct("s:product:A", { productId: "prod_1", contentHash: "h2" });
    expect(await catalogue.getProduct("s:product:A")).toEqual({
      productId: "prod_1",
      contentHash: "h2",
    });
    await catalogue.putImageUrl("s:image:abc", "https://files/1");
    expect(await catalogue.getImageUrl("s:image:abc")).toBe("https://files/1");
    expect(await catalogue.getImageUrl("s:image:def")).toBeUndefined();
  });
});
