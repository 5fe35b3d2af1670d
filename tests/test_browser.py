"""The HTML report in a real headless browser (Debian's chromium).

Chromium is driven over the Chrome DevTools Protocol (websocket-client, a dev
dependency): the report is opened as a file, console messages, uncaught
exceptions and failed loads are collected, the filters are operated through
the page's own controls, and a screenshot is kept in ``test-artifacts/``.
"""

from __future__ import annotations

import base64
import itertools
import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
ARTIFACTS = PROJECT / "test-artifacts"
ACTORS = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl", "Army of Justice"], "Hamas": ["Hamas"]}

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--remote-allow-origins=*",
    "--remote-debugging-port=0", "--window-size=1280,1800",
]


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Page:
    """A minimal DevTools Protocol client for one page."""

    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def send(self, method: str, **params):
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, event: str, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        for i, msg in enumerate(self.events):
            if msg.get("method") == event:
                return self.events.pop(i)
        while time.monotonic() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("method") == event:
                return msg
            self.events.append(msg)
        raise TimeoutError(event)

    def js(self, expression: str):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def drain(self, seconds: float = 0.3) -> None:
        self.ws.settimeout(seconds)
        try:
            while True:
                self.events.append(json.loads(self.ws.recv()))
        except Exception:
            pass
        finally:
            self.ws.settimeout(30)

    def problems(self) -> list[str]:
        """Console errors/warnings, uncaught exceptions and error log entries seen so far."""
        out = []
        for msg in self.events:
            method, params = msg.get("method"), msg.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(f"exception: {params['exceptionDetails'].get('text')} "
                           f"{params['exceptionDetails'].get('exception', {}).get('description', '')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                out.append(f"console.{params['type']}: {[a.get('value') for a in params.get('args', [])]}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = chromium_binary()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium); CI installs it")
    pytest.importorskip("websocket", reason="websocket-client (a dev dependency) is needed to drive chromium")
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().strip()):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chromium did not start (exit code {proc.poll()})")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = []
        while not any(t.get("type") == "page" for t in targets):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
                targets = json.load(resp)
            time.sleep(0.1)
        page = Page(next(t for t in targets if t.get("type") == "page")["webSocketDebuggerUrl"])
        for domain in ("Runtime", "Log", "Page"):  # console messages, log entries and load events, for every test
            page.send(f"{domain}.enable")
        yield page
        page.ws.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def report_page(browser, tmp_path_factory):
    import framing

    out = tmp_path_factory.mktemp("report")
    index = framing.report("example", out, actors=ACTORS)
    browser.send("Emulation.setDeviceMetricsOverride", width=1280, height=1800, deviceScaleFactor=1, mobile=False)
    browser.send("Page.navigate", url=index.as_uri())
    browser.wait_for("Page.loadEventFired")
    browser.drain()
    return browser, index


def test_page_loads_without_console_errors(report_page):
    page, index = report_page
    assert page.problems() == []
    assert page.js("document.title")
    assert page.js("typeof window.framingReport") == "object"
    # every figure image loaded (relative paths, offline)
    broken = page.js("Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
    assert broken == []
    # nothing is fetched from the network: every resource is a file next to the page
    urls = page.js("performance.getEntriesByType('resource').map(e => e.name)")
    assert all(u.startswith("file://") for u in urls), urls


def test_every_article_is_shown_at_first(report_page):
    page, _ = report_page
    page.js("window.framingReport.clear()")
    assert page.js("document.querySelectorAll('article.doc').length") == 5
    assert page.js("document.querySelectorAll('article.doc.hidden').length") == 0
    assert page.js("document.getElementById('status').dataset.articles") == "5"


def test_outlet_filter_changes_what_is_shown(report_page):
    page, _ = report_page
    page.js("window.framingReport.clear()")
    shown = page.js("""(async () => { const s = document.getElementById('f-outlet'); s.value = 'Scroll.in';
        s.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return Array.from(document.querySelectorAll('article.doc:not(.hidden)')).map(a => a.dataset.doc); })()""")
    assert shown == ["scroll"]
    assert page.js("document.getElementById('status').dataset.articles") == "1"


def test_category_and_voice_filters_change_the_highlights(report_page):
    page, _ = report_page
    before = page.js("window.framingReport.clear().then(r => r.highlighted)")
    options = page.js("Array.from(document.getElementById('f-category').options).map(o => o.value).filter(Boolean)")
    if not options:
        pytest.skip("the report found nothing to highlight in this installation")
    assert before > 0
    leaf = next(o for o in options if o.count("|") >= 1)
    after = page.js(f"""(async () => {{ const s = document.getElementById('f-category'); s.value = {json.dumps(leaf)};
        s.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return Number(document.getElementById('status').dataset.highlighted); }})()""")
    assert 0 < after < before
    # every highlighted segment belongs to a finding with that key
    keys_ok = page.js(f"""(() => {{ const item = (s, id) => window.framingReport.item(s.closest('article').dataset.doc, id);
        return Array.from(document.querySelectorAll('span.ev.on')).every(s =>
            s.dataset.e.split(' ').some(id => item(s, id).keys.includes({json.dumps(leaf)}))); }})()""")
    assert keys_ok
    voice = page.js("""(async () => { await window.framingReport.clear(); const s = document.getElementById('f-voice');
        s.value = 'quote'; s.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return [Number(document.getElementById('status').dataset.highlighted),
                document.querySelectorAll('span.ev.on:not(.v-quote)').length]; })()""")
    assert voice[1] == 0  # only spans inside quotations stay highlighted


def test_numbers_in_tables_open_the_spans_behind_them(report_page):
    page, _ = report_page
    page.js("window.framingReport.clear()")
    n_links = page.js("document.querySelectorAll('a.evlink').length")
    if not n_links:
        pytest.skip("no table with evidence links in this installation")
    result = page.js("""(async () => { const a = document.querySelector('a.evlink[data-ev]') ||
            Array.from(document.querySelectorAll('a.evlink[data-filter]')).find(l => JSON.parse(l.dataset.filter).category);
        if (!a) { return null; }
        a.click(); await window.framingReport.ready(); const ids = (a.dataset.ev || '').split(' ').filter(Boolean);
        const on = Array.from(document.querySelectorAll('article.doc:not(.hidden) span.ev.on'));
        return {ids: ids, on: on.map(s => s.dataset.e.split(' ')),
                banner: !document.getElementById('selection').hidden,
                focus: document.querySelectorAll('span.ev.focus').length}; })()""")
    if result is None:
        pytest.skip("no table number links to highlighted spans in this installation")
    assert result["on"], "clicking a number highlighted nothing"
    assert result["focus"] == 1
    if result["ids"]:
        assert result["banner"]
        assert all(set(seg) & set(result["ids"]) for seg in result["on"])


def test_text_search_finds_occurrences(report_page):
    page, _ = report_page
    page.js("window.framingReport.clear()")
    shown = page.js("""(async () => { const s = document.getElementById('f-search'); s.value = 'Davos';
        s.dispatchEvent(new Event('input')); await window.framingReport.ready();
        return Array.from(document.querySelectorAll('article.doc:not(.hidden)')).map(a => a.dataset.doc).sort(); })()""")
    # "Davos" appears in the two AFP versions only (read from the articles)
    assert shown == ["ahram", "timesofisrael"]


def test_screenshot_is_kept(report_page):
    page, _ = report_page
    page.js("window.framingReport.clear().then(() => window.scrollTo(0, 0))")
    shot = page.send("Page.captureScreenshot", format="png")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "report.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    evidence_top = page.js("document.getElementById('evidence').getBoundingClientRect().top + window.scrollY")
    page.js(f"window.scrollTo(0, {int(evidence_top)})")
    shot = page.send("Page.captureScreenshot", format="png")
    (ARTIFACTS / "report-evidence.png").write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 10_000
    assert page.problems() == []


def test_the_selection_banner_separates_the_row_cells(report_page):
    page, _ = report_page
    page.js("window.framingReport.clear()")
    result = page.js("""(async () => { const a = document.querySelector('tr a.evlink[data-ev]');
        if (!a) { return null; }
        const cells = Array.from(a.closest('tr').cells).map(c => c.textContent.trim()).filter(Boolean);
        a.click(); await window.framingReport.ready();
        return {cells: cells, banner: document.getElementById('selection').textContent}; })()""")
    if result is None:
        pytest.skip("no table row links to its spans in this installation")
    # every cell in the banner, separated from its neighbour (not "Jaish al-AdlScroll.in")
    assert " \u00b7 ".join(result["cells"]) in result["banner"]


def test_a_highlight_family_can_be_switched_off(report_page):
    page, _ = report_page
    counts = page.js("""(async () => { await window.framingReport.clear();
        const boxes = Array.from(document.querySelectorAll('input.family'));
        if (boxes.length < 2) { return null; }
        const before = Number(document.getElementById('status').dataset.highlighted);
        const box = boxes[0]; box.checked = false; box.dispatchEvent(new Event('change'));
        await window.framingReport.ready();
        const item = (s, id) => window.framingReport.item(s.closest('article').dataset.doc, id);
        const after = Number(document.getElementById('status').dataset.highlighted);
        const leaked = Array.from(document.querySelectorAll('span.ev.on')).filter(s =>
            s.dataset.e.split(' ').every(id => item(s, id).family === box.value)).length;
        box.checked = true; box.dispatchEvent(new Event('change')); await window.framingReport.ready();
        const back = Number(document.getElementById('status').dataset.highlighted);
        return {before: before, after: after, leaked: leaked, back: back}; })()""")
    if counts is None:
        pytest.skip("fewer than two highlight families in this installation")
    assert counts["after"] < counts["before"] and counts["leaked"] == 0 and counts["back"] == counts["before"]


# ---- at corpus scale: 10,000 synthetic articles (tests/synthetic_evidence.py; no measure is run)

LARGE = 10_000
#: the page carries an index of about 100 bytes an article (id, outlet, title, date, file number, first
#: finding id, counts per filter signature) and none of the articles' text: 2 MB at 10,000 articles
#: (the page that embedded every highlighted article was 70 MB at this scale, 8 s to load)
LARGE_PAGE_BYTES = 2_000_000


@pytest.fixture(scope="module")
def large_report(browser, tmp_path_factory):
    from types import SimpleNamespace

    from synthetic_evidence import write_synthetic_report

    out = tmp_path_factory.mktemp("large-report")
    index, corpus, evidence, order = write_synthetic_report(out, LARGE)
    page = browser
    page.events.clear()
    start = time.monotonic()
    page.send("Page.navigate", url=index.as_uri())
    page.wait_for("Page.loadEventFired", timeout=120)
    loaded = time.monotonic() - start
    # performance.now() counts from the navigation: when the index and the first page's articles are shown
    ready_ms = page.js("window.framingReport.ready().then(() => performance.now())")
    paint = page.js("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    page.drain()
    return SimpleNamespace(page=page, index=index, corpus=corpus, evidence=evidence, order=order, loaded=loaded,
                           ready_ms=ready_ms, paint=paint)


def _reopen(r) -> None:
    """Open the large report afresh: only its first evidence file loaded."""
    r.page.send("Page.navigate", url=r.index.as_uri())
    r.page.wait_for("Page.loadEventFired", timeout=120)
    assert r.page.js("window.framingReport.ready().then(() => window.framingReport.loaded())") == [1]


def _status(page) -> dict:
    return page.js("window.framingReport.ready().then(() => Object.assign({}, document.getElementById('status').dataset))")


def test_a_large_report_page_is_small_and_opens_fast(large_report):
    r = large_report
    size = r.index.stat().st_size
    files = sorted((r.index.parent / "evidence").glob("*.js"))
    beside = sum(f.stat().st_size for f in files)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "large_report_timing.txt").write_text(
        f"articles={LARGE} page_bytes={size} evidence_files={len(files)} evidence_bytes={beside} "
        f"load_s={r.loaded:.2f} ready_ms={r.ready_ms:.0f} first_contentful_paint_ms={r.paint}\n")
    assert size < LARGE_PAGE_BYTES, f"the page is {size / 1e6:.1f} MB"
    assert beside > 10 * size  # the articles' text is beside the page, not in it
    assert r.page.problems() == []
    # usable (index and first page of articles drawn) within 5 s even on a busy machine; 0.4 s measured
    assert r.ready_ms < 5000 and r.loaded < 10
    assert r.paint is None or r.paint < 3000
    status = _status(r.page)
    assert status["articles"] == str(LARGE) and status["page"] == "1" and status["pages"] == str(LARGE // 25)
    # only the first page's file is loaded, and its 25 articles are drawn, highlighted
    assert r.page.js("window.framingReport.loaded()") == [1]
    assert r.page.js("document.querySelectorAll('#articles article.doc').length") == 25
    assert int(status["highlighted"]) > 0
    # the page says how many articles there are and how they are paged
    note = r.page.js("document.getElementById('paging').textContent")
    assert "10,000 articles" in note and "25 to a page" in note and f"{len(files):,} files" in note


def _spans_of(page, doc: str) -> list:
    return page.js(f"""Array.from(document.querySelectorAll('#articles article.doc[data-doc={json.dumps(doc)}] span.ev.on'))
        .map(s => [s.dataset.e.split(' '), s.textContent])""")


def _check_highlights(r, doc: str) -> None:
    """Every finding of ``doc`` is highlighted over exactly its text (read from the synthetic corpus)."""
    text = r.corpus.set_index("doc_id").loc[doc, "text"]
    pieces: dict[str, str] = {}
    for ids, piece in _spans_of(r.page, doc):
        for eid in ids:
            pieces[eid] = pieces.get(eid, "") + piece
    ev = r.evidence[r.evidence["doc_id"] == doc]
    assert len(ev) > 0 and set(pieces) == set(ev["eid"])
    for e in ev.itertuples(index=False):
        assert pieces[e.eid] == text[e.start:e.end]


def test_opening_a_page_or_an_article_loads_its_evidence(large_report):
    r = large_report
    page = r.page
    _reopen(r)
    with_findings = r.order[r.order["n_findings"] > 0].reset_index(drop=True)
    # page 200 of the index, through the pager: its file is loaded and its 25 articles drawn
    target = r.order.iloc[199 * 25 + 7]
    assert 200 not in page.js("window.framingReport.loaded()")
    drawn = page.js("""(async () => { const p = document.getElementById('p-page'); p.value = '200';
        p.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return Array.from(document.querySelectorAll('#articles article.doc')).map(a => a.dataset.doc); })()""")
    assert drawn == list(r.order["doc_id"].iloc[199 * 25:200 * 25])
    assert 200 in page.js("window.framingReport.loaded()")
    rows = page.js("Array.from(document.querySelectorAll('#doc-index tbody tr')).map(t => t.dataset.doc)")
    assert rows == drawn
    if target.n_findings:
        _check_highlights(r, target.doc_id)
    # an article far down the index, opened by its id in the article filter: only it is shown, highlighted
    doc = with_findings["doc_id"].iloc[-40]
    chunk = int(with_findings["chunk"].iloc[-40])
    assert chunk not in page.js("window.framingReport.loaded()")
    shown = page.js(f"""(async () => {{ const s = document.getElementById('f-doc'); s.value = {json.dumps(doc)};
        s.dispatchEvent(new Event('input')); await window.framingReport.ready();
        return Array.from(document.querySelectorAll('#articles article.doc')).map(a => a.dataset.doc); }})()""")
    assert shown == [doc]
    assert chunk in page.js("window.framingReport.loaded()")
    _check_highlights(r, doc)
    # and through the title link of its row in the index, from the unfiltered index
    page.js("window.framingReport.clear()")
    doc2 = with_findings["doc_id"].iloc[-80]
    pos = int(r.order.index[r.order["doc_id"] == doc2][0])
    page.js(f"window.framingReport.page({pos // 25 + 1})")
    top = page.js(f"""(async () => {{ document.querySelector('#doc-index a.doclink[data-doc={json.dumps(doc2)}]').click();
        await window.framingReport.ready(); await new Promise(r => setTimeout(r, 50));
        const a = document.querySelector('#articles article.doc[data-doc={json.dumps(doc2)}] span.ev.focus');
        return a ? a.getBoundingClientRect().top : null; }})()""")
    assert top is not None and 0 <= top <= 1800
    assert page.problems() == []


def test_a_link_to_an_unloaded_article_loads_it_and_scrolls_to_its_span(large_report):
    r = large_report
    page = r.page
    _reopen(r)
    links = page.js("Array.from(document.querySelectorAll('#links a.evlink[data-ev]')).map(a => a.dataset.ev.split(' '))")
    assert len(links) == 2
    for k, ids in enumerate(links):
        doc = r.evidence.set_index("eid").loc[ids[0], "doc_id"]
        chunk = int(r.order.set_index("doc_id").loc[doc, "chunk"])
        if k == 0:
            assert chunk > LARGE // 25 - 5 and chunk not in page.js("window.framingReport.loaded()")
        result = page.js(f"""(async () => {{ const a = document.querySelectorAll('#links a.evlink[data-ev]')[{k}];
            a.click(); await window.framingReport.ready(); await new Promise(r => setTimeout(r, 50));
            const f = document.querySelector('span.ev.focus'), rect = f && f.getBoundingClientRect();
            return {{docs: Array.from(document.querySelectorAll('#articles article.doc')).map(a => a.dataset.doc),
                    focus: f ? f.dataset.e.split(' ') : null, top: rect ? rect.top : null,
                    bottom: rect ? rect.bottom : null, height: window.innerHeight,
                    banner: document.getElementById('selection').hidden ? null :
                            document.getElementById('selection').textContent,
                    findings: Number(document.getElementById('status').dataset.findings)}}; }})()""")
        assert chunk in page.js("window.framingReport.loaded()")
        assert result["docs"] == [doc]
        assert result["focus"] and set(result["focus"]) & set(ids)
        assert 0 <= result["top"] and result["bottom"] <= result["height"]  # scrolled to the span
        assert result["findings"] == len(ids)
        assert result["banner"] and f"findings of {doc}" in result["banner"]
        _check_highlights(r, doc)
    assert page.problems() == []


def test_filters_work_at_scale(large_report):
    r = large_report
    page = r.page
    corpus, ev = r.corpus, r.evidence
    outlet_of = dict(zip(corpus["doc_id"], corpus["outlet"]))
    page.js("window.framingReport.clear()")
    # outlet: the count of its articles, read from the corpus
    outlet = "Outlet 042"
    shown = page.js(f"""(async () => {{ const s = document.getElementById('f-outlet'); s.value = {json.dumps(outlet)};
        s.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return Array.from(document.querySelectorAll('#articles article.doc')).map(a => a.dataset.outlet); }})()""")
    assert _status(page)["articles"] == str(int((corpus["outlet"] == outlet).sum()))
    assert shown and set(shown) == {outlet}
    # text search within the outlet: the articles whose text has the phrase
    needle = "border on monday"
    expected = int(corpus[(corpus["outlet"] == outlet) & corpus["text"].str.lower().str.contains(needle)].shape[0])
    assert 0 < expected < (corpus["outlet"] == outlet).sum()
    page.js(f"""(async () => {{ const s = document.getElementById('f-search'); s.value = {json.dumps(needle)};
        s.dispatchEvent(new Event('input')); await window.framingReport.ready(); }})()""")
    assert _status(page)["articles"] == str(expected)
    # category + voice + outlet, from a table link: the findings and articles counted in the evidence table
    key = "match|attribution:denial"
    want = ev[ev["keys"].map(lambda ks: key in ks) & (ev["voice"] == "narrator")]
    link_outlet = page.js("JSON.parse(document.querySelector('#links a.evlink[data-filter]').dataset.filter).outlet")
    want = want[want["doc_id"].map(outlet_of) == link_outlet]
    result = page.js("""(async () => { const a = document.querySelector('#links a.evlink[data-filter]');
        const r = await window.framingReport.open(a);
        const item = (s, id) => window.framingReport.item(s.closest('article').dataset.doc, id);
        const spans = Array.from(document.querySelectorAll('#articles span.ev.on'));
        return {r: r, ok: spans.length > 0 && spans.every(s => s.dataset.e.split(' ').some(id =>
            item(s, id).keys.includes('match|attribution:denial') && item(s, id).voice === 'narrator'))}; })()""")
    assert result["r"]["findings"] == len(want) and result["r"]["articles"] == want["doc_id"].nunique()
    assert result["ok"]
    # a highlight family switched off: its findings leave the count and the page
    page.js("window.framingReport.clear()")
    family = ev["keys"].map(lambda ks: ks[1] == "match|attribution")
    counts = page.js("""(async () => { const box = Array.from(document.querySelectorAll('input.family'))
            .find(b => b.value === 'match|attribution');
        box.checked = false; box.dispatchEvent(new Event('change')); await window.framingReport.ready();
        const item = (s, id) => window.framingReport.item(s.closest('article').dataset.doc, id);
        const leaked = Array.from(document.querySelectorAll('#articles span.ev.on')).filter(s =>
            s.dataset.e.split(' ').every(id => item(s, id).family === 'match|attribution')).length;
        const findings = Number(document.getElementById('status').dataset.findings);
        box.checked = true; box.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return {findings: findings, leaked: leaked}; })()""")
    assert counts == {"findings": int(len(ev) - family.sum()), "leaked": 0}
    assert page.problems() == []


STUDY_REPORT = PROJECT / "analyses" / "allsides_leaning" / "output" / "report" / "index.html"


def test_the_allsides_study_report_is_usable_at_its_scale(browser):
    """The report of analyses/allsides_leaning (4,978 articles; written by `framing study run` on the shared
    dataset, not kept in the repository because it quotes the articles): it opens without errors, fast enough
    to use, every article is in its index, and its filters and links work."""
    if not STUDY_REPORT.is_file():
        pytest.skip("run `framing study run analyses/allsides_leaning/study.yaml` first (needs the shared dataset)")
    page = browser
    size_mb = STUDY_REPORT.stat().st_size / 1e6
    assert size_mb < 5, f"the page is {size_mb:.1f} MB"
    page.events.clear()
    start = time.monotonic()
    page.send("Page.navigate", url=STUDY_REPORT.as_uri())
    page.wait_for("Page.loadEventFired", timeout=120)
    loaded = time.monotonic() - start
    ready_ms = page.js("window.framingReport.ready().then(() => performance.now())")
    page.drain()
    assert page.problems() == []
    paint = page.js("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    (ARTIFACTS / "allsides_report_timing.txt").parent.mkdir(exist_ok=True)
    (ARTIFACTS / "allsides_report_timing.txt").write_text(
        f"size_mb={size_mb:.2f} load_s={loaded:.2f} ready_ms={ready_ms:.0f} first_contentful_paint_ms={paint}\n")
    assert loaded < 60
    # every article of the study is in the browser's index (the first max_articles when the spec caps it)
    manifest = json.loads((STUDY_REPORT.parent / "manifest.json").read_text(encoding="utf-8"))
    n_articles = int(_status(page)["articles"])
    cap = manifest["parameters"].get("max_articles")
    assert n_articles == min(manifest["corpus"]["n_documents"], cap or manifest["corpus"]["n_documents"])
    # the outlet filter narrows the articles; a number in the rate table opens its evidence
    outlet = page.js("document.getElementById('f-outlet').options[1].value")
    shown = page.js(f"""(async () => {{ const s = document.getElementById('f-outlet'); s.value = {json.dumps(outlet)};
        s.dispatchEvent(new Event('change')); await window.framingReport.ready();
        return Array.from(document.querySelectorAll('article.doc:not(.hidden)')).map(a => a.dataset.outlet); }})()""")
    assert shown and set(shown) == {outlet} and int(_status(page)["articles"]) < n_articles
    opened = page.js("""(async () => { await window.framingReport.clear(); const out = [];
        for (const a of Array.from(document.querySelectorAll('#rates a.evlink')).slice(0, 6)) {
            const r = await window.framingReport.open(a);
            out.push({findings: r.findings, banner: document.getElementById('selection').textContent}); }
        return out; })()""")
    # a number opens its spans, or says they are in articles beyond those the browser indexes (max_articles)
    assert opened and all(o["findings"] > 0 or "tables/evidence.csv" in o["banner"] for o in opened)
    assert any(o["findings"] > 0 for o in opened)
    for section in ("rates", "trends", "keyness", "attributions"):
        assert page.js(f"Boolean(document.getElementById({json.dumps(section)}))"), section
