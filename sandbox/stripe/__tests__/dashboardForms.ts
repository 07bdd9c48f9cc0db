/** Test helper: the emulator's Dashboard page and its forms, posted as the page posts them. */
import type { EmulatorUnderTest } from "./emulatorClient";

export async function dashboardHtml(under: EmulatorUnderTest, query = ""): Promise<string> {
  const response = await fetch(`${under.emulator.url}/dashboard${query}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The page's token, as its forms carry it. */
export async function pageToken(under: EmulatorUnderTest): Promise<string> {
  const token = /name="token" value="([^"]+)"/.exec(await dashboardHtml(under))?.[1];
  if (token === undefined) throw new Error("the Dashboard shows no action form");
  return token;
}

/** Posts a Dashboard form as the page would; answers the notice the page then shows. */
export async function postDashboardForm(
  under: EmulatorUnderTest,
  path: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const token = await pageToken(under);
  const response = await fetch(`${under.emulator.url}/dashboard/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: under.emulator.url },
    body: new URLSearchParams({ token, ...fields }).toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location") ?? "", under.emulator.url);
  return location.searchParams.get("done") ?? `error: ${location.searchParams.get("error")}`;
}
