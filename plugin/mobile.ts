// kintone mobile entry: wires the mobile record screen to the plugin's modules; no logic of its own.
// https://cybozu.dev/ja/kintone/docs/js-api/events/detail/detail-show-event (mobile.app.record.detail.show)
// https://cybozu.dev/ja/kintone/docs/js-api/app/get-mobile-header-element/ (under the record's title)
// kintone.plugin.app.proxy works on mobile screens as on the desktop:
// https://cybozu.dev/ja/kintone/docs/js-api/plugins/kintone-plugin-app-proxy/
import { loginUserLanguage, messages as allMessages } from "./i18n/messages";
import { pageKintoneApi } from "./list/KintoneApi";
import { loadCheckoutSettings } from "./list/loadCheckoutSettings";
import { addMobileRecordPanel } from "./mobile/addMobileRecordPanel";

// kintone sets $PLUGIN_ID only while the plugin's script first runs.
const pluginId = kintone.$PLUGIN_ID;

kintone.events.on(
  "mobile.app.record.detail.show",
  (event: { appId?: number; recordId?: number; record: Record<string, { value?: unknown }> }) => {
    const language = loginUserLanguage();
    const settings = loadCheckoutSettings(pluginId, language);
    addMobileRecordPanel(kintone.mobile.app.getHeaderSpaceElement(), {
      messages: allMessages[language],
      language,
      appId: String(event.appId ?? kintone.mobile.app.getId()),
      recordId: String(event.recordId ?? kintone.mobile.app.record.getId()),
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
