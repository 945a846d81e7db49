(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("claims");
  if (!form || !table) { return; }
  form.hidden = false;
  var q = document.getElementById("filter-text");
  var level = document.getElementById("filter-level");
  var tag = document.getElementById("filter-tag");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  function apply() {
    var text = q.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!text || row.getAttribute("data-text").indexOf(text) >= 0)
        && (!level.value || row.getAttribute("data-level") === level.value)
        && (!tag.value || (" " + row.getAttribute("data-tags") + " ").indexOf(" " + tag.value + " ") >= 0);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + " / " + rows.length;
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
