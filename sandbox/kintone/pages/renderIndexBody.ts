/** The portal's HTML: a card per app with its record count, and links to the other services. */
import type { LoginUser } from "../KintoneStore";
import { html, type SafeHtml } from "./html";
import { appColor, texts } from "./renderLayout";

export interface IndexPageInput {
  apps: Array<{ id: string; name: string; recordCount: number }>;
  links: Array<{ label: string; url: string }>;
  pluginSettingsUrl: (appId: string) => string;
  user: LoginUser;
}

export function renderIndexBody(input: IndexPageInput): SafeHtml {
  const t = texts(input.user);
  return html`<div class="portal">
    <h2>${t.apps}</h2>
    <div class="app-cards">
      ${input.apps.map(
        (app) =>
          html`<div class="app-card">
            <span class="app-icon" style="background:${appColor(app.id)}">▤</span>
            <div>
              <a class="app-link" href="/k/${app.id}/"><strong>${app.name}</strong></a>
              <span class="record-count">(${app.recordCount})</span>
              <div class="links">
                <a href="/k/${app.id}/">${t.recordList}</a
                ><a href="${input.pluginSettingsUrl(app.id)}">${t.pluginSettings}</a>
              </div>
            </div>
          </div>`,
      )}
    </div>
    ${
      input.links.length === 0
        ? ""
        : html`<div class="portal-links">
            <strong>${t.otherServices}</strong>
            <ul>
              ${input.links.map((l) => html`<li>${l.label}: <a href="${l.url}">${l.url}</a></li>`)}
            </ul>
          </div>`
    }
  </div>`;
}
