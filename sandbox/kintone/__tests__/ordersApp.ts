/** A small orders app shared by the emulator's tests. */
import { KintoneRestAPIClient, KintoneRestAPIError } from "@kintone/rest-api-client";
import type { AppDefinition, FieldDef } from "../store/appDefinition";
import {
  startKintoneEmulator,
  type KintoneEmulator,
  type KintoneEmulatorOptions,
} from "../KintoneEmulator";

export const FULL = { view: true, add: true, edit: true, delete: true };

export const ORDER_FIELDS: FieldDef[] = [
  { code: "title", label: "Title", type: "SINGLE_LINE_TEXT" },
  { code: "price", label: "Price", type: "NUMBER" },
  { code: "status", label: "Status", type: "DROP_DOWN", options: ["open", "complete", "expired"] },
  { code: "paidAt", label: "Paid at", type: "DATETIME" },
  { code: "photo", label: "Photo", type: "FILE" },
  {
    code: "items",
    label: "Items",
    type: "SUBTABLE",
    fields: [
      { code: "name", label: "Name", type: "SINGLE_LINE_TEXT" },
      { code: "qty", label: "Qty", type: "NUMBER" },
    ],
  },
];

export function ordersApp(overrides: Partial<AppDefinition> = {}): AppDefinition {
  return {
    id: "1",
    name: "Orders",
    fields: ORDER_FIELDS,
    apiTokens: [
      { token: "orders-full", rights: FULL },
      { token: "orders-view", rights: { view: true, add: false, edit: false, delete: false } },
      { token: "orders-manage", rights: { ...FULL, manage: true } },
    ],
    records: [
      { title: { value: "first" }, price: { value: "10" }, status: { value: "open" } },
      { title: { value: "second" }, price: { value: "200" }, status: { value: "complete" } },
    ],
    ...overrides,
  };
}

export const PRODUCTS_APP: AppDefinition = {
  id: "2",
  name: "Products",
  fields: [{ code: "name", label: "Name", type: "SINGLE_LINE_TEXT" }],
  apiTokens: [{ token: "products-full", rights: FULL }],
  records: [{ name: { value: "pen" } }],
};

export async function startOrders(options: KintoneEmulatorOptions = {}): Promise<KintoneEmulator> {
  return startKintoneEmulator({ apps: [ordersApp(), PRODUCTS_APP], ...options });
}

export function clientFor(
  emulator: KintoneEmulator,
  apiToken: string | string[] = "orders-full",
): KintoneRestAPIClient {
  return new KintoneRestAPIClient({ baseUrl: emulator.url, auth: { apiToken } });
}

/** The KintoneRestAPIError a call rejects with (fails the test if it resolves or throws something else). */
export async function apiError(call: Promise<unknown>): Promise<KintoneRestAPIError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof KintoneRestAPIError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
