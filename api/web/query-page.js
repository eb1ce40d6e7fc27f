/* Glue for the icskg query page: configure YASGUI from the JSON the server embeds. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("icskg-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  document.getElementById("endpoint-url").textContent = endpoint;

  if (typeof window.Yasgui === "undefined") {
    document.getElementById("status").textContent =
      "The query editor's files are not installed on this server: run `npm ci` in api/web.";
    return;
  }
  var Yasgui = window.Yasgui;

  // Only completions that work offline: LOV's class/property look-ups would call out.
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.Yasqe.defaults.value = config.default_query;

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: true,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; },
    },
    yasr: { prefixes: config.prefixes },
  });

  config.examples.forEach(function (example) {
    yasgui.addTab(false, {
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
  });
  window.icskgYasgui = yasgui;
})();
