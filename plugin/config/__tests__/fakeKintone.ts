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

/** A field as the form API describes it, with its type's own properties. */
function formField(type: string, code: string, label: string, extra: object = {}) {
  return { type, code, label, ...extra };
}

/** Fields keyed by their code, as `properties` (and a subtable's `fields`) hold them. */
function byCode<F extends { code: string }>(...fields: F[]): Record<string, F> {
  return Object.fromEntries(fields.map((field) => [field.code, field]));
}

/** A DROP_DOWN's or RADIO_BUTTON's options, each its own label, indexed in the order given. */
function choices(...labels: string[]) {
  return {
    options: Object.fromEntries(
      labels.map((label, index) => [label, { label, index: String(index) }]),
    ),
  };
}

/** A form as `GET /k/v1/app/form/fields.json` answers it (the sample Orders app, trimmed). */
export const ORDER_FORM_FIELDS = {
  revision: "3",
  properties: byCode(
    formField("SINGLE_LINE_TEXT", "customer_name", "Customer"),
    formField("SINGLE_LINE_TEXT", "customer_email", "E-mail"),
    // Listed out of index order: the form API's `index` orders the options, not the keys.
    formField("DROP_DOWN", "currency", "Currency", {
      options: { USD: { label: "USD", index: "1" }, JPY: { label: "JPY", index: "0" } },
    }),
    formField("FILE", "photos", "Photos"),
    formField("CALC", "total", "Total"),
    formField("SUBTABLE", "items", "Items", {
      fields: byCode(
        formField("SINGLE_LINE_TEXT", "item_name", "Name"),
        formField("NUMBER", "item_unit_price", "Unit price"),
        formField("NUMBER", "item_quantity", "Quantity"),
        formField("FILE", "item_photo", "Photo"),
      ),
    }),
    formField("SUBTABLE", "notes", "Notes", {
      fields: byCode(formField("SINGLE_LINE_TEXT", "note_text", "Note")),
    }),
    formField("LINK", "checkout_url", "Checkout URL", { protocol: "WEB" }),
    formField(
      "DROP_DOWN",
      "checkout_status",
      "Checkout status",
      choices("open", "complete", "expired"),
    ),
    formField("RADIO_BUTTON", "payment_status", "Payment status", choices("unpaid", "paid")),
    formField("DATETIME", "expires_at", "Expires at"),
    formField("NUMBER", "amount_total", "Amount"),
    formField("STATUS", "Status", "Status", { enabled: false }),
  ),
};
