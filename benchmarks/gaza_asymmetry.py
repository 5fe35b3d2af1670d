"""Whose deaths: casualty mentions per UN-reported death by side in NYT, WaPo and WSJ (7-22 October 2023).

Reproduces the comparison of ``../shared/datasets/casualty_mentions_gaza2023`` (its author counted death
mentions by side against UN OCHA's daily counts) with the library's own ``victim_side`` instead of the
dataset's hand category, side by side with the same computation on the hand category, and the framing
asymmetry of the two sides' statements per outlet (numbers, agents, humanising and emotive words).

Sentences are grouped back into their articles (the article is the cluster of every interval). Only derived
figures are printed; the sentences stay in ../shared.

Run::

    python benchmarks/gaza_asymmetry.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

import framing  # noqa: E402
import validate_casualties_gaza2023 as vg  # noqa: E402

SIDES = ["Israel", "Palestine"]


def articles() -> pd.DataFrame:
    """One document per article: its de-duplicated sentences in order, with outlet and date."""
    frames = []
    for name, outlet in vg.FILES.items():
        df = pd.read_csv(vg.DATASET / name)
        df = df.assign(outlet=outlet, file=name)
        frames.append(df)
    data = pd.concat(frames, ignore_index=True)
    text = data["sentence"].astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    data["text"] = text.str.replace(r" ([,.;:!?%)])", r"\1", regex=True).str.replace(r"\( ", "(", regex=True)
    data = data.drop_duplicates(["outlet", "text"])
    data["doc_id"] = data["file"].str.replace(".csv", "", regex=False) + "-" + data["article_index"].astype(str)
    corpus = (data.groupby("doc_id", sort=False)
              .agg(outlet=("outlet", "first"), date=("article_date", "first"), text=("text", " ".join))
              .reset_index())
    corpus["date"] = pd.to_datetime(corpus["date"], format="mixed")
    return corpus, data


def ocha_deaths() -> pd.DataFrame:
    d = pd.read_csv(vg.DATASET / "ocha_data_oct7_to_oct22.csv", encoding="utf-8-sig")
    d["date"] = pd.to_datetime(d["Date"], format="%m/%d/%Y")
    pal = d["West Bank Casualties Since October 7"] + d["Gaza Casualties Since October 7"]
    out = pd.concat([pd.DataFrame({"date": d["date"], "side": "Palestine", "deaths": pal}),
                     pd.DataFrame({"date": d["date"], "side": "Israel",
                                   "deaths": d["Israel Casualties Since October 7"]})])
    # the running totals start on 7 October: deaths before the first report are counted on its date
    return out.sort_values("date")


def main() -> None:
    corpus, sentences = articles()
    print(f"{len(corpus)} articles, {len(sentences)} distinct sentences; "
          f"{corpus['date'].min():%d %b} to {corpus['date'].max():%d %b %Y}")
    cas = framing.casualties(corpus, sides=vg.GAZA_SIDES, opposing=vg.OPPOSING)
    deaths = ocha_deaths()
    first = deaths["date"].min()
    # deaths up to the first report (a running total) are the first period's new deaths
    per = framing.mentions_per_death(cas, deaths, SIDES, corpus=corpus, cumulative=True)
    show = ["group", "measure", "estimate", "ci_low", "ci_high", "count", "exposure", "p_adjusted"]
    pd.set_option("display.width", 200)
    print("\n== mentions per 1,000 UN-reported deaths (library victim_side), whole period")
    print(per[show].to_string(index=False, float_format=lambda v: f"{v:.3g}"))

    # the same with the dataset's hand category (one statement per sentence), for comparison
    hand = sentences.assign(victim_side=sentences["category"].map({"israel": "Israel", "palestine": "Palestine"}))
    hand = hand.dropna(subset=["victim_side"]).assign(negated=False, hypothetical=False)
    per_hand = framing.mentions_per_death(hand, deaths, SIDES, corpus=corpus, cumulative=True)
    print("\n== the same with the dataset's hand category (sentences, 'both' left out)")
    print(per_hand[show].to_string(index=False, float_format=lambda v: f"{v:.3g}"))

    asym = framing.casualty_asymmetry(cas, SIDES, corpus=corpus, voices=("own", "quoted"))
    diffs = asym[asym["measure"].str.contains(" - | / ", regex=True)]
    print("\n== framing of the two sides' deaths per outlet (differences Israel - Palestine; Holm-adjusted p)")
    print(diffs[show].to_string(index=False, float_format=lambda v: f"{v:.3g}"))
    print(f"\nfirst OCHA report {first:%d %b}; victim_side rules used:",
          cas["victim_side_from"].value_counts(dropna=False).to_dict())


if __name__ == "__main__":
    main()
