// Desktop (PC) entry: wires kintone events to the plugin's modules; no logic of its own.
import { addDetailButtons } from "./detail/addDetailButtons";
import { loginUserLanguage, messages as allMessages } from "./i18n/messages";
import { addListButton } from "./list/addListButton";
import { pageKintoneApi } from "./list/KintoneApi";
import { viewQuery } from "./list/fetchViewRecords";
import { loadCheckoutSettings } from "./list/loadCheckoutSettings";
import { openCheckoutDialog } from "./list/openCheckoutDialog";
import { showMessage } from "./ui/showMessage";

// kintone sets $PLUGIN_ID only while the plugin's script first runs.
const pluginId = kintone.$PLUGIN_ID;

kintone.events.on("app.record.index.show", (event: { appId?: number }) => {
  const language = loginUserLanguage();
  const messages = allMessages[language];
  addListButton(kintone.app.getHeaderMenuSpaceElement(), {
    label: messages.listButtonLabel,
    onClick: () => {
      const settings = loadCheckoutSettings(pluginId, language);
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
    const language = loginUserLanguage();
    const settings = loadCheckoutSettings(pluginId, language);
    addDetailButtons(kintone.app.record.getHeaderMenuSpaceElement(), {
      messages: allMessages[language],
      language,
      appId: String(event.appId ?? kintone.app.getId()),
      recordId: String(event.recordId ?? kintone.app.record.getId()),
      record: event.record,
      settings: settings && {
        mapping: settings.mapping,
        client: settings.client,
        embeddedCheckout: settings.embeddedCheckout,
      },
      reload: () => location.reload(),
      api: pageKintoneApi(),
      subscriptions: settings?.client,
    });
    return event;
  },
);
