/**
 * The fields of the Orders app the proxy's integration suites, reliability and fuzz suites, job
 * tests and benchmarks start in the kintone emulator: one app every suite's records and mappings fit.
 * Only a type is imported, so the file runs in a browser as well.
 */
import type { FieldDef } from "../sandbox/kintone/store/appDefinition";

export const ORDERS_FIELDS: FieldDef[] = [
  { code: "code", label: "Code", type: "SINGLE_LINE_TEXT" },
  { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
  { code: "notes", label: "Notes", type: "RICH_TEXT" },
  { code: "link", label: "Link", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "price_text", label: "Price (as typed)", type: "SINGLE_LINE_TEXT" },
  { code: "qty", label: "Quantity", type: "NUMBER" },
  { code: "min_qty", label: "Min", type: "NUMBER" },
  { code: "max_qty", label: "Max", type: "NUMBER" },
  { code: "currency", label: "Currency", type: "SINGLE_LINE_TEXT" },
  { code: "region", label: "Region", type: "SINGLE_LINE_TEXT" },
  { code: "email", label: "E-mail", type: "SINGLE_LINE_TEXT" },
  { code: "photo", label: "Photo", type: "FILE" },
  { code: "image", label: "Image", type: "FILE" },
  { code: "checkout_url", label: "Checkout URL", type: "LINK", protocol: "WEB" },
  { code: "url", label: "URL", type: "SINGLE_LINE_TEXT" },
  { code: "session_id", label: "Session", type: "SINGLE_LINE_TEXT" },
  { code: "status", label: "Status", type: "SINGLE_LINE_TEXT" },
  { code: "pay_status", label: "Payment status", type: "SINGLE_LINE_TEXT" },
  { code: "expires_at", label: "Expires", type: "DATETIME" },
  { code: "amount", label: "Amount", type: "NUMBER" },
  { code: "paid_at", label: "Paid at", type: "DATETIME" },
  { code: "error", label: "Error", type: "MULTI_LINE_TEXT" },
];
