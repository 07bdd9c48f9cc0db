/**
 * A Checkout Session's tax and invoice parameters (pinned API version,
 * https://docs.stripe.com/api/checkout/sessions/create): `automatic_tax` {enabled},
 * `tax_id_collection` {enabled, required}, `invoice_creation` {enabled, invoice_data {description,
 * footer, custom_fields (at most 4; name ≤ 40, value ≤ 140 characters), metadata, account_tax_ids,
 * rendering_options}} — payment mode only. Stripe Tax's own computation is not modelled: a session
 * with automatic tax charges the lines as given, with no tax.
 */
import { mergeMetadata, type ParamReader } from "../params";
import { invalidParam } from "../StripeApiError";

export const TAX_AND_INVOICE_PARAMS = ["automatic_tax", "tax_id_collection", "invoice_creation"];

export interface SessionTaxAndInvoiceFields {
  automatic_tax: { enabled: boolean; liability: null; status: "complete" | null };
  tax_id_collection: { enabled: boolean; required: "if_supported" | "never" } | null;
  invoice_creation: {
    enabled: boolean;
    invoice_data: {
      account_tax_ids: string[] | null;
      custom_fields: { name: string; value: string }[] | null;
      description: string | null;
      footer: string | null;
      metadata: Record<string, string>;
      rendering_options: { amount_tax_display: string | null } | null;
    };
  } | null;
  /** The invoice issued once the session is paid (invoice_creation). */
  invoice: string | null;
}

export function readSessionTaxAndInvoiceOptions(
  params: ParamReader,
  lineTaxRates: boolean,
): SessionTaxAndInvoiceFields {
  const automatic = params.object("automatic_tax", ["enabled", "liability"]);
  const automaticEnabled = automatic?.boolean("enabled", { required: true }) ?? false;
  if (automaticEnabled && lineTaxRates) {
    throw invalidParam(
      "automatic_tax[enabled]",
      "You cannot use `tax_rates` on line items when `automatic_tax[enabled]` is true.",
    );
  }
  const taxId = params.object("tax_id_collection", ["enabled", "required"]);
  const invoice = params.object("invoice_creation", ["enabled", "invoice_data"]);
  return {
    automatic_tax: {
      enabled: automaticEnabled,
      liability: null,
      status: automaticEnabled ? "complete" : null,
    },
    tax_id_collection: taxId
      ? {
          enabled: taxId.boolean("enabled", { required: true }) as boolean,
          required: taxId.enumOf("required", ["if_supported", "never"]) ?? "never",
        }
      : null,
    invoice_creation: invoice
      ? {
          enabled: invoice.boolean("enabled", { required: true }) as boolean,
          invoice_data: readInvoiceData(invoice),
        }
      : null,
    invoice: null,
  };
}

function readInvoiceData(
  invoice: ParamReader,
): NonNullable<SessionTaxAndInvoiceFields["invoice_creation"]>["invoice_data"] {
  const data = invoice.object("invoice_data", [
    "account_tax_ids", "custom_fields", "description", "footer", "issuer", "metadata", "rendering_options",
  ]); // prettier-ignore
  const fields = data?.objectArray("custom_fields", ["name", "value"]);
  if (fields && fields.length > 4) {
    throw invalidParam(
      data!.name("custom_fields"),
      `Invalid array: custom_fields must have at most 4 items (it currently has ${fields.length}).`,
    );
  }
  const rendering = data?.object("rendering_options", ["amount_tax_display", "template"]);
  return {
    account_tax_ids: (data?.stringArray("account_tax_ids") as string[] | undefined) ?? null,
    custom_fields:
      fields?.map((field) => ({
        name: field.requiredString("name", { maxLength: 40 }),
        value: field.requiredString("value", { maxLength: 140 }),
      })) ?? null,
    description: data?.optionalString("description", { maxLength: 1500 }) ?? null,
    footer: data?.optionalString("footer", { maxLength: 5000 }) ?? null,
    metadata: mergeMetadata({}, data?.metadata()),
    rendering_options: rendering
      ? {
          amount_tax_display:
            rendering.enumOf("amount_tax_display", ["exclude_tax", "include_inclusive_tax"]) ??
            null,
        }
      : null,
  };
}
