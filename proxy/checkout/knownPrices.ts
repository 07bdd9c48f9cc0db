import type { KnownPrice } from "../../core/engine/CheckoutPlan";
import type { KintoneRecord } from "../../core/kintone/KintoneRecord";
import type { MappingConfig } from "../../core/mapping/MappingConfig";
import type { UseCaseDeps } from "../deps/UseCaseDeps";

const PRICE_ID = /^price_[A-Za-z0-9]+$/;

/**
 * The existing Stripe Prices the records' lines name (`lineItem.priceId`), read from Stripe
 * before planning so the engine can price those lines (a read: allowed in a dry run). An id
 * that is no `price_…` or that Stripe does not know is left out; the engine reports it.
 */
export async function knownPrices(
  deps: Pick<UseCaseDeps, "gateway">,
  records: KintoneRecord[],
  mapping: MappingConfig,
): Promise<Map<string, KnownPrice>> {
  const ids = [...new Set(records.flatMap((record) => priceIdsOf(record, mapping)))];
  const prices = new Map<string, KnownPrice>();
  await Promise.all(
    ids.map(async (id) => {
      const price = await deps.gateway.retrievePrice(id);
      if (price) {
        const { unitAmount, currency, active, recurring, recurringInterval } = price;
        prices.set(id, {
          unitAmount,
          currency,
          active,
          recurring,
          ...(recurringInterval ? { recurringInterval } : {}),
        });
      }
    }),
  );
  return prices;
}

/** The Price ids a record's lines may name: a constant, or the field of the record or its rows. */
function priceIdsOf(record: KintoneRecord, mapping: MappingConfig): string[] {
  const ref = mapping.lineItem.priceId;
  if (ref === undefined) return [];
  const texts: unknown[] = [];
  if ("const" in ref) texts.push(ref.const);
  if ("field" in ref) {
    texts.push(record[ref.field]?.value);
    if (mapping.source.type === "subtable") {
      const rows = record[mapping.source.field]?.value;
      if (Array.isArray(rows)) {
        for (const row of rows as { value?: Record<string, { value?: unknown }> }[]) {
          texts.push(row.value?.[ref.field]?.value);
        }
      }
    }
  }
  return texts.flatMap((text) =>
    typeof text === "string" && PRICE_ID.test(text.trim()) ? [text.trim()] : [],
  );
}
