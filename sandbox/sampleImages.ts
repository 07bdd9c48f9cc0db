/**
 * Product pictures for the sample apps, drawn as SVG and rendered to PNG with sharp at start: real
 * image files (well under Stripe's 512 KB for `business_logo`), no binary assets in git.
 */
import sharp from "sharp";

export type ProductPicture =
  | "mug"
  | "tshirt"
  | "notebook"
  | "matcha"
  | "tote"
  | "earbuds"
  | "plant"
  | "coffee"
  | "stickers"
  | "bento"
  | "lamp"
  | "socks";

const SIZE = 480;

/** Background hues per picture: soft two-stop gradients. */
const BACKGROUNDS: Record<ProductPicture, [string, string]> = {
  mug: ["#fdebd3", "#f7c98b"],
  tshirt: ["#e0f0ff", "#a9cdf5"],
  notebook: ["#f3e8ff", "#cdb4f3"],
  matcha: ["#eaf6e4", "#b8dca5"],
  tote: ["#fff6dc", "#f3d98a"],
  earbuds: ["#e9eef3", "#b9c6d3"],
  plant: ["#e6f7f1", "#a8dcc8"],
  coffee: ["#f4e9e1", "#d2b49c"],
  stickers: ["#ffe8ef", "#f7b3c9"],
  bento: ["#fff0e6", "#f5bf9b"],
  lamp: ["#eef0ff", "#b8bff2"],
  socks: ["#e8fbfb", "#9fdede"],
};

const DRAWINGS: Record<ProductPicture, string> = {
  mug: `
    <path d="M150 200 h150 v130 a40 40 0 0 1 -40 40 h-70 a40 40 0 0 1 -40 -40z" fill="#ffffff" stroke="#c9793a" stroke-width="8"/>
    <path d="M300 225 a45 45 0 0 1 0 90" fill="none" stroke="#c9793a" stroke-width="16"/>
    <rect x="150" y="200" width="150" height="22" fill="#c9793a"/>
    <path d="M190 170 q-15 -25 0 -50 M225 170 q-15 -25 0 -50 M260 170 q-15 -25 0 -50" fill="none" stroke="#d9a574" stroke-width="7" stroke-linecap="round"/>`,
  tshirt: `
    <path d="M170 130 l-80 45 35 65 40 -20 v150 h150 v-150 l40 20 35 -65 -80 -45 q-35 35 -70 0z" fill="#3d7cc9" stroke="#2c5d99" stroke-width="6" stroke-linejoin="round"/>
    <path d="M205 133 q35 30 70 0" fill="none" stroke="#2c5d99" stroke-width="6"/>
    <circle cx="240" cy="260" r="28" fill="#ffffff" opacity=".85"/>`,
  notebook: `
    <rect x="150" y="110" width="190" height="260" rx="14" fill="#7b52c7"/>
    <rect x="170" y="110" width="170" height="260" rx="10" fill="#8e66d6"/>
    <rect x="205" y="160" width="105" height="40" rx="6" fill="#ffffff" opacity=".9"/>
    ${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<circle cx="150" cy="${135 + i * 30}" r="9" fill="none" stroke="#4a3280" stroke-width="5"/>`).join("")}`,
  matcha: `
    <ellipse cx="240" cy="250" rx="120" ry="30" fill="#5a8f3c"/>
    <path d="M120 250 a120 110 0 0 0 240 0z" fill="#2f4f2f"/>
    <ellipse cx="240" cy="250" rx="108" ry="22" fill="#8cc152"/>
    <path d="M330 120 l-40 110" stroke="#caa472" stroke-width="10" stroke-linecap="round"/>
    <path d="M300 200 q-20 40 10 50 q30 -5 20 -45z" fill="#e3c999"/>`,
  tote: `
    <path d="M195 190 q0 -80 45 -80 q45 0 45 80" fill="none" stroke="#b58b2a" stroke-width="12"/>
    <path d="M140 190 h200 l-20 190 h-160z" fill="#f4e3b2" stroke="#b58b2a" stroke-width="6" stroke-linejoin="round"/>
    <path d="M200 270 l40 -30 40 30 -40 30z" fill="#e07a5f"/>`,
  earbuds: `
    <rect x="150" y="230" width="180" height="120" rx="55" fill="#ffffff" stroke="#8a9aab" stroke-width="6"/>
    <line x1="150" y1="280" x2="330" y2="280" stroke="#8a9aab" stroke-width="4"/>
    <circle cx="200" cy="170" r="34" fill="#ffffff" stroke="#8a9aab" stroke-width="6"/>
    <rect x="190" y="190" width="20" height="60" rx="10" fill="#ffffff" stroke="#8a9aab" stroke-width="6"/>
    <circle cx="285" cy="160" r="34" fill="#ffffff" stroke="#8a9aab" stroke-width="6"/>
    <rect x="275" y="180" width="20" height="60" rx="10" fill="#ffffff" stroke="#8a9aab" stroke-width="6"/>`,
  plant: `
    <ellipse cx="240" cy="170" rx="28" ry="75" fill="#3f9b6e"/>
    <ellipse cx="190" cy="195" rx="24" ry="62" fill="#55b487" transform="rotate(-35 190 195)"/>
    <ellipse cx="290" cy="195" rx="24" ry="62" fill="#55b487" transform="rotate(35 290 195)"/>
    <path d="M165 250 h150 l-20 120 h-110z" fill="#d9825b"/>
    <rect x="155" y="240" width="170" height="28" rx="6" fill="#c46a43"/>`,
  coffee: `
    <path d="M170 130 h140 l15 40 v200 h-170 v-200z" fill="#6b4226"/>
    <rect x="155" y="170" width="170" height="14" fill="#4e2f1a"/>
    <rect x="190" y="220" width="100" height="80" rx="8" fill="#f4e9e1"/>
    <ellipse cx="240" cy="260" rx="20" ry="28" fill="#6b4226" transform="rotate(20 240 260)"/>
    <path d="M232 238 q14 22 -2 46" stroke="#f4e9e1" stroke-width="4" fill="none"/>`,
  stickers: `
    <circle cx="185" cy="190" r="55" fill="#ff6b8b"/>
    <polygon points="300,120 318,170 370,170 328,200 344,250 300,220 256,250 272,200 230,170 282,170" fill="#ffd166"/>
    <rect x="200" y="250" width="110" height="110" rx="24" fill="#06d6a0" transform="rotate(-12 255 305)"/>
    <circle cx="170" cy="180" r="8" fill="#fff"/><circle cx="200" cy="180" r="8" fill="#fff"/>
    <path d="M165 205 q20 20 40 0" stroke="#fff" stroke-width="6" fill="none" stroke-linecap="round"/>`,
  bento: `
    <rect x="110" y="150" width="260" height="190" rx="18" fill="#8c2f1f"/>
    <rect x="125" y="165" width="230" height="160" rx="10" fill="#fff7ef"/>
    <line x1="240" y1="165" x2="240" y2="325" stroke="#8c2f1f" stroke-width="8"/>
    <line x1="240" y1="245" x2="355" y2="245" stroke="#8c2f1f" stroke-width="8"/>
    <ellipse cx="182" cy="245" rx="40" ry="55" fill="#ffffff" stroke="#e8dccf" stroke-width="3"/>
    <circle cx="182" cy="245" r="12" fill="#d1495b"/>
    <circle cx="275" cy="205" r="18" fill="#f4a259"/><circle cx="315" cy="205" r="18" fill="#f4a259"/>
    <rect x="265" y="265" width="70" height="40" rx="8" fill="#7fb069"/>`,
  lamp: `
    <ellipse cx="240" cy="370" rx="80" ry="16" fill="#3d4a8a"/>
    <path d="M240 365 l-50 -110 l90 -80" fill="none" stroke="#3d4a8a" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M255 150 l80 -20 25 70 -80 20z" fill="#5a67d8"/>
    <path d="M330 205 l30 70" stroke="#ffe38a" stroke-width="30" opacity=".5" stroke-linecap="round"/>`,
  socks: `
    <path d="M180 110 h70 v160 l60 40 q25 25 0 50 q-20 15 -45 0 l-85 -60z" fill="#2a9d8f"/>
    <rect x="180" y="110" width="70" height="30" fill="#e9c46a"/>
    <path d="M180 180 h70 M180 220 h70" stroke="#e9c46a" stroke-width="12"/>
    <path d="M260 140 h60 v130 l50 35 q20 22 0 42 q-18 12 -38 0 l-72 -52z" fill="#e76f51" opacity=".9"/>
    <rect x="260" y="140" width="60" height="26" fill="#f4a261"/>`,
};

export function productPictureSvg(picture: ProductPicture): string {
  const [from, to] = BACKGROUNDS[picture];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="${SIZE}" height="${SIZE}" fill="url(#bg)"/>
  <ellipse cx="240" cy="395" rx="150" ry="22" fill="#000000" opacity=".08"/>
  ${DRAWINGS[picture]}
</svg>`;
}

/** A PNG of the picture. */
export async function renderProductPicture(picture: ProductPicture): Promise<Buffer> {
  return sharp(Buffer.from(productPictureSvg(picture)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}
