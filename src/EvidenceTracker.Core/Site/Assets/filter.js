(function () {
  "use strict";
  // The index's filters: text, support level, verdict and tag. Their values live in the URL fragment
  // (#level=cited&verdict=unverifiable&tag=x&q=words), so that a reload, a shared link or the back button
  // brings the same selection back.
  var form = document.getElementById("filters");
  var table = document.getElementById("claims");
  if (!form || !table) { return; }
  form.hidden = false;
  var fields = {
    q: document.getElementById("filter-text"),
    level: document.getElementById("filter-level"),
    verdict: document.getElementById("filter-verdict"),
    tag: document.getElementById("filter-tag")
  };
  var keys = ["q", "level", "verdict", "tag"];
  var count = document.getElementById("filter-count");
  var none = document.getElementById("no-match");
  var clear = document.getElementById("filter-clear");
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));

  function value(key) {
    var v = fields[key] ? fields[key].value : "";
    return key === "q" ? v.trim().toLowerCase() : v;
  }

  function apply() {
    var text = value("q"), level = value("level"), verdict = value("verdict"), tag = value("tag");
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!text || row.getAttribute("data-text").indexOf(text) >= 0)
        && (!level || row.getAttribute("data-level") === level)
        && (!verdict || row.getAttribute("data-verdict") === verdict)
        && (!tag || (" " + row.getAttribute("data-tags") + " ").indexOf(" " + tag + " ") >= 0);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + " / " + rows.length;
    if (none) { none.hidden = shown !== 0; }
  }

  function readFragment() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    keys.forEach(function (key) {
      var field = fields[key];
      if (!field) { return; }
      var v = params.get(key) || "";
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === v; })) {
        v = "";
      }
      field.value = v;
    });
  }

  function writeFragment() {
    var params = new URLSearchParams();
    keys.forEach(function (key) {
      var v = fields[key] ? fields[key].value.trim() : "";
      if (v) { params.set(key, v); }
    });
    var fragment = params.toString();
    if (fragment !== location.hash.replace(/^#/, "")) {
      try {
        history.replaceState(history.state, "", fragment ? "#" + fragment : location.pathname + location.search);
      } catch (e) {
        history.replaceState(history.state, "", "#" + fragment);
      }
    }
  }

  form.addEventListener("input", function () { writeFragment(); apply(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  if (clear) {
    clear.addEventListener("click", function () {
      keys.forEach(function (key) { if (fields[key]) { fields[key].value = ""; } });
      writeFragment();
      apply();
    });
  }
  window.addEventListener("hashchange", function () { readFragment(); apply(); });
  window.addEventListener("pageshow", function () { readFragment(); apply(); });
  readFragment();
  apply();
})();
