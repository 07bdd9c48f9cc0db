import { describeStore } from "./journalAdapters";

describeStore("catalogue", (catalogue) => {
  it("caches product ids and image URLs", () => {
    catalogue.putProduct("s:product:A", { productId: "prod_1", contentHash: "h1" });
    catalogue.putProduct("s:product:A", { productId: "prod_1", contentHash: "h2" });
    expect(catalogue.getProduct("s:product:A")).toEqual({
      productId: "prod_1",
      contentHash: "h2",
    });
    catalogue.putImageUrl("s:image:abc", "https://files/1");
    expect(catalogue.getImageUrl("s:image:abc")).toBe("https://files/1");
    expect(catalogue.getImageUrl("s:image:def")).toBeUndefined();
  });
});
