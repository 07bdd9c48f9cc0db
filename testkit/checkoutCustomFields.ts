/**
 * Two Checkout custom fields as a mapping's `customFields` gives them: a delivery date typed by
 * the buyer and an optional gift-wrapping choice. Browser-safe (no imports).
 */
export const DELIVERY_AND_WRAPPING_FIELDS = [
  { key: "deliveryDate", label: "配達希望日", type: "text" },
  {
    key: "wrapping",
    label: "ギフト包装",
    type: "dropdown",
    optional: true,
    options: [
      { value: "none", label: "なし" },
      { value: "gift", label: "ギフト用" },
    ],
  },
];
