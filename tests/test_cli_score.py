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
