"""Sources: ``framing.sources`` against a hand-coded sample of attributions in allsides_conflict.

Run from the project root::

    python benchmarks/validate_sources.py                   # agreement figures and shares by leaning
    python benchmarks/validate_sources.py --errors 20       # also print disagreements (local use only)
    python benchmarks/validate_sources.py --skip-corpus     # agreement figures only
    python benchmarks/validate_sources.py --people corpus   # framing.sources(people="corpus") on the whole corpus
    python benchmarks/validate_sources.py --self-check      # the scoring applied to the coding itself
    python benchmarks/validate_sources.py --draw sample.csv # redraw the coding sample (speaker columns dropped)
    python benchmarks/validate_sources.py --draw heldout.csv --n 100 --seed 2025 \
        --exclude benchmarks/sources_coding.csv             # a fresh sample in articles not yet coded
    python benchmarks/validate_sources.py --coding benchmarks/sources_coding_heldout.csv   # score another coding

Data: ``../shared/datasets/allsides_conflict/articles.jsonl.gz`` beside the project, read with
``framing.read_corpus(clean=False)`` so that offsets index the raw ``text``; the texts are read, never copied.
The coding is ``benchmarks/sources_coding.csv`` (offsets and labels only; see benchmarks/README.md,
"Sources: hand-coded validation sample", and the ``sources.jsonl`` codebook in ``../shared/gold/README.md``).

Protocol
--------
* Unit: one sampled reporting cue of :func:`framing.attributions` (``cue_start``/``cue_end``), coded by hand
  as a statement or not; for statements the source span (the mention naming the source most fully; empty when
  the source is unnamed), ``source_type``, ``affiliation``, ``anonymous`` (empty for an agentless passive,
  where it does not apply), ``kind`` and ``confidence``.
* Pairing: ``framing.sources`` runs on the coded articles (``annotations=framing.annotate(...)``). A coded row
  is paired with the library row of the same document whose cue (``cue_start``/``cue_end``) overlaps it most;
  when several rows share that cue (a cue with two sources), the one whose source span overlaps the coded
  source span, else the first.
* Figures, each with a 95 % Wilson interval (units are about one per article: 220 cues in 218 articles) unless
  said otherwise:

  - statements found: coded statements paired / coded statements (recall); coded non-statements that the
    library lists as statements / coded non-statements;
  - on the paired statements: source type accuracy, per-type precision and recall, Krippendorff's alpha
    (nominal, two coders: the hand coding and the library; :func:`framing.agreement`, percentile bootstrap
    over units), affiliation accuracy where the coding gives one (names compared after the aliases below;
    a missing prediction is wrong) and the share given an affiliation where the coding has none, anonymous precision and recall (rows where anonymity applies; a missing
    prediction counts as not anonymous), kind accuracy, and source name agreement where the coding names the
    source: the library's ``source`` contains the head or last word of the coded mention (the rule of
    ``validity.py``, ``names``), and whether it is the coded person, given names agreeing (:func:`same_person`:
    "Melania Trump" for a coded "Trump" of "President Trump" has the head and is another person). Type,
    affiliation and anonymity are also given on high-confidence rows only.
* Shares by leaning (the whole corpus, 4,978 articles): ``framing.sources`` on every article; the share of
  anonymous sources among statements where anonymity applies, and of official sources (government,
  military_security, politician) among all statements, compared by AllSides leaning with
  ``framing.compare_shares(..., by="leaning", cluster="outlet")`` (Wilson intervals with the design effect of
  outlet clusters, permutation test across outlets, Holm-adjusted pairwise differences). Leaning is a
  property of the outlet: ProPublica, rated both center and left over time, takes its majority rating.

``--self-check`` replaces ``framing.sources`` by a table built from the coding itself and must report perfect
agreement (it tests the pairing and scoring, not the library); its shares are computed on the coded sample
only and say nothing about the corpus.
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import re
import sys
import time
from pathlib import Path

import pandas as pd

import framing

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import ALLSIDES, GOLD, Figure, allsides_corpus, wilson  # noqa: E402
from validity import missing, names  # noqa: E402

CODING = Path(__file__).resolve().parent / "sources_coding.csv"
DS = "allsides sources sample"
TYPES = ("government", "military_security", "politician", "armed_group", "international_ngo", "expert", "media",
         "civilian", "document", "other", "unknown")
OFFICIAL = frozenset({"government", "military_security", "politician"})
KINDS = ("direct", "partial", "reported")
COLUMNS = ("doc_id", "outlet", "source", "source_mention", "source_start", "source_end", "source_type",
           "affiliation", "anonymous", "verb", "verb_category", "kind", "n_words", "voice", "start", "end",
           "cue_start", "cue_end")
#: spellings of one country or side, compared after lower-casing
ALIASES = {
    "us": "united states", "u.s.": "united states", "usa": "united states", "u.s.a.": "united states",
    "america": "united states", "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "un": "united nations", "u.n.": "united nations",
    "palestinian territories": "palestine", "palestinians": "palestine",
    "isis": "islamic state", "isil": "islamic state", "is": "islamic state",
    "ussr": "soviet union", "dprk": "north korea",
}


# --------------------------------------------------------------------------- reading


def _bool(value, path: Path, row: int, column: str):
    if missing(value) or value == "":
        return None
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise SystemExit(f"{path}: row {row}, column {column}: expected true, false or empty, got {value!r}")


def load_coding(path: Path = CODING) -> pd.DataFrame:
    """The hand coding, with types checked; errors name the file, the row and what was expected."""
    if not path.is_file():
        raise SystemExit(f"{path}: coding file not found")
    coding = pd.read_csv(path, keep_default_na=False, na_values=[""], dtype={"affiliation": "string",
                                                                           "note": "string"})
    need = {"item_id", "doc_id", "outlet", "cue_start", "cue_end", "is_statement", "source_start", "source_end",
            "source_type", "affiliation", "anonymous", "kind", "confidence"}
    lacking = sorted(need - set(coding.columns))
    if lacking:
        raise SystemExit(f"{path}: missing columns {lacking}; found {list(coding.columns)}")
    for col in ("is_statement", "anonymous"):
        coding[col] = [_bool(v, path, i + 2, col) for i, v in enumerate(coding[col])]
    for i, r in enumerate(coding.itertuples(index=False), start=2):
        if r.is_statement is None:
            raise SystemExit(f"{path}: row {i}: is_statement must be true or false")
        if r.is_statement:
            if r.source_type not in TYPES:
                raise SystemExit(f"{path}: row {i}: source_type {r.source_type!r} is not one of {TYPES}")
            if r.kind not in KINDS:
                raise SystemExit(f"{path}: row {i}: kind {r.kind!r} is not one of {KINDS}")
        if r.confidence not in ("high", "low"):
            raise SystemExit(f"{path}: row {i}: confidence must be high or low, got {r.confidence!r}")
        if pd.isna(r.source_start) != pd.isna(r.source_end):
            raise SystemExit(f"{path}: row {i}: source_start and source_end must both be given or both empty")
    for col in ("source_start", "source_end"):
        coding[col] = coding[col].astype("Int64")
    return coding


def check_offsets(coding: pd.DataFrame, texts: dict[str, str], path: Path = CODING) -> None:
    """Every offset lies in its article (the coding was made on the raw text)."""
    for i, r in enumerate(coding.itertuples(index=False), start=2):
        n = len(texts[r.doc_id])
        spans = [(r.cue_start, r.cue_end)]
        if not pd.isna(r.source_start):
            spans.append((int(r.source_start), int(r.source_end)))
        for a, b in spans:
            if not 0 <= a < b <= n:
                raise SystemExit(f"{path}: row {i}: span {a}:{b} outside article {r.doc_id} ({n} characters); "
                                 "offsets index the raw text (read_corpus(clean=False))")


def stand_in(coding: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """A ``framing.sources``-shaped table built from the coding (for ``--self-check``)."""
    rows = []
    for r in coding[coding["is_statement"]].itertuples(index=False):
        text = texts[r.doc_id]
        named = not pd.isna(r.source_start)
        mention = text[int(r.source_start):int(r.source_end)] if named else None
        rows.append({"doc_id": r.doc_id, "outlet": r.outlet, "source": mention, "source_mention": mention,
                     "source_start": r.source_start if named else None,
                     "source_end": r.source_end if named else None, "source_type": r.source_type,
                     "affiliation": None if pd.isna(r.affiliation) else r.affiliation, "anonymous": r.anonymous,
                     "verb": text[r.cue_start:r.cue_end], "verb_category": None, "kind": r.kind, "n_words": 0,
                     "voice": "narrator", "start": r.cue_start, "end": r.cue_end, "cue_start": r.cue_start,
                     "cue_end": r.cue_end})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def run_sources(corpus: pd.DataFrame, people: str = "article") -> pd.DataFrame:
    """``framing.sources`` on a corpus, or a clear exit when the library does not have it (yet)."""
    if not hasattr(framing, "sources"):
        raise SystemExit(f"framing {getattr(framing, '__version__', '')} at {framing.__file__} has no "
                         "framing.sources: nothing to validate yet (run with --self-check to test this script)")
    # the AllSides outlets are American: officials the text gives no country are American (as in validity.py)
    kwargs = {"people": people} if people != "article" else {}
    table = framing.sources(corpus, annotations=framing.annotate(corpus), home="United States", **kwargs)
    lacking = [c for c in ("doc_id", "cue_start", "cue_end", "source", "source_start", "source_end", "source_type",
                           "affiliation", "anonymous", "kind") if c not in table.columns]
    if lacking:
        raise SystemExit(f"framing.sources returned no column {lacking}; columns: {list(table.columns)}")
    return table


# --------------------------------------------------------------------------- pairing and scoring


def _overlap(a, b, c, d) -> int:
    return max(0, min(b, d) - max(a, c))


def pair(coding: pd.DataFrame, table: pd.DataFrame) -> list[dict | None]:
    """For each coded row, the library row paired with it (a dict) or None."""
    by_doc = {k: g for k, g in table.groupby("doc_id", sort=False)}
    out: list[dict | None] = []
    for r in coding.itertuples(index=False):
        rows = by_doc.get(r.doc_id)
        if rows is None:
            out.append(None)
            continue
        ov = [_overlap(r.cue_start, r.cue_end, int(a), int(b)) for a, b in zip(rows["cue_start"], rows["cue_end"])]
        best = max(ov)
        if best <= 0:
            out.append(None)
            continue
        cands = rows[[o == best for o in ov]]
        pick = cands.iloc[0]
        if len(cands) > 1 and not pd.isna(r.source_start):
            for _, c in cands.iterrows():
                if not missing(c["source_start"]) and _overlap(int(r.source_start), int(r.source_end),
                                                              int(c["source_start"]), int(c["source_end"])) > 0:
                    pick = c
                    break
        out.append(pick.to_dict())
    return out


def same_person(coded: str, got) -> bool:
    """Whether the library's ``got`` names the person of the coded span ``coded``: the same words (a possessive
    dropped), or the same surname with given names of which one side's are the other's ("Trump" or "Donald J.
    Trump" for "Donald Trump"); not a namesake ("Melania Trump" or "Considering Trump" for "Donald Trump"), nor a
    given name where the coders give the surname alone (the article writes no given name of that person)."""
    if missing(got):
        return False
    a, b = (re.sub(r"(?:’s|'s|’|')$", "", str(x).strip()).split() for x in (coded, got))
    if a == b:
        return True
    if not a or not b or a[-1].lower() != b[-1].lower() or not a[:-1]:
        return False
    return not b[:-1] or set(b[:-1]) <= set(a[:-1]) or set(a[:-1]) <= set(b[:-1])


def _norm_side(v) -> str | None:
    if missing(v) or not str(v).strip():
        return None
    s = str(v).strip().lower()
    s = s[4:] if s.startswith("the ") else s
    return ALIASES.get(s, s)


def _flag(v) -> bool:
    return False if missing(v) else bool(v)


def figure(measure: str, k: float, n: float, floor: str = "", note: str = "") -> Figure:
    if n <= 0:
        return Figure(DS, measure, note=note or "no items", floor=floor)
    lo, hi = wilson(k, n)
    return Figure(DS, measure, k / n, lo, hi, k, n, "Wilson", floor, note)


def score(coding: pd.DataFrame, table: pd.DataFrame, texts: dict[str, str],
          errors: list[str] | None = None) -> list[Figure]:
    """Every agreement figure of the module documentation."""
    pairs = pair(coding, table)
    coding = coding.assign(_pred=pairs)
    stm = coding[coding["is_statement"]]
    non = coding[~coding["is_statement"]]
    figs = [figure("statements found (recall of coded statements)", stm["_pred"].notna().sum(), len(stm)),
            figure("coded non-statements listed as statements", non["_pred"].notna().sum(), len(non),
                   note="lower is better")]
    pairs_df = stm[stm["_pred"].notna()]

    def note_err(kind: str, r, pred: dict, gold, got) -> None:
        if errors is not None:
            text = texts[r.doc_id]
            errors.append(f"{kind}: {r.doc_id} item {r.item_id} cue {text[r.cue_start:r.cue_end]!r} "
                          f"coded {gold!r} library {got!r}")

    for subset, label in ((pairs_df, ""), (pairs_df[pairs_df["confidence"] == "high"], ", high confidence")):
        ok = [p["source_type"] == r.source_type for r, p in zip(subset.itertuples(index=False), subset["_pred"])]
        figs.append(figure(f"source type accuracy{label}", sum(ok), len(ok), floor="" if label else ">= 0.85"))
        aff = [(r, p) for r, p in zip(subset.itertuples(index=False), subset["_pred"]) if not pd.isna(r.affiliation)]
        ok = [_norm_side(r.affiliation) == _norm_side(p.get("affiliation")) for r, p in aff]
        figs.append(figure(f"affiliation accuracy where coded{label}", sum(ok), len(ok),
                           floor="" if label else ">= 0.85"))
        spurious = [_norm_side(p.get("affiliation")) is not None for r, p in zip(subset.itertuples(index=False),
                                                                               subset["_pred"]) if pd.isna(r.affiliation)]
        figs.append(figure(f"affiliation given where coded none{label}", sum(spurious), len(spurious),
                           note="lower is better"))
        an = [(r.anonymous, _flag(p.get("anonymous"))) for r, p in zip(subset.itertuples(index=False),
                                                                       subset["_pred"]) if r.anonymous is not None]
        tp = sum(g and p for g, p in an)
        figs.append(figure(f"anonymous precision{label}", tp, sum(p for _, p in an), floor="" if label else ">= 0.90"))
        figs.append(figure(f"anonymous recall{label}", tp, sum(g for g, _ in an), floor="" if label else ">= 0.90"))
    for r, p in zip(pairs_df.itertuples(index=False), pairs_df["_pred"]):
        if p["source_type"] != r.source_type:
            note_err("type", r, p, r.source_type, p["source_type"])
        if not pd.isna(r.affiliation) and _norm_side(r.affiliation) != _norm_side(p.get("affiliation")):
            note_err("affiliation", r, p, r.affiliation, p.get("affiliation"))
        if r.anonymous is not None and r.anonymous != _flag(p.get("anonymous")):
            note_err("anonymous", r, p, r.anonymous, p.get("anonymous"))
    # per-type precision and recall on the pairs
    gold_t = [r.source_type for r in pairs_df.itertuples(index=False)]
    pred_t = [p["source_type"] for p in pairs_df["_pred"]]
    for t in TYPES:
        tp = sum(g == t and p == t for g, p in zip(gold_t, pred_t))
        figs.append(figure(f"type {t} precision", tp, sum(p == t for p in pred_t)))
        figs.append(figure(f"type {t} recall", tp, sum(g == t for g in gold_t)))
    # Krippendorff's alpha, hand coding vs library
    long = pd.DataFrame([{"unit": u, "coder": c, "code": v} for u, g, p in zip(pairs_df["item_id"], gold_t, pred_t)
                         for c, v in (("hand", g), ("framing", p))])
    if len(pairs_df) >= 2:
        ag = framing.agreement(long, machine="framing", n_resamples=1000, seed=0)
        a = ag[ag["measure"] == "krippendorff_alpha"].iloc[0]
        est = float(a["estimate"])
        if math.isnan(est) and set(gold_t) == set(pred_t) and len(set(gold_t)) == 1:
            est = 1.0
        figs.append(Figure(DS, "source type Krippendorff's alpha (nominal)", est, float(a["ci_low"]),
                           float(a["ci_high"]), None, int(a["n_units"]), "bootstrap units", "",
                           str(a["note"] or "")))
    # kind
    ok = [p.get("kind") == r.kind for r, p in zip(pairs_df.itertuples(index=False), pairs_df["_pred"])]
    figs.append(figure("kind (direct / partial / reported) accuracy", sum(ok), len(ok)))
    # source name, where the coding names the source
    named = [(r, p) for r, p in zip(pairs_df.itertuples(index=False), pairs_df["_pred"]) if not pd.isna(r.source_start)]
    ok, same = [], []
    for r, p in named:
        gold = texts[r.doc_id][int(r.source_start):int(r.source_end)]
        hit = names(gold, p.get("source"))
        ok.append(hit)
        # the person, not only the surname: "Melania Trump" for a coded "Trump" of "President Trump" is a miss
        same.append(same_person(gold, p.get("source")))
        if not hit:
            note_err("source name", r, p, gold, p.get("source"))
    figs.append(figure("source name (head) where coded named", sum(ok), len(ok)))
    figs.append(figure("source is the coded person (given names agree)", sum(same), len(same)))
    if errors is not None:
        for r in stm[stm["_pred"].isna()].itertuples(index=False):
            errors.append(f"not found: {r.doc_id} item {r.item_id} cue "
                          f"{texts[r.doc_id][r.cue_start:r.cue_end]!r}")
    return figs


# --------------------------------------------------------------------------- shares by leaning


def leaning_by_outlet(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus with ``leaning`` made an outlet property (the majority rating of each outlet)."""
    major = corpus.groupby("outlet")["leaning"].agg(lambda s: s.value_counts().sort_index().idxmax())
    return corpus.assign(leaning=corpus["outlet"].map(major))


def shares(table: pd.DataFrame, corpus: pd.DataFrame) -> list[pd.DataFrame]:
    """Anonymous and official shares by leaning, clustered by outlet (framing.compare_shares)."""
    t = table.drop(columns=[c for c in ("leaning", "outlet") if c in table.columns])
    anon = t["anonymous"].map(lambda v: None if missing(v) else ("anonymous" if v else "named"))
    t = t.assign(anonymity=anon,
                 officialness=t["source_type"].map(lambda v: "official" if v in OFFICIAL else "others"))
    out = []
    for outcome in ("anonymity", "officialness"):
        res = framing.compare_shares(t, by="leaning", outcome=outcome, corpus=corpus[["doc_id", "outlet", "leaning"]],
                                     cluster="outlet")
        out.append(pd.DataFrame(res))
    return out


def print_shares(results: list[pd.DataFrame]) -> None:
    keep = ("anonymity=anonymous share", "officialness=official share", "anonymity=anonymous share difference",
            "officialness=official share difference", "anonymity Cramér's V", "officialness Cramér's V")
    for res in results:
        for r in res.itertuples(index=False):
            if r.measure not in keep:
                continue
            if "difference" in r.measure or "Cramér" in r.measure:
                p = r.p_adjusted if not pd.isna(r.p_adjusted) else r.p_value
                extra = f"  p={p:.3g}" + (f" ({r.adjust_method})" if not pd.isna(r.p_adjusted) else "")
            else:
                extra = f"  {int(r.count)}/{int(r.exposure)}"
            print(f"  {r.measure:42} {str(r.group):16} {r.estimate:.3f} [{r.ci_low:.3f}, {r.ci_high:.3f}]"
                  f"{extra}  articles={r.n_docs}")


# --------------------------------------------------------------------------- drawing the sample


def gold_doc_ids() -> set[str]:
    ids: set[str] = set()
    for path in glob.glob(str(GOLD / "*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            ids.update(json.loads(line)["doc_id"] for line in fh if line.strip())
    return ids


def draw(path: Path, n: int = 220, seed: int = 2024, exclude: list[Path] | None = None) -> None:
    """Draw a coding sample: attributions of the raw corpus outside the gold articles (and outside the articles
    of every coding file in ``exclude``), ``n`` rows stratified by outlet, the library's speaker columns dropped
    so that the coder does not see them. The defaults redraw the original sample (220 rows, seed 2024)."""
    corpus = framing.read_corpus(ALLSIDES, clean=False)
    skip = gold_doc_ids()
    for other in exclude or []:
        skip |= set(load_coding(other)["doc_id"])
    sub = corpus[~corpus["doc_id"].isin(skip)].reset_index(drop=True)
    table = framing.attributions(sub)
    sample = framing.annotation_sample(table, n=n, stratify=("outlet",), seed=seed, corpus=sub)
    sample = sample.drop(columns=["speaker", "speaker_start", "speaker_end", "verb_category"], errors="ignore")
    sample.to_csv(path, index=False)
    print(f"{len(sample)} rows from {sample['doc_id'].nunique()} articles written to {path} "
          "(contains article text: keep it out of the repository)")


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--coding", type=Path, default=CODING)
    ap.add_argument("--self-check", action="store_true", help="score the coding against itself (must be perfect)")
    ap.add_argument("--skip-corpus", action="store_true", help="no shares by leaning on the whole corpus")
    ap.add_argument("--errors", type=int, default=0, help="print this many disagreements")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--draw", type=Path, help="redraw the coding sample to this CSV and stop")
    ap.add_argument("--n", type=int, default=220, help="with --draw: rows to draw (default 220)")
    ap.add_argument("--seed", type=int, default=2024, help="with --draw: sampling seed (default 2024)")
    ap.add_argument("--people", choices=("article", "corpus"), default="article",
                    help="framing.sources(people=...); corpus runs it on the whole corpus (about 6 min) and scores "
                         "the sample's rows of that run")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="with --draw: leave out the articles of this coding file (repeatable)")
    args = ap.parse_args()
    if args.draw:
        draw(args.draw, n=args.n, seed=args.seed, exclude=args.exclude)
        return
    t0, w0 = time.process_time(), time.time()
    coding = load_coding(args.coding)
    corpus = allsides_corpus(coding["doc_id"])
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    check_offsets(coding, texts, args.coding)
    whole = full = None
    if args.self_check:
        table = stand_in(coding, texts)
    elif args.people == "corpus":
        # a person's role from the other articles: the run must see the whole corpus
        full = leaning_by_outlet(framing.read_corpus(ALLSIDES, clean=False))
        whole = run_sources(full[["doc_id", "outlet", "date", "text"]], people="corpus")
        table = whole[whole["doc_id"].isin(set(coding["doc_id"]))]
    else:
        table = run_sources(corpus)
    errors: list[str] = [] if args.errors else None
    figs = score(coding, table, texts, errors)
    stm = coding["is_statement"]
    print(f"{'SELF-CHECK (coding scored against itself) - ' if args.self_check else ''}"
          f"{len(coding)} coded cues in {coding['doc_id'].nunique()} articles, {int(stm.sum())} statements, "
          f"{int((coding['confidence'] == 'low').sum())} low-confidence rows")
    for f in figs:
        print(f.line())
    if errors:
        print(f"\ndisagreements (first {args.errors}):")
        for e in errors[:args.errors]:
            print("  " + e)
    if not args.skip_corpus:
        if args.self_check:
            print("\nshares by leaning on the coded sample only (logic check, not a corpus figure):")
            full = framing.read_corpus(ALLSIDES, clean=False)
            sample_corpus = leaning_by_outlet(full)
            print_shares(shares(table, sample_corpus[sample_corpus["doc_id"].isin(table["doc_id"])]))
        else:
            if full is None:
                full = leaning_by_outlet(framing.read_corpus(ALLSIDES, clean=False))
            print(f"\nshares by leaning, whole corpus ({len(full)} articles), clusters = outlets:")
            if whole is None:
                whole = run_sources(full[["doc_id", "outlet", "date", "text"]])
            print(f"  {len(whole)} statements")
            print_shares(shares(whole, full))
    print(f"\n{time.process_time() - t0:.0f} s CPU, {time.time() - w0:.0f} s wall")
    if args.json:
        args.json.write_text(json.dumps([f.__dict__ for f in figs], indent=1, default=str) + "\n", encoding="utf-8")
    if args.self_check:
        lower = [f for f in figs if f.available and "lower is better" in f.note]
        bad = [f for f in figs if f.available and f.n and f not in lower and not math.isclose(f.estimate, 1.0)]
        bad += [f for f in lower if f.estimate != 0]
        if bad:
            raise SystemExit("self-check failed: " + "; ".join(f"{f.measure} = {f.estimate:.3f}" for f in bad))
        print("self-check passed: perfect agreement of the coding with itself")


if __name__ == "__main__":
    main()
