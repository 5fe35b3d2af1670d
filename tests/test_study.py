"""Study specs: validation, running next to the spec, determinism, the case study."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing import cli
from framing.errors import InputNotFoundError, SchemaError
from framing.report.study import load_study, run_study

PROJECT = Path(__file__).resolve().parents[1]
CASE_STUDY = PROJECT / "analyses" / "iran_pakistan_2024" / "study.yaml"


def write(tmp_path: Path, text: str, name: str = "study.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_case_study_spec_is_valid():
    study = load_study(CASE_STUDY)
    assert study.corpus == "example"
    assert set(study.actors) == {"Jaish al-Adl", "Hamas"}
    assert "Jaish-ul-Adl" in study.actors["Jaish al-Adl"]
    assert study.wire_pairs == [("timesofisrael", "ahram")]
    assert study.output_dir == CASE_STUDY.parent / "output"


def test_unknown_key_is_named_with_its_line(tmp_path):
    path = write(tmp_path, "name: x\ncorpus: example\nactros:\n  Hamas: [Hamas]\n")
    with pytest.raises(SchemaError, match=r"study\.yaml line 3: unknown key\(s\) \['actros'\]"):
        load_study(path)


@pytest.mark.parametrize("text, message", [
    ("corpus: example\n", "'name' is required"),
    ("name: x\ncorpus: example\ncompare:\n  voice: shouting\n", "compare.voice must be one of"),
    ("name: x\ncorpus: example\ncompare:\n  n_resampels: 9\n", "unknown key"),
    ("name: x\ncorpus: example\nwire:\n  pairs: [a, b]\n", "wire.pairs must be a list of"),
    ("name: x\ncorpus: example\nseed: -1\n", "seed: expected an integer >= 0"),
    ("name: x\ncorpus: example\narticles_per_page: 0\n", "articles_per_page: expected an integer >= 1"),
    ("name: x\ncorpus: example\nactors: [Hamas]\n", "expected a mapping of actor name"),
    ("name: x\ncorpus: [example\n", "study.yaml:3: malformed YAML"),
])
def test_malformed_specs_are_rejected(tmp_path, text, message):
    with pytest.raises(SchemaError, match=message.replace("(", r"\(").replace("[", r"\[")):
        load_study(write(tmp_path, text))


def test_missing_spec_or_corpus(tmp_path):
    with pytest.raises(InputNotFoundError):
        load_study(tmp_path / "nope.yaml")
    with pytest.raises(InputNotFoundError, match="corpus articles.csv does not exist"):
        load_study(write(tmp_path, "name: x\ncorpus: articles.csv\n"))


def test_cli_check_and_exit_code(tmp_path, capsys):
    assert cli.main(["study", "check", str(CASE_STUDY)]) == 0
    assert "iran_pakistan_2024" in capsys.readouterr().out
    assert cli.main(["study", "check", str(write(tmp_path, "name: x\ncorpus: example\nbogus: 1\n"))]) == 4
    assert "bogus" in capsys.readouterr().err


SMALL = pd.DataFrame({
    "doc_id": ["a1", "a2", "b1", "b2"],
    "outlet": ["Alpha", "Alpha", "Beta", "Beta"],
    "text": [
        "The militant group Hamas fired rockets on Monday, officials said.",
        "Three civilians were killed and two were injured in the strike, the ministry said.",
        "The terror group Hamas claimed it fired the rockets. An air strike killed four children.",
        "Officials insisted the strikes were legal; critics denounced them.",
    ],
})


def test_relative_corpus_path_and_output_next_to_the_spec(tmp_path, capsys):
    folder = tmp_path / "analyses" / "small"
    folder.mkdir(parents=True)
    SMALL.to_csv(folder / "articles.csv", index=False)
    spec = write(folder, "name: small\ncorpus: articles.csv\nactors:\n  Hamas: [Hamas]\n"
                         "compare:\n  n_resamples: 99\nseed: 7\n")
    assert cli.main(["study", "run", str(spec), "--quiet"]) == 0
    index = folder / "output" / "report" / "index.html"
    assert capsys.readouterr().out.strip() == f"Report written to {index}"
    manifest = json.loads((index.parent / "manifest.json").read_text())
    # paths in the manifest are the spec's own, so they do not depend on where the project lives
    assert manifest["corpus"]["source"] == "articles.csv"
    assert manifest["corpus"]["files"][0]["path"] == "articles.csv"
    assert str(tmp_path) not in json.dumps(manifest)
    assert manifest["seeds"] == {"statistics": 7}
    assert manifest["parameters"]["study"]["name"] == "small"
    labels = pd.read_csv(index.parent / "tables" / "actor_labels.csv")
    # read from the text: Alpha calls Hamas a militant group, Beta a terror group
    assert set(zip(labels["outlet"], labels["label_category"])) >= {("Alpha", "militancy"), ("Beta", "terrorism")}


def test_articles_per_page_in_the_spec_sets_the_evidence_files(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir()
    SMALL.to_csv(folder / "articles.csv", index=False)
    spec = write(folder, "name: small\ncorpus: articles.csv\ncompare:\n  n_resamples: 99\narticles_per_page: 3\n")
    report_dir = run_study(spec).parent
    # four articles, three to a page: two evidence files, and the manifest records the setting
    assert sorted(p.name for p in (report_dir / "evidence").iterdir()) == ["0001.js", "0002.js"]
    assert json.loads((report_dir / "manifest.json").read_text())["parameters"]["articles_per_page"] == 3


@pytest.fixture(scope="module")
def case_study_twice(tmp_path_factory):
    """The case study run twice, into two folders."""
    root = tmp_path_factory.mktemp("case-study")
    return run_study(CASE_STUDY, output=root / "one").parent, run_study(CASE_STUDY, output=root / "two").parent


@pytest.mark.slow
def test_running_the_case_study_twice_gives_identical_outputs(case_study_twice):
    first, second = case_study_twice
    tables = sorted(p.name for p in (first / "tables").glob("*.csv"))
    assert tables == sorted(p.name for p in (second / "tables").glob("*.csv"))
    assert {"actor_labels.csv", "attributions.csv", "casualties.csv", "edits.csv", "verb_shares.csv"} <= set(tables)
    for name in tables:
        assert (first / "tables" / name).read_bytes() == (second / "tables" / name).read_bytes(), name
    one = json.loads((first / "manifest.json").read_text())
    two = json.loads((second / "manifest.json").read_text())
    # the manifest is the same file on every run; the run's time is in run.json beside it
    assert (first / "manifest.json").read_bytes() == (second / "manifest.json").read_bytes()
    assert json.loads((first / "run.json").read_text())["created_utc"]
    assert one == two
    # figures too: no dates or random ids inside
    for path in sorted((first / "figures").iterdir()):
        assert path.read_bytes() == (second / "figures" / path.name).read_bytes(), path.name
    # the page differs at most in nothing (its time stamp lives only in the manifest)
    assert (first / "index.html").read_bytes() == (second / "index.html").read_bytes()


@pytest.mark.slow
def test_case_study_answers_its_questions(case_study_twice):
    out = case_study_twice[0]
    labels = pd.read_csv(out / "tables" / "actor_labels.csv")
    jaish = labels[labels["actor"] == "Jaish al-Adl"]
    own = jaish[(jaish["voice"] == "narrator") & jaish["attributed_to"].isna()]
    # read from the articles: Scroll "Jaish al-Adl ... is a Sunni militant group", TIME "Jaish al-Adl, a separatist
    # group"; Times of Israel's "jihadist group Jaish al-Adl" stands in what Nour News "said" (indirect speech)
    toi = jaish[(jaish["doc_id"] == "timesofisrael") & (jaish["label_category"] == "extremism")]
    assert len(toi) and toi["attributed_to"].str.contains("Nour News").all()
    assert "militancy" in set(own.loc[own["doc_id"] == "scroll", "label_category"])
    assert "separatism" in set(own.loc[own["doc_id"] == "time", "label_category"])
    # Ahram: "Iranian terrorist group" only inside a quote from Tehran's top diplomat
    ahram_terror = jaish[(jaish["doc_id"] == "ahram") & (jaish["label_category"] == "terrorism")]
    assert len(ahram_terror) and not ((ahram_terror["voice"] == "narrator") & ahram_terror["attributed_to"].isna()).any()
    # Times of Israel: "Palestinian terror group Hamas" in its own voice
    hamas = labels[(labels["actor"] == "Hamas") & (labels["doc_id"] == "timesofisrael")]
    assert ((hamas["label_category"] == "terrorism") & (hamas["voice"] == "narrator")).any()
    # the AFP pair: edits between Times of Israel and Ahram Online with sentences only one side has
    edits = pd.read_csv(out / "tables" / "edits.csv")
    assert set(zip(edits["doc_a"], edits["doc_b"])) == {("timesofisrael", "ahram")}
    assert {"same", "only_a", "only_b"} <= set(edits["op"])
    only_b = " ".join(edits.loc[edits["op"] == "only_b", "text_b"].astype(str))
    assert "24,285" in only_b  # Ahram adds the Gaza death toll
    # every section ran
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["sections_skipped"] == {}


def test_committed_case_study_outputs_are_present():
    out = CASE_STUDY.parent / "output" / "report"
    if not out.is_dir():
        pytest.skip("the case study's outputs are not committed in this checkout")
    assert (out / "index.html").is_file()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parameters"]["study"]["name"] == "iran_pakistan_2024"
    for rel in manifest["outputs"]["figures"]:
        assert (out / rel).is_file(), rel
    for name in manifest["outputs"]["tables"]:
        assert (out / "tables" / f"{name}.csv").is_file(), name
    # the page refers to files that exist
    page = (out / "index.html").read_text(encoding="utf-8")
    for src in __import__("re").findall(r'<img src="([^"]+)"', page):
        assert (out / src).is_file(), src


@pytest.mark.slow
def test_the_case_study_tables_match_the_committed_ones(case_study_twice):
    """A change of structure must not change a result: every committed table of the case study is reproduced.

    Text, integer and boolean cells must be identical; floating-point cells may differ only in the last
    digits (1e-12 relative), as sums in another order or another BLAS give.
    """
    committed = CASE_STUDY.parent / "output" / "report" / "tables"
    if not committed.is_dir():
        pytest.skip("the case study's outputs are not committed in this checkout")
    fresh = case_study_twice[0] / "tables"
    names = sorted(p.name for p in committed.glob("*.csv"))
    assert names == sorted(p.name for p in fresh.glob("*.csv"))
    for name in names:
        old = pd.read_csv(committed / name, keep_default_na=False, dtype=str)
        new = pd.read_csv(fresh / name, keep_default_na=False, dtype=str)
        assert list(old.columns) == list(new.columns), name
        assert old.shape == new.shape, name
        for col in old.columns:
            a, b = old[col], new[col]
            if a.equals(b):
                continue
            x, y = pd.to_numeric(a, errors="coerce"), pd.to_numeric(b, errors="coerce")
            exact = x.isna() | (x == x.round())  # text, and numbers written as integers, must be identical
            assert a[exact].equals(b[exact]), f"{name}: column {col} differs"
            assert ((x - y).abs() <= 1e-12 * y.abs().clip(lower=1e-300))[~exact].all(), f"{name}: column {col}"
