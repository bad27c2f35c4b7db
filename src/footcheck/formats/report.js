
(function () {
  "use strict";
  var doc = document, root = doc.getElementById("report");
  var box = doc.getElementById("controls");
  if (!root || !box) { return; }
  doc.documentElement.className += " js";
  var items = Array.prototype.slice.call(root.querySelectorAll(".note, .item"));
  var rows = Array.prototype.slice.call(root.querySelectorAll(".finding"));
  var kinds = {};
  rows.forEach(function (r) { kinds[r.getAttribute("data-kind")] = 1; });
  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.appendChild(doc.createTextNode(text)); }
    return e;
  }
  var checks = {};
  ["error", "warning", "info"].forEach(function (s) {
    var label = el("label"), box2 = el("input", {type: "checkbox", id: "sev-" + s});
    box2.checked = true; checks[s] = box2;
    label.appendChild(box2); label.appendChild(doc.createTextNode(" " + s));
    box.appendChild(label);
  });
  var kind = el("select", {id: "kind", "aria-label": "Kind"});
  kind.appendChild(el("option", {value: ""}, "all kinds"));
  Object.keys(kinds).sort().forEach(function (k) {
    kind.appendChild(el("option", {value: k}, k));
  });
  box.appendChild(kind);
  var search = el("input", {type: "search", id: "search",
                            placeholder: "Search notes and findings", "aria-label": "Search"});
  box.appendChild(search);
  var shown = el("span", {"class": "shown", id: "shown"});
  box.appendChild(shown);
  box.hidden = false;
  function matches(row) {
    var k = kind.value;
    return checks[row.getAttribute("data-severity")].checked &&
      (!k || row.getAttribute("data-kind") === k);
  }
  function update() {
    var q = search.value.trim().toLowerCase(), filtered = !!kind.value;
    Object.keys(checks).forEach(function (s) { if (!checks[s].checked) { filtered = true; } });
    var visible = 0, findings = 0;
    items.forEach(function (item) {
      var mine = Array.prototype.slice.call(item.querySelectorAll(".finding"));
      var hit = 0;
      mine.forEach(function (r) { var m = matches(r); r.hidden = !m; if (m) { hit++; } });
      var show = (mine.length ? hit > 0 : !filtered) &&
        (!q || item.textContent.toLowerCase().indexOf(q) !== -1);
      item.hidden = !show;
      if (show) { visible++; findings += hit; }
    });
    chips.forEach(function (c) {
      c.className = "chip" + (c.getAttribute("data-kind") === kind.value ? " on" : "");
    });
    shown.textContent = "Showing " + visible + " of " + items.length + " items, " +
      findings + " findings";
  }
  [checks.error, checks.warning, checks.info, kind].forEach(function (c) {
    c.addEventListener("change", update);
  });
  search.addEventListener("input", update);
  var chips = Array.prototype.slice.call(root.querySelectorAll(".chip"));
  chips.forEach(function (chip) {
    chip.disabled = false;
    chip.addEventListener("click", function () {
      var k = chip.getAttribute("data-kind");
      kind.value = kind.value === k ? "" : k;
      update();
    });
  });
  update();
}());
