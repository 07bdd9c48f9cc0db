/**
 * What a sandbox page hands to its in-page `kintone` global, as JSON in
 * `<script type="application/json" id="kintone-page-context">`. Shared by the server that writes
 * it and the browser code that reads it; holds no DOM or Node types.
 */
import type { KintoneRecord } from "../../../core/kintone/KintoneRecord";

export const PAGE_CONTEXT_ELEMENT_ID = "kintone-page-context";

/** Routes of the sandbox's own endpoints, behind the page (not part of kintone's REST API). */
export const SANDBOX_ROUTES = {
  kintoneScript: "/k/_sandbox/kintone.js",
  pluginFiles: "/k/_sandbox/plugin/files/",
  pluginConfig: "/k/_sandbox/plugin/config",
  pluginProxyConfig: "/k/_sandbox/plugin/proxy-config",
  pluginProxy: "/k/_sandbox/plugin/proxy",
  file: "/k/_sandbox/file",
} as const;

/** Under the record's title on the mobile record screen (`kintone.mobile.app.getHeaderSpaceElement`). */
export const MOBILE_HEADER_SPACE_ID = "kintone-mobile-header-space";

export interface PageLoginUser {
  id: string;
  code: string;
  name: string;
  email: string;
  language: "ja" | "en";
  timezone: string;
}

export interface PageProxyConfig {
  url: string;
  method: string;
  headers: Record<string, string>;
  data: Record<string, string | number | boolean | null>;
}

interface PageContextBase {
  appId: string;
  appName: string;
  /** The guest space the app is in (`kintone.space.get()`, guest-space API URLs); absent outside. */
  guestSpaceId?: string;
  loginUser: PageLoginUser;
  requestToken: string;
  pluginId: string;
  /** What `kintone.plugin.app.getConfig(pluginId)` returns. Never holds proxy config. */
  pluginConfig: Record<string, string>;
  /** Scripts of the plugin, in manifest order; `kintone.$PLUGIN_ID` is set while they run. */
  pluginScripts: string[];
}

export interface RecordListPageContext extends PageContextBase {
  page: "list";
  viewId: string;
  viewName: string;
  /** The view's filter and the page's `?query=`, without order by / limit / offset. */
  queryCondition: string;
  /** The full query the list shows, with order by, limit and offset. */
  query: string;
  records: KintoneRecord[];
  offset: number;
  size: number;
  totalCount: number;
}

export interface RecordDetailPageContext extends PageContextBase {
  page: "detail";
  /** kintone mobile's record screen (`/k/m/:appId/show`): the `kintone.mobile.*` API and events. */
  mobile?: boolean;
  recordId: string;
  record: KintoneRecord;
}

export interface PluginSettingsPageContext extends PageContextBase {
  page: "pluginSettings";
  /** For `getProxyConfig`, which kintone offers only on the plugin's settings screen. */
  proxyConfigs: PageProxyConfig[];
  pluginListUrl: string;
}

export type PageContext =
  RecordListPageContext | RecordDetailPageContext | PluginSettingsPageContext;
