(function () {
  "use strict";
  // The page carries the article index (data.docs) and the findings' signatures (data.sigs); the highlighted
  // text of the articles is in evidence files beside the page (data.files), loaded by adding script elements (which
  // works from file://, where fetch() is blocked) when the page of the index that shows them is opened.
  var data = JSON.parse(document.getElementById("evidence-data").textContent);
  var sigs = data.sigs;
  var perPage = data.perPage || 25;
  var byId = function (id) { return document.getElementById(id); };
  var controls = {
    outlet: byId("f-outlet"), doc: byId("f-doc"), category: byId("f-category"),
    voice: byId("f-voice"), search: byId("f-search")
  };
  var kinds = (byId("doc-index").getAttribute("data-kinds") || "").split(" ").filter(Boolean);
  var docs = data.docs.map(function (r, i) {
    var n = 0;
    r[6].forEach(function (p) { n += p[1]; });
    return { id: r[0], outlet: r[1], title: r[2], date: r[3], chunk: r[4], first: r[5], sigs: r[6], n: n, pos: i };
  });
  var docById = {};
  docs.forEach(function (d) { docById[d.id] = d; });
  var byFirst = docs.filter(function (d) { return d.first >= 0; }).sort(function (a, b) { return a.first - b.first; });
  var chunks = {}, loading = {};
  var state = { selection: null, selectionDocs: null, selectionLabel: "", hiddenFamilies: {}, page: 0 };
  var familyBoxes = Array.prototype.slice.call(document.querySelectorAll("input.family"));
  var current = null, token = 0, last = { articles: 0, findings: 0, highlighted: 0 };

  window.framingEvidence = function (n, payload) { chunks[n] = payload; };

  function loadChunk(n) {
    if (chunks[n]) { return Promise.resolve(chunks[n]); }
    if (!loading[n]) {
      var src = data.files[n - 1];
      loading[n] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          if (chunks[n]) { resolve(chunks[n]); return; }
          delete loading[n];
          reject(new Error(src + " did not contain its articles"));
        };
        script.onerror = function () {
          delete loading[n];
          reject(new Error("could not read " + src + ": keep the evidence folder beside this page"));
        };
        document.head.appendChild(script);
      });
    }
    return loading[n];
  }

  function loadAll(numbers, progress) {
    var todo = numbers.filter(function (n, i) { return !chunks[n] && numbers.indexOf(n) === i; });
    var done = 0, next = 0;
    if (!todo.length) { return Promise.resolve(); }
    return new Promise(function (resolve, reject) {
      var failed = false;
      function more() {
        if (failed) { return; }
        if (next >= todo.length) { if (done === todo.length) { resolve(); } return; }
        var n = todo[next++];
        loadChunk(n).then(function () {
          done += 1;
          if (progress) { progress(done, todo.length); }
          more();
        }, function (err) { failed = true; reject(err); });
      }
      for (var i = 0; i < 4; i += 1) { more(); }
    });
  }

  function entryOf(doc) {
    var chunk = chunks[doc.chunk];
    return chunk ? chunk.docs[doc.id] : null;
  }

  function textOfEntry(entry) {
    if (entry.text === undefined) {
      entry.text = entry.html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    }
    return entry.text;
  }

  function docOfEid(id) {
    var n = parseInt(String(id).slice(1), 10), lo = 0, hi = byFirst.length - 1, found = null;
    if (isNaN(n)) { return null; }
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (byFirst[mid].first <= n) { found = byFirst[mid]; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found && n < found.first + found.n ? found : null;
  }

  function itemOf(doc, id) {
    var entry = entryOf(doc);
    if (!entry) { return null; }
    var it = entry.items[parseInt(id.slice(1), 10) - doc.first];
    return it ? { id: id, sig: sigs[it[0]], desc: it[1] } : null;
  }

  function sigVisible(s) {
    if (state.hiddenFamilies[s.family]) { return false; }
    if (controls.category.value && s.keys.indexOf(controls.category.value) < 0) { return false; }
    if (controls.voice.value && s.voice !== controls.voice.value) { return false; }
    return true;
  }

  // findings of an article that match the filters, by kind ("all": every kind)
  function counts(doc) {
    var out = { all: 0 };
    if (state.selection) {
      var entry = entryOf(doc);
      if (!entry) { return out; }
      entry.items.forEach(function (it, k) {
        if (!state.selection["e" + (doc.first + k)] || !sigVisible(sigs[it[0]])) { return; }
        var kind = sigs[it[0]].kind;
        out[kind] = (out[kind] || 0) + 1;
        out.all += 1;
      });
      return out;
    }
    doc.sigs.forEach(function (p) {
      var s = sigs[p[0]];
      if (!sigVisible(s)) { return; }
      out[s.kind] = (out[s.kind] || 0) + p[1];
      out.all += p[1];
    });
    return out;
  }

  function docQuery() {
    var q = controls.doc.value.trim();
    if (!q) { return null; }
    if (docById[q]) { return function (d) { return d.id === q; }; }
    var lower = q.toLowerCase();
    return function (d) { return d.id.toLowerCase().indexOf(lower) >= 0 || d.title.toLowerCase().indexOf(lower) >= 0; };
  }

  function setStatus(text) { byId("status").textContent = text; }

  function makeRow(doc, c) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-doc", doc.id);
    var td = document.createElement("td"), a = document.createElement("a");
    a.className = "doclink";
    a.href = "#doc-" + doc.id;
    a.setAttribute("data-doc", doc.id);
    a.textContent = doc.title || doc.id;
    td.appendChild(a);
    tr.appendChild(td);
    [doc.outlet, doc.date, doc.id].forEach(function (v, i) {
      var cell = document.createElement("td");
      if (i === 2) { var code = document.createElement("code"); code.textContent = v; cell.appendChild(code); } else { cell.textContent = v; }
      tr.appendChild(cell);
    });
    kinds.concat(["all"]).forEach(function (k) {
      var cell = document.createElement("td");
      cell.className = "num";
      cell.textContent = String(c[k] || 0);
      tr.appendChild(cell);
    });
    return tr;
  }

  function makeArticle(doc, entry) {
    var article = document.createElement("article");
    article.className = "doc";
    article.id = "doc-" + doc.id;
    article.setAttribute("data-doc", doc.id);
    article.setAttribute("data-outlet", doc.outlet);
    var h = document.createElement("h3");
    h.textContent = doc.title || doc.id;
    var meta = document.createElement("p");
    meta.className = "docmeta";
    meta.textContent = [doc.outlet, doc.date].filter(Boolean).join(" \u00b7 ") + " \u00b7 ";
    var code = document.createElement("code");
    code.textContent = doc.id;
    meta.appendChild(code);
    meta.appendChild(document.createTextNode(" \u00b7 " + doc.n + " findings"));
    var text = document.createElement("div");
    text.className = "text";
    text.innerHTML = entry.html;  // escaped when the report was written
    article.appendChild(h);
    article.appendChild(meta);
    article.appendChild(text);
    return article;
  }

  function paint(article, doc) {
    var n = 0;
    Array.prototype.forEach.call(article.querySelectorAll("span.ev"), function (span) {
      var ids = span.getAttribute("data-e").split(" ");
      var first = null, sentence = null;
      for (var i = 0; i < ids.length; i += 1) {
        if (state.selection && !state.selection[ids[i]]) { continue; }
        var it = itemOf(doc, ids[i]);
        if (!it || !sigVisible(it.sig)) { continue; }
        // whole-sentence findings (wire edits) only underline; a finding inside them keeps its colour
        if (it.sig.kind === "wire") { sentence = sentence || it.sig; } else { first = it.sig; break; }
      }
      span.classList.remove("on", "focus", "k-wire", "k-wire-only", "v-narrator", "v-quote", "v-scare_quote", "v-none");
      span.removeAttribute("title");
      if (first || sentence) {
        n += 1;
        span.classList.add("on", "v-" + ((first || sentence).voice || "none"));
        span.style.setProperty("--c", (first || sentence).color);
        if (sentence) {
          span.classList.add(first ? "k-wire" : "k-wire-only");
          span.style.setProperty("--w", sentence.color);
        }
      }
    });
    return n;
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

  function chunksOf(list) {
    var seen = {}, out = [];
    list.forEach(function (d) { if (!seen[d.chunk]) { seen[d.chunk] = true; out.push(d.chunk); } });
    return out;
  }

  // filter the index, show one page of it and the articles of that page; resolves to what is shown
  function apply() {
    var mine = ++token;
    var needle = controls.search.value.trim();
    var filtering = Boolean(controls.category.value || controls.voice.value || state.selection);
    var ofDoc = docQuery();
    var stale = function () { return mine !== token; };
    var first = state.selection ? loadAll(chunksOf(state.selectionDocs)) : Promise.resolve();
    var list = null, nVisible = 0, inSelection = {};
    (state.selectionDocs || []).forEach(function (d) { inSelection[d.id] = true; });
    current = first.then(function () {
      if (stale()) { return null; }
      list = docs.filter(function (d) {
        if (controls.outlet.value && d.outlet !== controls.outlet.value) { return false; }
        if (ofDoc && !ofDoc(d)) { return false; }
        if (state.selectionDocs && !inSelection[d.id]) { return false; }
        return !filtering || counts(d).all > 0;
      });
      if (!needle) { return null; }
      var need = chunksOf(list).filter(function (n) { return !chunks[n]; });
      if (need.length) { setStatus("Searching the text: loading " + need.length + " evidence files\u2026"); }
      return loadAll(need, function (done, total) {
        if (!stale()) { setStatus("Searching the text: loaded " + done + " of " + total + " evidence files\u2026"); }
      });
    }).then(function () {
      if (stale()) { return null; }
      if (needle) {
        var lower = needle.toLowerCase();
        list = list.filter(function (d) { return textOfEntry(entryOf(d)).toLowerCase().indexOf(lower) >= 0; });
      }
      nVisible = 0;
      list.forEach(function (d) { nVisible += counts(d).all; });
      var pages = Math.max(1, Math.ceil(list.length / perPage));
      state.page = Math.min(Math.max(0, state.page), pages - 1);
      var shownDocs = list.slice(state.page * perPage, (state.page + 1) * perPage);
      var body = document.createElement("tbody");
      shownDocs.forEach(function (d) { body.appendChild(makeRow(d, counts(d))); });
      var table = byId("doc-index");
      table.replaceChild(body, table.tBodies[0]);
      byId("p-page").value = String(state.page + 1);
      byId("p-page").max = String(pages);
      byId("p-count").textContent = "of " + pages + " (" + perPage + " articles a page)";
      byId("p-prev").disabled = state.page === 0;
      byId("p-next").disabled = state.page >= pages - 1;
      if (shownDocs.length && !shownDocs.every(function (d) { return chunks[d.chunk]; })) {
        setStatus("Loading the articles of page " + (state.page + 1) + "\u2026");
      }
      return loadAll(chunksOf(shownDocs)).then(function () { return shownDocs; });
    }).then(function (shownDocs) {
      if (stale() || !shownDocs) { return current; }
      var box = byId("articles"), frag = document.createDocumentFragment(), shown = [], nOn = 0;
      shownDocs.forEach(function (d) {
        var article = makeArticle(d, entryOf(d));
        nOn += paint(article, d);
        frag.appendChild(article);
        shown.push(article);
      });
      box.textContent = "";
      box.appendChild(frag);
      var nSearch = highlightSearch(shown, needle);
      var pages = Math.max(1, Math.ceil(list.length / perPage));
      var status = byId("status");
      status.textContent = list.length + " of " + docs.length + " articles match the filters (page " + (state.page + 1) +
        " of " + pages + ", " + shown.length + " shown below); " + nVisible + " findings match the filters" +
        (needle ? "; " + nSearch + " occurrences of \u201c" + needle + "\u201d on this page" : "") + ".";
      status.setAttribute("data-articles", String(list.length));
      status.setAttribute("data-findings", String(nVisible));
      status.setAttribute("data-highlighted", String(nOn));
      status.setAttribute("data-page", String(state.page + 1));
      status.setAttribute("data-pages", String(pages));
      var sel = byId("selection");
      if (state.selection) {
        sel.hidden = false;
        sel.textContent = "Showing the evidence behind: " + state.selectionLabel + " (clear the filters to see everything).";
      } else {
        sel.hidden = true;
        sel.textContent = "";
      }
      last = { articles: list.length, findings: nVisible, highlighted: nOn, page: state.page + 1, pages: pages };
      return last;
    }).catch(function (err) {
      if (stale()) { return current; }
      setStatus("The evidence could not be shown: " + err.message);
      throw err;
    });
    return current;
  }

  function restart() { state.page = 0; return apply(); }

  function clearAll() {
    ["outlet", "doc", "category", "voice", "search"].forEach(function (k) { controls[k].value = ""; });
    state.selection = null;
    state.selectionDocs = null;
    state.selectionLabel = "";
    state.page = 0;
  }

  function setSelect(select, value) {
    if (!value) { select.value = ""; return; }
    if (select.tagName === "SELECT" && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      var opt = document.createElement("option");
      opt.value = value; opt.textContent = value;
      select.appendChild(opt);
    }
    select.value = value;
  }

  function focusFirst() {
    var first = document.querySelector("#articles article.doc span.ev.on");
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
      state.selectionDocs = [];
      ids.split(" ").forEach(function (id) {
        if (!id) { return; }
        state.selection[id] = true;
        var d = docOfEid(id);
        if (d && state.selectionDocs.indexOf(d) < 0) { state.selectionDocs.push(d); }
      });
    }
    var row = link.closest("tr");
    state.selectionLabel = ids ? (row ? rowLabel(row) : link.textContent) : "";
    return apply().then(function (result) {
      if (result && result.findings === 0 && (ids || link.getAttribute("data-filter"))) {
        // the spans are in articles the browser does not index (max_articles)
        var sel = byId("selection");
        sel.hidden = false;
        sel.textContent = "None of the findings behind " + (state.selectionLabel || link.textContent) +
          " is in the " + docs.length + " articles the browser indexes; tables/evidence.csv lists every finding.";
      }
      focusFirst();
      return result;
    });
  }

  // show the page of the index holding an article (clearing the filters that hide it) and scroll to it
  function openDoc(id) {
    var doc = docById[id];
    if (!doc) { return Promise.resolve(null); }
    var visible = byId("articles").querySelector('article.doc[data-doc="' + CSS.escape(id) + '"]');
    var ready = visible ? Promise.resolve(last) : (function () {
      clearAll();
      state.page = Math.floor(doc.pos / perPage);
      return apply();
    }());
    return ready.then(function (result) {
      var article = byId("articles").querySelector('article.doc[data-doc="' + CSS.escape(id) + '"]');
      if (article) {
        var span = article.querySelector("span.ev.on");
        (span || article).scrollIntoView({ block: span ? "center" : "start" });
        if (span) { span.classList.add("focus"); }
      }
      return result;
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.evlink");
    if (link) {
      event.preventDefault();
      openEvidence(link);
      return;
    }
    var doclink = event.target.closest("a.doclink");
    if (doclink) {
      event.preventDefault();
      openDoc(doclink.getAttribute("data-doc"));
    }
  });
  ["outlet", "category", "voice"].forEach(function (k) {
    controls[k].addEventListener("change", function () { state.selection = null; state.selectionDocs = null; restart(); });
  });
  controls.doc.addEventListener("input", function () { state.selection = null; state.selectionDocs = null; restart(); });
  controls.search.addEventListener("input", function () { restart(); });
  byId("f-clear").addEventListener("click", function () { clearAll(); apply(); });
  byId("p-prev").addEventListener("click", function () { state.page -= 1; apply(); });
  byId("p-next").addEventListener("click", function () { state.page += 1; apply(); });
  byId("p-page").addEventListener("change", function () {
    state.page = (parseInt(byId("p-page").value, 10) || 1) - 1;
    apply();
  });
  familyBoxes.forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { delete state.hiddenFamilies[box.value]; } else { state.hiddenFamilies[box.value] = true; }
      apply();
    });
  });
  document.addEventListener("mouseover", function (event) {
    var span = event.target.closest && event.target.closest("span.ev.on");
    if (!span || span.hasAttribute("title")) { return; }
    var article = span.closest("article.doc");
    var doc = article && docById[article.getAttribute("data-doc")];
    if (!doc) { return; }
    var lines = span.getAttribute("data-e").split(" ").map(function (id) { return itemOf(doc, id); })
      .filter(function (it) { return it && sigVisible(it.sig) && (!state.selection || state.selection[it.id]); })
      .map(function (it) { return it.desc; });
    span.setAttribute("title", lines.join("\n"));
  });

  window.framingReport = {
    apply: apply,
    clear: function () { clearAll(); return apply(); },
    open: openEvidence,
    openDoc: openDoc,
    page: function (n) { state.page = n - 1; return apply(); },
    ready: function () { return current; },
    // what a finding is (kind, keys, voice, family, colour, description), once its article is loaded
    item: function (docId, id) {
      var doc = docById[docId], it = doc && itemOf(doc, id);
      return it ? { id: id, kind: it.sig.kind, keys: it.sig.keys, voice: it.sig.voice, family: it.sig.family,
                    color: it.sig.color, desc: it.desc } : null;
    },
    loaded: function () { return Object.keys(chunks).map(Number).sort(function (a, b) { return a - b; }); }
  };
  apply();
}());
