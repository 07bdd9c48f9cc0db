/** buildCheckoutPlan: which attachments become the product images. */
import { buildCheckoutPlan } from "../buildCheckoutPlan";
import { file, files, mapping, record } from "./kintoneFixtures";
import { issuesOf, onlyItem } from "./readPlan";

describe("buildCheckoutPlan: images", () => {
  const photos = files(
    file("manual.pdf", "application/pdf"),
    file("front.jpg", "image/jpeg"),
    file("back.png", "image/png"),
  );

  it("takes the first image file by default, skipping other attachments", () => {
    const plan = buildCheckoutPlan(
      [record("1", { photos })],
      mapping({}, { image: { field: "photos" } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual(["front.jpg"]);
  });

  it("reports an image index that points at a PDF", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { photos })],
        mapping({}, { image: { field: "photos", index: 0 } }),
      ),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "NOT_AN_IMAGE", field: "photos", recordId: "1" }),
    ]);
    expect(issues[0]!.message.en).toContain("manual.pdf");
  });

  it("reports an image index past the last file", () => {
    const issues = issuesOf(
      buildCheckoutPlan(
        [record("1", { photos })],
        mapping({}, { image: { field: "photos", index: 3 } }),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ code: "IMAGE_NOT_FOUND", field: "photos" })]);
  });

  it("takes the file at the index, counting from 0", () => {
    const plan = buildCheckoutPlan(
      [record("1", { photos })],
      mapping({}, { image: { field: "photos", index: 2 } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual(["back.png"]);
  });

  it("takes every image, at most 8, with all", () => {
    const many = files(
      ...Array.from({ length: 10 }, (_, i) => file(`p${i}.gif`, "image/gif")),
      file("x.pdf", "application/pdf"),
    );
    const plan = buildCheckoutPlan(
      [record("1", { photos: many })],
      mapping({}, { image: { field: "photos", all: true } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual([
      "p0.gif",
      "p1.gif",
      "p2.gif",
      "p3.gif",
      "p4.gif",
      "p5.gif",
      "p6.gif",
      "p7.gif",
    ]);
  });

  it("accepts WebP (the proxy re-encodes it) and content types with parameters, refuses SVG", () => {
    const mixed = files(file("a.svg", "image/svg+xml"), file("b.webp", "IMAGE/WEBP; q=1"));
    const plan = buildCheckoutPlan(
      [record("1", { photos: mixed })],
      mapping({}, { image: { field: "photos", all: true } }),
    );
    expect(onlyItem(plan).images.map((f) => f.name)).toEqual(["b.webp"]);
  });

  it("lets a product have no image when the field has none", () => {
    const plan = buildCheckoutPlan(
      [record("1", { photos: files() })],
      mapping({}, { image: { field: "photos" } }),
    );
    expect(onlyItem(plan).images).toEqual([]);
  });
});
