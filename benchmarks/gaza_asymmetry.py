"""Whose deaths: casualty mentions per UN-reported death by side in NYT, WaPo and WSJ (7-22 October 2023).

Runs the study ``analyses/gaza_2023/study.yaml`` through the library (the sentences read with
``framing.read_tables`` as the spec says, OCHA's running totals with ``read_deaths``, then
``framing.mentions_per_death``, ``framing.side_agreement`` and ``framing.casualty_asymmetry`` with the
article as the cluster) and prints the figures, the library's victim sides beside the dataset's hand category.
Only derived figures are printed; the sentences stay in ../shared.

Run::

    python benchmarks/gaza_asymmetry.py
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import pandas as pd

import framing
from framing.report.casualty_sides import hand_statements, read_deaths
from framing.report.study import load_study, read_study_corpus

SPEC = Path(__file__).resolve().parents[1] / "analyses" / "gaza_2023" / "study.yaml"


def main() -> None:
    study = load_study(SPEC)
    spec = study.casualties
    sides = spec["sides"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = read_study_corpus(study)
    for w in caught:
        print(w.message)
    print(f"{len(corpus)} sentences, {corpus['article'].nunique()} articles")
    wall, cpu = time.perf_counter(), time.process_time()
    cas = framing.casualties(corpus, sides=spec["names"], opposing=sides)
    print(f"casualties: {time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    deaths = read_deaths(spec["deaths"], spec["_base"])
    show = ["group", "measure", "estimate", "ci_low", "ci_high", "count", "exposure", "n_docs", "p_adjusted"]
    pd.set_option("display.width", 200)
    fmt = {"float_format": lambda v: f"{v:.3g}", "index": False}
    per = framing.mentions_per_death(cas, deaths, sides, corpus=corpus, cumulative=True, cluster="article")
    print("\n== mentions per 1,000 UN-reported deaths (library victim_side), whole span")
    print(per[show].to_string(**fmt))
    hand = hand_statements(corpus, spec)
    per_hand = framing.mentions_per_death(hand, deaths, sides, corpus=corpus, cumulative=True, cluster="article")
    print("\n== the same with the dataset's hand category ('both' left out)")
    print(per_hand[show].to_string(**fmt))
    agree = framing.side_agreement(cas, corpus, "category", sides, labels=spec["labels"], cluster="article")
    print("\n== agreement of the library's side with the hand category")
    print(agree[show].to_string(**fmt))
    asym = framing.casualty_asymmetry(cas, sides, corpus=corpus, voices=("own", "quoted"), cluster="article")
    diffs = asym[asym["measure"].str.contains(" - | / ", regex=True)]
    print("\n== framing of the two sides' deaths per outlet (differences Israel - Palestine; Holm-adjusted p)")
    print(diffs[show].to_string(**fmt))
    print("\nvictim_side rules used:", cas["victim_side_from"].value_counts(dropna=False).to_dict())


if __name__ == "__main__":
    main()
