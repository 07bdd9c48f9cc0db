/**
 * What `npm start` prints: where each part runs (a table whose columns line up whatever the
 * ports), what to do next, where the sandbox remembers and how to start fresh.
 */
import { displayWidth, padToWidth } from "./displayWidth";
import { ORDERS_APP_ID, PRODUCTS_APP_ID, PRODUCTS_API_TOKEN, ORDERS_API_TOKEN } from "./sampleApps";

export interface StartBannerInput {
  kintoneUrl: string;
  dashboardUrl: string;
  proxyUrl: string | undefined;
  productsList: string;
  ordersList: string;
  pluginSettings: (appId: string) => string;
  proxySecret: string;
  /** Where the state is kept, as the person would type it (".sandbox-data/"). */
  dataDirLabel: string;
  restored: boolean;
}

/**
 * Rows of cells as lines, each column as wide as its widest cell (the last one left ragged), in
 * terminal columns: a Japanese app name takes two per character.
 */
export function alignColumns(rows: string[][], indent = "  ", gap = "  "): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach(
      (cell, index) => (widths[index] = Math.max(widths[index] ?? 0, displayWidth(cell))),
    );
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, index) =>
          index === row.length - 1 ? cell : padToWidth(cell, widths[index] ?? 0),
        )
        .join(gap),
  );
}

export function renderStartBanner(input: StartBannerInput): string {
  const table = alignColumns([
    [
      "kintone",
      `${input.kintoneUrl}/`,
      `sample apps "Products" (app ${PRODUCTS_APP_ID}) and "Orders" (app ${ORDERS_APP_ID})`,
    ],
    ["Stripe", input.dashboardUrl, "the Stripe emulator's Dashboard (and its API)"],
    ["Proxy", input.proxyUrl ?? "(not started)", "the proxy, wired to both"],
  ]);
  const memory = input.restored
    ? `  The sandbox came back as you left it (kept in ${input.dataDirLabel}). Start fresh: npm start -- --reset`
    : `  Settings, records and payments are kept in ${input.dataDirLabel} across restarts. Start fresh: npm start -- --reset`;
  return `
The sandbox is running (everything on this machine, no accounts):

${table.join("\n")}

What to do next (the sample apps come with the plug-in already set up):
  1. Open the record list: ${input.productsList}
     press the plug-in's button in the header, choose records and create the payment links.
  2. Open a checkout link, then pay by card or konbini, cancel, or let it expire on the emulator's page.
  3. On the Dashboard (${input.dashboardUrl}) settle or fail a konbini payment, refund, or open and
     close a dispute; the record shows each change.
  Orders works the same with the "items" subtable: ${input.ordersList}
  The plug-in settings (to see or change the mapping): ${input.pluginSettings(PRODUCTS_APP_ID)}
     Proxy URL: ${input.proxyUrl ?? ""}/    Proxy secret: ${input.proxySecret}

  The proxy's kintone API tokens: ${PRODUCTS_APP_ID}:${PRODUCTS_API_TOKEN}, ${ORDERS_APP_ID}:${ORDERS_API_TOKEN}
${memory}
  Add ?lang=en or ?lang=ja to any kintone page to switch the language. Ctrl-C stops everything.
`;
}
