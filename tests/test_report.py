"""The report: files written, manifest, offline HTML, escaping, evidence links, visible skips, CLI."""

from __future__ import annotations

import hashlib
import html
import importlib
import importlib.metadata
import importlib.resources
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing import cli
from framing import schema

report_module = importlib.import_module("framing.report.analysis")  # what the report runs

ACTORS = {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl", "Army of Justice"], "Hamas": ["Hamas"]}


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    """The report of the bundled corpus, made through the command line (quiet)."""
    out = tmp_path_factory.mktemp("example-report")
    args = ["report", "example", "-o", str(out), "--actor", "Jaish al-Adl=Jaish-ul-Adl,Army of Justice",
            "--actor", "Hamas", "--quiet", "--resamples", "199"]
    code = cli.main(args)
    assert code == 0
    return out


def read_html(out: Path) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def evidence_docs(out: Path) -> dict[str, dict]:
    """doc_id -> {"html", "items"} from every evidence file of a report (the highlighted articles)."""
    docs: dict[str, dict] = {}
    for path in sorted((out / "evidence").glob("*.js")):
        text = path.read_text(encoding="utf-8")
        match = re.fullmatch(r"framingEvidence\((\d+), (.*)\);\n", text, flags=re.S)
        assert match, f"{path.name} does not register its articles"
        assert int(match.group(1)) == int(path.stem)
        docs.update(json.loads(match.group(2))["docs"])
    return docs


def page_data(out: Path) -> dict:
    page = read_html(out)
    return json.loads(page.split('<script type="application/json" id="evidence-data">')[1].split("</script>")[0])


def segments_of(page: str) -> list[tuple[list[str], str]]:
    """(evidence ids, unescaped text) of every highlighted segment in the page."""
    return [(ids.split(" "), html.unescape(text))
            for ids, text in re.findall(r'<span class="ev" data-e="([^"]+)">(.*?)</span>', page, flags=re.S)]


def test_report_writes_index_tables_figures_and_manifest(example_report):
    out = example_report
    assert (out / "index.html").is_file()
    tables = {p.stem for p in (out / "tables").glob("*.csv")}
    assert {"matches", "scores", "actor_labels", "attributions", "casualties", "wire_pairs", "edits",
            "rate_ratios", "evidence"} <= tables
    for name, columns in [("matches", schema.MATCHES), ("scores", schema.SCORES), ("actor_labels", schema.ACTOR_LABELS),
                          ("attributions", schema.ATTRIBUTIONS), ("casualties", schema.CASUALTIES),
                          ("edits", schema.EDITS), ("rate_ratios", schema.RESULT)]:
        header = pd.read_csv(out / "tables" / f"{name}.csv", nrows=0).columns
        assert set(columns) <= set(header), name
    stems = {p.stem for p in (out / "figures").iterdir()}
    assert {"rates_heatmap", "rate_ratios", "label_shares", "attribution_verbs", "casualty_constructions",
            "wire_edits_timesofisrael_ahram"} <= stems
    for stem in stems:
        for ext in ("png", "pdf", "svg"):
            assert (out / "figures" / f"{stem}.{ext}").stat().st_size > 1000, (stem, ext)


def test_every_document_is_in_the_scores_table(example_report, example):
    scores = pd.read_csv(example_report / "tables" / "scores.csv")
    assert set(scores["doc_id"]) == set(example["doc_id"])


def test_manifest_records_inputs_lexicons_versions_parameters(example_report):
    manifest = json.loads((example_report / "manifest.json").read_text())
    # input hashes, computed here independently from the package data
    root = importlib.resources.files("framing.data") / "iran_pakistan_2024"
    expected = {f"example/iran_pakistan_2024/{name}": hashlib.sha256((root / name).read_bytes()).hexdigest()
                for name in ("ahram.txt", "cupventi.txt", "scroll.txt", "time.txt", "timesofisrael.txt", "metadata.csv")}
    got = {f["path"]: f["sha256"] for f in manifest["corpus"]["files"]}
    assert got == expected
    assert manifest["corpus"]["n_documents"] == 5
    # lexicons: names, versions and content hashes as the lexicon objects report them
    assert manifest["lexicons"], "no lexicon recorded"
    for entry in manifest["lexicons"]:
        lex = framing.load_lexicon(entry["name"])
        assert entry["version"] == str(lex.version)
        assert entry["content_hash"] == lex.content_hash
    used = set(pd.read_csv(example_report / "tables" / "scores.csv")["lexicon"])
    assert used == {e["name"] for e in manifest["lexicons"]}
    run_log = json.loads((example_report / "run.json").read_text())
    assert run_log["dependencies"]["pandas"] == pd.__version__
    # what changes from run to run is in the run's log, not in the manifest
    assert not {"created_utc", "python", "dependencies"} & set(manifest)
    assert manifest["framing_version"] == importlib.metadata.version("news-framing")
    assert manifest["parameters"]["actors"] == ACTORS
    assert manifest["parameters"]["n_resamples"] == 199
    assert manifest["seeds"] == {"statistics": 0}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", run_log["created_utc"])
    # the manifest names every table with its hash
    for name, digest in manifest["outputs"]["tables"].items():
        assert hashlib.sha256((example_report / "tables" / f"{name}.csv").read_bytes()).hexdigest() == digest


def test_html_is_self_contained(example_report):
    page = read_html(example_report)
    assert "<script src" not in page and "<link" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)
    # the highlighted articles are script files beside the page, which it loads by relative path
    files = page_data(example_report)["files"]
    assert files == ["evidence/0001.js"]
    assert all((example_report / f).is_file() for f in files)
    # figures are relative files next to the page
    for src in re.findall(r'<img src="([^"]+)"', page):
        assert not src.startswith(("/", "http")), src
        assert (example_report / src).is_file(), src


def test_evidence_spans_in_the_page_are_the_text_behind_each_label(example_report, example_texts):
    evidence = pd.read_csv(example_report / "tables" / "evidence.csv")
    pieces: dict[str, str] = {}
    articles = "".join(entry["html"] for entry in evidence_docs(example_report).values())
    for ids, text in segments_of(articles):
        for eid in ids:
            pieces[eid] = pieces.get(eid, "") + text
    # every evidence span shown in the page reads exactly text[start:end]
    for r in evidence.itertuples(index=False):
        assert pieces.get(r.eid) == example_texts[r.doc_id][r.start:r.end], r.eid
    # read from the article: The Times of Israel calls Jaish al-Adl a "jihadist group" in its own voice
    labels = evidence[(evidence["kind"] == "label") & (evidence["doc_id"] == "timesofisrael")]
    assert any("jihadist" in pieces[e] for e in labels["eid"])


def test_every_number_in_the_label_table_opens_its_span(example_report, example_texts):
    page = read_html(example_report)
    evidence = pd.read_csv(example_report / "tables" / "evidence.csv").set_index("eid")
    labels = pd.read_csv(example_report / "tables" / "actor_labels.csv")
    table = page.split("<caption>Every label found")[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S)
    assert len(rows) == len(labels)
    for row, label in zip(rows, labels.itertuples(index=False)):
        numbers = re.findall(r'<td class="num">(.*?)</td>', row)
        assert numbers and all('class="evlink"' in n for n in numbers)
        ids = re.search(r'data-ev="([^"]+)"', row).group(1).split()
        spans = evidence.loc[ids]
        assert (spans["doc_id"] == label.doc_id).all()
        assert (spans["start"] == label.start).all() and (spans["end"] == label.end).all()


def test_rate_table_numbers_filter_by_outlet_category_and_voice(example_report):
    page = read_html(example_report)
    filters = [json.loads(html.unescape(f)) for f in re.findall(r"data-filter='([^']+)'", page)]
    rate_filters = [f for f in filters if f.get("category", "").startswith("match|")]
    assert rate_filters
    categories = set(re.findall(r'<option value="([^"]+)"', page))
    outlets = set(pd.read_csv(example_report / "tables" / "scores.csv")["outlet"])
    for f in rate_filters:
        assert f["category"] in categories  # the filter exists in the browser
        assert f.get("outlet", next(iter(outlets))) in outlets


HOSTILE = pd.DataFrame({
    "doc_id": ["a1", "a2", "b1", "b2"],
    "outlet": ["Alpha <b>News</b> & Co", "Alpha <b>News</b> & Co", "Beta", "Beta"],
    "text": [
        'The militant group Hamas fired rockets on Monday, officials said. "They are <script>alert(1)</script> '
        'terrorists," the minister claimed.',
        "Three civilians were killed and two were injured in the strike, the ministry said.",
        "The terror group Hamas said it fired the rockets. An air strike killed four children, according to "
        "the health ministry.",
        "Officials insisted the strikes were legal & proportionate; critics denounced them.",
    ],
})


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    framing.report(HOSTILE, out, actors={"Hamas": ["Hamas"]}, n_resamples=99)
    return out


def test_article_text_and_names_are_escaped(hostile_report):
    page = read_html(hostile_report)
    # every document is in the browser's index, with or without findings (index order: by outlet)
    data = page_data(hostile_report)
    assert [row[0] for row in data["docs"]] == ["a1", "a2", "b1", "b2"]
    articles = evidence_docs(hostile_report)
    assert sorted(articles) == ["a1", "a2", "b1", "b2"]
    assert "<script>alert(1)" not in articles["a1"]["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in articles["a1"]["html"]
    assert "<b>News</b>" not in page
    assert "Alpha &lt;b&gt;News&lt;/b&gt; &amp; Co" in page
    # the embedded index cannot close its script element
    raw = page.split('<script type="application/json" id="evidence-data">')[1].split("</script>")[0]
    assert "<" not in raw
    assert data["docs"][0][1] == "Alpha <b>News</b> & Co"


def test_a_section_that_cannot_run_says_so(tmp_path, monkeypatch):
    def missing(*args, **kwargs):  # a measure whose optional dependency this installation lacks
        raise ImportError("casualties needs a package that is not installed")

    monkeypatch.setattr(report_module.stage_measures, "casualties", missing)
    out = tmp_path / "r"
    framing.report(HOSTILE, out, n_resamples=99, max_articles=3)
    page = read_html(out)
    # the evidence browser is capped, and says so
    assert [row[0] for row in page_data(out)["docs"]] == ["a1", "a2", "b1"]
    assert sorted(evidence_docs(out)) == ["a1", "a2", "b1"]
    assert "indexes the first 3 of 4 articles" in page
    casualties = page.split('<section id="casualties">')[1].split("</section>")[0]
    assert "not run: casualties needs a package that is not installed" in casualties
    labels = page.split('<section id="labels">')[1].split("</section>")[0]
    assert "no actors were given" in labels
    manifest = json.loads((out / "manifest.json").read_text())
    assert "casualties" in manifest["sections_skipped"] and "labels" in manifest["sections_skipped"]
    assert not (out / "tables" / "casualties.csv").exists()


def test_progress_on_stderr_unless_quiet(tmp_path, capsys):
    assert cli.main(["report", str(_write_csv(tmp_path)), "-o", str(tmp_path / "loud"), "--resamples", "99"]) == 0
    captured = capsys.readouterr()
    assert "framing report" in captured.err
    assert str(tmp_path / "loud" / "index.html") in captured.out
    assert cli.main(["report", str(_write_csv(tmp_path)), "-o", str(tmp_path / "quiet"), "--quiet",
                     "--resamples", "99"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.strip() == f"Report written to {tmp_path / 'quiet' / 'index.html'}"


def _write_csv(folder: Path) -> Path:
    path = folder / "corpus.csv"
    HOSTILE.to_csv(path, index=False)
    return path


def test_cli_errors_are_one_line_with_exit_codes(tmp_path, capsys):
    assert cli.main(["report", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "x")]) == 3
    assert "does not exist" in capsys.readouterr().err
    bad = tmp_path / "actors.yaml"
    bad.write_text("Hamas: [Hamas\n")
    assert cli.main(["report", "example", "-o", str(tmp_path / "x"), "--actors", str(bad), "--quiet"]) == 4
    err = capsys.readouterr().err
    assert "actors.yaml" in err and "line" in err and err.count("\n") == 1


def test_load_actors_accepts_a_mapping_file(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  Jaish al-Adl: [Jaish-ul-Adl, Army of Justice]\n  Hamas: Hamas\n")
    assert framing.measures.load_actors(path) == {"Jaish al-Adl": ["Jaish al-Adl", "Jaish-ul-Adl", "Army of Justice"],
                                               "Hamas": ["Hamas"]}
    assert report_module.parse_actor_option("Hamas=Hamas movement, Harakat al-Muqawama") == (
        "Hamas", ["Hamas movement", "Harakat al-Muqawama"])


def test_framing_report_stays_the_function_after_its_module_is_imported():
    import framing.report.output  # noqa: F401  (binds the module on the package, as any import does)

    assert callable(framing.report)
    assert framing.report is importlib.import_module("framing.report.output").report
