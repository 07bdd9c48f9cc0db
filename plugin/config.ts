// Settings screen entry: renders the settings into config.html's container.
import { kintoneProxyTransport } from "./api/ProxyTransport";
import { loadFormFields } from "./config/formFields";
import { renderSettingsScreen } from "./config/renderSettingsScreen";
import { chooseLanguage, messages } from "./i18n/messages";

// kintone reassigns kintone.$PLUGIN_ID for each plugin's files, so read it while this file loads
// (https://cybozu.dev/ja/kintone/tips/development/plugins/development-plugin/development-kintone-plugin/).
const PLUGIN_ID = kintone.$PLUGIN_ID;

const container = document.getElementById("kintone-stripe-checkout-config");
if (container) {
  const appId = String(kintone.app.getId());
  const language = chooseLanguage(kintone.getLoginUser().language);
  renderSettingsScreen(container, {
    pluginId: PLUGIN_ID,
    appId,
    language,
    messages: messages[language],
    loadFields: () => loadFormFields(appId),
    transport: kintoneProxyTransport(PLUGIN_ID),
  });
}
