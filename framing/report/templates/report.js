(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("evidence-data").textContent);
  var items = {};
  data.items.forEach(function (it) { items[it.id] = it; });
  var byId = function (id) { return document.getElementById(id); };
  var controls = {
    outlet: byId("f-outlet"), doc: byId("f-doc"), category: byId("f-category"),
    voice: byId("f-voice"), search: byId("f-search")
  };
  var articles = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
  var spans = Array.prototype.slice.call(document.querySelectorAll("span.ev"));
  var state = { selection: null, selectionLabel: "", hiddenFamilies: {} };
  var familyBoxes = Array.prototype.slice.call(document.querySelectorAll("input.family"));

  function visibleItem(it) {
    if (state.hiddenFamilies[it.family]) { return false; }
    var doc = data.docs[it.doc] || {};
    if (controls.outlet.value && doc.outlet !== controls.outlet.value) { return false; }
    if (controls.doc.value && it.doc !== controls.doc.value) { return false; }
    if (controls.category.value && it.keys.indexOf(controls.category.value) < 0) { return false; }
    if (controls.voice.value && it.voice !== controls.voice.value) { return false; }
    if (state.selection && !state.selection[it.id]) { return false; }
    return true;
  }

  function textOf(article) {
    var el = article.querySelector(".text");
    return el ? el.textContent : "";
  }

  function highlightSearch(shown, needle) {
    if (!(window.CSS && CSS.highlights && window.Highlight)) { return 0; }
    CSS.highlights.delete("framing-search");
    if (!needle) { return 0; }
    var ranges = [];
    var lower = needle.toLowerCase();
    shown.forEach(function (article) {
      var root = article.querySelector(".text");
      if (!root) { return; }
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      var nodes = [], offsets = [], full = "", node;
      while ((node = walker.nextNode())) { nodes.push(node); offsets.push(full.length); full += node.nodeValue; }
      var hay = full.toLowerCase(), from = 0, at;
      var locate = function (pos) {
        var i = nodes.length - 1;
        while (i > 0 && offsets[i] > pos) { i -= 1; }
        return [nodes[i], pos - offsets[i]];
      };
      while ((at = hay.indexOf(lower, from)) >= 0) {
        var a = locate(at), b = locate(at + lower.length - 1);
        var range = new Range();
        range.setStart(a[0], a[1]);
        range.setEnd(b[0], b[1] + 1);
        ranges.push(range);
        from = at + lower.length;
      }
    });
    if (ranges.length) { CSS.highlights.set("framing-search", new Highlight(...ranges)); }
    return ranges.length;
  }

  function apply() {
    var filtering = Boolean(controls.category.value || controls.voice.value || state.selection);
    var needle = controls.search.value.trim();
    var visible = {}, nVisible = 0;
    data.items.forEach(function (it) {
      if (visibleItem(it)) { visible[it.id] = true; nVisible += 1; }
    });
    spans.forEach(function (span) {
      var ids = span.getAttribute("data-e").split(" ");
      var first = null, sentence = null;
      for (var i = 0; i < ids.length; i += 1) {
        if (!visible[ids[i]]) { continue; }
        // whole-sentence findings (wire edits) only underline; a finding inside them keeps its colour
        if (items[ids[i]].kind === "wire") { sentence = sentence || items[ids[i]]; } else { first = items[ids[i]]; break; }
      }
      span.classList.remove("on", "focus", "k-wire", "k-wire-only", "v-narrator", "v-quote", "v-scare_quote", "v-none");
      span.removeAttribute("title");
      if (first || sentence) {
        span.classList.add("on", "v-" + ((first || sentence).voice || "none"));
        span.style.setProperty("--c", (first || sentence).color);
        if (sentence) {
          span.classList.add(first ? "k-wire" : "k-wire-only");
          span.style.setProperty("--w", sentence.color);
        }
      }
    });
    var shown = [];
    articles.forEach(function (article) {
      var doc = article.getAttribute("data-doc");
      var ok = true;
      if (controls.outlet.value && article.getAttribute("data-outlet") !== controls.outlet.value) { ok = false; }
      if (controls.doc.value && doc !== controls.doc.value) { ok = false; }
      if (ok && filtering && !article.querySelector("span.ev.on")) { ok = false; }
      if (ok && needle && textOf(article).toLowerCase().indexOf(needle.toLowerCase()) < 0) { ok = false; }
      article.classList.toggle("hidden", !ok);
      if (ok) { shown.push(article); }
    });
    var nSearch = highlightSearch(shown, needle);
    var nOn = 0;
    shown.forEach(function (article) { nOn += article.querySelectorAll("span.ev.on").length; });
    var status = byId("status");
    status.textContent = shown.length + " of " + articles.length + " articles shown; " + nVisible +
      " findings match the filters" + (needle ? "; " + nSearch + " occurrences of \u201c" + needle + "\u201d" : "") + ".";
    status.setAttribute("data-articles", String(shown.length));
    status.setAttribute("data-findings", String(nVisible));
    status.setAttribute("data-highlighted", String(nOn));
    var sel = byId("selection");
    if (state.selection) {
      sel.hidden = false;
      sel.textContent = "Showing the evidence behind: " + state.selectionLabel + " (clear the filters to see everything).";
    } else {
      sel.hidden = true;
      sel.textContent = "";
    }
    return { articles: shown.length, findings: nVisible, highlighted: nOn };
  }

  function setSelect(select, value) {
    if (!value) { select.value = ""; return; }
    var found = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (!found) {
      var opt = document.createElement("option");
      opt.value = value; opt.textContent = value;
      select.appendChild(opt);
    }
    select.value = value;
  }

  function clearAll() {
    ["outlet", "doc", "category", "voice"].forEach(function (k) { controls[k].value = ""; });
    controls.search.value = "";
    state.selection = null;
    state.selectionLabel = "";
  }

  function focusFirst() {
    var first = document.querySelector("article.doc:not(.hidden) span.ev.on");
    if (first) {
      first.classList.add("focus");
      first.scrollIntoView({ block: "center" });
    } else {
      byId("evidence").scrollIntoView();
    }
  }

  function rowLabel(row) {
    // the row's cells, each trimmed, separated so that neighbouring cells do not run together
    return Array.prototype.map.call(row.cells, function (cell) {
      return cell.textContent.replace(/\s+/g, " ").trim();
    }).filter(function (text) { return text.length > 0; }).join(" \u00b7 ");
  }

  function openEvidence(link) {
    clearAll();
    var spec = {};
    try { spec = JSON.parse(link.getAttribute("data-filter") || "{}"); } catch (err) { spec = {}; }
    setSelect(controls.outlet, spec.outlet || "");
    setSelect(controls.doc, spec.doc || "");
    setSelect(controls.category, spec.category || "");
    setSelect(controls.voice, spec.voice || "");
    controls.search.value = spec.search || "";
    var ids = link.getAttribute("data-ev");
    if (ids) {
      state.selection = {};
      ids.split(" ").forEach(function (id) { if (id) { state.selection[id] = true; } });
    }
    var row = link.closest("tr");
    state.selectionLabel = ids ? (row ? rowLabel(row) : link.textContent) : "";
    var result = apply();
    if (result.findings === 0 && (ids || link.getAttribute("data-filter"))) {
      // the spans are in articles the browser does not carry (it shows the first articles only)
      var sel = byId("selection");
      sel.hidden = false;
      sel.textContent = "None of the findings behind " + (state.selectionLabel || link.textContent) +
        " is in the " + articles.length + " articles shown here; tables/evidence.csv lists every finding.";
    }
    focusFirst();
    return result;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.evlink");
    if (!link) { return; }
    event.preventDefault();
    openEvidence(link);
  });
  ["outlet", "doc", "category", "voice"].forEach(function (k) {
    controls[k].addEventListener("change", function () { state.selection = null; apply(); });
  });
  controls.search.addEventListener("input", function () { apply(); });
  byId("f-clear").addEventListener("click", function () { clearAll(); apply(); });
  familyBoxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { delete state.hiddenFamilies[box.value]; } else { state.hiddenFamilies[box.value] = true; }
      apply();
    });
  });
  document.addEventListener("mouseover", function (event) {
    var span = event.target.closest && event.target.closest("span.ev.on");
    if (!span || span.hasAttribute("title")) { return; }
    var lines = span.getAttribute("data-e").split(" ").filter(function (id) {
      return items[id] && visibleItem(items[id]);
    }).map(function (id) { return items[id].desc; });
    span.setAttribute("title", lines.join("\n"));
  });

  window.framingReport = { apply: apply, clear: function () { clearAll(); return apply(); }, open: openEvidence };
  apply();
}());
