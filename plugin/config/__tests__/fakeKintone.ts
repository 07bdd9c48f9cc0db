/** A stand-in for the parts of the `kintone` global the settings screen uses, keeping what they store. */
export const PLUGIN_ID = "fnniabijhckddejkdkboonomnnilaknk";

export interface StoredProxyConfig {
  headers: Record<string, string>;
  data: Record<string, string>;
}

export interface FakeKintone {
  config: Record<string, string>;
  proxy: Map<string, StoredProxyConfig>;
  /** "setConfig", "setProxyConfig GET https://…" in call order. */
  calls: string[];
  /** Settles when setConfig is called. */
  saved: Promise<void>;
}

export function installFakeKintone(
  initial: {
    config?: Record<string, string>;
    proxy?: Record<string, StoredProxyConfig>;
    appId?: number;
    formFields?: unknown;
  } = {},
): FakeKintone {
  let markSaved: () => void = () => undefined;
  const fake: FakeKintone = {
    config: { ...(initial.config ?? {}) },
    proxy: new Map(Object.entries(initial.proxy ?? {})),
    calls: [],
    saved: new Promise<void>((resolve) => (markSaved = resolve)),
  };
  const api = (path: string, method: string, params: Record<string, unknown>) => {
    fake.calls.push(`api ${method} ${path} ${JSON.stringify(params)}`);
    return Promise.resolve(initial.formFields ?? { properties: {} });
  };
  api.url = (path: string) => `https://example.cybozu.com${path}`;
  (globalThis as unknown as { kintone: unknown }).kintone = {
    api,
    app: { getId: () => initial.appId ?? 12 },
    getLoginUser: () => ({ language: "en" }),
    plugin: {
      app: {
        getConfig: (pluginId: string) => (pluginId === PLUGIN_ID ? { ...fake.config } : {}),
        setConfig: (config: Record<string, string>, callback?: () => void) => {
          fake.calls.push("setConfig");
          fake.config = { ...config };
          markSaved();
          callback?.();
        },
        getProxyConfig: (url: string, method: string) => {
          const stored = fake.proxy.get(`${method} ${url}`);
          return stored === undefined
            ? null
            : { headers: { ...stored.headers }, data: { ...stored.data } };
        },
        setProxyConfig: (
          url: string,
          method: string,
          headers: Record<string, string>,
          data: Record<string, string>,
          callback?: () => void,
        ) => {
          fake.calls.push(`setProxyConfig ${method} ${url}`);
          fake.proxy.set(`${method} ${url}`, { headers: { ...headers }, data: { ...data } });
          setTimeout(() => callback?.(), 0); // kintone saves asynchronously
        },
      },
    },
  };
  return fake;
}

export function removeFakeKintone(): void {
  delete (globalThis as unknown as { kintone?: unknown }).kintone;
}

/** A form as `GET /k/v1/app/form/fields.json` answers it (the sample Orders app, trimmed). */
export const ORDER_FORM_FIELDS = {
  revision: "3",
  properties: {
    customer_name: { type: "SINGLE_LINE_TEXT", code: "customer_name", label: "Customer" },
    customer_email: { type: "SINGLE_LINE_TEXT", code: "customer_email", label: "E-mail" },
    currency: {
      type: "DROP_DOWN",
      code: "currency",
      label: "Currency",
      options: { USD: { label: "USD", index: "1" }, JPY: { label: "JPY", index: "0" } },
    },
    photos: { type: "FILE", code: "photos", label: "Photos" },
    total: { type: "CALC", code: "total", label: "Total" },
    items: {
      type: "SUBTABLE",
      code: "items",
      label: "Items",
      fields: {
        item_name: { type: "SINGLE_LINE_TEXT", code: "item_name", label: "Name" },
        item_unit_price: { type: "NUMBER", code: "item_unit_price", label: "Unit price" },
        item_quantity: { type: "NUMBER", code: "item_quantity", label: "Quantity" },
        item_photo: { type: "FILE", code: "item_photo", label: "Photo" },
      },
    },
    notes: {
      type: "SUBTABLE",
      code: "notes",
      label: "Notes",
      fields: { note_text: { type: "SINGLE_LINE_TEXT", code: "note_text", label: "Note" } },
    },
    checkout_url: { type: "LINK", code: "checkout_url", label: "Checkout URL", protocol: "WEB" },
    checkout_status: {
      type: "DROP_DOWN",
      code: "checkout_status",
      label: "Checkout status",
      options: {
        open: { label: "open", index: "0" },
        complete: { label: "complete", index: "1" },
        expired: { label: "expired", index: "2" },
      },
    },
    payment_status: {
      type: "RADIO_BUTTON",
      code: "payment_status",
      label: "Payment status",
      options: {
        unpaid: { label: "unpaid", index: "0" },
        paid: { label: "paid", index: "1" },
      },
    },
    expires_at: { type: "DATETIME", code: "expires_at", label: "Expires at" },
    amount_total: { type: "NUMBER", code: "amount_total", label: "Amount" },
    Status: { type: "STATUS", code: "Status", label: "Status", enabled: false },
  },
};
