/**
 * The frame of every sandbox kintone screen: the page, its header with the language switch, an
 * app's title and breadcrumb, and a plain message. Everything from records or settings goes through
 * `html` (escaped); only the plugin's own settings HTML is inserted as it is, as kintone does.
 */
import type { LoginUser } from "../KintoneStore";
import { PAGE_CONTEXT_ELEMENT_ID, SANDBOX_ROUTES, type PageContext } from "../browser/PageContext";
import { html, jsonForScript, type SafeHtml } from "./html";
import { PAGE_TEXTS, type PageTexts } from "./pageTexts";

const APP_COLORS = ["#3498db", "#e67e22", "#27ae60", "#8e44ad", "#e74c3c", "#16a085"];

export interface LayoutInput {
  title: string;
  user: LoginUser;
  /** The current page's URL with `lang` set, for the language switch. */
  languageUrl: (language: "ja" | "en") => string;
  body: SafeHtml;
  styles?: string[];
  context?: PageContext;
}

export function texts(user: LoginUser): PageTexts {
  return PAGE_TEXTS[user.language];
}

export function appColor(appId: string): string {
  return APP_COLORS[Number(appId) % APP_COLORS.length] ?? "#3498db";
}

/** The header's switch to a language, marked when it is the user's. */
export function languageLink(
  input: Pick<LayoutInput, "user" | "languageUrl">,
  language: "ja" | "en",
  label: string,
): SafeHtml {
  return html`<a
    href="${input.languageUrl(language)}"
    class="${input.user.language === language ? "current" : ""}"
    >${label}</a
  >`;
}

export function renderLayout(input: LayoutInput): string {
  const t = texts(input.user);
  return html`<!doctype html>
    <html lang="${input.user.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.title} - kintone</title>
        <link rel="stylesheet" href="/k/_sandbox/kintone.css" />
        ${(input.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}" /> `)}
        ${
          input.context === undefined
            ? ""
            : html`<script type="application/json" id="${PAGE_CONTEXT_ELEMENT_ID}">
                  ${jsonForScript(input.context)}
                </script>
                <script src="${SANDBOX_ROUTES.kintoneScript}"></script>`
        }
      </head>
      <body>
        <header class="gaia-header">
          <a class="gaia-header-logo" href="/"><span class="k">k</span>kintone</a>
          <span class="gaia-header-badge">${t.sandbox}</span>
          <span class="gaia-header-spacer"></span>
          <input class="gaia-header-search" type="search" placeholder="${t.search}" disabled />
          <span class="gaia-header-user">
            <span class="gaia-header-avatar">${input.user.name.slice(0, 1)}</span>${input.user.name}
            <span class="gaia-header-lang"
              >${languageLink(input, "ja", "日本語")}${languageLink(input, "en", "English")}</span
            >
          </span>
        </header>
        ${input.body}
      </body>
    </html> `.value;
}

export function renderAppHeader(
  appId: string,
  appName: string,
  t: PageTexts,
  crumbs: SafeHtml[] = [],
): SafeHtml {
  return html`<div class="app-header">
    <div class="breadcrumb">
      <a href="/">${t.portal}</a>${crumbs.map((c) => html`<span class="sep">›</span>${c}`)}
    </div>
    <div class="app-title">
      <span class="app-icon" style="background:${appColor(appId)}">▤</span
      ><span class="app-name">${appName}</span>
    </div>
  </div>`;
}

export function renderMessageBody(message: string, t: PageTexts): SafeHtml {
  return html`<div class="content">
    <div class="empty">
      <p>${message}</p>
      <p><a href="/">${t.portal}</a></p>
    </div>
  </div>`;
}
