"""The command line on bad input: one-line errors, documented exit codes, no tracebacks.

Exit codes (framing/cli/app.py): 0 ok, 1 analysis failed, 2 usage, 3 path missing or
unreadable, 4 malformed input. Every command is run through ``framing.cli.app`` with
captured output, and the installed ``framing`` script is run for real once or twice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pandas as pd
import pytest

from framing.cli import main

VALID_LEXICON = 'name: mine\nversion: "1"\ncategories:\n  hedges:\n    terms: [allegedly, so-called]\n'


def run(capsys, *argv):
    """Exit code, stdout and stderr of ``framing argv``."""
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for usage errors and --help
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    """The error message; fails if it is not exactly one line or shows a traceback."""
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    warnings = [ln for ln in lines if ln.startswith("framing: warning: ")]  # each warning is one line too
    errors = [ln for ln in lines if ln not in warnings]
    assert len(errors) == 1, err
    return errors[0]


@pytest.fixture()
def corpus_csv(tmp_path):
    path = tmp_path / "news.csv"
    pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "outlet": ["X", "Y", "Y"],
        "text": ["The so-called militants allegedly fired.", "", "Officials said nothing."],
    }).to_csv(path, index=False)
    return path


# -- usage: exit code 2 ------------------------------------------------------------------

@pytest.mark.parametrize("argv", [
    [],
    ["nonsense"],
    ["score"],
    ["score", "example"],  # -o is required
    ["score", "example", "-o", "x.csv", "--negated", "sometimes"],
    ["score", "example", "-o", "x.csv", "--bogus"],
    ["score", "example", "-o", "x.csv", "--jobs", "two"],
    ["lexicon"],
    ["lexicon", "show"],
    ["report", "example"],
    ["report", "example", "-o", "d", "--voice", "shouting"],
    ["report", "example", "-o", "d", "--seed", "x"],
    ["study"],
    ["study", "run"],
    ["study", "explode", "s.yaml"],
])
def test_usage_errors_exit_2_with_one_line(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    line = one_line_error(err)
    assert "error:" in line and "--help" in line


# -- missing and unreadable paths: exit code 3 ------------------------------------------

def test_missing_paths_exit_3_and_name_the_path(capsys, tmp_path):
    missing = tmp_path / "nowhere.csv"
    for argv in (
        ["score", str(missing), "-o", str(tmp_path / "s.csv")],
        ["report", str(missing), "-o", str(tmp_path / "rep")],
        ["lexicon", "check", str(tmp_path / "nowhere.yaml")],
        ["lexicon", "show", str(tmp_path / "nowhere.yaml")],
        ["study", "run", str(tmp_path / "nowhere.yaml")],
        ["study", "check", str(tmp_path / "nowhere.yaml")],
        ["score", "example", "-o", str(tmp_path / "s.csv"), "--lexicon", str(tmp_path / "nowhere.yaml")],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 3, (argv, err)
        line = one_line_error(err)
        assert "nowhere" in line, line
    assert not (tmp_path / "s.csv").exists()


def test_unwritable_output_exits_3(capsys, tmp_path, corpus_csv):
    # tests run as root, where chmod does not stop writing: a file where a folder is needed does
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, err = run(capsys, "score", str(corpus_csv), "-o", str(blocker / "scores.csv"), "-q")
    assert code == 3
    assert str(blocker) in one_line_error(err)


def test_a_folder_where_a_lexicon_file_is_expected_exits_3(capsys, tmp_path):
    folder = tmp_path / "lexicon.yaml"
    folder.mkdir()
    code, out, err = run(capsys, "lexicon", "check", str(folder))
    assert code == 3
    assert "lexicon.yaml" in one_line_error(err)


# -- malformed input: exit code 4 ------------------------------------------------------

@pytest.mark.parametrize("name,data,expected", [
    ("news.xlsx", b"PK\x03\x04", "unsupported corpus format"),
    ("news.csv", b"", "empty"),
    ("news.csv", b"id,source,body\n1,X,text\n", "missing required column 'doc_id'"),
    ("news.csv", b"doc_id,outlet,text\na,X,one\na,Y,two\n", "duplicate doc_id"),
    ("news.jsonl", b'{"doc_id": "a", "outlet": "X", "text": "ok"}\n{"doc_id": "b", oops}\n', "line 2"),
    ("news.jsonl", b'["a", "X", "text"]\n', "line 1"),
    ("news.parquet", b"not parquet at all", "Parquet"),
])
def test_malformed_corpus_exits_4_naming_file_and_record(capsys, tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(capsys, "score", str(path), "-o", str(tmp_path / "s.csv"), "-q")
    assert code == 4
    line = one_line_error(err)
    assert str(path) in line and expected in line, line
    code, out, err = run(capsys, "report", str(path), "-o", str(tmp_path / "rep"), "-q")
    assert code == 4 and str(path) in one_line_error(err)


def test_a_folder_without_texts_exits_4(capsys, tmp_path):
    folder = tmp_path / "empty_folder"
    folder.mkdir()
    (folder / "notes.md").write_text("not a news article")
    code, out, err = run(capsys, "score", str(folder), "-o", str(tmp_path / "s.csv"))
    assert code == 4
    assert "no .txt or .html files" in one_line_error(err)


@pytest.mark.parametrize("content,expected", [
    ("name: mine\nversion: 1\ncategories: [unclosed\n", "malformed YAML"),
    ('name: mine\nversion: "1"\nauthor: me\ncategories:\n  a:\n    terms: [x]\n', "unknown top-level key 'author'"),
    ('name: !!python/object/apply:os.system ["echo hacked"]\nversion: "1"\ncategories:\n  a:\n    terms: [x]\n',
     "python/object/apply"),
])
def test_bad_lexicon_exits_4_in_every_command(capsys, tmp_path, content, expected):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "lexicon", "check", str(path))
    assert code == 4
    assert str(path) in err and expected in err and "Traceback" not in err
    code, out, err = run(capsys, "score", "example", "-o", str(tmp_path / "s.csv"), "--lexicon", str(path), "-q")
    assert code == 4 and expected in err and "Traceback" not in err
    assert not (tmp_path / "s.csv").exists()


def test_several_lexicon_problems_are_listed_without_traceback(capsys, tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text('name: mine\nversion: "1"\ncategories:\n  a:\n    terms: ["***", "(.*)*"]\n', encoding="utf-8")
    code, out, err = run(capsys, "lexicon", "check", str(path))
    assert code == 4
    assert "Traceback" not in err
    assert "2 problems" in err and f"{path}:5" in err


def test_bad_study_spec_exits_4(capsys, tmp_path):
    spec = tmp_path / "study.yaml"
    spec.write_text("name: s\ncorpus: example\nbogus_key: 1\n", encoding="utf-8")
    for argv in (["study", "check", str(spec)], ["study", "run", str(spec), "-q"]):
        code, out, err = run(capsys, *argv)
        assert code == 4, err
        assert "bogus_key" in one_line_error(err)


def test_wrong_output_format_fails_before_the_work(capsys, tmp_path, corpus_csv):
    code, out, err = run(capsys, "score", str(corpus_csv), "-o", str(tmp_path / "scores.xlsx"))
    assert code == 2
    assert ".xlsx" in one_line_error(err)
    assert not (tmp_path / "scores.xlsx").exists()


def test_debug_shows_the_traceback(tmp_path):
    with pytest.raises(FileNotFoundError):
        main(["--debug", "score", str(tmp_path / "nowhere.csv"), "-o", str(tmp_path / "s.csv")])


# -- accounting: documents in, out, empty, flagged ------------------------------------

def test_score_accounts_for_every_document(capsys, tmp_path, corpus_csv):
    out_csv = tmp_path / "scores.csv"
    code, out, err = run(capsys, "score", str(corpus_csv), "-o", str(out_csv))
    assert code == 0
    # three documents, the second one empty; nothing missing
    assert "score: 3 documents in, 3 out, 1 empty, 1 flagged" in err
    assert "MISSING" not in err
    scores = pd.read_csv(out_csv, dtype={"doc_id": str})
    assert sorted(scores["doc_id"].unique()) == ["a", "b", "c"]
    assert "framing: warning: " in err and "1 empty document(s) kept" in err  # one line, no source code
    assert "as_corpus(" not in err
    code, out, err = run(capsys, "score", str(corpus_csv), "-o", str(out_csv), "--quiet")
    assert code == 0 and "documents in" not in err


def test_score_flags_undecodable_bytes(capsys, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("doc_id,outlet,text\na,X,Caf\u00e9 owners said so.\nb,Y,Fine text.\n".encode("latin-1"))
    code, out, err = run(capsys, "score", str(path), "-o", str(tmp_path / "s.csv"))
    assert code == 0
    assert "2 documents in, 2 out, 0 empty, 1 flagged" in err


def test_streamed_score_accounts_too(capsys, tmp_path, corpus_csv):
    code, out, err = run(capsys, "score", str(corpus_csv), "-o", str(tmp_path / "s.csv"), "--chunksize", "2")
    assert code == 0
    assert "3 documents in, 3 out, 1 empty" in err


@pytest.mark.slow
def test_report_prints_the_accounting(capsys, tmp_path, corpus_csv):
    code, out, err = run(capsys, "report", str(corpus_csv), "-o", str(tmp_path / "rep"), "--resamples", "99")
    assert code == 0, err
    assert "report: 3 documents in, 3 out, 1 empty, 1 flagged" in err
    assert (tmp_path / "rep" / "index.html").is_file()


@pytest.mark.slow
def test_study_run_prints_the_accounting(capsys, tmp_path, corpus_csv):
    spec = tmp_path / "study.yaml"
    spec.write_text(f"name: s\ncorpus: {corpus_csv.name}\ncompare:\n  n_resamples: 99\n", encoding="utf-8")
    code, out, err = run(capsys, "study", "run", str(spec))
    assert code == 0, err
    assert "report: 3 documents in, 3 out, 1 empty, 1 flagged" in err


def test_score_exits_1_when_a_document_goes_missing(capsys, tmp_path, corpus_csv, monkeypatch):
    import framing.match.matcher as match

    real = match.score_table

    def losing(*args, **kwargs):  # a scoring stage that silently drops document c
        table = real(*args, **kwargs)
        return table[table["doc_id"] != "c"]

    monkeypatch.setattr(match, "score_table", losing)
    code, out, err = run(capsys, "score", str(corpus_csv), "-o", str(tmp_path / "s.csv"))
    assert code == 1
    assert "3 documents in, 2 out" in err and "1 MISSING (c)" in err


# -- the installed script ---------------------------------------------------------------

def _script() -> list[str]:
    exe = shutil.which("framing")
    return [exe] if exe else [sys.executable, "-m", "framing"]


def test_installed_script_exit_codes_and_messages(tmp_path, corpus_csv):
    missing = subprocess.run([*_script(), "score", str(tmp_path / "nowhere.csv"), "-o", str(tmp_path / "s.csv")],
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == 3
    assert "Traceback" not in missing.stderr and "nowhere.csv" in missing.stderr
    ok = subprocess.run([*_script(), "score", str(corpus_csv), "-o", str(tmp_path / "s.csv")],
                        capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert "score: 3 documents in, 3 out, 1 empty, 1 flagged" in ok.stderr
    usage = subprocess.run([*_script(), "score", "--frobnicate"], capture_output=True, text=True, timeout=300)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
