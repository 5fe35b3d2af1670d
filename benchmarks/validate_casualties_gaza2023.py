"""Validate casualty extraction against casualty_mentions_gaza2023 (NYT, WaPo, WSJ, 7-22 Oct 2023).

What is measured
----------------
1. Victim group: each sentence is hand-labelled ``israel``, ``palestine`` or
   ``both`` (whose deaths it reports). :func:`framing.casualties` gives the
   victims phrase and agent of every casualty statement; the side of a
   statement is decided by this documented rule, first that applies:

   a. nationality / people words in the **victims** phrase (Israeli(s),
      Israel, Jew(s), Jewish, kibbutz -> israel; Palestinian(s), Gaza(n)(s),
      West Bank -> palestine);
   b. the **agent** phrase, or the ``cause`` phrase ("killed in the Hamas
      attack", "in an Israeli airstrike"), names one side, so the victims are
      the other (Hamas, Islamic Jihad, Palestinian militants/gunmen ->
      israel; Israel, Israeli, IDF -> palestine);
   c. a place named in the **statement** (Gaza, West Bank, Jenin, Khan Younis,
      Rafah -> palestine; "in Israel", "southern Israel", kibbutz, the music
      festival -> israel);
   d. the same place words anywhere in the **sentence**;
   e. the victims words of (a) anywhere in the sentence ("Gazan officials
      said 471 people had been killed").

   Levels a-c use what :func:`framing.casualties` extracted; d-e are
   sentence context. The share of sentences decided at each level is printed.

   A sentence's prediction is the union of its statements' sides (both sides
   -> ``both``); no casualty statement -> "none" (not covered); statements
   but no side -> "unresolved". Both count as errors in accuracy over all
   sentences; accuracy over resolved sentences is reported too.

   Baseline: the same word lists applied to the whole sentence (no
   extraction), to show what the victims/agent structure adds.

2. Coverage: share of sentences where at least one casualty statement is found
   (every sentence in the dataset was pre-filtered for death words).

3. Construction vs the dataset's ``auto_tagged_voice`` (ACTIVE/PASSIVE). This
   column was produced automatically, so the figure is agreement between two
   automatic taggers, NOT accuracy against ground truth. The first death
   statement of a sentence is used: active -> ACTIVE, passive_* -> PASSIVE;
   intransitive and nominal statements are counted separately.

4. The library's own ``victim_side`` (``opposing=("Israel", "Palestine")``, Hamas
   and Islamic Jihad declared Palestinian): a sentence is sided when one of its
   asserted statements has a side. A third country's side counts ("15 French
   citizens were killed") but agrees with no category: the codebook files a
   foreign victim under the place of death, which ``victim_side`` does not
   give. The earlier, narrower definition (sided only by Israel, Palestine or
   ``mixed``) is printed beside it. A ``mixed`` statement counts for the sides
   it is made of ("two Israelis and an Egyptian": Israel and a third country,
   so ``israel``); the earlier scoring, which took every ``mixed`` for
   ``both``, is printed too.

Repeated sentences within an outlet (live blogs) are dropped first, as the
dataset's SOURCE.md asks.

Run::

    python benchmarks/validate_casualties_gaza2023.py          # all files
    python benchmarks/validate_casualties_gaza2023.py --limit 300
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, cohen_kappa_score, confusion_matrix

from framing.measures.casualties import casualties

DATASET = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "casualty_mentions_gaza2023"
FILES = {
    "tagged_data_nyt_oct7_to_oct18.csv": "nyt",
    "tagged_data_nyt_oct18_to_oct22.csv": "nyt",
    "tagged_data_wp_oct7_to_oct22.csv": "wp",
    "tagged_data_wsj_oct7_to_oct22.csv": "wsj",
}
LABELS = ["israel", "palestine", "both"]

_ISRAEL_VICTIMS = re.compile(r"\b(?:israelis?|israel|jews|jewish|kibbutz\w*)\b", re.I)
_PALESTINE_VICTIMS = re.compile(r"\b(?:palestinians?|gazans?|gaza|west bank)\b", re.I)
_AGENT_AGAINST_ISRAEL = re.compile(r"\b(?:hamas|islamic jihad|palestinian (?:militants|gunmen|fighters))\b", re.I)
_AGENT_AGAINST_PALESTINE = re.compile(r"\b(?:israel|israeli|idf|israel defense forces)\b", re.I)
_PLACE_PALESTINE = re.compile(r"\b(?:gaza|west bank|jenin|khan younis|rafah|jabalia|jabalya)\b", re.I)
_PLACE_ISRAEL = re.compile(
    r"\b(?:in israel|southern israel|kibbutz\w*|music festival|nova festival|be'eri|sderot|re'im)\b", re.I
)


def load(limit: int | None) -> pd.DataFrame:
    frames = []
    for name, outlet in FILES.items():
        df = pd.read_csv(DATASET / name)
        if "auto_tagged_voice" not in df.columns:
            df["auto_tagged_voice"] = np.nan
        df = df[["sentence", "category", "auto_tagged_voice"]].assign(outlet=outlet)
        frames.append(df)
    data = pd.concat(frames, ignore_index=True)
    # tokens are double-spaced: collapse white space and re-attach punctuation
    text = data["sentence"].astype(str).str.replace(r"\s+", " ", regex=True).str.strip()
    data["text"] = text.str.replace(r" ([,.;:!?%)])", r"\1", regex=True).str.replace(r"\( ", "(", regex=True)
    n_rows = len(data)
    data = data.drop_duplicates(["outlet", "text"], ignore_index=True)
    data.attrs["n_rows"] = n_rows
    if limit:
        data = data.sample(n=min(limit, len(data)), random_state=0).reset_index(drop=True)
    data["doc_id"] = [f"{o}-{i}" for i, o in enumerate(data["outlet"])]
    return data


def _places(text: str) -> str | None:
    p_pa, p_is = bool(_PLACE_PALESTINE.search(text)), bool(_PLACE_ISRAEL.search(text))
    if p_pa != p_is:
        return "palestine" if p_pa else "israel"
    return None


def side_of_statement(victims: str, agent: str, span: str) -> tuple[str | None, str]:
    """(side, level) of one statement from its victims, agent/cause and span."""
    v_is, v_pa = bool(_ISRAEL_VICTIMS.search(victims)), bool(_PALESTINE_VICTIMS.search(victims))
    if v_is or v_pa:
        return ("both" if v_is and v_pa else ("israel" if v_is else "palestine")), "a victims"
    a_is, a_pa = bool(_AGENT_AGAINST_ISRAEL.search(agent)), bool(_AGENT_AGAINST_PALESTINE.search(agent))
    if a_is != a_pa:
        return ("israel" if a_is else "palestine"), "b agent/cause"
    place = _places(span)
    if place:
        return place, "c statement place"
    return None, ""


def side_from_sentence(text: str) -> tuple[str, str]:
    place = _places(text)
    if place:
        return place, "d sentence place"
    side = baseline(text)
    return side, ("e sentence words" if side != "unresolved" else "unresolved")


def combine(sides: list[str | None]) -> str:
    found = {s for s in sides if isinstance(s, str)}
    if not found:
        return "unresolved"
    if "both" in found or found == {"israel", "palestine"}:
        return "both"
    return found.pop()


def baseline(text: str) -> str:
    is_, pa = bool(_ISRAEL_VICTIMS.search(text)), bool(_PALESTINE_VICTIMS.search(text))
    if is_ and pa:
        return "both"
    return "israel" if is_ else ("palestine" if pa else "unresolved")


def report_labels(name: str, gold: pd.Series, pred: pd.Series) -> None:
    covered = pred.isin(LABELS)
    print(f"\n== {name}")
    print(f"accuracy over all sentences: {(gold == pred).mean():.3f}  (n={len(gold)})")
    print(f"accuracy over resolved sentences: {(gold[covered] == pred[covered]).mean():.3f}  (n={int(covered.sum())})")
    print(classification_report(gold, pred, labels=LABELS, digits=3, zero_division=0))


#: what a researcher of this war would declare: the two sides, Hamas and Islamic Jihad counted as Palestinian
GAZA_SIDES = {"Palestine": ["Hamas", "Islamic Jihad", "Palestinian Islamic Jihad", "Qassam Brigades"]}
OPPOSING = ("Israel", "Palestine")


def library_sides(table: pd.DataFrame, doc_ids: pd.Series, *, third: bool = False,
                  mixed_parts: bool = True) -> pd.Series:
    """Each sentence's side from the library's own ``victim_side`` (asserted statements only): ``israel``,
    ``palestine``, ``both`` (both sides) or ``none`` (no statement with one of the two sides).

    A ``mixed`` statement counts for the sides it is made of (``table.attrs["victim_side_parts"]``): "two
    Israelis and an Egyptian" is Israel's (and a third country's), "Israelis and Palestinians" both; a
    ``mixed`` whose sides are not known counts as both. With ``mixed_parts=False`` every ``mixed`` counts as
    both (the earlier definition, which filed "two Israelis and an Egyptian" under ``both``).

    With ``third``, a sentence whose only sided statements name a third country ("15 French citizens were
    killed") is ``other`` instead of ``none``: it is sided, but agrees with none of the three categories
    (the dataset's codebook files foreign victims under the place where they died, which ``victim_side``
    does not give)."""
    asserted = table[~table["negated"].astype(bool) & ~table["hypothetical"].astype(bool)]
    asserted = asserted.dropna(subset=["victim_side"])
    parts_of = table.attrs.get("victim_side_parts", {}) if mixed_parts else {}

    def parts(idx, side: str) -> set:
        if side != "mixed":
            return {side}
        return set(parts_of.get(idx, ())) or set(OPPOSING)

    found: dict = {}
    for idx, doc, side in zip(asserted.index, asserted["doc_id"], asserted["victim_side"]):
        found.setdefault(doc, set()).update(parts(idx, side))

    def one(sides: set) -> str:
        if set(OPPOSING) <= sides:
            return "both"
        for side in OPPOSING:
            if side in sides:
                return side.lower()
        return "other" if third and sides else "none"

    return doc_ids.map(lambda d: one(found[d]) if d in found else "none")


def evaluate(data: pd.DataFrame) -> dict:
    """Run :func:`framing.casualties` on the sentences and decide each sentence's side.

    Returns the statement table (with ``side`` and ``level``), ``pred`` and ``gold`` (one label per
    sentence, aligned with ``data``), ``how`` (the deciding rule), ``covered`` (the sentence has a
    statement) and ``seconds`` (time of the ``casualties`` call).
    """
    corpus = data[["doc_id", "outlet", "text"]]
    t0 = time.perf_counter()
    table = casualties(corpus, sides=GAZA_SIDES, opposing=OPPOSING)
    seconds = time.perf_counter() - t0
    text_of = dict(zip(data["doc_id"], data["text"]))
    sides_levels = [
        side_of_statement(
            v if isinstance(v, str) else "",
            " ".join(x for x in (a, c) if isinstance(x, str)),
            text_of[d][s:e],
        )
        for d, v, a, c, s, e in zip(
            table["doc_id"], table["victims"], table["agent"], table["cause"], table["start"], table["end"]
        )
    ]
    table = table.assign(side=[s for s, _ in sides_levels], level=[lv for _, lv in sides_levels])
    death = table[table["harm"] == "death"]
    use = death if len(death) else table
    # prefer death statements; fall back to injury statements for a sentence without one
    sides = use.groupby("doc_id")["side"].agg(list)
    sides_any = table.groupby("doc_id")["side"].agg(list)
    levels = table.groupby("doc_id")["level"].agg(lambda x: min((v for v in x if v), default=""))
    preds, how = [], []
    for d in data["doc_id"]:
        p = combine(sides[d]) if d in sides.index else (combine(sides_any[d]) if d in sides_any.index else "none")
        lv = levels.get(d, "") if p in LABELS else ""
        if p == "unresolved":
            p, lv = side_from_sentence(text_of[d])
        preds.append(p)
        how.append(lv or p)
    return {
        "table": table, "death": death, "seconds": seconds,
        "pred": pd.Series(preds, index=data.index), "gold": data["category"].astype(str),
        "how": pd.Series(how, index=data.index), "covered": data["doc_id"].isin(table["doc_id"]),
        "library": library_sides(table, data["doc_id"]),
        "library_any": library_sides(table, data["doc_id"], third=True),
        "library_any_mixed_both": library_sides(table, data["doc_id"], third=True, mixed_parts=False),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="random sample of this many sentences")
    args = parser.parse_args()
    data = load(args.limit)
    res = evaluate(data)
    table, death, pred, gold, seconds = res["table"], res["death"], res["pred"], res["gold"], res["seconds"]
    print(f"dataset: casualty_mentions_gaza2023, {data.attrs.get('n_rows', len(data))} rows, "
          f"{len(data)} sentences after per-outlet de-duplication{' (sample)' if args.limit else ''}")
    print(f"casualties(): {len(table)} statements in {seconds:.1f} s ({len(data) / seconds:.0f} sentences/s)")
    coverage = res["covered"].mean()
    print(f"coverage (sentences with >= 1 casualty statement): {coverage:.3f}")
    print("prediction counts:", pred.value_counts().to_dict())
    how_s = res["how"]
    gold_ = gold
    print("decided at level (sentences, accuracy):")
    for level, idx in how_s.groupby(how_s).groups.items():
        print(f"  {level}: {len(idx)}, {(gold_[idx] == pred[idx]).mean():.3f}")
    report_labels("victim group from victims/agent/statement (framing.casualties)", gold, pred)
    report_labels("baseline: word lists on the whole sentence", gold, data["text"].map(baseline))
    lib = res["library"]
    sided = lib != "none"
    print(f"\nlibrary victim_side (sides={GAZA_SIDES}, opposing={OPPOSING}): "
          f"{sided.mean():.3f} of sentences have a sided statement")
    report_labels("library victim_side, sentences with a sided statement", gold[sided], lib[sided])
    any_ = res["library_any"]
    print(f"counting a third country's side too: {(any_ != 'none').mean():.3f} of sentences are sided, "
          f"{(any_ == 'other').mean():.3f} by a third country only (these agree with no category); agreement "
          f"{(gold == any_)[any_ != 'none'].mean():.3f}")
    old = res["library_any_mixed_both"]
    print(f"earlier scoring, every mixed statement taken for both sides: agreement "
          f"{(gold == old)[old != 'none'].mean():.3f}")
    print("victim_side decided by:", table["victim_side_from"].value_counts(dropna=False).to_dict())
    for outlet in sorted(data["outlet"].unique()):
        m = data["outlet"] == outlet
        print(f"  {outlet}: accuracy {(gold[m] == pred[m]).mean():.3f} (n={int(m.sum())})")

    # construction vs the dataset's automatic voice column
    first = death.sort_values(["doc_id", "start"]).drop_duplicates("doc_id").set_index("doc_id")["construction"]
    voice = data.set_index("doc_id")["auto_tagged_voice"]
    both = voice.dropna().index.intersection(first.index)
    mine = first.loc[both]
    print("\n== construction vs auto_tagged_voice (AUTOMATIC vs AUTOMATIC, not ground truth)")
    print(f"sentences with an automatic voice tag: {int(voice.notna().sum())}; with a death statement found: {len(both)}")
    print("our construction counts on them:", mine.value_counts().to_dict())
    comparable = mine[mine.isin(["active", "passive_agentive", "passive_agentless"])]
    ours = np.where(comparable == "active", "ACTIVE", "PASSIVE")
    theirs = voice.loc[comparable.index].astype(str).to_numpy()
    print(f"comparable (active/passive) sentences: {len(comparable)}")
    print(f"agreement: {(ours == theirs).mean():.3f}; Cohen's kappa: {cohen_kappa_score(theirs, ours):.3f}")
    print("confusion (rows = auto_tagged_voice ACTIVE, PASSIVE; columns = ours ACTIVE, PASSIVE):")
    print(confusion_matrix(theirs, ours, labels=["ACTIVE", "PASSIVE"]))


if __name__ == "__main__":
    main()
