"""Sources: how far two human coders agree, and the library beside them, on the same cues.

Run from the project root::

    python benchmarks/sources_coder_agreement.py                      # every sample coded twice
    python benchmarks/sources_coder_agreement.py --pair A.csv B.csv   # one pair of codings of the same cues
    python benchmarks/sources_coder_agreement.py --people corpus      # framing.sources(people="corpus") run on
                                                                      # the whole corpus (about 6 min)

Each pair is two codings of the same drawn cues (same ``item_id``, ``doc_id``, ``cue_start``, ``cue_end``),
made independently from the article text by the codebook and conventions of benchmarks/README.md ("Sources:
hand-coded validation sample"), the second without seeing the first or the library's answers. Both files hold
offsets and labels only. The second codings are ``sources_coding_heldout<k>_second.csv``.

Figures (95 % Wilson intervals; alphas with a percentile bootstrap over units, :func:`framing.agreement`):

* whether a cue is a statement: agreement of the two coders, and Krippendorff's alpha;
* on cues both coders call a statement: source type, affiliation (where either coder gives one; the names
  compared after the aliases of ``validate_sources.py``), anonymity (where both say it applies) and the
  source (the head word of one coder's mention in the other's) -- coder against coder, then the library
  (``framing.sources``, paired with a cue as ``validate_sources.py`` pairs it) against each coder on the same
  cues, and the library on the cues where the two coders agree;
* Krippendorff's alpha of the source type for the two coders, and for the two coders with the library.

This is the ceiling the floors of ``validate_sources.py`` are measured against: a library cannot be expected
to agree with one coder more often than a second careful coder does.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import pandas as pd

import framing

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import ALLSIDES, Figure, allsides_corpus, wilson  # noqa: E402
from validate_sources import _flag, _norm_side, load_coding, pair, run_sources  # noqa: E402
from validity import names  # noqa: E402

HERE = Path(__file__).resolve().parent
DS = "sources coded twice"
KEY = ["item_id", "doc_id", "cue_start", "cue_end"]


def pairs_on_disk() -> list[tuple[Path, Path]]:
    """Every ``sources_coding*_second.csv`` with the first coding it repeats."""
    out = []
    for second in sorted(HERE.glob("sources_coding*_second.csv")):
        first = second.with_name(second.name.replace("_second", ""))
        if first.is_file():
            out.append((first, second))
    return out


def _ratio(measure: str, hits: list[bool], note: str = "") -> Figure:
    k, n = sum(hits), len(hits)
    if not n:
        return Figure(DS, measure, note="no items")
    lo, hi = wilson(k, n)
    return Figure(DS, measure, k / n, lo, hi, k, n, "Wilson", "", note)


def _alpha(measure: str, codes: dict[str, list], units: list, machine: str | None = None) -> list[Figure]:
    long = pd.DataFrame([{"unit": u, "coder": c, "code": v} for c, vals in codes.items()
                         for u, v in zip(units, vals) if v is not None])
    if long["unit"].nunique() < 2:
        return [Figure(DS, measure, note="too few units")]
    ag = framing.agreement(long, machine=machine, n_resamples=1000, seed=0)
    out = []
    for name, label in (("krippendorff_alpha", measure), ("krippendorff_alpha_humans", f"{measure}, coders only")):
        row = ag[ag["measure"] == name]
        if len(row):
            a = row.iloc[0]
            out.append(Figure(DS, label, float(a["estimate"]), float(a["ci_low"]), float(a["ci_high"]), None,
                              int(a["n_units"]), "bootstrap units", "", str(a["note"] or "")))
    return out


def compare(first: pd.DataFrame, second: pd.DataFrame, texts: dict[str, str], lib: list[dict | None]) -> list[Figure]:
    """Coder against coder, and the library against each, on the same cues."""
    a = first.set_index("item_id")
    b = second.set_index("item_id")
    if set(a.index) != set(b.index):
        raise SystemExit(f"the two codings cover different items: {sorted(set(a.index) ^ set(b.index))}")
    for col in ("doc_id", "cue_start", "cue_end"):
        differ = [i for i in a.index if a.at[i, col] != b.at[i, col]]
        if differ:
            raise SystemExit(f"the two codings disagree on {col} for items {differ}: not codings of the same cues")
    lib_of = dict(zip(first["item_id"], lib))
    items = list(a.index)
    figs = [_ratio("statement or not: coder A = coder B", [a.at[i, "is_statement"] == b.at[i, "is_statement"]
                                                         for i in items])]
    figs += _alpha("statement or not: alpha", {"A": [a.at[i, "is_statement"] for i in items],
                                               "B": [b.at[i, "is_statement"] for i in items]}, items)
    both = [i for i in items if a.at[i, "is_statement"] and b.at[i, "is_statement"]]
    found = [i for i in both if lib_of[i] is not None]

    def lib_val(i, col):
        return lib_of[i].get(col) if lib_of[i] is not None else None

    # source type
    figs.append(_ratio("type: coder A = coder B", [a.at[i, "source_type"] == b.at[i, "source_type"] for i in both]))
    for name, c in (("A", a), ("B", b)):
        figs.append(_ratio(f"type: library = coder {name} (cues the library lists)",
                           [lib_val(i, "source_type") == c.at[i, "source_type"] for i in found]))
    agreed = [i for i in found if a.at[i, "source_type"] == b.at[i, "source_type"]]
    figs.append(_ratio("type: library = both coders, where they agree",
                       [lib_val(i, "source_type") == a.at[i, "source_type"] for i in agreed]))
    figs.append(_ratio("type: library = at least one coder",
                       [lib_val(i, "source_type") in (a.at[i, "source_type"], b.at[i, "source_type"]) for i in found]))
    figs += _alpha("type: alpha, coders and library",
                   {"A": [a.at[i, "source_type"] for i in found], "B": [b.at[i, "source_type"] for i in found],
                    "framing": [lib_val(i, "source_type") for i in found]}, found, machine="framing")
    # affiliation, where either coder gives one
    aff = [i for i in both if not (pd.isna(a.at[i, "affiliation"]) and pd.isna(b.at[i, "affiliation"]))]
    figs.append(_ratio("affiliation: coder A = coder B (either gives one)",
                       [_norm_side(a.at[i, "affiliation"]) == _norm_side(b.at[i, "affiliation"]) for i in aff]))
    for name, c in (("A", a), ("B", b)):
        coded = [i for i in found if not pd.isna(c.at[i, "affiliation"])]
        figs.append(_ratio(f"affiliation: library = coder {name} (where {name} gives one)",
                           [_norm_side(lib_val(i, "affiliation")) == _norm_side(c.at[i, "affiliation"])
                            for i in coded]))
    # anonymity, where both coders say it applies
    anon = [i for i in both if a.at[i, "anonymous"] is not None and b.at[i, "anonymous"] is not None]
    figs.append(_ratio("anonymous: coder A = coder B", [a.at[i, "anonymous"] == b.at[i, "anonymous"] for i in anon]))
    for name, c in (("A", a), ("B", b)):
        figs.append(_ratio(f"anonymous: library = coder {name}",
                           [_flag(lib_val(i, "anonymous")) == c.at[i, "anonymous"] for i in anon if i in found]))
    # the source itself, where both name one
    def mention(c, i):
        return texts[c.at[i, "doc_id"]][int(c.at[i, "source_start"]):int(c.at[i, "source_end"])]
    named = [i for i in both if not pd.isna(a.at[i, "source_start"]) and not pd.isna(b.at[i, "source_start"])]
    figs.append(_ratio("source: coder B's mention names coder A's source (head word)",
                       [names(mention(a, i), mention(b, i)) or names(mention(b, i), mention(a, i)) for i in named]))
    figs.append(_ratio("source named by one coder only", [pd.isna(a.at[i, "source_start"]) != pd.isna(b.at[i, "source_start"])
                                                          for i in both], note="lower is better"))
    return figs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pair", nargs=2, type=Path, action="append", metavar=("FIRST", "SECOND"),
                    help="two codings of the same cues (default: every *_second.csv in benchmarks/)")
    ap.add_argument("--people", choices=("article", "corpus"), default="article",
                    help="framing.sources(people=...); corpus runs it on the whole corpus")
    args = ap.parse_args()
    todo = [tuple(p) for p in args.pair] if args.pair else pairs_on_disk()
    if not todo:
        raise SystemExit("no pair of codings found (benchmarks/sources_coding*_second.csv)")
    firsts, seconds = [], []
    for n, (f, s) in enumerate(todo):
        first, second = load_coding(f), load_coding(s)
        # items are numbered per file: make them unique across files
        firsts.append(first.assign(item_id=first["item_id"] + 1000 * n))
        seconds.append(second.assign(item_id=second["item_id"] + 1000 * n))
        print(f"{f.name} and {s.name}: {len(first)} cues")
    first, second = pd.concat(firsts, ignore_index=True), pd.concat(seconds, ignore_index=True)
    corpus = allsides_corpus(first["doc_id"])
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    if args.people == "corpus":
        # a person's role from the other articles: the run must see the whole corpus
        whole = framing.read_corpus(ALLSIDES, clean=False)[["doc_id", "outlet", "date", "text"]]
        table = run_sources(whole, people="corpus")
        table = table[table["doc_id"].isin(set(first["doc_id"]))]
    else:
        table = run_sources(corpus)
    lib = pair(first, table)
    figs = compare(first, second, texts, lib)
    for f in figs:
        print(f.line())
    nan = [f.measure for f in figs if f.available and f.estimate is not None and math.isnan(f.estimate)]
    if nan:
        print("undefined:", "; ".join(nan))


if __name__ == "__main__":
    main()
