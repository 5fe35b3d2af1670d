"""How many Gaza sentences can be given a victims' side from the sentence alone: the ceiling of the coverage floor.

Run from the project root::

    python benchmarks/gaza_sentence_ceiling.py

``validate_casualties_gaza2023.py`` counts a sentence as sided when one of its asserted casualty statements has a
``victim_side`` (``sides`` and ``opposing`` declared as there). The sentences come without their articles, and
the dataset's hand category was coded with the article at hand, so many sentences give no side in their own
words ("Both were killed.", "He died on the spot."). This script measures how many of the sentences the library
leaves unsided a careful reader could side from the sentence alone, by the documented rules of ``victim_side``
(victims' demonym or group, a side's reporter, an agent of one side, a place of one side named in the sentence,
a side named as attacked), and what coverage that allows at most.

Coding: ``benchmarks/gaza_unsided_coding.csv`` (item, doc_id, has_casualty, asserted, side, basis; no text): 150
sentences drawn at random (seed 2030) from the 487 the library left unsided on 2026-12-04 (commit e612f90),
each coded from the sentence text alone, without the library's output or the dataset's category. ``doc_id`` is
the sentence id of ``validate_casualties_gaza2023.load`` (outlet and position after de-duplication).

Figures: the share of the sampled unsided sentences that the sentence sides (asserted statements only), with a
Wilson interval; the coverage it allows at most, (sided now + that share x unsided now) / all, with the interval
carried through; the agreement of those sides with the dataset's category; and how many of the coded sentences
the library sides today.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import wilson  # noqa: E402
import validate_casualties_gaza2023 as vg  # noqa: E402

CODING = Path(__file__).resolve().parent / "gaza_unsided_coding.csv"


def main() -> None:
    if not vg.DATASET.is_dir():
        raise SystemExit(f"{vg.DATASET} not found: nothing to measure")
    coding = pd.read_csv(CODING)
    data = vg.load(None)
    res = vg.evaluate(data)
    lib = pd.Series(res["library_any"].values, index=data["doc_id"])
    category = pd.Series(data["category"].astype(str).values, index=data["doc_id"])
    missing = sorted(set(coding["doc_id"]) - set(lib.index))
    if missing:
        raise SystemExit(f"{CODING}: doc_id not in the dataset as loaded: {missing[:5]}")
    n_all, n_unsided = len(lib), int((lib == "none").sum())
    asserted = coding["asserted"].astype(str).str.lower() == "true"
    sided = coding[asserted & (coding["side"] != "none")]
    k, n = len(sided), len(coding)
    share, (lo, hi) = k / n, wilson(k, n)
    ceiling = [(n_all - n_unsided + s * n_unsided) / n_all for s in (share, lo, hi)]
    print(f"{n_all} sentences, {n_unsided} unsided by the library today; coded sample {n} (drawn from the "
          f"487 unsided at e612f90)")
    print(f"  sided by the sentence alone: {k}/{n} = {share:.3f} [{lo:.3f}, {hi:.3f}]")
    print(f"    by rule: {sided['basis'].value_counts().to_dict()}")
    print(f"  coverage at most, if every such sentence were sided: {ceiling[0]:.3f} [{ceiling[1]:.3f}, "
          f"{ceiling[2]:.3f}] (floor 0.85); today {1 - n_unsided / n_all:.3f}")
    named = sided[sided["side"].isin(vg.LABELS)]
    agree = int((named["side"].values == category[named["doc_id"]].values).sum())
    print(f"  the coded side agrees with the dataset's category: {agree}/{len(named)}")
    now = lib[coding["doc_id"]]
    print(f"  of the {n} coded sentences, sided by the library today: {int((now != 'none').sum())} "
          f"(of the {k} the sentence sides: {int((lib[sided['doc_id']] != 'none').sum())})")


if __name__ == "__main__":
    main()
