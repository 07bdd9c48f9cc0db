/**
 * The settings screen rendered for a test (fake kintone installed by the caller): its container,
 * the screen, and ways to reach a control's row and KUC components by the control's key.
 * A test file using it mocks "uuid" itself (jest.mock is hoisted per file).
 */
import type { ProxyTransport } from "../../api/ProxyTransport";
import { messages } from "../../i18n/messages";
import { parseFormFields } from "../formFields";
import { renderSettingsScreen, type SettingsScreenOptions } from "../renderSettingsScreen";
import { PLUGIN_ID } from "./fakeKintone";

export type KucControl = HTMLElement & {
  value: string;
  error: string;
  visible: boolean;
  items: Array<{ label: string; value: string }>;
};

const noProxy: ProxyTransport = { send: () => Promise.reject(new Error("no proxy here")) };

export async function renderSettingsForTest(options: {
  /** `GET /k/v1/app/form/fields.json`'s answer. */
  fields: unknown;
  transport?: ProxyTransport;
  loadProcess?: SettingsScreenOptions["loadProcess"];
  language?: "ja" | "en";
}) {
  const language = options.language ?? "en";
  const container = document.createElement("div");
  document.body.replaceChildren(container);
  const screen = renderSettingsScreen(container, {
    pluginId: PLUGIN_ID,
    appId: "12",
    language,
    messages: messages[language],
    loadFields: () => Promise.resolve(parseFormFields(options.fields)),
    ...(options.loadProcess === undefined ? {} : { loadProcess: options.loadProcess }),
    transport: options.transport ?? noProxy,
  });
  await screen.ready;
  const row = (control: string) => {
    const found = container.querySelector<HTMLElement>(`[data-control="${control}"]`);
    if (found === null) throw new Error(`no row ${control}`);
    return found;
  };
  /** KUC components of a row, with the props the screen sets. */
  const components = (control: string) =>
    [...row(control).querySelectorAll("kuc-dropdown-1-24-0, kuc-text-1-24-0")] as KucControl[];
  const picker = (control: string) => {
    const found = row(control).querySelector<KucControl>("kuc-dropdown-1-24-0");
    if (found === null) throw new Error(`no picker ${control}`);
    return found;
  };
  const pick = (control: string, value: string) => {
    const dropdown = picker(control);
    dropdown.value = value;
    dropdown.dispatchEvent(new CustomEvent("change", { detail: { value }, bubbles: true }));
  };
  return { container, screen, row, components, picker, pick };
}
