// Settings screen entry: renders the form into config.html's container.
import { messagesForLoginUser } from "./i18n/messages";
import { renderConfigForm } from "./config/renderConfigForm";

// kintone reassigns kintone.$PLUGIN_ID for each plugin's files, so read it while this file loads
// (https://cybozu.dev/ja/kintone/tips/development/plugins/development-plugin/development-kintone-plugin/).
const PLUGIN_ID = kintone.$PLUGIN_ID;

const container = document.getElementById("kintone-stripe-checkout-config");
if (container) renderConfigForm(container, PLUGIN_ID, messagesForLoginUser());
