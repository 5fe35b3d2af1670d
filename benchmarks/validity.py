"""Every measure of the library against hand-coded gold, with 95 % intervals, in one command.

Run from the project root::

    python benchmarks/validity.py               # print every figure and refresh the table in benchmarks/README.md
    python benchmarks/validity.py --errors 15   # also print up to 15 errors of each measure (to the terminal only)
    python benchmarks/validity.py --no-readme   # print only
    python benchmarks/validity.py --set-baseline   # also keep these figures as the "before" column of the table

Data (read, never copied): the dev part of the hand-coded gold in ``../shared/gold`` (codebooks in its
README), the raw articles of ``../shared/datasets/allsides_conflict`` it indexes, and ``../shared/datasets``
polnear (dev), newswcl50 and casualty_mentions_gaza2023. Only the library's public functions are called, on the
raw text (no boilerplate cleaning), so the gold offsets index the same characters. A figure whose column or
function the library does not have yet (``hypothetical``, quote kind ``title``, ``speaker_name``,
``addressee``, ``victim_side``, ``framing.sources``, ...) is printed as "not available"; the check is made at run
time, so the script keeps working as they land.

Intervals: Wilson's for a proportion whose units come about one per article (at most 1.5 per article on
average); a percentile bootstrap over articles (2,000 resamples, seed 0) when units cluster in articles
(PolNeAR, NewsWCL50) and for F1. Every gold set is a sample, so every figure has its interval.

Matching rules
--------------
Victims and agents are compared by their *head*: the phrase is cut before its first post-modifier (`` of ``
before a lower-case word, `` in ``, `` who ``, `` that ``, a comma not inside a number, a bracket, a dash, ...)
after leading prepositions and determiners are dropped; the head is the last remaining word, lower-cased,
without a possessive and without dots ("at least 24,285 Palestinians" -> palestinians, "in an Israeli
airstrike" -> airstrike, "the U.S." -> us). Two such phrases agree when both are missing or their heads are
equal. A speaker (and an addressee, an ``attributed_to``, a source name) is right when the predicted phrase
*names* the coded one: it has, as a word of its own and not as a possessive, the coded phrase's head or its
last word ("Rep. Trey Gowdy of South Carolina" names "Rep. Trey Gowdy"; "Her lawyer" and "Matt Lombard" both
name "Her lawyer, Matt Lombard"; "he" names only "he"); both missing also agree.

negation
    Each coded target span is asked of :func:`framing.find` with a lexicon of the coded target words (written
    to a temporary YAML file: the way a user asks about any word). The library's answer for a target is the
    ``negated`` of the match overlapping its span (any overlapping match negated -> negated). Targets with no
    overlapping match are left out and counted in the coverage. The same is reported for the bundled lexicons
    alone (the targets they match). ``negated`` true is the positive class: precision, recall, F1.
    ``hypothetical`` likewise when :func:`framing.find` gives the column.
quotes
    A coded span (between paired double marks) takes the kind of the :func:`framing.quotes` row whose content
    overlaps it most, or "none" when no row overlaps. Per kind K: precision = coded spans the library calls K
    that the coder calls K / coded spans the library calls K; recall = ... / coded spans the coder calls K.
    "Titles called direct" counts coded titles the library calls direct (should be 0). Speaker of coded direct
    quotes (all of them, a missed quote counts as wrong): as written, the ``speaker`` of
    ``framing.quotes(resolve_pronouns=False)`` against the coded ``speaker``; resolved, ``speaker_name`` when the
    library has it, else ``speaker`` of ``framing.quotes()``, against ``speaker_resolved`` or, when that is
    empty, ``speaker``.
casualties
    Library rows of :func:`framing.casualties` belong to a coded sentence when the middle of their span lies in
    it; rows with ``negated`` (and ``hypothetical`` when the library has it) are not statements. A coded
    statement and a library row are paired one-to-one when the row's span contains the coded trigger word,
    preferring rows whose victims and number also agree. Precision = paired rows / rows; recall = paired coded
    statements / coded statements. Victims, number, victim category (the coder's ``unknown``, a bare number,
    is the library's ``people``), construction and agent (the library's ``agent``, else its ``cause``: the
    codebook's agent includes cause phrases) are accuracies on the pairs; whole row = victims, number,
    construction and agent all right. ``victim_side`` / ``agent_side`` when the library gives them (a coded
    community within one country counts as no side).
attributions
    Library rows of :func:`framing.attributions` belong to a coded sentence when their cue starts in it. Each
    coded cue is located in the sentence (the k-th coded cue with the same text takes its k-th occurrence);
    coded and library cues are paired one-to-one by overlap. Asserted speech = coded cues not marked
    ``negated_or_hypothetical``; library rows flagged ``negated`` or ``hypothetical`` (when the columns exist)
    are not predictions of asserted speech. Precision = rows paired with an asserted coded cue / rows; recall
    = asserted coded cues paired / asserted coded cues. On the pairs: speaker as written
    (``resolve_pronouns=False``, where the coder gives one), speaker resolved (``speaker_name`` when present,
    else the default run's ``speaker``, against ``speaker_resolved``), stance = ``verb_category`` equals the
    coded stance (a missing category is wrong), ``addressee`` when the library gives it.
labels
    Actors are what a user would list: every coded actor mention string, spelling variants of one
    organisation grouped (ISIS / ISIL / Islamic State; al Qaeda / al-Qaeda / al-Qaida; Nusra Front /
    al-Nusra). Library rows of :func:`framing.actor_labels` (``negated`` rows dropped) are judged when their
    label lies in a coded sentence and they are tied to that sentence's coded actor. A row is correct when
    its label span overlaps a coded label of that actor (one-to-one). Precision = correct rows / judged rows;
    recall over coded labels of the categories terrorism, extremism, militancy, separatism, legitimising and
    neutral, also per coded pattern; ``attributed_to`` and category agreement on the pairs.
sources
    When ``framing.sources`` exists and ``../shared/gold/sources.jsonl`` is there: each coded source is
    located by its cue as for attributions and paired one-to-one with the ``framing.sources`` row whose cue
    (``cue_start``/``cue_end``) overlaps it; coded cues marked ``negated_or_hypothetical`` are left out (the
    table holds speech that happened). Source type, affiliation (where coded; names rule), anonymous
    (precision and recall of ``True``) and the resolved name (names rule) on the pairs, and the share of coded
    sources paired.
PolNeAR dev
    Direct-quote content: the protocol of ``polnear_quotes.py`` (exact and overlap, one-to-one). The floor
    figures compare whole quotations with whole quotations: the coded units are the quotations of every
    human Content span (the span itself when its marks enclose it as one quotation, else each quotation
    inside it: PolNeAR codes attributed content, so the marked words of ``that, “…”`` or of ``“…” to drive up
    the stock price`` are the source's direct quote, and ``“…” workers. “…”`` is two), of every Content
    argument of a relation (``Content2`` too); the same whole-quotation test is applied to coded units and
    to the library's direct quotes. The earlier scoring (only Content spans enclosed in marks, the relation's
    first Content only, the whole-quotation test on the predictions only, so that a coded partial quote
    counted as missed and a quotation inside mixed content as spurious) is printed beside it, then all
    direct quotes against the enclosed Content spans. Named-speaker accuracy (every Content argument of a
    relation read) (as the quotes
    floor defines it): every predicted direct quote (each on its own) overlapping a human Content segment
    whose Source names someone (a capitalised word that is not a pronoun or determiner) is correct when its
    speaker (``speaker_name`` when present) contains the head word of that Source (last word, possessive
    dropped). Attribution cues: the protocol of ``validate_attribution_polnear.py`` (lenient = any shared
    character, one-to-one), on the default table (acts of speech, in any voice) and on its rows outside
    quotations (PolNeAR codes no cue inside a quotation, the attributions gold codes them); then on
    ``cues="all"`` (cues of thought, stance and other acts of a source too, as PolNeAR codes them) and on its
    rows outside quotations, which is the scheme PolNeAR's annotators followed.
NewsWCL50, casualty_mentions_gaza2023
    The figures of ``validate_labels_newswcl50.py`` and ``validate_casualties_gaza2023.py``, computed by them.
    ``victim_side`` on the Gaza sentences (``opposing=("Israel", "Palestine")``, Hamas and Islamic Jihad
    declared Palestinian) follows the floors' wording: a sentence is sided when at least one asserted
    statement has a side, a third country's included ("15 French citizens were killed"). Such a sentence
    agrees with none of the hand categories: the dataset's codebook files a foreign victim under the place
    where the death occurred (Israel, Gaza, the West Bank), which ``victim_side`` does not give, so a French
    side is neither ``israel`` nor ``palestine``. The earlier definition (a sentence is sided only by Israel,
    Palestine or both) is reported beside it, without floors. Recall is given over the sided sentences and
    over all sentences of the category.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

import framing

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import (  # noqa: E402
    DATASETS, Figure, allsides_corpus, load_baseline, load_gold, ratio, results_table, save_baseline, unavailable,
    wilson, write_section,
)

ERRORS: dict[str, list[str]] = defaultdict(list)
LISTED = ("terrorism", "extremism", "militancy", "separatism", "legitimising", "neutral")
PRONOUNS = frozenset("""i me my we us our you your he him his she her it its they them their this that these
those who one someone""".split())
DETERMINERS = frozenset("the a an this that these those some any another other its their his her our".split())
_LEADING = re.compile(r"^(?:(?:in|from|by|after|at|on|to|with|according|as|during|amid|of|the|a|an|this|that|these"
                      r"|those|some|any|another|other)\s+)+", re.I)
# post-modifiers end the head phrase; "of" only before a lower-case word ("three of the wounded", but not
# "Secretary of State John Kerry")
_CUT = re.compile(r"\s(?:of(?=\s+[^A-Z\s])|in|at|on|from|who|whom|which|that|with|including|during|near|after"
                  r"|for|to|by)\s|,(?!\d)|[(\[—–;:]|\s-\s")
_WORD = re.compile(r"[\w][\w'’.&-]*")
# a person's name, then where they come from: "of" after a given name and a surname ("Elijah Cummings of
# Maryland"), not after an office or a body ("Secretary of State", "Department of Defense", "Bank of America")
_HOME = re.compile(r"\b[A-Z][a-z]{1,15} (?!(?:Department|Ministry|University|Institute|Council|Committee|Bank"
                   r"|Board|Office|Bureau|Center|Centre|School|College|Church|Court|House|Secretary|Minister|Director"
                   r"|Chief|President|Governor|Mayor|Attorney|Head|Members|Friends)\b)[A-Z][a-z'’\-]{1,20}( of )(?=[A-Z])")


def missing(v) -> bool:
    return v is None or (not isinstance(v, str) and pd.isna(v))


def head(phrase) -> str | None:
    """Head word of a phrase (see the module documentation); None for a missing or empty phrase."""
    if missing(phrase):
        return None
    rest = str(phrase).strip()
    lead = _LEADING.match(rest)
    if lead and lead.end() < len(rest):
        rest = rest[lead.end():]
    home = _HOME.search(rest)
    if home:
        rest = rest[:home.start(1)]  # "Gov. Earl Ray Tomblin of West Virginia": the person, not the state
    cut = _CUT.search(" " + rest + " ")
    if cut and cut.start() > 0:
        rest = (" " + rest)[:cut.start()]
    words = _WORD.findall(rest)
    if not words:
        return None
    w = words[-1].lower().replace(".", "")
    return re.sub(r"(?:’s|'s|’|')$", "", w) or None


def same(gold, pred) -> bool:
    """Two phrases agree: both missing, or the same head."""
    if missing(gold) or missing(pred):
        return missing(gold) and missing(pred)
    return head(gold) == head(pred)


def _last_word(phrase: str) -> str | None:
    words = _WORD.findall(phrase)
    return re.sub(r"(?:’s|'s|’|')$", "", words[-1].lower().replace(".", "")) if words else None


def names(gold, pred) -> bool:
    """A predicted speaker names the coded one: both missing, or the predicted phrase has, as a word of its
    own (not a possessive), the coded phrase's head or its last word ("Sen. Rubio" names "Marco Rubio";
    "Her lawyer" and "Matt Lombard" both name "Her lawyer, Matt Lombard")."""
    if missing(gold) or missing(pred):
        return missing(gold) and missing(pred)
    want = {head(gold), _last_word(str(gold))} - {None}
    got = {w.lower().replace(".", "") for w in _WORD.findall(str(pred)) if not re.search(r"(?:’s|'s)$", w)}
    return bool(want & got)


def error(measure: str, item: str, what: str, text: str = "", a: int = 0, b: int = 0) -> None:
    snippet = repr(text[max(0, a - 70):b + 50]) if text else ""
    ERRORS[measure].append(f"[{item}] {what}  {snippet}")


def flag(table: pd.DataFrame, column: str) -> pd.Series:
    """A boolean column when the table has it, else all False."""
    if column in table.columns:
        return table[column].fillna(False).astype(bool)
    return pd.Series(False, index=table.index)


def spans_overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def locate_all(sentence: str, offset: int, phrases: list[str]) -> list[tuple[int, int] | None]:
    """Offsets of each phrase in the sentence; the k-th repeat of one phrase takes its k-th occurrence."""
    seen: Counter = Counter()
    out = []
    for p in phrases:
        if missing(p) or not str(p).strip():
            out.append(None)
            continue
        pat = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in str(p).split()) + r"(?!\w)"
        hits = list(re.finditer(pat, sentence, re.I))
        k = seen[p.lower()]
        seen[p.lower()] += 1
        out.append((offset + hits[k].start(), offset + hits[k].end()) if k < len(hits) else None)
    return out


def in_sentence(table: pd.DataFrame, item: dict, *, by: str = "start") -> pd.DataFrame:
    """Rows of one document whose ``by`` position (or span middle, by="middle") lies in the item's sentence."""
    rows = table[table["doc_id"] == item["doc_id"]]
    pos = (rows["start"] + rows["end"]) // 2 if by == "middle" else rows[by]
    return rows[(pos >= item["sent_start"]) & (pos < item["sent_end"])]


def prf(ds: str, name: str, tp, fp, fn, *, floors=("", "", ""), note: str = "") -> list[Figure]:
    """Precision, recall and F1 figures from per-article counts."""
    tp, fp, fn = (pd.Series(x, dtype=float) for x in (tp, fp, fn))
    idx = tp.index.union(fp.index).union(fn.index)
    tp, fp, fn = (x.reindex(idx, fill_value=0.0) for x in (tp, fp, fn))
    return [
        ratio(ds, f"{name} precision", tp, tp + fp, floor=floors[0], note=note),
        ratio(ds, f"{name} recall", tp, tp + fn, floor=floors[1], note=note),
        ratio(ds, f"{name} F1", 2 * tp, 2 * tp + fp + fn, floor=floors[2], note=note, proportion=False),
    ]


# =========================================================================== gold: negation

def negation(items: list[dict]) -> list[Figure]:
    ds = "gold negation"
    corpus = allsides_corpus(d["doc_id"] for d in items)
    terms = sorted({d["target"].lower() for d in items})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "coded_targets.yaml"
        path.write_text(yaml.safe_dump({"name": "coded_targets", "version": "1",
                                        "categories": {"target": {"terms": terms}}}), encoding="utf-8")
        asked = framing.find(corpus, [path])
    bundled = framing.find(corpus)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    figs: list[Figure] = []
    for label, found in (("coded targets asked via find", asked), ("targets the bundled lexicons match", bundled)):
        by_doc = {k: g for k, g in found.groupby("doc_id", sort=False, observed=True)}
        has_hyp = "hypothetical" in found.columns
        counts = {k: defaultdict(Counter) for k in ("neg", "hyp")}
        covered = Counter()
        for d in items:
            rows = by_doc.get(d["doc_id"])
            if rows is not None:
                rows = rows[(rows["start"] < d["target_end"]) & (rows["end"] > d["target_start"])]
            if rows is None or not len(rows):
                if label.startswith("coded"):
                    error("negation: target not matched", d["item"], f"target {d['target']!r}",
                          texts[d["doc_id"]], d["target_start"], d["target_end"])
                continue
            covered[d["doc_id"]] += 1
            for key, col, gold in (("neg", "negated", d["negated"]), ("hyp", "hypothetical", d["hypothetical"])):
                if col not in rows.columns:
                    continue
                pred = bool(rows[col].astype(bool).any())
                c = counts[key][d["doc_id"]]
                c["tp"] += pred and gold
                c["fp"] += pred and not gold
                c["fn"] += gold and not pred
                if pred != gold and label.startswith("coded"):
                    error(f"negation: {col}", d["item"],
                          f"{d['target']!r} gold {gold} library {pred}; cue {d.get('cue')!r}",
                          texts[d["doc_id"]], d["target_start"], d["target_end"])
        n_all = Counter(d["doc_id"] for d in items)
        figs.append(ratio(ds, f"coverage: {label}", covered, n_all))
        tag = "" if label.startswith("coded") else " (bundled matches)"
        for key, col, floors in (("neg", "negated", (">= 0.85", ">= 0.80", "")), ("hyp", "hypothetical", ("", "", ""))):
            if col == "hypothetical" and not has_hyp:
                figs += [unavailable(ds, f"{col}{tag} {m}", "find gives no hypothetical column")
                         for m in ("precision", "recall", "F1")]
                continue
            c = counts[key]
            figs += prf(ds, f"{col}{tag}", {k: v["tp"] for k, v in c.items()}, {k: v["fp"] for k, v in c.items()},
                        {k: v["fn"] for k, v in c.items()}, floors=floors if not tag else ("", "", ""))
    return figs


# =========================================================================== gold: quotes

def quotes_gold(items: list[dict]) -> list[Figure]:
    ds = "gold quotes"
    corpus = allsides_corpus(d["doc_id"] for d in items)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    written = framing.quotes(corpus, resolve_pronouns=False)
    resolved = framing.quotes(corpus)
    kinds_given = set(written["kind"].astype(str))
    has_name = "speaker_name" in resolved.columns
    w_by = {k: g for k, g in written.groupby("doc_id", sort=False)}
    r_by = {k: g for k, g in resolved.groupby("doc_id", sort=False)}

    def best(by: dict, d: dict):
        rows = by.get(d["doc_id"])
        if rows is None:
            return None
        ov = np.minimum(rows["end"], d["quote_end"]) - np.maximum(rows["start"], d["quote_start"])
        if not (ov > 0).any():
            return None
        return rows.loc[ov.idxmax()]

    gold_k, pred_k, tp_k = (defaultdict(Counter) for _ in range(3))
    title_direct, n_title = Counter(), Counter()
    spk = {"written": Counter(), "resolved": Counter()}
    n_direct = Counter()
    for d in items:
        doc = d["doc_id"]
        row = best(w_by, d)
        kind = str(row["kind"]) if row is not None else "none"
        gold_k[d["kind"]][doc] += 1
        pred_k[kind][doc] += 1
        if kind == d["kind"]:
            tp_k[kind][doc] += 1
        elif d["kind"] in ("direct", "scare", "title") or kind in ("direct", "scare", "title"):
            error(f"quotes: kind ({d['kind']} -> {kind})", d["item"], f"gold {d['kind']} library {kind}",
                  texts[doc], d["quote_start"] - 1, d["quote_end"] + 1)
        if d["kind"] == "title":
            n_title[doc] += 1
            title_direct[doc] += kind == "direct"
        if d["kind"] != "direct":
            continue
        n_direct[doc] += 1
        got_w = row["speaker"] if row is not None else None
        ok = not missing(d["speaker"]) and names(d["speaker"], got_w)
        spk["written"][doc] += ok
        if not ok:
            error("quotes: speaker as written", d["item"],
                  f"gold {d['speaker']!r} ({d['speaker_distance']}) library {got_w!r}",
                  texts[doc], d["quote_start"] - 1, d["quote_end"] + 1)
        rrow = best(r_by, d)
        got_r = None if rrow is None else rrow["speaker_name" if has_name else "speaker"]
        want = d["speaker_resolved"] if not missing(d["speaker_resolved"]) else d["speaker"]
        ok = names(want, got_r) and not missing(want)
        spk["resolved"][doc] += ok
        if not ok:
            error("quotes: speaker resolved", d["item"], f"gold {want!r} library {got_r!r}",
                  texts[doc], d["quote_start"] - 1, d["quote_end"] + 1)
    figs = []
    floors = {"direct": (">= 0.95", ">= 0.95"), "scare": (">= 0.85", ">= 0.75"), "title": ("", "")}
    for kind in ("direct", "scare", "title"):
        if kind not in kinds_given:
            figs += [unavailable(ds, f"{kind} {m}", f"quotes gives no kind {kind!r}", floors[kind][i])
                     for i, m in enumerate(("precision", "recall"))]
            continue
        figs.append(ratio(ds, f"{kind} precision", tp_k[kind], pred_k[kind], floor=floors[kind][0]))
        figs.append(ratio(ds, f"{kind} recall", tp_k[kind], gold_k[kind], floor=floors[kind][1]))
    figs.append(ratio(ds, "coded titles called direct (k = their count)", title_direct, n_title, floor="0"))
    n_items = Counter(d["doc_id"] for d in items)
    figs.append(ratio(ds, "coded spans the library finds as a quote of any kind",
                      {k: n - pred_k["none"][k] for k, n in n_items.items()}, n_items))
    figs.append(ratio(ds, "speaker of coded direct quotes, as written", spk["written"], n_direct, floor=">= 0.90"))
    figs.append(ratio(ds, "speaker of coded direct quotes, resolved", spk["resolved"], n_direct,
                      note="speaker_name" if has_name else "speaker, resolve_pronouns=True; no speaker_name"))
    return figs


# =========================================================================== gold: casualties

_COMMUNITY = re.compile(r"\b(?:americans|communit)", re.I)


def _side(v):
    return None if missing(v) or _COMMUNITY.search(str(v)) else str(v).lower()


def casualties_gold(items: list[dict]) -> list[Figure]:
    ds = "gold casualties"
    corpus = allsides_corpus(d["doc_id"] for d in items)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    table = framing.casualties(corpus)
    table = table[~flag(table, "negated") & ~flag(table, "hypothetical")]
    sides = [c for c in ("victim_side", "agent_side") if c in table.columns]
    fields = ("victims", "number", "victim_category", "construction", "agent")
    n_pred, n_gold, tp = Counter(), Counter(), Counter()
    acc = {f: Counter() for f in fields + ("whole row",) + tuple(sides)}
    n_side = {s: Counter() for s in sides}
    for d in items:
        doc, text = d["doc_id"], texts[d["doc_id"]]
        rows = in_sentence(table, d, by="middle")
        n_pred[doc] += len(rows)
        n_gold[doc] += len(d["statements"])
        cands = []
        for gi, st in enumerate(d["statements"]):
            pat = re.compile(r"(?<!\w)" + re.escape(st["trigger"]) + r"(?!\w)", re.I)
            for ri, r in enumerate(rows.itertuples(index=False)):
                if pat.search(text, r.start, r.end):
                    agree = same(st["victims"], r.victims) + (_num(r.number) == st["number"])
                    cands.append((-agree, abs(r.start - d["sent_start"]), gi, ri))
        cands.sort()
        pairs, used_g, used_r = [], set(), set()
        for _, _, gi, ri in cands:
            if gi not in used_g and ri not in used_r:
                used_g.add(gi)
                used_r.add(ri)
                pairs.append((gi, ri))
        tp[doc] += len(pairs)
        recs = list(rows.itertuples(index=False))
        for gi, st in enumerate(d["statements"]):
            if gi not in used_g:
                error("casualties: statement missed", d["item"], f"trigger {st['trigger']!r} victims {st['victims']!r}",
                      text, d["sent_start"], d["sent_start"] + 60)
        for ri, r in enumerate(recs):
            if ri not in used_r:
                error("casualties: spurious statement", d["item"], f"library victims {r.victims!r} agent {r.agent!r} "
                      f"construction {r.construction}", text, r.start, r.end)
        for gi, ri in pairs:
            st, r = d["statements"][gi], recs[ri]
            agent = r.agent if not missing(r.agent) else r.cause
            ok = {
                "victims": same(st["victims"], r.victims),
                "number": _num(r.number) == st["number"],
                "victim_category": _category(st) == (None if missing(r.victim_category) else r.victim_category),
                "construction": st["construction"] == r.construction,
                "agent": same(st["agent"], agent),
            }
            ok["whole row"] = all(v for f, v in ok.items() if f != "victim_category")
            for f, good in ok.items():
                acc[f][doc] += good
                if not good and f != "whole row":
                    gold_v = st[f] if f != "victim_category" else _category(st)
                    got = {"victims": r.victims, "number": _num(r.number), "victim_category": r.victim_category,
                           "construction": r.construction, "agent": agent}[f]
                    error(f"casualties: {f}", d["item"], f"trigger {st['trigger']!r}: gold {gold_v!r} library {got!r}",
                          text, r.start, r.end)
            for s in sides:
                want, got = _side(st[s]), _side(getattr(r, s))
                n_side[s][doc] += 1
                acc[s][doc] += want == got
                if want != got:
                    error(f"casualties: {s}", d["item"], f"victims {r.victims!r} agent {r.agent!r}: gold {st[s]!r} "
                          f"library {getattr(r, s)!r}", text, d["sent_start"], d["sent_end"])
    figs = [ratio(ds, "statement precision", tp, n_pred, floor=">= 0.90"),
            ratio(ds, "statement recall", tp, n_gold, floor=">= 0.90")]
    floors = {"victims": ">= 0.85", "number": ">= 0.95", "construction": ">= 0.90", "agent": ">= 0.85",
              "whole row": ">= 0.70"}
    for f in fields + ("whole row",):
        note = "victims, number, construction and agent right" if f == "whole row" else ""
        figs.append(ratio(ds, f"{f} (on paired statements)", acc[f], tp, floor=floors.get(f, ""), note=note))
    for s in ("victim_side", "agent_side"):
        if s in sides:
            figs.append(ratio(ds, f"{s} (on paired statements)", acc[s], n_side[s]))
        else:
            figs.append(unavailable(ds, f"{s} (on paired statements)", f"casualties gives no {s} column"))
    return figs


def _category(st: dict) -> str | None:
    """The coded victim category in the library's terms: none without victims; ``unknown`` (a bare number)
    is the library's ``people`` (its category when the phrase names no group)."""
    if st["victims"] is None:
        return None
    return "people" if st["victim_category"] == "unknown" else st["victim_category"]


def _num(v):
    return None if missing(v) else int(v)


# =========================================================================== gold: attributions

def _locate_cues(d: dict) -> list[tuple[int, int] | None]:
    return locate_all(d["sentence"], d["sent_start"], [a["cue"] for a in d["attributions"]])


def _pair_by_overlap(gold_spans: list[tuple[int, int] | None], rows: pd.DataFrame,
                     start: str = "start", end: str = "end") -> dict[int, int]:
    """One-to-one pairs gold index -> row position, largest overlap first."""
    cands = []
    for gi, g in enumerate(gold_spans):
        if g is None:
            continue
        for ri, (a, b) in enumerate(zip(rows[start], rows[end])):
            ov = spans_overlap(int(a), int(b), *g)
            if ov:
                cands.append((-ov, gi, ri))
    cands.sort()
    out, used = {}, set()
    for _, gi, ri in cands:
        if gi not in out and ri not in used:
            out[gi] = ri
            used.add(ri)
    return out


def attributions_gold(items: list[dict]) -> list[Figure]:
    ds = "gold attributions"
    corpus = allsides_corpus(d["doc_id"] for d in items)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    written = framing.attributions(corpus, resolve_pronouns=False)
    resolved = framing.attributions(corpus)
    has_name = "speaker_name" in resolved.columns
    has_addr = "addressee" in resolved.columns
    r_index = {(r.doc_id, r.start, r.end): r for r in resolved.itertuples(index=False)}
    keep = ~flag(written, "negated") & ~flag(written, "hypothetical")
    n_pred, tp_pred, n_gold, tp_gold = Counter(), Counter(), Counter(), Counter()
    acc = {k: Counter() for k in ("written", "resolved", "stance", "addressee")}
    den = {k: Counter() for k in acc}
    for d in items:
        doc, text = d["doc_id"], texts[d["doc_id"]]
        rows = in_sentence(written, d)
        flagged = ~keep.loc[rows.index]
        pairs = _pair_by_overlap(_locate_cues(d), rows)
        rev = {ri: gi for gi, ri in pairs.items()}
        for ri, (idx, r) in enumerate(rows.iterrows()):
            if flagged.loc[idx]:
                continue
            n_pred[doc] += 1
            gi = rev.get(ri)
            good = gi is not None and not d["attributions"][gi]["negated_or_hypothetical"]
            tp_pred[doc] += good
            if not good:
                error("attributions: spurious cue", d["item"], f"library cue {r['verb']!r} speaker {r['speaker']!r}"
                      + (" (coded as not asserted)" if gi is not None else ""), text, r["start"], r["end"])
        for gi, a in enumerate(d["attributions"]):
            if a["negated_or_hypothetical"]:
                continue
            n_gold[doc] += 1
            ri = pairs.get(gi)
            if ri is None or flagged.iloc[ri]:
                error("attributions: cue missed", d["item"], f"cue {a['cue']!r} speaker {a['speaker']!r}",
                      text, d["sent_start"], d["sent_start"] + 40)
                continue
            tp_gold[doc] += 1
            r = rows.iloc[ri]
            if not missing(a["speaker"]):
                den["written"][doc] += 1
                ok = names(a["speaker"], r["speaker"])
                acc["written"][doc] += ok
                if not ok:
                    error("attributions: speaker as written", d["item"],
                          f"cue {a['cue']!r}: gold {a['speaker']!r} library {r['speaker']!r}",
                          text, r["start"], r["end"])
            want = a["speaker_resolved"] if not missing(a["speaker_resolved"]) else a["speaker"]
            if not missing(want):
                rr = r_index.get((doc, r["start"], r["end"]))
                got = None if rr is None else getattr(rr, "speaker_name" if has_name else "speaker")
                den["resolved"][doc] += 1
                ok = names(want, got)
                acc["resolved"][doc] += ok
                if not ok:
                    error("attributions: speaker resolved", d["item"],
                          f"cue {a['cue']!r}: gold {want!r} library {got!r}", text, r["start"], r["end"])
            den["stance"][doc] += 1
            vc = None if missing(r["verb_category"]) else str(r["verb_category"])
            acc["stance"][doc] += vc == a["stance"]
            if vc != a["stance"]:
                error("attributions: stance", d["item"], f"cue {a['cue']!r}: gold {a['stance']} library {vc}",
                      text, r["start"], r["end"])
            if has_addr:
                den["addressee"][doc] += 1
                acc["addressee"][doc] += names(a["addressee"], r["addressee"])
    figs = [ratio(ds, "cue precision (asserted speech)", tp_pred, n_pred, floor=">= 0.90"),
            ratio(ds, "cue recall (asserted speech)", tp_gold, n_gold, floor=">= 0.85"),
            ratio(ds, "speaker as written (paired cues)", acc["written"], den["written"], floor=">= 0.90"),
            ratio(ds, "speaker resolved (paired cues)", acc["resolved"], den["resolved"],
                  note="speaker_name" if has_name else "speaker, resolve_pronouns=True; no speaker_name"),
            ratio(ds, "stance = verb_category (paired cues)", acc["stance"], den["stance"], floor=">= 0.90")]
    if has_addr:
        figs.append(ratio(ds, "addressee (paired cues)", acc["addressee"], den["addressee"]))
    else:
        figs.append(unavailable(ds, "addressee (paired cues)", "attributions gives no addressee column"))
    return figs


# =========================================================================== gold: labels

_VARIANTS = {
    "Islamic State": re.compile(r"^(?:the )?(?:islamic state|isis|isil|daesh)$", re.I),
    "al-Qaeda": re.compile(r"^al[- ]qa[e']?ida$", re.I),
    "Nusra Front": re.compile(r"^(?:(?:al[- ])?nusra(?: front)?|jabhat al[- ]nusra)$", re.I),
}


def _actor_key(mention: str) -> str:
    return next((k for k, p in _VARIANTS.items() if p.match(mention.strip())), mention.strip())


def labels_gold(items: list[dict]) -> list[Figure]:
    ds = "gold labels"
    corpus = allsides_corpus(d["doc_id"] for d in items)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    actors: dict[str, list[str]] = defaultdict(list)
    for d in items:
        key = _actor_key(d["actor_mention"])
        if d["actor_mention"] not in actors[key]:
            actors[key].append(d["actor_mention"])
    table = framing.actor_labels(corpus, dict(actors))
    table = table[~flag(table, "negated")]
    # one unit per (article, sentence, actor): the coder lists every label the sentence gives the actor
    units: dict[tuple, dict] = {}
    for d in items:
        key = (d["doc_id"], d["sent_start"], _actor_key(d["actor_mention"]))
        u = units.setdefault(key, {**d, "actor": key[2], "labels": []})
        for lb in d["labels"]:
            if (lb["start"], lb["end"]) not in {(x["start"], x["end"]) for x in u["labels"]}:
                u["labels"].append(lb)
    n_pred, tp_pred, n_gold, tp_gold = Counter(), Counter(), Counter(), Counter()
    att, cat, n_pair = Counter(), Counter(), Counter()
    pat_n, pat_k = Counter(), Counter()
    for u in units.values():
        doc, text = u["doc_id"], texts[u["doc_id"]]
        rows = in_sentence(table, u)
        rows = rows[rows["actor"] == u["actor"]]
        pairs = _pair_by_overlap([(lb["start"], lb["end"]) for lb in u["labels"]], rows)
        rev = {ri: gi for gi, ri in pairs.items()}
        n_pred[doc] += len(rows)
        tp_pred[doc] += len(pairs)
        for ri, r in enumerate(rows.itertuples(index=False)):
            if ri not in rev:
                error("labels: spurious label", u["item"], f"{r.actor}: {r.label!r} ({r.label_category}, {r.pattern})",
                      text, r.start, r.end)
        for gi, lb in enumerate(u["labels"]):
            if lb["category"] not in LISTED:
                continue
            n_gold[doc] += 1
            pat_n[lb["pattern"]] += 1
            ri = pairs.get(gi)
            if ri is None:
                error("labels: missed", u["item"], f"{u['actor']}: {lb['label']!r} ({lb['category']}, {lb['pattern']})",
                      text, lb["start"], lb["end"])
                continue
            tp_gold[doc] += 1
            pat_k[lb["pattern"]] += 1
            r = rows.iloc[ri]
            n_pair[doc] += 1
            ok = names(lb["attributed_to"], r["attributed_to"])
            att[doc] += ok
            if not ok:
                error("labels: attributed_to", u["item"], f"{lb['label']!r}: gold {lb['attributed_to']!r} "
                      f"library {r['attributed_to']!r}", text, lb["start"], lb["end"])
            cat[doc] += r["label_category"] == lb["category"]
    figs = [ratio(ds, "label precision (rows tied to the coded actor)", tp_pred, n_pred, floor=">= 0.90"),
            ratio(ds, "label recall (" + ", ".join(LISTED) + ")", tp_gold, n_gold, floor=">= 0.80"),
            ratio(ds, "attributed_to (paired labels)", att, n_pair, floor=">= 0.90"),
            ratio(ds, "category (paired labels)", cat, n_pair)]
    for p in sorted(pat_n):
        figs.append(Figure(ds, f"recall, pattern {p}", pat_k[p] / pat_n[p], *wilson(pat_k[p], pat_n[p]),
                           pat_k[p], pat_n[p], "Wilson"))
    return figs


# =========================================================================== gold: sources

def sources_gold(items: list[dict] | None) -> list[Figure]:
    ds = "gold sources"
    measures = ("source type", "affiliation (where coded)", "anonymous precision", "anonymous recall",
             "source name (head)", "coded sources found")
    floors = (">= 0.85", ">= 0.85", ">= 0.90", ">= 0.90", "", "")
    if items is None:
        return [unavailable(ds, n, "no ../shared/gold/sources.jsonl", f) for n, f in zip(measures, floors)]
    if not hasattr(framing, "sources"):
        return [unavailable(ds, n, "no framing.sources", f) for n, f in zip(measures, floors)]
    corpus = allsides_corpus(d["doc_id"] for d in items)
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    # the AllSides outlets are American: officials the text gives no country are American (``home``)
    table = framing.sources(corpus, home="United States")
    n, found = Counter(), Counter()
    c = {k: Counter() for k in ("type", "aff", "aff_n", "name", "an_tp", "an_fp", "an_fn")}
    for d in items:
        doc = d["doc_id"]
        rows = in_sentence(table, d, by="cue_start")
        pairs = _pair_by_overlap(_locate_cues(d), rows, start="cue_start", end="cue_end")
        for gi, a in enumerate(d["attributions"]):
            if a["negated_or_hypothetical"]:
                continue
            n[doc] += 1
            ri = pairs.get(gi)
            if ri is None:
                error("sources: not found", d["item"], f"cue {a['cue']!r} source {a['source_name']!r}",
                      texts[doc], d["sent_start"], d["sent_start"] + 40)
                continue
            hit = rows.iloc[ri]
            found[doc] += 1
            ok = str(hit["source_type"]) == a["source_type"]
            c["type"][doc] += ok
            if not ok:
                error("sources: type", d["item"], f"{a['source_name'] or a['speaker']!r}: gold {a['source_type']} "
                      f"library {hit['source_type']} ({hit['source_mention']!r} -> {hit['source']!r})",
                      texts[doc], int(hit["cue_start"]), int(hit["cue_end"]))
            if not missing(a["affiliation"]):
                c["aff_n"][doc] += 1
                ok = names(a["affiliation"], None if missing(hit["affiliation"]) else hit["affiliation"])
                c["aff"][doc] += ok
                if not ok:
                    error("sources: affiliation", d["item"], f"{a['source_name'] or a['speaker']!r}: gold "
                          f"{a['affiliation']} library {hit['affiliation']} ({hit['source_mention']!r})",
                          texts[doc], int(hit["cue_start"]), int(hit["cue_end"]))
            c["name"][doc] += names(a["source_name"], None if missing(hit["source"]) else hit["source"])
            pred_an, gold_an = bool(hit["anonymous"]), bool(a["anonymous"])
            c["an_tp"][doc] += pred_an and gold_an
            c["an_fp"][doc] += pred_an and not gold_an
            c["an_fn"][doc] += gold_an and not pred_an
            if pred_an != gold_an:
                error("sources: anonymous", d["item"], f"{a['speaker']!r}: gold {gold_an} library {pred_an} "
                      f"({hit['source_mention']!r})", texts[doc], int(hit["cue_start"]), int(hit["cue_end"]))
    tp, fp, fn = c["an_tp"], c["an_fp"], c["an_fn"]
    return [ratio(ds, measures[0], c["type"], found, floor=floors[0]),
            ratio(ds, measures[1], c["aff"], c["aff_n"], floor=floors[1]),
            ratio(ds, measures[2], tp, Counter(tp) + Counter(fp), floor=floors[2]),
            ratio(ds, measures[3], tp, Counter(tp) + Counter(fn), floor=floors[3]),
            ratio(ds, measures[4], c["name"], found),
            ratio(ds, measures[5], found, n)]


# =========================================================================== PolNeAR dev

def polnear() -> list[Figure]:
    import polnear_quotes as pq
    import validate_attribution_polnear as va

    ds = "PolNeAR dev"
    data = DATASETS / "polnear" / "dev"
    if not data.is_dir():
        return [unavailable(ds, "every figure", f"{data} not found")]
    docs = pq.load(data)
    corpus = pd.DataFrame({"doc_id": [d["name"] for d in docs], "outlet": [d["name"].split("_")[0] for d in docs],
                           "text": [d["text"] for d in docs]})
    qt = framing.quotes(corpus)
    has_name = "speaker_name" in qt.columns
    sents = framing.sentences(corpus)
    starts = {k: g["start"].tolist() for k, g in sents.groupby("doc_id", sort=False)}
    q_by = {k: g for k, g in qt[qt["kind"] == "direct"].groupby("doc_id", sort=False)}
    c = {k: Counter() for k in ("gold", "full_n", "full_x", "full_o", "all_n", "all_x", "all_o", "all_in",
                                "spk_n", "spk_ok", "q_gold", "q_n", "q_x", "q_o")}
    for doc in docs:
        name, text = doc["name"], doc["text"]
        rows = q_by.get(name, qt.iloc[0:0])
        preds = [_Quote(text, r) for r in rows.itertuples(index=False)]
        full = [q for q in preds if pq.full_quotation(text, q, starts.get(name, [0]))]
        gold = [g for g, _ in doc["gold"]]
        c["gold"][name] += len(gold)
        # quotation units: the same whole-quotation test on both sides
        units = [(u.start, u.end) for u, _ in doc["quoted"] if pq.full_quotation(text, u, starts.get(name, [0]))]
        pred = [pq.norm(text, q.start, q.end) for q in full]
        c["q_gold"][name] += len(units)
        c["q_n"][name] += len(pred)
        hit = pq.match(pred, units, True)
        c["q_x"][name] += len(hit)
        c["q_o"][name] += len(pq.match(pred, units, False))
        for i, p in enumerate(pred):
            if i not in hit:
                error("PolNeAR: whole quotation, not coded", name, "", text, *p)
        for j in set(range(len(units))) - set(hit.values()):
            error("PolNeAR: whole quotation, missed", name, "", text, *units[j])
        for label, chosen in (("full", full), ("all", preds)):
            pred = [pq.norm(text, q.start, q.end) for q in chosen]
            c[f"{label}_n"][name] += len(pred)
            c[f"{label}_x"][name] += len(pq.match(pred, gold, True))
            m = pq.match(pred, gold, False)
            c[f"{label}_o"][name] += len(m)
            if label == "all":
                c["all_in"][name] += sum(1 for i, p in enumerate(pred) if i not in m
                                         and any(a <= p[0] and p[1] <= b for a, b in doc["mixed"]))
        # named-speaker accuracy: each predicted direct quote against the Content segment it overlaps most
        for q, (qa, qb) in zip(preds, (pq.norm(text, q.start, q.end) for q in preds)):
            best, best_ov = None, 0
            for seg, src in _polnear_contents(doc):
                ov = spans_overlap(qa, qb, *seg)
                if ov > best_ov:
                    best, best_ov = src, ov
            if best is None or not _named(text[best[0]:best[1]]):
                continue
            c["spk_n"][name] += 1
            got = q.row.speaker_name if has_name else q.row.speaker
            ok = not missing(got) and names(text[best[0]:best[1]], got)
            c["spk_ok"][name] += ok
            if not ok:
                error("PolNeAR: named speaker", name, f"gold source {text[best[0]:best[1]]!r} library {got!r}",
                      text, q.start, q.end)
    figs = [
        ratio(ds, "direct-quote content, whole quotations, exact precision", c["q_x"], c["q_n"], floor=">= 0.96"),
        ratio(ds, "direct-quote content, whole quotations, exact recall", c["q_x"], c["q_gold"], floor=">= 0.96"),
        ratio(ds, "direct-quote content, whole quotations, overlap precision", c["q_o"], c["q_n"]),
        ratio(ds, "direct-quote content, whole quotations, overlap recall", c["q_o"], c["q_gold"]),
        ratio(ds, "earlier scoring (enclosed Content; whole-quotation test on predictions only), exact precision",
              c["full_x"], c["full_n"]),
        ratio(ds, "earlier scoring (enclosed Content; whole-quotation test on predictions only), exact recall",
              c["full_x"], c["gold"]),
        ratio(ds, "direct-quote content, all direct, exact precision", c["all_x"], c["all_n"]),
        ratio(ds, "direct-quote content, all direct, exact recall", c["all_x"], c["gold"]),
        ratio(ds, "direct-quote content, all direct, overlap precision", c["all_o"], c["all_n"]),
        ratio(ds, "direct-quote content, all direct, overlap recall", c["all_o"], c["gold"]),
        ratio(ds, "all direct, overlap precision counting partial quotes inside Content",
              Counter(c["all_o"]) + Counter(c["all_in"]), c["all_n"]),
        ratio(ds, "named-speaker accuracy (each predicted direct quote)", c["spk_ok"], c["spk_n"], floor=">= 0.90",
              note="speaker_name" if has_name else "speaker, resolve_pronouns=True"),
    ]
    # attribution cues: the protocol and code of validate_attribution_polnear.py
    a_corpus, gold = va.load()
    texts = dict(zip(a_corpus["doc_id"], a_corpus["text"]))
    pred = framing.attributions(a_corpus, resolve_pronouns=False)
    res = va.evaluate(pred, gold, texts, set())
    docs_p = pred["doc_id"].tolist()
    n_p, n_g, k = Counter(docs_p), Counter(g["doc_id"] for g in gold), Counter()
    for p, _ in res["_pairs"]:
        k[docs_p[p]] += 1
    for d in texts:
        n_p[d] += 0
        n_g[d] += 0
    figs.append(ratio(ds, "attribution cue recall, lenient overlap", k, n_g, floor=">= 0.70"))
    figs.append(ratio(ds, "attribution cue precision, lenient overlap", k, n_p, floor=">= 0.85"))
    # the same protocol on the rows PolNeAR's coding scheme covers: it codes no cue inside a quotation (so the
    # rows whose voice is "quote" are left out) and cues of thought, stance and other acts of a source (believe,
    # expect, seem, want, issued), so cues="all" without those rows is the scheme PolNeAR's annotators followed
    every = framing.attributions(a_corpus, resolve_pronouns=False, cues="all")
    for label, rows in (("outside quotations", pred[pred["voice"] != "quote"].reset_index(drop=True)),
                        ('cues="all"', every),
                        ('cues="all", outside quotations', every[every["voice"] != "quote"].reset_index(drop=True))):
        res = va.evaluate(rows, gold, texts, set())
        docs_p = rows["doc_id"].tolist()
        n_p, k = Counter(docs_p), Counter()
        for p, _ in res["_pairs"]:
            k[docs_p[p]] += 1
        for d in texts:
            n_p[d] += 0
        figs.append(ratio(ds, f"attribution cue recall, lenient overlap, {label}", k, n_g))
        figs.append(ratio(ds, f"attribution cue precision, lenient overlap, {label}", k, n_p))
    return figs


class _Quote:
    """A quotes-table row with the opening mark's offset, as ``polnear_quotes.full_quotation`` reads it."""

    def __init__(self, text: str, row) -> None:
        self.row = row
        self.start, self.end = int(row.start), int(row.end)
        o = self.start - 1
        while o > 0 and text[o].isspace():
            o -= 1  # “ … the words: the content starts after the space
        if o > 0 and text[o] in "'`" and text[o - 1] == text[o]:
            o -= 1
        self.open_start = o


_CONTENTS: dict[str, list] = {}


def _polnear_contents(doc: dict) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Every human Content segment of the article with its relation's Source span."""
    import polnear_quotes as pq

    if doc["name"] not in _CONTENTS:
        ann = sorted((DATASETS / "polnear" / "dev" / "attributions").glob(doc["name"] + "_*.ann"))[0]
        spans, relations = pq.read_ann(ann)
        out = []
        for rel in relations:
            src = spans.get(rel.get("Source", ""))
            src_span = (min(a for a, _ in src[1]), max(b for _, b in src[1])) if src else None
            for role in (r for r in rel if pq.CONTENT_ROLE.fullmatch(r)):  # Content, Content2, ...
                content = spans.get(rel[role])
                if content is not None:
                    out += [(seg, src_span) for seg in pq.merge_segments(doc["text"], content[1])]
        _CONTENTS[doc["name"]] = out
    return _CONTENTS[doc["name"]]


def _named(source: str) -> bool:
    words = re.findall(r"[\w’'.-]+", source)
    return any(w[:1].isupper() and w.lower().strip("’'") not in PRONOUNS | DETERMINERS for w in words)


# =========================================================================== NewsWCL50 and gaza2023

def newswcl50() -> list[Figure]:
    import validate_labels_newswcl50 as vn
    from framing.lexicon import lexicon_from_dict

    ds = "NewsWCL50"
    if not vn.DATA.is_dir():
        return [unavailable(ds, "every figure", f"{vn.DATA} not found")]
    corpus, mentions, _ = vn.load()
    desc_words = {w for c in vn.DESCRIPTORS["categories"].values() for t in c["terms"] for w in t.split()}
    bundled = framing.load_lexicon("actor_labels")
    bundled_words = {w.lower() for c in bundled.categories.values() for t in c.terms for w in t.text.split()}
    figs = []
    for name, lexicon, words in (("descriptors", lexicon_from_dict(vn.DESCRIPTORS, source="descriptors"), desc_words),
                                 ("bundled actor_labels", "actor_labels", bundled_words)):
        res = vn.run(corpus, mentions, lexicon, words | desc_words, 0)
        per = res["_per_doc"]
        figs.append(ratio(ds, f"{name}: precision (judgeable)", per["correct"], per["judgeable"]))
        figs.append(ratio(ds, f"{name}: precision (strict)", per["correct"], per["predicted"]))
        figs.append(ratio(ds, f"{name}: recall", per["found"], per["gold"]))
    return figs


def gaza2023() -> list[Figure]:
    import validate_casualties_gaza2023 as vg

    ds = "casualty_mentions_gaza2023"
    if not vg.DATASET.is_dir():
        return [unavailable(ds, "every figure", f"{vg.DATASET} not found")]
    res = vg.evaluate(vg.load(None))
    gold, pred, covered = res["gold"], res["pred"], res["covered"]
    ones = pd.Series(1.0, index=gold.index)
    figs = [ratio(ds, "coverage (sentences with a statement)", covered.astype(float), ones),
            ratio(ds, "accuracy, all sentences", (gold == pred).astype(float), ones)]
    given = pred.isin(vg.LABELS)
    figs.append(ratio(ds, "accuracy, sentences given a side", (gold == pred)[given].astype(float), ones[given]))
    for label in vg.LABELS:
        hit = ((pred == label) & (gold == label)).astype(float)
        figs.append(ratio(ds, f"{label} precision", hit[pred == label], ones[pred == label]))
        figs.append(ratio(ds, f"{label} recall", hit[gold == label], ones[gold == label]))
    # the library's own victim_side (sides and opposing declared as a researcher of this war would), under
    # two definitions of a sided sentence (see the module docstring): the floors' own wording first
    for name, lib, floors in (("victim_side", res["library_any"], True),
                              ("victim_side, two sides only", res["library"], False)):
        sided = lib != "none"
        figs.append(ratio(ds, f"{name}: sentences with a sided statement", sided.astype(float), ones,
                          floor=">= 0.85" if floors else ""))
        figs.append(ratio(ds, f"{name}: agrees with the category (sided sentences)",
                          (gold == lib)[sided].astype(float), ones[sided], floor=">= 0.90" if floors else ""))
        if floors:
            figs.append(ratio(ds, f"{name}: sided by a third country only", (lib == "other").astype(float), ones,
                              note="agree with no category"))
        for label in vg.LABELS:
            hit = ((lib == label) & (gold == label)).astype(float)
            figs.append(ratio(ds, f"{name} {label} precision", hit[lib == label], ones[lib == label]))
            figs.append(ratio(ds, f"{name} {label} recall (sided sentences)", hit[sided & (gold == label)],
                              ones[sided & (gold == label)]))
            figs.append(ratio(ds, f"{name} {label} recall (all sentences)", hit[gold == label],
                              ones[gold == label]))
    for f in figs:
        f.note = "sentences as units"
    return figs


# =========================================================================== main

SECTIONS = (
    ("gold negation", lambda: negation(load_gold("negation"))),
    ("gold quotes", lambda: quotes_gold(load_gold("quotes"))),
    ("gold casualties", lambda: casualties_gold(load_gold("casualties"))),
    ("gold attributions", lambda: attributions_gold(load_gold("attributions"))),
    ("gold labels", lambda: labels_gold(load_gold("labels"))),
    ("gold sources", lambda: sources_gold(load_gold("sources"))),
    ("PolNeAR dev", polnear),
    ("NewsWCL50", newswcl50),
    ("casualty_mentions_gaza2023", gaza2023),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print up to this many errors of each kind")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite the table in benchmarks/README.md")
    parser.add_argument("--only", nargs="*", help="run only these sections (by name prefix, e.g. 'gold quotes')")
    parser.add_argument("--set-baseline", action="store_true",
                        help="keep this run's figures as the baseline the README table is compared with")
    args = parser.parse_args()
    cpu0 = time.process_time()
    figures: list[Figure] = []
    for name, run in SECTIONS:
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        t0 = time.process_time()
        figs = run()
        print(f"\n== {name}  ({time.process_time() - t0:.1f} s CPU)")
        for f in figs:
            print(f.line())
        figures += figs
    if args.errors:
        for measure in sorted(ERRORS):
            rows = ERRORS[measure]
            print(f"\n-- errors: {measure} ({len(rows)})")
            for r in rows[:args.errors]:
                print("   " + r)
    seconds = time.process_time() - cpu0
    print(f"\n{len(figures)} figures in {seconds:.0f} s CPU")
    command = "python benchmarks/validity.py"
    if args.set_baseline and not args.only:
        save_baseline(figures, command)
        print("baseline written to benchmarks/results/validity_baseline.json")
    if not args.no_readme and not args.only:
        write_section(results_table(figures, command, seconds, load_baseline()))
        print("table written to benchmarks/README.md")


if __name__ == "__main__":
    main()
