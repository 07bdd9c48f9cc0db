/**
 * The emulator's hosted invoice page (`hosted_invoice_url`, `/i/<id>`) and its "PDF" (`/i/<id>/pdf`,
 * the same document; the emulator renders no real PDF): number, dates, lines, the tax per rate
 * and the totals, and the invoice's custom fields (the registration number) and footer, as a
 * qualified invoice shows them. Every value is escaped.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml, sendHtml } from "./emulatorHtml";
import { formatAmount } from "./currencies";
import type { StripeStore } from "./StripeStore";
import type { Invoice } from "./taxAndInvoiceObjects";

export const INVOICE_PATH_PREFIX = "/i/";

function invoicePage(invoice: Invoice, store: StripeStore): string {
  const money = (amount: number) => escapeHtml(formatAmount(amount, invoice.currency));
  const lines = invoice.lines.data
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.description ?? "")}</td><td>${line.quantity}</td><td>${money(line.amount)}</td></tr>`,
    )
    .join("");
  const byRate = new Map<string, { amount: number; taxable: number; label: string }>();
  for (const tax of invoice.total_taxes) {
    const rate = store.taxRates.get(tax.tax_rate_details.tax_rate);
    const label = rate ? `${rate.display_name} ${rate.percentage}%` : tax.tax_rate_details.tax_rate;
    const entry = byRate.get(label) ?? { amount: 0, taxable: 0, label };
    entry.amount += tax.amount;
    entry.taxable += tax.taxable_amount;
    byRate.set(label, entry);
  }
  const taxes = [...byRate.values()]
    .map(
      (tax) =>
        `<tr><td colspan="2">${escapeHtml(tax.label)} (${money(tax.taxable)})</td><td>${money(tax.amount)}</td></tr>`,
    )
    .join("");
  const fields = (invoice.custom_fields ?? [])
    .map((field) => `<p>${escapeHtml(field.name)}: ${escapeHtml(field.value)}</p>`)
    .join("");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(invoice.number)}</title></head>
<body style="font-family:sans-serif;max-width:720px;margin:2em auto">
<h1>Invoice ${escapeHtml(invoice.number)}</h1>
<p>${escapeHtml(invoice.description ?? "")}</p>${fields}
<p>${paidLine(invoice.status_transitions.paid_at)}</p>
<table style="width:100%;border-collapse:collapse"><tbody>${lines}
<tr><td colspan="2">Subtotal</td><td>${money(invoice.subtotal)}</td></tr>${taxes}
<tr><th colspan="2" style="text-align:left">Total</th><th style="text-align:left">${money(invoice.total)}</th></tr>
</tbody></table><p>${escapeHtml(invoice.footer ?? "")}</p></body></html>`;
}

export function handleHostedInvoice(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  store: StripeStore,
): void {
  const id = path.slice(INVOICE_PATH_PREFIX.length).replace(/\/pdf$/, "");
  const invoice = store.invoices.get(decodeURIComponent(id));
  if (request.method !== "GET" || !invoice) {
    sendHtml(response, 404, "<!doctype html><title>Not found</title><p>No such invoice.</p>");
    return;
  }
  sendHtml(response, 200, invoicePage(invoice, store));
}

/** "Paid 2026-12-07", or "Not paid" for an open invoice (a failed renewal). */
function paidLine(paidAt: number | null): string {
  if (paidAt === null) return "Not paid";
  return `Paid ${escapeHtml(new Date(paidAt * 1000).toISOString().slice(0, 10))}`;
}
