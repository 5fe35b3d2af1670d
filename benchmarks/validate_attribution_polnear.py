"""Attribution cues and speakers against PolNeAR (dev split).

Run from the project root::

    python benchmarks/validate_attribution_polnear.py
    python benchmarks/validate_attribution_polnear.py --errors 15   # also print misses
    python benchmarks/validate_attribution_polnear.py --cues all --split train

Data: ``../shared/datasets/polnear/dev`` beside the project (PolNeAR v1.0.0,
Newell, Margolin & Ruths, LREC 2018; see its SOURCE.md): 84 articles of the
2016 US campaign, every attribution relation coded as Source / Cue / Content
spans. One annotator file per article: where an article has several, the first
by file name. The texts are read, never copied.

Protocol
--------
* Texts are used as they are (no boilerplate cleaning), so the offsets of
  :func:`framing.attributions` index the same characters as the annotations.
* Gold cues: every ``Cue`` span of a relation (a discontinuous cue is the set
  of its segments). Predicted cues: the ``start:end`` of every attribution row.
* Matching is one-to-one, greatest overlap first:
  - strict: the predicted span equals one gold cue segment, or the whole
    gold cue, after trimming whitespace and ``:,.``;
  - lenient: the spans share at least one character.
  Precision = matched predictions / predictions, recall = matched gold cues /
  gold cues.
* Speakers, on the lenient cue matches whose gold relation has a ``Source``:
  - strict: the predicted speaker span equals the gold Source span (trimmed);
  - lenient: the spans overlap.
  Reported as accuracy on those pairs, and end to end: speaker precision =
  predictions with a correct speaker / predictions that name a speaker;
  speaker recall = gold relations with a source whose cue was found with the
  correct speaker / gold relations with a source.
  PolNeAR marks a pronoun itself as the source ("he said"), so the main run
  keeps quotation speakers as written (``resolve_pronouns=False``); the
  resolved run is printed too.
* Gold relations without a source (``Attribution-no-source``) count for cue
  recall; a prediction with no speaker on such a cue counts as correct in the
  speaker accuracy (``no-source agreement``).

PolNeAR codes no cue inside a quotation (a quoted source's own "I said", "they tell
me"), while the library keeps them with ``voice == "quote"``: they count as spurious
here by the corpus's definition, not because they are not speech. The precision and
recall of the rows outside quotations are printed beside the whole table's, and
``--cues all`` scores the table with cues of thought too, the scheme PolNeAR's
annotators followed.

PolNeAR cues include many that are not reporting verbs in any lexicon (a colon,
a dash, "wants", "support", "seems", "were frustrated"): cue recall measures the
share of all human attributions found, not the recall on lexicon verbs, which
is printed separately (gold cues whose text is a term of the attribution
lexicon).
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import pandas as pd

import framing

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear" / "dev"
TRIM = " \t\r\n\u00a0:,."


def read_ann(path: Path) -> tuple[dict, list[dict]]:
    """Text-bound annotations and relations of one BRAT file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            try:
                segs = [tuple(map(int, seg.split())) for seg in offs.split(";")]
            except ValueError:
                continue
            spans[parts[0]] = (label, segs)
        elif line.startswith("E") and len(parts) >= 2:
            rel = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                rel[role] = tid
            relations.append(rel)
    return spans, relations


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return a, b


def load() -> tuple[pd.DataFrame, list[dict]]:
    """Corpus table of the dev texts and the gold relations (cue segments, source span)."""
    docs, gold = [], []
    for txt in sorted((DATA / "text").glob("*.txt")):
        anns = sorted((DATA / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append({"doc_id": txt.stem, "outlet": txt.stem.split("_")[0], "text": text})
        spans, relations = read_ann(anns[0])
        for rel in relations:
            cue = spans.get(rel.get("Cue", ""))
            if cue is None or cue[0] != "Cue":
                continue
            segs = [trim(text, a, b) for a, b in cue[1]]
            segs = [s for s in segs if s[1] > s[0]]
            if not segs:
                continue
            src = spans.get(rel.get("Source", ""))
            source = None
            if src is not None and src[0] == "Source":
                a = min(s[0] for s in src[1])
                b = max(s[1] for s in src[1])
                source = trim(text, a, b)
            cue_text = " ".join(text[a:b] for a, b in segs)
            gold.append({"doc_id": txt.stem, "segs": segs, "source": source, "cue_text": cue_text})
    return pd.DataFrame(docs), gold


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(pred: pd.DataFrame, gold: list[dict], texts: dict[str, str], lexicon_terms: set[str]) -> dict:
    by_doc_gold: dict[str, list[int]] = {}
    for i, g in enumerate(gold):
        by_doc_gold.setdefault(g["doc_id"], []).append(i)
    pairs_lenient: list[tuple[int, int]] = []
    strict_pred = strict_gold = 0
    preds = list(pred.itertuples(index=False))
    by_doc_pred: dict[str, list[int]] = {}
    for i, p in enumerate(preds):
        by_doc_pred.setdefault(p.doc_id, []).append(i)
    for doc_id in set(by_doc_gold) | set(by_doc_pred):
        gi = by_doc_gold.get(doc_id, [])
        pi = by_doc_pred.get(doc_id, [])
        text = texts[doc_id]
        cand = []
        for p in pi:
            ps = trim(text, int(preds[p].start), int(preds[p].end))
            for g in gi:
                segs = gold[g]["segs"]
                ov = sum(overlap(ps, s) for s in segs)
                if ov:
                    whole = (min(s[0] for s in segs), max(s[1] for s in segs))
                    exact = ps in segs or ps == whole
                    cand.append((exact, ov, p, g))
        cand.sort(key=lambda c: (not c[0], -c[1]))
        used_p, used_g = set(), set()
        for exact, ov, p, g in cand:
            if p in used_p or g in used_g:
                continue
            used_p.add(p)
            used_g.add(g)
            pairs_lenient.append((p, g))
            if exact:
                strict_pred += 1
                strict_gold += 1
    n_pred, n_gold = len(preds), len(gold)
    res = {
        "n_docs": len(texts), "n_gold_cues": n_gold, "n_pred_cues": n_pred,
        "cue_precision_strict": strict_pred / n_pred, "cue_recall_strict": strict_gold / n_gold,
        "cue_precision_lenient": len(pairs_lenient) / n_pred, "cue_recall_lenient": len(pairs_lenient) / n_gold,
    }
    lex_gold = [i for i, g in enumerate(gold) if re.sub(r"\s+", " ", g["cue_text"].lower()) in lexicon_terms]
    matched_g = {g for _, g in pairs_lenient}
    res["n_gold_lexicon_cues"] = len(lex_gold)
    res["cue_recall_lenient_on_lexicon_cues"] = sum(g in matched_g for g in lex_gold) / max(1, len(lex_gold))
    # speakers
    strict_ok = lenient_ok = with_source = 0
    nosrc_total = nosrc_agree = 0
    for p, g in pairs_lenient:
        src = gold[g]["source"]
        ps, pe = preds[p].speaker_start, preds[p].speaker_end
        has_pred = not (pd.isna(ps) or pd.isna(pe))
        if src is None:
            nosrc_total += 1
            nosrc_agree += not has_pred
            continue
        with_source += 1
        if has_pred:
            sp = trim(texts[preds[p].doc_id], int(ps), int(pe))
            strict_ok += sp == src
            lenient_ok += overlap(sp, src) > 0
    n_pred_speaker = int(pred["speaker_start"].notna().sum())
    n_gold_source = sum(g["source"] is not None for g in gold)
    res.update({
        "speaker_pairs": with_source,
        "speaker_accuracy_strict": strict_ok / max(1, with_source),
        "speaker_accuracy_lenient": lenient_ok / max(1, with_source),
        "speaker_precision_strict": strict_ok / max(1, n_pred_speaker),
        "speaker_precision_lenient": lenient_ok / max(1, n_pred_speaker),
        "speaker_recall_strict": strict_ok / max(1, n_gold_source),
        "speaker_recall_lenient": lenient_ok / max(1, n_gold_source),
        "no_source_agreement": nosrc_agree / max(1, nosrc_total),
        "no_source_pairs": nosrc_total,
    })
    res["_pairs"] = pairs_lenient
    return res


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many missed gold cues and spurious predictions")
    parser.add_argument("--cues", choices=("speech", "all"), default="speech",
                        help="the cues option of framing.attributions (default: speech)")
    parser.add_argument("--split", choices=("dev", "train"), default="dev", help="the PolNeAR split to score")
    args = parser.parse_args()
    global DATA
    DATA = DATA.parent / args.split
    corpus, gold = load()
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    lex = framing.load_lexicon("attribution")
    terms = {t.text.lower() for cat in lex.categories.values() for t in cat.terms}
    mb = sum(len(t.encode("utf-8")) for t in texts.values()) / 1e6
    for resolve in (False, True):
        t0 = time.perf_counter()
        pred = framing.attributions(corpus, resolve_pronouns=resolve, cues=args.cues)
        seconds = time.perf_counter() - t0
        res = evaluate(pred, gold, texts, terms)
        print(f"\nPolNeAR {args.split}, cues={args.cues}, resolve_pronouns={resolve}: {res['n_docs']} articles, "
              f"{mb:.2f} MB, {seconds:.1f} s ({mb / seconds:.2f} MB/s)")
        for k, v in res.items():
            if not k.startswith("_"):
                print(f"  {k:38} {v:.3f}" if isinstance(v, float) else f"  {k:38} {v}")
        outside = evaluate(pred[pred["voice"] != "quote"].reset_index(drop=True), gold, texts, terms)
        print(f"  rows outside quotations (PolNeAR codes no cue inside one): {outside['n_pred_cues']}")
        for k in ("cue_precision_lenient", "cue_recall_lenient", "cue_precision_strict", "cue_recall_strict"):
            print(f"  {k + ', outside quotations':38} {outside[k]:.3f}")
        if args.errors and not resolve:
            matched_p = {p for p, _ in res["_pairs"]}
            matched_g = {g for _, g in res["_pairs"]}
            print("\nmissed gold cues (sample):")
            shown = 0
            for i, g in enumerate(gold):
                if i in matched_g or shown >= args.errors:
                    continue
                a, b = g["segs"][0]
                t = texts[g["doc_id"]]
                print(f"  {g['cue_text']!r:25} | {t[max(0, a - 60):b + 30]!r}")
                shown += 1
            print("\nspurious predictions (sample):")
            shown = 0
            for i, p in enumerate(pred.itertuples(index=False)):
                if i in matched_p or shown >= args.errors:
                    continue
                t = texts[p.doc_id]
                print(f"  {p.verb!r:25} {str(p.speaker)!r:30} | {t[max(0, p.start - 60):p.end + 30]!r}")
                shown += 1
            print("\nwrong speakers (sample):")
            shown = 0
            for p, g in res["_pairs"]:
                src = gold[g]["source"]
                row = pred.iloc[p]
                if src is None or shown >= args.errors:
                    continue
                if pd.isna(row["speaker_start"]) or overlap((int(row["speaker_start"]), int(row["speaker_end"])), src) == 0:
                    t = texts[row["doc_id"]]
                    print(f"  {row['verb']!r:18} pred={str(row['speaker'])!r:30} gold={t[src[0]:src[1]]!r}")
                    shown += 1


if __name__ == "__main__":
    main()
