"""The ``framing score`` and ``framing lexicon`` commands."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.cli import main


def test_score_example_to_csv(tmp_path, capsys, example):
    out = tmp_path / "scores.csv"
    assert main(["score", "example", "-o", str(out), "--quiet"]) == 0
    table = pd.read_csv(out)
    n_cats = sum(len(framing.load_lexicon(n).categories) for n in framing.lexicon_names())
    assert len(table) == len(example) * n_cats * 3
    assert list(table.columns) == ["doc_id", "outlet", "lexicon", "category", "voice", "count", "n_tokens",
                                   "rate_per_1k"]
    direct = framing.score(example)
    assert table["count"].tolist() == direct["count"].tolist()
    assert capsys.readouterr().err == ""


def test_score_parquet_lexicon_file_and_matches(tmp_path):
    lex = tmp_path / "mine.yaml"
    lex.write_text('name: mine\nversion: "1"\ncategories:\n  iran:\n    terms: [Iran*]\n', encoding="utf-8")
    out = tmp_path / "s.parquet"
    matches = tmp_path / "m.csv"
    assert main(["score", "example", "-o", str(out), "--lexicon", str(lex), "--lexicon", "hedging",
                 "--matches", str(matches), "-q"]) == 0
    table = pd.read_parquet(out)
    assert set(table["lexicon"]) == {"mine", "hedging"}
    m = pd.read_csv(matches)
    assert set(m["lexicon"]) == {"mine", "hedging"}
    iran = table[table["lexicon"] == "mine"]["count"].sum()
    assert iran == (m["lexicon"] == "mine").sum() > 0


def test_score_corpus_file(tmp_path):
    src = tmp_path / "corpus.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
                  "text": ["Militants were killed.", "Nothing happened here."]}).to_csv(src, index=False)
    out = tmp_path / "s.csv"
    assert main(["score", str(src), "-o", str(out), "--lexicon", "casualty", "-q"]) == 0
    table = pd.read_csv(out)
    a = table[(table["doc_id"] == "a") & (table["voice"] == "narrator")].set_index("category")["count"]
    assert a["death"] == 1 and a["victims.militants"] == 1 and a["victims"] == 1
    assert (table[table["doc_id"] == "b"]["count"] == 0).all()


def test_score_errors(tmp_path, capsys):
    assert main(["score", "example", "-o", str(tmp_path / "s.xlsx"), "-q"]) == 2
    assert "unknown output format" in capsys.readouterr().err
    assert main(["score", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "s.csv"), "-q"]) == 3
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: b\nversion: "1"\ncategories:\n  a:\n    terms: [ter*ror]\n', encoding="utf-8")
    assert main(["score", "example", "-o", str(tmp_path / "s.csv"), "--lexicon", str(bad), "-q"]) == 4
    assert f"{bad}:5" in capsys.readouterr().err


def test_lexicon_list_show_check(tmp_path, capsys):
    assert main(["lexicon", "list"]) == 0
    out = capsys.readouterr().out
    for name in framing.lexicon_names():
        assert name in out
    assert main(["lexicon", "show", "attribution", "--terms"]) == 0
    out = capsys.readouterr().out
    assert "distancing" in out and "what it called" in out and "Bell, A. (1991)" in out
    good = tmp_path / "good.yaml"
    good.write_text('name: g\nversion: "1"\ncategories:\n  a:\n    terms: [x]\n  b:\n    terms: [x]\n',
                    encoding="utf-8")
    assert main(["lexicon", "check", str(good)]) == 0
    captured = capsys.readouterr()
    assert "valid yaml lexicon 'g'" in captured.out and "duplicate" in captured.err
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: b\nversion: "1"\ncategories:\n  a:\n    terms: [x]\n    colour: red\n', encoding="utf-8")
    assert main(["lexicon", "check", str(bad)]) == 4
    assert f"{bad}:4" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["lexicon"], ["score", "example"]])
def test_usage_errors(argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def _jsonl(path, rows):
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_score_prints_progress_lines_when_not_on_a_terminal(tmp_path, capsys):
    rows = [{"doc_id": f"d{i}", "outlet": "X", "text": f"Militants were killed in raid {i}."} for i in range(6)]
    src = _jsonl(tmp_path / "c.jsonl", rows)
    out = tmp_path / "s.parquet"
    # capsys's standard error is not a terminal; a line at every chunk of two documents
    assert main(["score", str(src), "-o", str(out), "--lexicon", "casualty", "--chunksize", "2",
                 "--progress-every", "0"]) == 0
    import re

    lines = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("score: ") and "elapsed" in ln]
    pattern = re.compile(r"score: (\d+) documents, ([\d.]+) MB, [\d.]+ MB/s, \d+:\d\d:\d\d elapsed$")
    assert all(pattern.match(ln) for ln in lines), lines
    assert [int(pattern.match(ln).group(1)) for ln in lines][:3] == [2, 4, 6]
    assert float(pattern.match(lines[-1]).group(2)) == round(src.stat().st_size / 1e6, 1)
    # quiet: no lines
    assert main(["score", str(src), "-o", str(tmp_path / "q.parquet"), "--lexicon", "casualty", "--chunksize", "2",
                 "--progress-every", "0", "-q"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_score_lists_flagged_and_empty_documents_with_the_reason(tmp_path, capsys, jobs):
    rows = [
        {"doc_id": "ok", "outlet": "X", "text": "Militants were killed."},
        {"doc_id": "blank", "outlet": "X", "text": ""},
        {"doc_id": "boiler", "outlet": "Y", "text": "Advertisement"},
        {"doc_id": "ok2", "outlet": "Y", "text": "Nothing happened here."},
        {"doc_id": "bytes", "outlet": "Y", "text": "Two were killed \ufffd here."},
    ]
    src = _jsonl(tmp_path / "c.jsonl", rows)
    out = tmp_path / "scores.parquet"
    assert main(["score", str(src), "-o", str(out), "--lexicon", "casualty", "--chunksize", "2",
                 "--jobs", jobs]) == 0
    listed = tmp_path / "scores.flagged.csv"
    table = pd.read_csv(listed, keep_default_na=False)
    assert table.to_dict("records") == [
        {"doc_id": "blank", "reason": "empty"},
        {"doc_id": "boiler", "reason": "emptied by cleaning"},
        {"doc_id": "bytes", "reason": "undecodable bytes replaced"},
    ]
    err = capsys.readouterr().err
    assert "3 flagged" in err and str(listed) in err
    # every document, flagged or not, still has its rows in the scores
    assert set(pd.read_parquet(out)["doc_id"]) == {r["doc_id"] for r in rows}


def test_score_with_nothing_flagged_writes_an_empty_list_and_does_not_point_to_it(tmp_path, capsys):
    src = _jsonl(tmp_path / "c.jsonl", [{"doc_id": "a", "outlet": "X", "text": "Militants were killed."}])
    out = tmp_path / "s.csv"
    assert main(["score", str(src), "-o", str(out), "--lexicon", "casualty"]) == 0
    assert pd.read_csv(tmp_path / "s.flagged.csv").empty
    assert "flagged.csv" not in capsys.readouterr().err
