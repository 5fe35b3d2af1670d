"""Files from colleagues: lexicons and models that are malformed, huge or hostile.

A lexicon is YAML loaded safely (no Python tags, no alias bombs, no runaway nesting),
validated with errors that name the file and the line, and matched without building
regular expressions from its terms, so no term can make matching slow. A model file
is a skops archive whose types are checked before anything is constructed; a pickle
is refused unless the caller explicitly trusts it.

Outputs: a report removes only files it wrote, a study spec cannot send files outside its
folder, every file appears whole or not at all, a second writer fails at once, an input is
never overwritten, CSV cells cannot run as spreadsheet formulas, and SIGTERM / SIGHUP leave
no temporary file or worker process behind.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

import framing
from framing import cli
from framing.classify import load_model, save_model
from framing.errors import InputNotFoundError, LexiconError, ModelError
from framing.lexicon import lexicon_from_dict, load_lexicon

HEAD = 'name: t\nversion: "1"\ncategories:\n'


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# -- YAML that tries to run code ----------------------------------------------------------

@pytest.mark.parametrize("tagged", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:subprocess.Popen {{args: ['touch', '{marker}']}}",
])
def test_python_tags_are_refused_and_nothing_runs(tmp_path, tagged):
    marker = tmp_path / "executed"
    path = write(tmp_path, "evil.yaml", HEAD + "  a:\n    terms:\n      - " + tagged.format(marker=marker) + "\n")
    with pytest.raises(LexiconError, match="malformed YAML") as info:
        load_lexicon(path)
    assert f"{path}:6" in str(info.value)  # the line of the tagged term
    assert not marker.exists()


def _laughs(depth: int) -> str:
    """A 'billion laughs' YAML: each alias list repeats the previous one nine times."""
    lines = ['refs:', '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for k in range(1, depth):
        lines.append(f"  a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly(tmp_path):
    # 9 ** 9 = 387 million strings once expanded: validating (or printing) it would never finish
    bomb = _laughs(9)
    for name, text in (
        ("native.yaml", bomb + HEAD + f"  a:\n    terms: [*a8]\n"),
        ("quanteda.yaml", bomb.replace("refs:\n", "").replace("\n  a", "\na").lstrip() + "x: [*a8]\n"),
    ):
        path = write(tmp_path, name, text)
        with pytest.raises(LexiconError, match="aliases") as info:
            load_lexicon(path)
        assert str(path) in str(info.value)
        assert len(str(info.value)) < 1000


def test_small_aliases_still_work(tmp_path):
    path = write(tmp_path, "shared.yaml", HEAD + "  a:\n    terms: &common [alleged*, so-called]\n"
                                               "  b:\n    terms: *common\n")
    with pytest.warns(framing.lexicon.LexiconWarning):  # the same term in two categories
        lx = load_lexicon(path)
    assert [t.text for t in lx.categories["b"].terms] == ["alleged*", "so-called"]


@pytest.mark.parametrize("name,content,expected", [
    ("recursive.yaml", 'name: t\nversion: "1"\ncategories: &A\n  a:\n    terms: [x]\n    categories: *A\n',
     "recursive"),
    ("deep.yaml", HEAD + "  a:\n    terms: " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
    ("binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
    ("latin1.yaml", (HEAD + "  a:\n    terms: [caf\xe9]\n").encode("latin-1"), "not UTF-8"),
    ("list.yaml", "- a\n- b\n", "must be a YAML mapping"),
    ("empty.yaml", "", "must be a YAML mapping"),
    ("tabs.yaml", HEAD + "\t a: [x]\n", "malformed YAML"),
    ("dup.yaml", HEAD + "  a:\n    terms: [x]\n  a:\n    terms: [y]\n", "appears twice"),
    ("cat_key.yaml", HEAD + "  a:\n    terms: [x]\n    weight: 2\n", "unknown key(s) ['weight']"),
    ("term_key.yaml", HEAD + "  a:\n    terms: [{term: x, regex: true}]\n", "unknown key(s) ['regex']"),
    ("nan.yaml", HEAD + "  a:\n    terms: [{term: x, weight: .nan}]\n", "finite number"),
    ("nested_list.yaml", HEAD + "  a:\n    terms: [[x, y]]\n", "must be a string"),
    ("bad.dic", "%\n1 hedge\n%\nallegedly\t7\n", "category number 7"),
    ("nohead.dic", "allegedly\t1\n", "category block"),
])
def test_malformed_lexicons_give_clear_errors(tmp_path, name, content, expected):
    path = write(tmp_path, name, content)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


# -- pathological terms -------------------------------------------------------------------

@pytest.mark.parametrize("term,reason", [
    ("***", "only a wildcard"),
    ("*", "only a wildcard"),
    ("(.*)*", "middle of the word"),
    ("**x", "repeated"),
    ("a*b", "middle of the word"),
    ("*(a)*", "may only contain"),
    ("   ", "empty"),
])
def test_wildcard_abuse_is_refused_with_the_reason(term, reason):
    with pytest.raises(LexiconError, match="term") as info:
        lexicon_from_dict({"name": "t", "version": "1", "categories": {"a": {"terms": [term]}}})
    assert reason in str(info.value)


def test_regex_metacharacters_are_literal_text():
    lx = lexicon_from_dict({"name": "t", "version": "1", "categories": {
        "a": {"terms": ["a+b(", "[a-z]+", "x{1000}", "^$", "C++", r"\d+"]}}})
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["X"],
                           "text": ["He wrote a+b( and aaab, then C++ beside 12345 and [a-z]+ in x{1000}."]})
    found = framing.find(corpus, lx)
    text = corpus["text"].iloc[0]
    matched = {text[s:e] for s, e in zip(found["start"], found["end"])}
    # nothing is read as a pattern: "aaab" is not a+b(, "12345" is not \d+
    assert "aaab" not in matched and "12345" not in matched
    assert matched <= {"a+b(", "[a-z]+", "x{1000}", "C++", "a+b", "C", "a-z", "x", "1000", "b", "a", "z"}
    assert all(text[s:e] == m for s, e, m in zip(found["start"], found["end"], found["match"].astype(str)))


@pytest.mark.slow
def test_very_long_term_and_huge_term_list_complete(tmp_path):
    long_term = " ".join(["word"] * 5000)  # a 25,000-character phrase
    many = [f"term{i:06d}" for i in range(100_000)]
    path = write(tmp_path, "huge.yaml", HEAD + "  long:\n    terms:\n      - " + long_term + "\n"
                 + "  many:\n    terms:\n" + "".join(f"      - {t}\n" for t in many))
    lx = load_lexicon(path)
    assert len(lx.categories["many"].terms) == 100_000
    text = " ".join(["word"] * 6000) + " term012345 and term099999; term100000 is not listed"
    found = framing.find(pd.DataFrame({"doc_id": ["d"], "outlet": ["X"], "text": [text]}), lx)
    assert sorted(found.loc[found["category"] == "many", "match"].astype(str)) == ["term012345", "term099999"]
    assert (found["category"] == "long").sum() == 1  # 6000 words hold the 5000-word phrase once (no overlap)


# -- model files ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fitted():
    texts = ["Troops shelled the town.", "Talks resumed in Doha.", "Rockets hit the city.", "Envoys met again."] * 3
    labels = ["conflict", "diplomacy", "conflict", "diplomacy"] * 3
    return Pipeline([("vec", framing.LexiconVectorizer()), ("clf", LogisticRegression())]).fit(texts, labels) \
        if hasattr(framing, "LexiconVectorizer") else LogisticRegression().fit([[0], [1]] * 6, labels)


def test_skops_round_trip(fitted, tmp_path):
    path = save_model(fitted, tmp_path / "m.skops")
    loaded = load_model(path)
    assert type(loaded) is type(fitted)


def test_a_malicious_pickle_never_runs_without_trust(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for name in ("model.pkl", "model.skops", "model.joblib"):
        path = tmp_path / name
        path.write_bytes(pickle.dumps(Evil(), protocol=pickle.HIGHEST_PROTOCOL))
        with pytest.raises(ModelError, match="pickle") as info:
            load_model(path)
        assert name in str(info.value) and "trusted=True" in str(info.value)
        path.write_bytes(pickle.dumps(Evil(), protocol=0))
        with pytest.raises(ModelError):
            load_model(path)
    assert not marker.exists()


def _rewrite_schema(src, dst, change):
    """Copy a skops archive, editing its schema.json with ``change``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "schema.json":
                data = json.dumps(change(json.loads(data))).encode()
            zout.writestr(item, data)
    return dst


def test_a_skops_file_naming_dangerous_types_is_refused(fitted, tmp_path):
    good = save_model(LogisticRegression(), tmp_path / "plain.skops")

    def to_os_system(schema):
        schema["__module__"], schema["__class__"] = "os", "system"
        return schema

    bad = _rewrite_schema(good, tmp_path / "evil.skops", to_os_system)
    with pytest.raises(ModelError) as info:
        load_model(bad)
    assert "evil.skops" in str(info.value) and "os.system" in str(info.value)


def test_untrusted_function_inside_a_pipeline_is_refused(tmp_path):
    import os

    pipe = Pipeline([("f", FunctionTransformer(os.getcwd)), ("clf", LogisticRegression())])
    path = save_model(pipe, tmp_path / "pipe.skops")
    with pytest.raises(ModelError, match="posix.getcwd|os.getcwd"):
        load_model(path)


@pytest.mark.parametrize("damage", ["truncate", "zip_of_junk", "bad_json", "text", "empty"])
def test_damaged_model_files_name_the_file(fitted, tmp_path, damage):
    good = save_model(fitted, tmp_path / "good.skops")
    path = tmp_path / f"{damage}.skops"
    if damage == "truncate":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "zip_of_junk":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("readme.txt", "hello")
        path.write_bytes(buf.getvalue())
    elif damage == "bad_json":
        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w") as zout:
            for item in zin.infolist():
                zout.writestr(item, b"{not json" if item.filename == "schema.json" else zin.read(item.filename))
    elif damage == "text":
        path.write_text("this is not a model", encoding="utf-8")
    else:
        path.write_bytes(b"")
    with pytest.raises(ModelError) as info:
        load_model(path)
    assert f"{damage}.skops" in str(info.value)


def test_model_path_errors(tmp_path):
    with pytest.raises(InputNotFoundError, match="nowhere.skops"):
        load_model(tmp_path / "nowhere.skops")
    folder = tmp_path / "folder.skops"
    folder.mkdir()
    with pytest.raises(InputNotFoundError, match="folder.skops"):
        load_model(folder)
    with pytest.raises(InputNotFoundError, match="no_such_dir"):
        save_model(LogisticRegression(), tmp_path / "no_such_dir" / "m.skops")


# -- actors files -------------------------------------------------------------------------

def test_actors_file_with_an_alias_bomb_fails_quickly(tmp_path):
    from framing.actors import load_actors
    from framing.errors import SchemaError
    from framing.reporting import load_actors as report_actors

    bomb = _laughs(9).replace("refs:", "Jaish al-Adl:")
    path = write(tmp_path, "actors.yaml", bomb)
    for load in (load_actors, report_actors):
        with pytest.raises(SchemaError, match="must be a list of non-empty strings") as info:
            load(path)
        assert str(path) in str(info.value) and len(str(info.value)) < 2000


# == outputs ===============================================================================
# What the library writes never costs a user a file: a report removes only what an earlier
# report wrote, a study spec cannot send files outside its folder, every output appears whole
# or not at all, one run writes an output at a time, and an input is never overwritten.

PROJECT = Path(__file__).resolve().parents[1]
EVIL = '=HYPERLINK("http://evil.example","click")'

SMALL = pd.DataFrame({
    "doc_id": ["a1", "a2", "b1", "b2"],
    "outlet": [EVIL, EVIL, "Beta", "Beta"],
    "text": [
        "The militant group Hamas fired rockets on Monday, officials said.",
        "Three civilians were killed and two were injured in the strike, the ministry said.",
        "The terror group Hamas claimed it fired the rockets. An air strike killed four children.",
        "Officials insisted the strikes were legal; critics denounced them.",
    ],
})
SMALL_REPORT = dict(lexicons=["hedging", "attribution"], actors={"Hamas": ["Hamas"]}, n_resamples=99)


def _framing(*args: str, log: Path, **kwargs) -> subprocess.Popen:
    """``python -m framing ARGS`` in a new process, running this checkout; its output goes to ``log``
    (a file, not a pipe, so that a process left behind cannot keep the test waiting)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    with log.open("w", encoding="utf-8") as fh:
        return subprocess.Popen([sys.executable, "-m", "framing", *args], env=env, stdout=fh, stderr=subprocess.STDOUT,
                                text=True, **kwargs)


def _leftovers(folder: Path) -> list[str]:
    """Temporary and lock files in ``folder`` (and below)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.name.endswith((".partial", ".lock", ".tmp")))


@pytest.fixture(scope="module")
def first_report(tmp_path_factory):
    """A report of SMALL (an outlet named like a spreadsheet formula), with the edits of a1 / b1."""
    out = tmp_path_factory.mktemp("first") / "report"
    framing.report(SMALL, out, wire=[("a1", "b1")], **SMALL_REPORT)
    return out


@pytest.fixture
def no_analysis(monkeypatch):
    """Make the analysis fail loudly if it starts: the output checks must come first."""
    from framing import reporting

    class AnalysisStarted(Exception):
        pass

    def analyse(*args, **kwargs):
        raise AnalysisStarted

    monkeypatch.setattr(reporting, "_analyse", analyse)
    return AnalysisStarted


# -- 2. output folders ----------------------------------------------------------------------

def test_a_report_replaces_its_own_files_and_never_a_users(first_report, tmp_path):
    out = tmp_path / "report"
    shutil.copytree(first_report, out)
    mine = {
        out / "tables" / "my_coding.csv": b"doc_id,frame\na1,conflict\n",
        out / "figures" / "my_map.png": b"\x89PNG not really",
        out / "figures" / "README.txt": b"figures for chapter 3\n",
        out / "notes.md": b"# notes\n",
    }
    for path, content in mine.items():
        path.write_bytes(content)
    old_edits = out / "figures" / "wire_edits_a1_b1.png"
    edited = out / "figures" / "wire_edits_a1_b1.svg"
    assert old_edits.is_file() and edited.is_file()
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- annotated by hand -->\n", encoding="utf-8")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        framing.report(SMALL, out, wire=[("a2", "b2")], **SMALL_REPORT)

    for path, content in mine.items():
        assert path.read_bytes() == content, f"{path.name} was changed or removed"
    assert "annotated by hand" in edited.read_text(encoding="utf-8")  # changed since: the user's now
    assert [w for w in caught if "kept figures/wire_edits_a1_b1.svg" in str(w.message)]
    assert not old_edits.exists() and not (out / "figures" / "wire_edits_a1_b1.pdf").exists()
    assert (out / "figures" / "wire_edits_a2_b2.png").is_file()
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]["files"]
    assert "figures/wire_edits_a2_b2.png" in files and "tables/my_coding.csv" not in files
    assert _leftovers(out) == []


def test_a_foreign_manifest_cannot_make_a_report_delete_files(tmp_path):
    out = tmp_path / "report"
    (out / "tables").mkdir(parents=True)
    victim = tmp_path / "thesis.docx"
    victim.write_bytes(b"four years of work")
    inside = out / "tables" / "theirs.csv"
    inside.write_text("x\n1\n", encoding="utf-8")
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    (out / "manifest.json").write_text(json.dumps({"outputs": {"files": {
        "../thesis.docx": digest, "tables/../../thesis.docx": digest, str(victim): digest,
        "tables/theirs.csv": "0" * 64}}}), encoding="utf-8")
    from framing.reporting import _own_files, _remove_stale

    # what a report run does with the files an earlier manifest lists and it did not write again
    _remove_stale(out, _own_files(out), {})
    assert victim.read_bytes() == b"four years of work" and inside.is_file()


def _spec(folder: Path, output: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    SMALL.to_csv(folder / "articles.csv", index=False)
    spec = folder / "study.yaml"
    spec.write_text(f"name: small\ncorpus: articles.csv\noutput: {output}\ncompare:\n  n_resamples: 9\n",
                    encoding="utf-8")
    return spec


@pytest.mark.parametrize("where", ["../../escaped", "absolute"])
def test_a_study_cannot_write_outside_its_folder_without_an_explicit_output(tmp_path, capsys, no_analysis, where):
    folder = tmp_path / "analyses" / "small"
    target = tmp_path / "escaped" if where != "absolute" else tmp_path / "elsewhere"
    spec = _spec(folder, str(target) if where == "absolute" else where)
    assert cli.main(["study", "run", str(spec), "--quiet"]) == 4
    err = capsys.readouterr().err
    assert "study.yaml line 3" in err and "outside the study's folder" in err and "--output" in err
    assert not target.exists()
    assert cli.main(["study", "check", str(spec)]) == 4
    # an explicit --output is accepted: the run gets to the analysis
    explicit = tmp_path / "chosen"
    with pytest.raises(no_analysis):
        cli.main(["--debug", "study", "run", str(spec), "--quiet", "--output", str(explicit)])
    assert (explicit / "report").is_dir() and not target.exists()


def test_an_output_that_is_a_file_is_refused_before_the_analysis(tmp_path, capsys, no_analysis):
    blocker = tmp_path / "analyses" / "small" / "output"
    spec = _spec(blocker.parent, "output")
    blocker.write_text("not a folder\n", encoding="utf-8")
    assert cli.main(["study", "run", str(spec), "--quiet"]) == 3
    assert f"{blocker}: is a file" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"
    report_file = tmp_path / "report.html"
    report_file.write_text("<p>mine</p>", encoding="utf-8")
    assert cli.main(["report", "example", "-o", str(report_file), "--quiet"]) == 3
    assert f"{report_file}: is a file" in capsys.readouterr().err
    assert report_file.read_text(encoding="utf-8") == "<p>mine</p>"
    folder = tmp_path / "scores.csv"
    folder.mkdir()
    assert cli.main(["score", "example", "-o", str(folder), "--quiet"]) == 3
    assert "is a folder" in capsys.readouterr().err


# -- 3. atomic, exclusive writes --------------------------------------------------------------

def _big_corpus(path: Path, copies: int) -> int:
    """The bundled corpus repeated ``copies`` times (unique doc_ids) as JSON lines; its size."""
    docs = framing.example_corpus()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            for row in docs.itertuples(index=False):
                fh.write(json.dumps({"doc_id": f"{row.doc_id}-{i}", "outlet": row.outlet, "text": row.text}) + "\n")
    return copies * len(docs)


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_second_writer_to_the_same_output_fails_at_once(tmp_path, capsys):
    folder = tmp_path / "run"
    folder.mkdir()
    corpus = folder / "big.jsonl"
    n_docs = _big_corpus(corpus, 200)
    out = folder / "scores.parquet"
    log = tmp_path / "first.log"
    first = _framing("score", str(corpus), "-o", str(out), "--lexicon", "hedging", "--chunksize", "100", "-q",
                     log=log)
    try:
        _wait_for(lambda: any(p.name.startswith(".scores.parquet.") for p in folder.iterdir())
                  or first.poll() is not None, 60, "the first run to start writing")
        assert first.poll() is None, "the first run ended before the second started: make the corpus larger"
        started = time.monotonic()
        code = cli.main(["score", str(corpus), "-o", str(out), "--lexicon", "hedging", "-q"])
        took = time.monotonic() - started
        err = capsys.readouterr().err
        assert first.poll() is None, "the second run waited for the first instead of failing at once"
        assert code == 3 and took < 10
        assert "another run" in err and "scores.parquet" in err and f"process {first.pid}" in err
        first.wait(timeout=120)
    finally:
        first.kill()
        first.wait(timeout=30)
    assert first.returncode == 0, log.read_text(encoding="utf-8")
    scores = pd.read_parquet(out)
    n_categories = len(load_lexicon("hedging").categories)
    assert len(scores) == n_docs * n_categories * 3  # every document x category x voice, once
    assert scores["doc_id"].nunique() == n_docs and scores.groupby("doc_id").size().eq(n_categories * 3).all()
    assert _leftovers(folder) == []


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_input_and_output_the_same_file_is_refused_before_reading(tmp_path, capsys, fmt):
    corpus = tmp_path / f"c.{fmt}"
    if fmt == "parquet":
        SMALL.to_parquet(corpus, index=False)
    else:
        SMALL.to_csv(corpus, index=False)
    before = corpus.read_bytes()
    assert cli.main(["score", str(corpus), "-o", str(corpus), "-q"]) == 2
    assert "the output is the input" in capsys.readouterr().err
    assert cli.main(["score", str(corpus), "-o", str(tmp_path / "." / corpus.name), "--jobs", "2", "-q"]) == 2
    capsys.readouterr()
    assert corpus.read_bytes() == before
    both = tmp_path / f"x.{fmt}"
    for extra in ([], ["--jobs", "2"]):
        assert cli.main(["score", str(corpus), "-o", str(both), "--matches", str(both), "-q", *extra]) == 2
        assert "given as two outputs" in capsys.readouterr().err
    assert cli.main(["score", "example", "-o", str(both), "--matches", str(both), "-q"]) == 2
    assert not both.exists() and _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_previous_output_whole(tmp_path, capsys, monkeypatch):
    out = tmp_path / "scores.csv"
    assert cli.main(["score", "example", "-o", str(out), "--lexicon", "hedging", "-q"]) == 0
    previous = out.read_bytes()
    real = pd.DataFrame.to_csv

    def disk_full(self, path_or_buf=None, *args, **kwargs):
        text = real(self, None, *args, **kwargs)
        if isinstance(path_or_buf, (str, Path)):
            with open(path_or_buf, "w", encoding="utf-8") as fh:
                fh.write(text[: len(text) // 2])
        else:
            path_or_buf.write(text[: len(text) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", disk_full)
    assert cli.main(["score", "example", "-o", str(out), "-q"]) == 3
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == previous
    assert _leftovers(tmp_path) == []


def test_a_figure_that_fails_to_save_leaves_the_previous_one(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.plot import save_figure

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    [png] = save_figure(fig, tmp_path / "line", formats=["png"])
    previous = png.read_bytes()
    real = type(fig).savefig

    def disk_full(self, fname, **kwargs):
        buf = io.BytesIO()
        real(self, buf, **kwargs)
        Path(fname).write_bytes(buf.getvalue()[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(fig), "savefig", disk_full)
    ax.plot([0, 1], [1, 0])
    with pytest.raises(OSError, match="No space"):
        save_figure(fig, tmp_path / "line", formats=["png"])
    plt.close(fig)
    assert png.read_bytes() == previous and _leftovers(tmp_path) == []


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path, capsys):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    out = tmp_path / "scores.csv"
    (tmp_path / ".scores.csv.lock").write_text(f"{pid} {socket.gethostname()}\n", encoding="utf-8")
    leftover = tmp_path / ".scores.csv.abcd1234.partial"
    leftover.write_text("half a table", encoding="utf-8")
    assert cli.main(["score", "example", "-o", str(out), "--lexicon", "hedging", "-q"]) == 0
    assert out.is_file() and _leftovers(tmp_path) == []


# -- 6. spreadsheet formulas in CSV output ----------------------------------------------------

def test_report_tables_neutralise_formulas_and_leave_numbers(first_report):
    tables = first_report / "tables"
    cells = {}
    for path in sorted(tables.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            cells[path.name] = [cell for row in csv.reader(fh) for cell in row]
    every = [c for table in cells.values() for c in table]
    assert EVIL not in every
    assert "'" + EVIL in cells["scores.csv"] and "'" + EVIL in cells["evidence.csv"]
    # no cell a spreadsheet would run is left, and no number was touched
    number = re.compile(r"[-+]?\d+(\.\d+)?(e[-+]?\d+)?")
    assert not [c for c in every if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.fullmatch(c)]
    negatives = [c for c in every if c.startswith("-") and number.fullmatch(c)]
    assert negatives, "expected negative numbers (keyness, share differences) in the tables"
    assert not [c for c in every if c.startswith("'") and number.fullmatch(c[1:])]
    # the document accounting reads the ids back through the neutralisation
    from framing.accounting import account_report

    assert account_report(SMALL, first_report)["docs_missing"].iloc[0] == 0


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t" if path.suffix == ".tsv" else ","))


@pytest.mark.parametrize("streamed", [False, True])
def test_score_csv_neutralises_formulas_unless_asked_not_to(tmp_path, capsys, monkeypatch, streamed):
    docs = pd.DataFrame({
        "doc_id": ["@SUM(1+1)", "-5", "+cmd|' /C calc'!A0", "\tx"],
        "outlet": [EVIL, "-3", "'=already quoted", "-minus"],
        "text": ["The so-called militants allegedly fired."] * 4,
    })
    if streamed:
        corpus = tmp_path / "c.parquet"
        docs.to_parquet(corpus, index=False)
        extra = ["--jobs", "2", "--chunksize", "2"]
    else:  # the corpus is read whole (as the bundled example and folders of HTML pages are)
        monkeypatch.setattr(framing, "example_corpus", lambda: docs)
        corpus, extra = "example", []
    for name, escape in (("safe.csv", []), ("raw.tsv", ["--no-csv-escape"])):
        assert cli.main(["score", str(corpus), "-o", str(tmp_path / name), "--lexicon", "hedging", "-q",
                         "--matches", str(tmp_path / f"m_{name}"), *extra, *escape]) == 0
    capsys.readouterr()
    safe, raw = _rows(tmp_path / "safe.csv"), _rows(tmp_path / "raw.tsv")
    header = safe[0]
    assert header == raw[0] and len(safe) == len(raw)
    column = {name: [row[header.index(name)] for row in safe[1:]] for name in header}
    assert set(column["doc_id"]) == {"'@SUM(1+1)", "-5", "'+cmd|' /C calc'!A0", "'\tx"}
    assert set(column["outlet"]) == {"'" + EVIL, "-3", "''=already quoted", "'-minus"}
    assert {row[header.index("doc_id")] for row in raw[1:]} == set(docs["doc_id"])
    assert {row[header.index("outlet")] for row in raw[1:]} == set(docs["outlet"])
    matches = _rows(tmp_path / "m_safe.csv")
    assert len(matches) > 1 and {row[matches[0].index("outlet")] for row in matches[1:]} <= set(column["outlet"])
    for name in ("count", "n_tokens", "rate_per_1k"):  # numbers are written as they are
        assert column[name] == [row[header.index(name)] for row in raw[1:]]


def test_write_table_leaves_numbers_and_plain_text(tmp_path):
    from framing._formulas import neutralise, restore
    from framing.stream import write_table

    cells = pd.Series(["\rcmd", "\tcmd", "=1", "'=1", "''@x", "'plain", "-", "-0.5", "+1e5", None])
    guarded = neutralise(cells.to_frame("c"))["c"]
    assert guarded.tolist()[:9] == ["'\rcmd", "'\tcmd", "'=1", "''=1", "'" + "''@x", "'plain", "'-", "-0.5", "+1e5"]
    assert [restore(v) for v in guarded[:9]] == cells[:9].tolist()  # reversible

    table = pd.DataFrame({"term": ["=1+2", "-", "so-called", "-3.5", "x"], "score": [-1.5, -2.0, 0.0, 3.0, -1e-9],
                          "n": [-1, -2, 3, 4, -5]})
    write_table([table], tmp_path / "t.csv")
    rows = _rows(tmp_path / "t.csv")
    assert [r[0] for r in rows[1:]] == ["'=1+2", "'-", "so-called", "-3.5", "x"]
    assert pd.read_csv(tmp_path / "t.csv")[["score", "n"]].equals(table[["score", "n"]])
    write_table([table], tmp_path / "raw.csv", csv_escape=False)
    assert pd.read_csv(tmp_path / "raw.csv", dtype={"term": str}).equals(table)


# -- 7. signals and worker processes ------------------------------------------------------------

def _start_scoring(tmp_path: Path):
    """``framing score --jobs 2`` on a corpus large enough to run a few seconds, in a session of
    its own, in ``tmp_path / "run"``; once its workers are up and it writes, the process and its
    descendants. Its output goes to ``tmp_path / "log"``."""
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "run"
    folder.mkdir()
    corpus = folder / "big.jsonl"
    _big_corpus(corpus, 400)
    proc = _framing("score", str(corpus), "-o", str(folder / "out.parquet"), "--jobs", "2",
                    "--chunksize", "20", "-q", log=tmp_path / "log", start_new_session=True)
    parent = psutil.Process(proc.pid)

    def workers_up() -> bool:
        if proc.poll() is not None:
            return True
        try:
            workers = [p for p in parent.children(recursive=True) if "popen_loky" in " ".join(p.cmdline())]
        except psutil.Error:  # a process ended while being looked at
            return False
        return len(workers) >= 2 and any(p.name.endswith(".partial") for p in folder.iterdir())

    _wait_for(workers_up, 120, "two worker processes")
    assert proc.poll() is None, "the run ended before the signal: make the corpus larger"
    return proc, parent.children(recursive=True)


def _kill_session(proc: subprocess.Popen) -> None:
    """Whatever is left of a test's process group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=30)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process tree checks use Linux signals")
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_clean_up_like_ctrl_c(tmp_path, signum, code):
    import psutil

    proc, children = _start_scoring(tmp_path)
    try:
        time.sleep(0.5)
        proc.send_signal(signum)
        proc.wait(timeout=60)
        gone, alive = psutil.wait_procs(children, timeout=10)
    finally:
        _kill_session(proc)
    err = (tmp_path / "log").read_text(encoding="utf-8")
    assert proc.returncode == code, err
    assert f"terminated by {signal.Signals(signum).name}" in err and "Traceback" not in err
    assert not alive, f"worker processes left behind: {alive}"
    # no partial file, lock or output
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["big.jsonl"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process tree checks use Linux signals")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    import psutil

    proc, children = _start_scoring(tmp_path)
    try:
        proc.kill()  # SIGKILL: no handler runs in the parent
        proc.wait(timeout=30)
        gone, alive = psutil.wait_procs(children, timeout=15)
    finally:
        _kill_session(proc)
    assert children and not alive, f"orphaned worker processes: {alive}"


def test_jobs_are_capped_by_chunks_and_cores(tmp_path):
    from framing.stream import apply_file, resolve_jobs

    corpus = tmp_path / "ten.jsonl"
    docs = framing.example_corpus()
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(10):
            row = docs.iloc[i % len(docs)]
            fh.write(json.dumps({"doc_id": f"d{i}", "outlet": row["outlet"], "text": row["text"][:300]}) + "\n")
    started = time.monotonic()
    one_chunk = apply_file("score", corpus, tmp_path / "a.parquet", options={"lexicons": ["hedging"]}, n_jobs=1000)
    assert one_chunk["n_jobs"].iloc[0] == 1 and one_chunk["n_chunks"].iloc[0] == 1
    five = apply_file("score", corpus, tmp_path / "b.parquet", options={"lexicons": ["hedging"]}, n_jobs=1000,
                      chunksize=2)
    assert five["n_chunks"].iloc[0] == 5 and five["n_jobs"].iloc[0] == min(5, resolve_jobs(-1))
    assert time.monotonic() - started < 60
    assert pd.read_parquet(tmp_path / "a.parquet").equals(pd.read_parquet(tmp_path / "b.parquet"))
