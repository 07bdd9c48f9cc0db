/**
 * The app's process management as the settings screen offers it: whether it is on, and the names
 * of its actions, read with kintone's settings API.
 * https://cybozu.dev/ja/kintone/docs/rest-api/apps/settings/get-process-management-settings/
 */

export interface ProcessSettingsView {
  enabled: boolean;
  /** Each action name once, in the app's order. */
  actions: string[];
}

export function parseProcessSettings(response: unknown): ProcessSettingsView {
  const body = (response ?? {}) as { enable?: unknown; actions?: unknown };
  const actions = Array.isArray(body.actions) ? body.actions : [];
  const names = actions
    .map((action) => (action as { name?: unknown } | null)?.name)
    .filter((name): name is string => typeof name === "string" && name !== "");
  return { enabled: body.enable === true, actions: [...new Set(names)] };
}

export async function loadProcessSettings(appId: string): Promise<ProcessSettingsView> {
  const response: unknown = await kintone.api(
    kintone.api.url("/k/v1/app/status.json", true),
    "GET",
    { app: appId },
  );
  return parseProcessSettings(response);
}
