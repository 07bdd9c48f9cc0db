// A stand-in plugin for the pages' own tests: records what it sees, adds one button.
(function (pluginId) {
  "use strict";
  window.fixture = {
    pluginId: pluginId,
    events: [],
    config: kintone.plugin.app.getConfig(pluginId),
  };
  kintone.events.on(["app.record.index.show", "app.record.detail.show"], function (event) {
    window.fixture.events.push(event);
    var space =
      event.type === "app.record.index.show"
        ? kintone.app.getHeaderMenuSpaceElement()
        : kintone.app.record.getHeaderMenuSpaceElement();
    if (space && !document.getElementById("fixture-button")) {
      var button = document.createElement("button");
      button.id = "fixture-button";
      button.className = "fixture-button";
      button.textContent = "Checkout";
      space.appendChild(button);
    }
    return new Promise(function (resolve) {
      setTimeout(function () {
        window.fixture.handledAsync = true;
        resolve(event);
      }, 10);
    });
  });
})(kintone.$PLUGIN_ID);
