"""The evidence browser's files: the article index in the page and the highlighted articles beside it."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

import framing
from framing.errors import UsageError
from framing.report.browser import article_index, evidence_browser, write_evidence_files
from synthetic_evidence import FINDINGS, synthetic_report_inputs


def registered(text: str) -> tuple[int, dict]:
    match = re.fullmatch(r"framingEvidence\((\d+), (.*)\);\n", text, flags=re.S)
    assert match, text[:80]
    return int(match.group(1)), json.loads(match.group(2))["docs"]


@pytest.fixture(scope="module")
def synthetic():
    analysis, evidence = synthetic_report_inputs(230, n_outlets=7)
    return analysis.corpus, evidence


def test_every_article_is_in_exactly_one_file_named_in_the_index(synthetic, tmp_path):
    corpus, evidence = synthetic
    browser = evidence_browser(corpus, evidence, per_page=20)
    written = write_evidence_files(tmp_path, browser)
    on_disk = sorted(f"evidence/{p.name}" for p in (tmp_path / "evidence").iterdir())
    assert written == on_disk == sorted(set(browser.index["file"]))
    # 230 articles, 20 to a file: 12 files, the last with 10
    assert len(on_disk) == 12
    seen: dict[str, str] = {}
    for rel in on_disk:
        number, docs = registered((tmp_path / rel).read_text(encoding="utf-8"))
        assert rel == f"evidence/{number:04d}.js"
        assert len(docs) == (10 if number == 12 else 20)
        for doc in docs:
            assert doc not in seen, f"{doc} is in {seen.get(doc)} and {rel}"
            seen[doc] = rel
    assert sorted(seen) == sorted(corpus["doc_id"])
    # the index names the file that holds each article
    assert dict(zip(browser.index["doc_id"], browser.index["file"])) == seen
    # and the page's data lists the files in chunk order (the page loads file n as files[n - 1])
    data = json.loads(browser.page_data())
    assert data["files"] == on_disk
    assert {row[0]: data["files"][row[4] - 1] for row in data["docs"]} == seen


def test_index_order_is_by_outlet_then_corpus_order(synthetic):
    corpus, evidence = synthetic
    index = article_index(corpus, evidence, per_page=20)
    expected = sorted(range(len(corpus)), key=lambda i: (corpus["outlet"][i], i))
    assert list(index["doc_id"]) == [corpus["doc_id"][i] for i in expected]
    assert list(index["chunk"]) == [i // 20 + 1 for i in range(len(corpus))]


def test_the_files_hold_each_finding_over_its_text(synthetic):
    corpus, evidence = synthetic
    browser = evidence_browser(corpus, evidence, per_page=50)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    index = browser.index.set_index("doc_id")
    words = {tuple(keys): word for _, keys, _, word in FINDINGS}
    pieces: dict[str, str] = {}
    for text in browser.files.values():
        _, docs = registered(text)
        for doc, entry in docs.items():
            # every finding of the article, in id order from its first id, with its signature
            ev = evidence[evidence["doc_id"] == doc]
            assert len(entry["items"]) == len(ev) == index.loc[doc, "n_findings"]
            if len(ev):
                assert index.loc[doc, "first_eid"] == int(ev["eid"].iloc[0][1:])
            for (sig, _), keys in zip(entry["items"], ev["keys"]):
                assert browser.signatures[sig]["keys"] == list(keys)
            # the unescaped text of the article is its corpus text
            assert html.unescape(re.sub(r"<[^>]+>", "", entry["html"])) == texts[doc]
            for ids, piece in re.findall(r'<span class="ev" data-e="([^"]+)">(.*?)</span>', entry["html"]):
                for eid in ids.split():
                    pieces[eid] = pieces.get(eid, "") + html.unescape(piece)
    # each span reads the word its finding was made on (from the synthetic construction)
    for r in evidence.itertuples(index=False):
        assert pieces[r.eid] == texts[r.doc_id][r.start:r.end]
        assert pieces[r.eid].lower() == words[tuple(r.keys)]  # a sentence's first word is capitalised


def test_counts_per_signature_add_up_to_the_evidence(synthetic):
    corpus, evidence = synthetic
    browser = evidence_browser(corpus, evidence)
    data = json.loads(browser.page_data())
    for row in data["docs"]:
        doc, pairs = row[0], row[6]
        ev = evidence[evidence["doc_id"] == doc]
        by_kind: dict[str, int] = {}
        for sig, n in pairs:
            by_kind[data["sigs"][sig]["kind"]] = by_kind.get(data["sigs"][sig]["kind"], 0) + n
        assert by_kind == ev["kind"].value_counts().to_dict()
    # one colour per family: lexicon matches share their lexicon's colour
    colour = {s["family"]: s["color"] for s in data["sigs"]}
    assert all(s["color"] == colour[s["family"]] for s in data["sigs"])
    assert {s["family"] for s in data["sigs"]} == {"match|hedging", "match|attribution", "label|Army",
                                                    "attribution", "casualty"}


def test_evidence_not_sorted_by_document_and_bad_page_sizes_are_refused(synthetic):
    corpus, evidence = synthetic
    swapped = evidence.copy()
    swapped.loc[[0, len(evidence) - 1], "eid"] = swapped.loc[[len(evidence) - 1, 0], "eid"].to_numpy()
    with pytest.raises(ValueError, match="consecutive ids"):
        article_index(corpus, swapped)
    for bad in (0, 2.5, True):
        with pytest.raises(UsageError, match="articles_per_page"):
            article_index(corpus, evidence, per_page=bad)


def test_report_writes_the_files_and_a_later_run_replaces_them(tmp_path):
    corpus = pd.DataFrame({
        "doc_id": [f"a{i}" for i in range(7)],
        "outlet": ["Alpha", "Beta"] * 3 + ["Alpha"],
        "text": ["Officials claimed the militant group Hamas fired rockets."] * 7,
    })
    out = tmp_path / "r"
    framing.report(corpus, out, actors={"Hamas": ["Hamas"]}, lexicons=["attribution"], n_resamples=99,
                   articles_per_page=2)
    files = sorted(p.name for p in (out / "evidence").iterdir())
    assert files == ["0001.js", "0002.js", "0003.js", "0004.js"]  # 7 articles, 2 to a file
    manifest = json.loads((out / "manifest.json").read_text())
    assert {f"evidence/{f}" for f in files} <= set(manifest["outputs"]["files"])
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "indexes 7 articles" in page and "evidence/0004.js" in page
    # a second run with larger pages removes the files it no longer writes
    framing.report(corpus, out, actors={"Hamas": ["Hamas"]}, lexicons=["attribution"], n_resamples=99,
                   articles_per_page=5)
    assert sorted(p.name for p in (out / "evidence").iterdir()) == ["0001.js", "0002.js"]
    with pytest.raises(UsageError, match="articles_per_page"):
        framing.report(corpus, tmp_path / "bad", articles_per_page=0)


def test_cli_report_pages_the_evidence(tmp_path):
    from framing import cli

    out = tmp_path / "cli"
    assert cli.main(["report", "example", "-o", str(out), "--lexicons", "attribution", "--quiet",
                     "--resamples", "99", "--articles-per-page", "2"]) == 0
    # the bundled corpus has 5 articles: 3 files of at most 2
    assert sorted(p.name for p in (out / "evidence").iterdir()) == ["0001.js", "0002.js", "0003.js"]
