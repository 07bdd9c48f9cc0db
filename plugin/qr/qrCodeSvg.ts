/**
 * A QR code as an SVG element built with the DOM API, from the `qrcode` library's module matrix
 * (https://github.com/soldair/node-qrcode#createtext-options; its encoder alone): no image fetched, no markup parsed.
 * Error correction "M" survives a little glare on a phone's camera; the quiet zone is the four
 * modules ISO/IEC 18004 asks for, so a scanner finds the code on any background.
 */
import { create } from "qrcode/lib/core/qrcode";

const SVG_NS = "http://www.w3.org/2000/svg";
export const QUIET_ZONE_MODULES = 4;
/** Large enough for a phone held at arm's length (about 6 cm on a typical screen). */
export const QR_CODE_SIZE_PX = 240;

export interface QrCodeSvgOptions {
  sizePx?: number;
  /** What a screen reader says instead of the picture. */
  label: string;
}

/** One path of unit squares, one per dark module, offset by the quiet zone. */
export function darkModulesPath(text: string): { path: string; modules: number } {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) {
        parts.push(`M${column + QUIET_ZONE_MODULES} ${row + QUIET_ZONE_MODULES}h1v1h-1z`);
      }
    }
  }
  return { path: parts.join(""), modules: modules.size + 2 * QUIET_ZONE_MODULES };
}

export function qrCodeSvg(doc: Document, text: string, options: QrCodeSvgOptions): SVGSVGElement {
  const size = String(options.sizePx ?? QR_CODE_SIZE_PX);
  const { path, modules } = darkModulesPath(text);
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${modules} ${modules}`);
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", options.label);
  svg.setAttribute("shape-rendering", "crispEdges");
  svg.setAttribute("class", "kintone-stripe-checkout-qr-code");
  const background = doc.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", String(modules));
  background.setAttribute("height", String(modules));
  background.setAttribute("fill", "#ffffff");
  const dark = doc.createElementNS(SVG_NS, "path");
  dark.setAttribute("d", path);
  dark.setAttribute("fill", "#000000");
  svg.append(background, dark);
  return svg;
}
