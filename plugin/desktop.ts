// Desktop (PC) entry: wires kintone events to the plugin's modules; no logic of its own.
import { ProxyClient } from "./api/ProxyClient";
import { kintoneProxyTransport } from "./api/ProxyTransport";
import { addDetailButtons } from "./detail/addDetailButtons";
import { chooseLanguage, messages as allMessages, type Language } from "./i18n/messages";
import { addListButton } from "./list/addListButton";
import { pageKintoneApi } from "./list/KintoneApi";
import { viewQuery } from "./list/fetchViewRecords";
import { openCheckoutDialog } from "./list/openCheckoutDialog";
import { readCheckoutSettings } from "./list/readCheckoutSettings";
import { showMessage } from "./ui/showMessage";

// kintone sets $PLUGIN_ID only while the plugin's script first runs.
const pluginId = kintone.$PLUGIN_ID;

function loginLanguage(): Language {
  try {
    return chooseLanguage(kintone.getLoginUser().language);
  } catch {
    return "en";
  }
}

function checkoutSettings(language: Language) {
  const settings = readCheckoutSettings(kintone.plugin.app.getConfig(pluginId));
  if (settings === undefined) return undefined;
  const client = new ProxyClient(kintoneProxyTransport(pluginId), settings.proxyUrl, language);
  return { ...settings, client };
}

kintone.events.on("app.record.index.show", (event: { appId?: number }) => {
  const language = loginLanguage();
  const messages = allMessages[language];
  addListButton(kintone.app.getHeaderMenuSpaceElement(), {
    label: messages.listButtonLabel,
    onClick: () => {
      const settings = checkoutSettings(language);
      if (settings === undefined) {
        showMessage(document, messages.notConfigured, messages.close);
        return;
      }
      openCheckoutDialog({
        document,
        messages,
        language,
        api: pageKintoneApi(),
        client: settings.client,
        appId: String(event.appId ?? kintone.app.getId()),
        query: viewQuery(kintone.app.getQuery(), kintone.app.getQueryCondition()),
        mapping: settings.mapping,
        reload: () => location.reload(),
      });
    },
  });
  return event;
});

kintone.events.on(
  "app.record.detail.show",
  (event: { appId?: number; recordId?: number; record: Record<string, { value?: unknown }> }) => {
    const language = loginLanguage();
    const settings = checkoutSettings(language);
    addDetailButtons(kintone.app.record.getHeaderMenuSpaceElement(), {
      messages: allMessages[language],
      language,
      appId: String(event.appId ?? kintone.app.getId()),
      recordId: String(event.recordId ?? kintone.app.record.getId()),
      record: event.record,
      settings: settings && { mapping: settings.mapping, client: settings.client },
      reload: () => location.reload(),
    });
    return event;
  },
);
