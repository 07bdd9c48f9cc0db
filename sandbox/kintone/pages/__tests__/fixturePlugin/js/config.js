(function (pluginId) {
  "use strict";
  window.fixture = { pluginId: pluginId, config: kintone.plugin.app.getConfig(pluginId) };
})(kintone.$PLUGIN_ID);
