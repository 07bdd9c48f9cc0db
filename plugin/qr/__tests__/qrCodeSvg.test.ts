/** @jest-environment jsdom */
import "./textEncoderForJsdom";
import jsQR from "jsqr";
import { QUIET_ZONE_MODULES, qrCodeSvg } from "../qrCodeSvg";

const LINK =
  "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0#fidkdWxOYHwnPyd1blpxYHZxWjA0";

/** Paints the SVG's unit squares into RGBA pixels, `scale` pixels a module, as a camera would see it. */
function rasterize(svg: SVGSVGElement, scale = 4) {
  const modules = Number(svg.getAttribute("viewBox")!.split(" ")[2]);
  const side = modules * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const d = svg.querySelector("path")!.getAttribute("d")!;
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const offset = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return { pixels, side, modules };
}

describe("qrCodeSvg", () => {
  it("decodes to exactly the link it holds", () => {
    const { pixels, side } = rasterize(qrCodeSvg(document, LINK, { label: "QR" }));
    expect(jsQR(pixels, side, side)?.data).toBe(LINK);
  });

  it("keeps a quiet zone of four light modules on every side", () => {
    const svg = qrCodeSvg(document, LINK, { label: "QR" });
    const { modules } = rasterize(svg);
    const squares = [
      ...svg
        .querySelector("path")!
        .getAttribute("d")!
        .matchAll(/M(\d+) (\d+)/g),
    ];
    const coordinates = squares.flatMap(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...coordinates)).toBe(QUIET_ZONE_MODULES);
    expect(Math.max(...coordinates)).toBe(modules - QUIET_ZONE_MODULES - 1);
    expect(svg.querySelector("rect")?.getAttribute("fill")).toBe("#ffffff");
  });

  it("is drawn at least 200 CSS px square and named for screen readers", () => {
    const svg = qrCodeSvg(document, LINK, { label: "QR code of the payment link" });
    expect(Number(svg.getAttribute("width"))).toBeGreaterThanOrEqual(200);
    expect(svg.getAttribute("height")).toBe(svg.getAttribute("width"));
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("QR code of the payment link");
  });
});
