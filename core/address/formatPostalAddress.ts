/**
 * A postal address as one multi-line text, in the order its country writes it: what the proxy
 * writes into a kintone multi-line text field for a buyer's billing or shipping address.
 *
 * Stripe's address has six parts only (https://docs.stripe.com/api/charges/object#charge_object-billing_details-address):
 * `line1`, `line2`, `city`, `state`, `postal_code`, `country` (ISO 3166-1 alpha-2). For Japan
 * `state` is the prefecture, `city` the city or ward, `line1` the town and block, `line2` the
 * building (https://docs.stripe.com/api/accounts/object#account_object-company-address_kanji), so a
 * Japanese address reads 〒 and the postal code, then prefecture + city + line1, line2, then the
 * name — as an envelope is written in Japan. Elsewhere the name comes first and the country last,
 * the international order of the Universal Postal Union's addressing guidance.
 */

export interface PostalAddress {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  /** State, province, prefecture or county. */
  state?: string | null;
  postalCode?: string | null;
  /** ISO 3166-1 alpha-2, e.g. "JP", "US", "GB". */
  country?: string | null;
}

/** Where a country puts the locality, the state and the postal code after the street lines. */
type LocalityLayout = (city: string, state: string, postalCode: string) => string[];

/** "Springfield, IL 62701" (https://pe.usps.com/text/pub28/28c2_001.htm). */
const cityStatePostal: LocalityLayout = (city, state, postalCode) => [
  joinParts([city && state ? `${city},` : city, state, postalCode]),
];
/** "SYDNEY NSW 2000": no comma. */
const cityStatePostalPlain: LocalityLayout = (city, state, postalCode) => [
  joinParts([city, state, postalCode]),
];
/** Town, then county, then the postcode on a line of its own. */
const cityThenPostal: LocalityLayout = (city, state, postalCode) => [city, state, postalCode];
/** "10115 Berlin", the region (if any) below. */
const postalCity: LocalityLayout = (city, state, postalCode) => [
  joinParts([postalCode, city]),
  state,
];
/** "20121 Milano MI": the postal code, the town, then the province's code. */
const postalCityState: LocalityLayout = (city, state, postalCode) => [
  joinParts([postalCode, city, state]),
];

/** Countries whose order is known here; any other is written in the generic order. */
const LAYOUTS: Record<string, LocalityLayout> = {
  US: cityStatePostal,
  CA: cityStatePostal,
  AU: cityStatePostalPlain,
  GB: cityThenPostal,
  IE: cityThenPostal,
  IT: postalCityState,
  ...Object.fromEntries(
    [
      "DE", "FR", "NL", "BE", "LU", "AT", "CH", "LI", "DK", "NO", "SE", "FI", "IS", "ES", "PT",
      "PL", "CZ", "SK", "SI", "HR", "GR", "TR",
    ].map((country) => [country, postalCity]),
  ), // prettier-ignore
};

/**
 * The address (and the name, when given) as lines joined by "\n"; empty parts are left out.
 * An address with no part at all gives "".
 */
export function formatPostalAddress(address: PostalAddress, name?: string | null): string {
  const part = (value: string | null | undefined) => (value ?? "").trim();
  const country = part(address.country).toUpperCase();
  const [line1, line2, city, state, postalCode] = [
    address.line1,
    address.line2,
    address.city,
    address.state,
    address.postalCode,
  ].map(part) as [string, string, string, string, string];
  const person = part(name);
  if (![line1, line2, city, state, postalCode].some(Boolean)) return "";

  if (country === "JP") {
    return lines([
      postalCode ? `〒${japanesePostalCode(postalCode)}` : "",
      joinJapanese([state, city, line1]),
      line2,
      person,
    ]);
  }
  const layout = LAYOUTS[country] ?? cityStatePostalPlain;
  return lines([person, line1, line2, ...layout(city, state, postalCode), countryName(country)]);
}

function lines(parts: string[]): string {
  return parts.filter((line) => line !== "").join("\n");
}

function joinParts(parts: string[]): string {
  return parts.filter((p) => p !== "").join(" ");
}

/**
 * Japanese script runs on without spaces ("東京都千代田区千代田1-1"); a romanised part keeps a
 * space from its neighbour ("Tokyo Chiyoda-ku 1-1 Chiyoda").
 */
export function joinJapanese(parts: string[]): string {
  let joined = "";
  for (const part of parts.filter((p) => p !== "")) {
    const latinBoundary = /[A-Za-z]$/.test(joined) || /^[A-Za-z]/.test(part);
    joined += joined && latinBoundary ? ` ${part}` : part;
  }
  return joined;
}

/** "1000001" → "100-0001", the way Japan Post writes it; any other form is kept. */
function japanesePostalCode(code: string): string {
  return /^\d{7}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** The country's English name in capitals, as the last line of an international address. */
function countryName(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    const name = new Intl.DisplayNames(["en"], { type: "region" }).of(code);
    return (name ?? code).toUpperCase();
  } catch {
    return code;
  }
}
