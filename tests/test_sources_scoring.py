"""The pairing and scoring rules of benchmarks/validate_sources.py, on a small coding written by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import validate_sources as vs  # noqa: E402

TEXT = ("Iranian Foreign Minister Hossein Amir-Abdollahian said the talks failed. "
        "Officials said more strikes were planned. "
        "The claim was false.")
#        cue offsets: "said" after the minister, "said" after Officials, "claim"
CUE1 = TEXT.index("said")
CUE2 = TEXT.index("said", CUE1 + 1)
CUE3 = TEXT.index("claim")
NAME = (TEXT.index("Hossein"), TEXT.index(" said"))


def _coding(path: Path) -> pd.DataFrame:
    path.write_text(
        "item_id,doc_id,outlet,cue_start,cue_end,is_statement,source_start,source_end,source_type,affiliation,"
        "anonymous,kind,confidence,note\n"
        f"1,d1,A,{CUE1},{CUE1 + 4},true,{NAME[0]},{NAME[1]},government,Iran,false,reported,high,\n"
        f"2,d1,A,{CUE2},{CUE2 + 4},true,,,government,,true,reported,low,unnamed officials\n"
        f"3,d1,A,{CUE3},{CUE3 + 5},false,,,,,,,high,noun claim\n",
        encoding="utf-8")
    return vs.load_coding(path)


def _row(cue, source, start, end, type_, aff, anon):
    return {"doc_id": "d1", "outlet": "A", "source": source, "source_mention": source, "source_start": start,
            "source_end": end, "source_type": type_, "affiliation": aff, "anonymous": anon, "verb": "said",
            "verb_category": "neutral", "kind": "reported", "n_words": 4, "voice": "narrator", "start": cue,
            "end": cue + 4, "cue_start": cue, "cue_end": cue + 4}


def _fig(figs, measure):
    return next(f for f in figs if f.measure == measure)


def test_library_rows_are_paired_by_cue_and_scored_against_the_coding(tmp_path):
    coding = _coding(tmp_path / "c.csv")
    texts = {"d1": TEXT}
    table = pd.DataFrame([
        # a cue with two rows: the one whose source span overlaps the coded name is the pair
        _row(CUE1, "talks", 0, 5, "unknown", None, False),
        _row(CUE1, "Hossein Amir-Abdollahian", NAME[0], NAME[1], "government", "Iran", False),
        # the officials' cue, typed and marked wrongly
        _row(CUE2, "Officials", None, None, "military_security", "United States", False),
    ])
    figs = vs.score(coding, table, texts)
    assert _fig(figs, "statements found (recall of coded statements)").k == 2
    assert _fig(figs, "coded non-statements listed as statements").k == 0
    typ = _fig(figs, "source type accuracy")
    assert (typ.k, typ.n) == (1, 2)
    aff = _fig(figs, "affiliation accuracy where coded")
    assert (aff.k, aff.n) == (1, 1)
    spurious = _fig(figs, "affiliation given where coded none")
    assert (spurious.k, spurious.n) == (1, 1)
    recall = _fig(figs, "anonymous recall")
    assert (recall.k, recall.n) == (0, 1)
    name = _fig(figs, "source name (head) where coded named")
    assert (name.k, name.n) == (1, 1)


def test_the_coding_scored_against_itself_is_perfect_and_a_missing_row_is_a_miss(tmp_path):
    coding = _coding(tmp_path / "c.csv")
    texts = {"d1": TEXT}
    table = vs.stand_in(coding, texts)
    figs = vs.score(coding, table, texts)
    assert _fig(figs, "source type accuracy").estimate == 1.0
    assert _fig(figs, "anonymous precision").estimate == 1.0
    missing_one = vs.score(coding, table.iloc[1:], texts)
    assert _fig(missing_one, "statements found (recall of coded statements)").estimate == 0.5


@pytest.mark.parametrize(("coded", "got", "same"), [
    ("Donald Trump", "Donald Trump", True),
    ("Donald Trump", "Trump", True),  # the surname alone: less full, the same person
    ("Donald Trump", "Donald J. Trump", True),
    ("Donald Trump's", "Donald Trump", True),
    ("Trump", "Melania Trump", False),  # the coders give the surname alone: the article writes no given name of theirs
    ("Donald Trump", "Melania Trump", False),
    ("Donald Trump", "Considering Trump", False),
    ("Donald Trump", "Mike Pompeo", False),
    ("Donald Trump", None, False),
])
def test_the_coded_person_needs_the_given_names_to_agree(coded, got, same):
    assert vs.same_person(coded, got) is same


def test_affiliation_spellings_of_one_country_agree():
    assert vs._norm_side("the U.S.") == vs._norm_side("United States")
    assert vs._norm_side("UK") == vs._norm_side("United Kingdom")
    assert vs._norm_side("Iran") != vs._norm_side("Iraq")
    assert vs._norm_side("") is None


def test_a_bad_value_in_the_coding_names_the_file_and_row(tmp_path):
    path = tmp_path / "c.csv"
    _coding(path)
    path.write_text(path.read_text(encoding="utf-8").replace(",government,Iran,false,", ",government,Iran,maybe,"),
                    encoding="utf-8")
    with pytest.raises(SystemExit, match=r"c\.csv: row 2, column anonymous"):
        vs.load_coding(path)
