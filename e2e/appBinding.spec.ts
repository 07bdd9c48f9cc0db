/**
 * Issue #8, as a user would try it: in the browser console of one app, call the proxy through
 * `kintone.plugin.app.proxy` and forge another app's id — in the header the settings store
 * (any letter case), in the query, in the body. kintone adds the app's stored binding, which wins,
 * so the proxy acts on the user's own app only: another app's payment link can be neither read,
 * listed nor expired.
 */
import { ORDERS_APP_ID, PRODUCTS_APP_ID, sampleMapping } from "../sandbox/sampleApps";
import { savePluginSettings } from "../sandbox/startSandbox";
import { waitForKintoneReady } from "./browser";
import { useSandboxStory } from "./storyKit";

const story = useSandboxStory({
  configure: (sandbox) => {
    savePluginSettings(
      sandbox,
      PRODUCTS_APP_ID,
      sampleMapping("products", sandbox.urls.productsList),
    );
    savePluginSettings(sandbox, ORDERS_APP_ID, sampleMapping("orders", sandbox.urls.ordersList));
  },
});

interface Answer {
  status: number;
  body: {
    error?: { code: string; message: string };
    session?: { id: string; status: string; appId: string };
    sessions?: { id: string; appId: string }[];
  };
}

/** `kintone.plugin.app.proxy` from the open page, as a user could call it from the console. */
async function proxyFromPage(
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string> = {},
  data: Record<string, unknown> = {},
): Promise<Answer> {
  const [body, status] = await story.page.evaluate(
    ({ pluginId, url, method, headers, data }) =>
      (
        globalThis as unknown as {
          kintone: {
            plugin: {
              app: {
                proxy(
                  pluginId: string,
                  url: string,
                  method: string,
                  headers: object,
                  data: object,
                ): Promise<[string, number, Record<string, string>]>;
              };
            };
          };
        }
      ).kintone.plugin.app.proxy(pluginId, url, method, headers, data),
    {
      pluginId: story.sandbox.pluginId,
      url: `${story.sandbox.urls.proxy}/${path}`,
      method,
      headers: method === "POST" ? { "Content-Type": "application/json", ...headers } : headers,
      data,
    },
  );
  return { status, body: JSON.parse(body) as Answer["body"] };
}

async function openList(appId: string) {
  await story.page.goto(`${story.sandbox.kintone.url}/k/${appId}/`);
  await waitForKintoneReady(story.page);
}

describe("a user calling the proxy from the console of their app", () => {
  it("cannot read, list or expire another app's payment link, whatever app id they forge", async () => {
    // A payment link of the Orders app, made from its own page as its button does.
    await openList(ORDERS_APP_ID);
    const created = await proxyFromPage("POST", "v1/checkouts", {}, { records: [{ id: "1" }] });
    expect(created.status).toBe(201);
    const ordersSession = (created.body as { sessions: { id: string }[] }).sessions[0]!.id;

    // A user of the Products app forges the Orders app's id everywhere they can.
    await openList(PRODUCTS_APP_ID);
    const forgedHeaders: Record<string, string>[] = [
      { "X-Kintone-App-Id": ORDERS_APP_ID },
      { "x-kintone-app-id": ORDERS_APP_ID, "X-KINTONE-APP-ID": ORDERS_APP_ID },
    ];
    for (const headers of forgedHeaders) {
      const listed = await proxyFromPage("GET", `v1/checkouts?appId=${ORDERS_APP_ID}`, headers);
      expect(listed.status).toBe(400);
      expect(listed.body.error?.code).toBe("BAD_REQUEST");

      const all = await proxyFromPage("GET", "v1/checkouts?status=open&limit=100", headers);
      expect(all.status).toBe(200);
      expect(all.body.sessions?.map((s) => s.id)).not.toContain(ordersSession);
      expect(new Set(all.body.sessions?.map((s) => s.appId))).not.toContain(ORDERS_APP_ID);

      const read = await proxyFromPage("GET", `v1/checkouts/${ordersSession}`, headers);
      expect(read.status).toBe(404);
      expect(read.body.error?.code).toBe("SESSION_NOT_FOUND");

      for (const action of ["sync", "expire"]) {
        const answer = await proxyFromPage(
          "POST",
          `v1/checkouts/${ordersSession}/${action}`,
          headers,
          { appId: ORDERS_APP_ID },
        );
        expect(answer.status).toBe(404);
        expect(answer.body.error?.code).toBe("SESSION_NOT_FOUND");
      }
    }

    // The Orders app still sees its link open, and can expire it itself.
    await openList(ORDERS_APP_ID);
    const still = await proxyFromPage("GET", `v1/checkouts/${ordersSession}`);
    expect(still).toMatchObject({ status: 200, body: { session: { status: "open" } } });
    const expired = await proxyFromPage("POST", `v1/checkouts/${ordersSession}/expire`);
    expect(expired).toMatchObject({ status: 200, body: { session: { status: "expired" } } });
    // The refused calls answered 4xx on purpose; the sandbox logs nothing else as a page error.
    expect(story.pageErrors.filter((e) => !/^40[04] /.test(e))).toEqual([]);
  });
});
