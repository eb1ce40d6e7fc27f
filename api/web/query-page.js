/* Glue for the icskg query page: configure YASGUI from the JSON the server embeds,
   list the catalogue beside the editor, make result IRIs open their pages here, and
   look entities up by name. Nothing here calls another origin. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("icskg-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;
  var linkedPath = config.linked_path.replace(/\/?$/, "/");
  document.getElementById("endpoint-url").textContent = endpoint;
  document.querySelectorAll("header nav a, #entity-search").forEach(function (el) {
    var attr = el.tagName === "FORM" ? "action" : "href";
    var value = el.getAttribute(attr);
    if (value.charAt(0) === "/") {
      el.setAttribute(attr, linkedPath + value.slice(1));
    }
  });

  // Our IRIs (https://w3id.org/icskg/...) open their page on this server.
  function localHref(iri) {
    if (iri.indexOf(config.linked_base) !== 0) { return null; }
    return linkedPath + iri.slice(config.linked_base.length);
  }
  function relink(root) {
    root.querySelectorAll("a[href]").forEach(function (a) {
      var local = localHref(a.getAttribute("href"));
      if (local !== null) {
        a.setAttribute("href", local);
        a.removeAttribute("target");
        a.classList.add("icskg-entity");
      }
    });
  }

  setUpLookup();

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
  window.icskgYasgui = yasgui;

  var results = document.getElementById("yasgui");
  new MutationObserver(function () { relink(results); })
    .observe(results, { childList: true, subtree: true });

  function openExample(example) {
    var tabs = yasgui.persistentConfig.getTabs();
    for (var i = 0; i < tabs.length; i++) {
      if (yasgui.getTab(tabs[i]).getName() === example.name) {
        yasgui.selectTabId(tabs[i]);
        return;
      }
    }
    yasgui.addTab(true, {
      name: example.name,
      yasqe: { value: example.query },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
  }
  setUpCatalogue(config.examples, openExample);
})();

function setUpCatalogue(examples, openExample) {
  "use strict";
  var list = document.getElementById("catalogue-list");
  var filter = document.getElementById("catalogue-filter");
  var count = document.getElementById("catalogue-count");
  var items = examples.map(function (example) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = example.name;
    var id = document.createElement("span");
    id.className = "qid";
    id.textContent = example.id;
    button.appendChild(id);
    button.addEventListener("click", function () { openExample(example); });
    li.appendChild(button);
    list.appendChild(li);
    var haystack = [example.name, example.id, example.keywords].join(" ").toLowerCase();
    return { li: li, haystack: haystack };
  });
  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var ok = words.every(function (w) { return item.haystack.indexOf(w) !== -1; });
      item.li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown === items.length ? String(items.length)
      : shown + " of " + items.length;
  }
  filter.addEventListener("input", apply);
  apply();
}

function setUpLookup() {
  "use strict";
  var form = document.getElementById("entity-search");
  var input = document.getElementById("entity-q");
  var hits = document.getElementById("entity-hits");
  var timer = null;
  var seq = 0;
  function show(data, mine) {
    if (mine !== seq) { return; }
    hits.textContent = "";
    data.results.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.href;
      a.textContent = hit.label;
      if (hit.matched !== hit.label) {
        var small = document.createElement("small");
        small.textContent = hit.matched;
        a.appendChild(small);
      }
      li.appendChild(a);
      hits.appendChild(li);
    });
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var q = input.value.trim();
    seq += 1;
    var mine = seq;
    if (!q) { hits.textContent = ""; return; }
    timer = window.setTimeout(function () {
      var url = form.getAttribute("action") + "?limit=8&q=" + encodeURIComponent(q);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) { show(data, mine); })
        .catch(function () { hits.textContent = ""; });
    }, 150);
  });
}
