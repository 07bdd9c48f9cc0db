/** The plugin's settings screen and the app's plugin list, as HTML; the settings HTML is the plugin's own. */
import type { LoginUser } from "../KintoneStore";
import { html, raw, type SafeHtml } from "./html";
import { renderAppHeader, texts } from "./renderLayout";

export interface SettingsPageInput {
  appId: string;
  appName: string;
  pluginName: string;
  pluginDescription: string;
  configHtml: string;
  user: LoginUser;
}

export function renderSettingsBody(input: SettingsPageInput): SafeHtml {
  const t = texts(input.user);
  return html`${renderAppHeader(input.appId, input.appName, t, [
      html`<a href="/k/${input.appId}/">${input.appName}</a>`,
      html`<span>${t.appSettings}</span>`,
      html`<a href="/k/admin/app/${input.appId}/plugin/">${t.plugins}</a>`,
      html`<span>${input.pluginName}</span>`,
    ])}
    <div class="settings-frame">
      <div class="settings-title">
        <h1>${input.pluginName}</h1>
        <p>${input.pluginDescription}</p>
      </div>
      <div id="plugin-config-root" class="plugin-config-root">${raw(input.configHtml)}</div>
    </div>`;
}

export interface PluginListPageInput {
  appId: string;
  appName: string;
  pluginName: string;
  pluginDescription: string;
  iconUrl?: string;
  settingsUrl: string;
  saved: boolean;
  user: LoginUser;
  /** kintone's "Update App" button (updateAppAction.ts). */
  updateAppButton?: SafeHtml;
}

export function renderPluginListBody(input: PluginListPageInput): SafeHtml {
  const t = texts(input.user);
  return html`${renderAppHeader(input.appId, input.appName, t, [
      html`<a href="/k/${input.appId}/">${input.appName}</a>`,
      html`<span>${t.appSettings}</span>`,
      html`<span>${t.plugins}</span>`,
    ])}
    ${input.updateAppButton ?? ""}
    ${input.saved ? html`<div class="notice" id="settings-saved">${t.settingsSaved}</div>` : ""}
    <div class="settings-frame">
      <div class="plugin-row">
        ${input.iconUrl === undefined ? "" : html`<img src="${input.iconUrl}" alt="" />`}
        <div>
          <div class="name">${input.pluginName}</div>
          <div class="desc">${input.pluginDescription}</div>
        </div>
        <span class="toolbar-spacer"></span>
        <a href="${input.settingsUrl}">⚙ ${t.openSettings}</a>
      </div>
    </div>`;
}
