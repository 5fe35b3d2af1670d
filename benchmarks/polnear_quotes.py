"""Direct-quote and speaker detection against PolNeAR (dev split), and throughput.

Run from the project root::

    python benchmarks/polnear_quotes.py            # figures
    python benchmarks/polnear_quotes.py --errors 20   # also print missed and spurious quotes
    python benchmarks/polnear_quotes.py --split train # the larger train split, never used to write rules
    python benchmarks/polnear_quotes.py --no-throughput   # figures only

Data: ``../shared/datasets/polnear/dev`` beside the project (PolNeAR v1.0.0,
Newell, Margolin & Ruths, LREC 2018; see its SOURCE.md). One annotator file per
article: where an article has several, the first by file name. The texts are
read, never copied.

What is measured
----------------
* Whole quotations (the figures the floors are set on): the coded units are the
  quotations of every human ``Content`` span, of every Content argument of a
  relation (``Content2``, the part after an interrupting attribution, too):
  the span itself when its marks enclose it as one quotation (a quotation over
  several paragraphs, each opening with a mark, is one); otherwise each
  quotation inside it (:func:`units`). PolNeAR codes attributed content,
  quoted or paraphrased, and a token belongs to one attribution only, so the
  marked words of a Content span that also holds the narrator's words
  (``that, “…”``, ``“…” to drive up the stock price``) are that source's direct
  quote, and ``“…” workers. “…”`` is two quotations. Coded units and the
  library's direct quotes both pass the same test of being a whole quotation
  (:func:`full_quotation`), which reads only the text before the opening mark.
  Matching as below (exact and overlap, one-to-one).

The earlier protocol, printed after it:

* Gold direct-quote content: every human ``Content`` span (its segments, with
  segments separated only by whitespace merged) that is enclosed in quotation
  marks: after trimming whitespace it begins with an opening mark (or the
  character before it is one) and, ignoring trailing ``.,;:?!``, ends with a
  closing mark (or the character after it is one). Content that merely
  contains a quote (``that X’s team avoided … “keep the details under wraps.”``)
  is not direct-quote content.
* Predicted: the ``direct`` quotes of :func:`framing.text.quotes.find_quotes`.
* Both spans are normalised by trimming whitespace, quotation marks and
  ``.,;:?!`` from both ends.
  - exact: the normalised spans are identical;
  - overlap (lenient): the normalised spans share at least one character;
  matching is one-to-one (largest overlap first).
  Precision = matched predictions / predictions; recall = matched gold / gold.
  Predictions that lie inside a human Content span that is *not* enclosed in
  marks (a partial quote inside reported speech) are counted as errors in the
  main figures; how many there are is printed separately.
* Speakers, on the quote pairs matched by overlap whose gold relation has a
  ``Source``: correct when the predicted speaker span overlaps the gold Source
  span or both have the same head word (last word, case and possessive
  ignored). PolNeAR marks the pronoun itself as the source (``he said``), so
  speakers are scored with pronoun resolution off; inherited speakers of
  continuation quotes point at the earlier mention, as PolNeAR's do.
* Throughput: :func:`framing.sentences`, :func:`framing.quotes` and
  :func:`framing.voice` over the dev texts as one corpus table (best of 3).
"""

from __future__ import annotations

import argparse
import bisect
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import framing
from framing.text.quotes import REPORTING_VERBS, find_quotes
from framing.text.sentences import split_sentences

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear"
OPEN = ("“", '"', "‘", "'", "«", "``")
CLOSE = ("”", '"', "’", "'", "»", "“")
TRIM = " \t\r\n\u00a0“”\"‘’'«».,;:?!`"


def read_ann(path: Path) -> tuple[dict, list[dict]]:
    """Text-bound annotations and relations of one BRAT file."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            segs = [tuple(map(int, seg.split())) for seg in offs.split(";")]
            spans[parts[0]] = (label, segs)
        elif line.startswith("E") and len(parts) >= 2:
            rel = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                rel[role] = tid
            relations.append(rel)
    return spans, relations


#: a relation's Content arguments: BRAT numbers a repeated argument (``Content2``: the second part of a
#: quotation interrupted by its attribution)
CONTENT_ROLE = re.compile(r"Content\d*")


def merge_segments(text: str, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(segs):
        if out and not text[out[-1][1]:a].strip():
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def norm(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return a, b


def enclosed(text: str, a: int, b: int) -> bool:
    piece = text[a:b].strip()
    if not piece:
        return False
    lead = text[a:b].lstrip()
    starts = lead.startswith(OPEN) or text[max(0, a - 1):a] in OPEN
    tail = piece.rstrip(".,;:?! ")
    ends = tail.endswith(CLOSE) or text[b:b + 1] in CLOSE
    return starts and ends


_DOUBLE_MARK = re.compile(r"''|``|[“”\"]")
_SINGLE_MARK = re.compile(r"[‘’]")


def _opens(text: str, i: int, j: int) -> bool | None:
    """Whether the mark ``text[i:j]`` opens (True) or closes (False) by its neighbours; None when they do not
    tell (a straight mark between two spaces or two words)."""
    left = text[i - 1] if i > 0 else " "
    right = text[j] if j < len(text) else " "
    lsp = left.isspace() or left in "([{—–-:/"
    rsp = right.isspace() or right in ".,;:?!)]}—–-…"
    if lsp and not rsp:
        return True
    if rsp and not lsp:
        return False
    return None


def quotations(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The quotations inside ``text[a:b]`` as (opening mark start, closing mark end) pairs.

    A mark whose neighbours say nothing alternates (it closes when a quotation is open). Double marks
    (curly, straight, doubled apostrophes) first; a curly single pair ``‘…’`` counts where no double
    quotation holds it. A mark just outside the span that belongs to it (``“`` before a Content span that
    starts after it) is read with it. An opening mark left open closes at the span's end.
    """
    if a > 0 and text[a - 1] in "“”\"‘’'`":
        a -= 1 + (a > 1 and text[a - 2] == text[a - 1] and text[a - 1] in "'`")
    if b < len(text) and text[b] in "“”\"‘’'" and not text[b - 1:b].isspace():
        b += 1 + (b + 1 < len(text) and text[b + 1] == text[b] == "'")
    out: list[tuple[int, int]] = []
    for pattern in (_DOUBLE_MARK, _SINGLE_MARK):
        open_at = None
        for m in pattern.finditer(text, a, b):
            i, j = m.span()
            if any(p <= i < q for p, q in out):
                continue
            if pattern is _SINGLE_MARK and text[i - 1:i].isalnum() and text[j:j + 1].isalnum():
                continue  # an apostrophe (Trump’s)
            role = _opens(text, i, j)
            if open_at is None and role is not False:
                open_at = i
            elif open_at is not None and role is not True:
                out.append((open_at, j))
                open_at = None
        if open_at is not None and pattern is _DOUBLE_MARK:
            out.append((open_at, b))
    return sorted(out)


def units(text: str, a: int, b: int) -> list[tuple[int, int, int]]:
    """Direct-quote content units of a human Content span, as (opening mark, start, end), start and end
    normalised as :func:`norm` does.

    A span enclosed in marks that is one quotation is one unit (a quotation running over several
    paragraphs, each opening with a mark, is one quotation); otherwise each quotation inside it is one
    (PolNeAR codes attributed content, quoted or paraphrased: the quoted words of a Content span that
    also holds the narrator's words, ``that, “…”`` or ``“…” to drive up the stock price``, are the source's
    direct quote, and ``“…” workers. “…”`` is two quotations of one source).
    """
    qs = quotations(text, a, b)
    if enclosed(text, a, b) and len(qs) <= 1:
        # one quotation (straight single marks, ``'…'``, are read only here: they are apostrophes too)
        s, e = norm(text, a, b)
        o = qs[0][0] if qs else s - 1
        if not qs and o > 0 and text[o] in "'`" and text[o - 1] == text[o]:
            o -= 1
        return [(o, s, e)] if e > s else []
    out = []
    for o, c in qs:
        s, e = norm(text, o, c)
        if e > s:
            out.append((o, s, e))
    return out


def head(s: str) -> str:
    words = re.findall(r"[\w’'-]+", s)
    if not words:
        return ""
    w = words[-1].lower()
    return re.sub(r"(’s|'s)$", "", w)


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool) -> dict[int, int]:
    """One-to-one matching pred index -> gold index."""
    if exact:
        where = {g: j for j, g in enumerate(gold)}
        return {i: where[p] for i, p in enumerate(pred) if p in where}
    cands = []
    for i, (a, b) in enumerate(pred):
        for j, (c, d) in enumerate(gold):
            ov = min(b, d) - max(a, c)
            if ov > 0:
                cands.append((ov, i, j))
    cands.sort(reverse=True)
    used_p, used_g, out = set(), set(), {}
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            out[i] = j
            used_p.add(i)
            used_g.add(j)
    return out


def full_quotation(text: str, q, sentence_starts: list[int]) -> bool:
    """A quote that is a whole quotation, not a phrase quoted inside a narrator clause.

    In its sentence it is preceded by nothing or by ``: —`` (any content), by
    ``,`` or ``;`` (content starting with a capital or a digit, or following a
    reporting verb or an earlier quote: ``X said, "we …``, ``"…," he said, "and
    …``), or directly by a reporting verb (content starting with a capital).
    """
    content = text[q.start:q.end].lstrip(TRIM)
    if not content:
        return False
    k = bisect.bisect_right(sentence_starts, q.open_start) - 1
    lo = max(sentence_starts[k] if k >= 0 else 0, text.rfind("\n", 0, q.open_start) + 1)
    before = text[lo:q.open_start].rstrip()
    if not before or before.endswith((":", "—", "–", "-", "(")):
        return True
    if before.endswith((",", ";")):
        # "..." he said, "and ...": the second part of an interrupted quotation; X said, "we ..."
        last = before[:-1].split()[-1].lower() if before[:-1].split() else ""
        return (content[0].isupper() or content[0].isdigit() or bool(re.search(r"[”\"']", before))
                or last in REPORTING_VERBS)
    last = before.split()[-1].lower()
    return last in REPORTING_VERBS and (content[0].isupper() or content[0].isdigit())


@dataclass(frozen=True)
class _Unit:
    """A coded quotation unit, read by :func:`full_quotation` like a predicted quote."""

    open_start: int
    start: int
    end: int


def load(data: Path) -> list[dict]:
    docs = []
    for txt in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        spans, relations = read_ann(anns[0])
        gold, mixed, quoted = [], [], []
        for rel in relations:
            src = spans.get(rel.get("Source", ""))
            src_span = (min(a for a, _ in src[1]), max(b for _, b in src[1])) if src else None
            for role in sorted(r for r in rel if CONTENT_ROLE.fullmatch(r)):
                content = spans.get(rel[role])
                if content is None:
                    continue
                for a, b in merge_segments(text, content[1]):
                    quoted += [(_Unit(o, s, e), src_span) for o, s, e in units(text, a, b)]
                    if role != "Content":
                        continue  # the earlier protocol read a relation's first Content only
                    if enclosed(text, a, b):
                        gold.append((norm(text, a, b), src_span))
                    else:
                        mixed.append((a, b))
        docs.append({"name": txt.stem, "text": text, "gold": gold, "mixed": mixed, "quoted": quoted})
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many missed and spurious quotes")
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="dev (the reported figures) or train (a larger check that the rules generalise)")
    parser.add_argument("--no-throughput", action="store_true", help="skip the throughput measurement")
    args = parser.parse_args()
    data = POLNEAR / args.split
    if not data.is_dir():
        raise SystemExit(f"PolNeAR {args.split} split not found at {data}")
    docs = load(data)
    totals = defaultdict(int)
    misses, spurious, spk_errors = [], [], []
    for doc in docs:
        text = doc["text"]
        found = [q for q in find_quotes(text, resolve_pronouns=False) if q.kind == "direct"]
        starts = [a for a, _ in split_sentences(text)]
        full = [q for q in found if full_quotation(text, q, starts)]
        gold = [g for g, _ in doc["gold"]]
        totals["gold"] += len(gold)
        units = [(u.start, u.end) for u, _ in doc["quoted"] if full_quotation(text, u, starts)]
        pred = [norm(text, q.start, q.end) for q in full]
        totals["units"] += len(units)
        for exact in (True, False):
            totals["units", exact] += len(match(pred, units, exact))
        for label, preds in (("all", found), ("full", full)):
            pred = [norm(text, q.start, q.end) for q in preds]
            totals[label, "pred"] += len(pred)
            for exact in (True, False):
                m = match(pred, gold, exact)
                totals[label, exact] += len(m)
                if exact:
                    continue
                inside = [i for i, p in enumerate(pred) if i not in m
                          and any(a <= p[0] and p[1] <= b for a, b in doc["mixed"])]
                totals[label, "in_mixed"] += len(inside)
                if label != "full":
                    continue
                for i, j in m.items():
                    src = doc["gold"][j][1]
                    q = preds[i]
                    if src is None:
                        continue
                    totals["spk_gold"] += 1
                    if q.speaker_start is None:
                        continue
                    totals["spk_pred"] += 1
                    ov = min(q.speaker_end, src[1]) - max(q.speaker_start, src[0]) > 0
                    if ov or head(q.speaker) == head(text[src[0]:src[1]]):
                        totals["spk_ok"] += 1
                    elif len(spk_errors) < 10000:
                        spk_errors.append((doc["name"], q.speaker, text[src[0]:src[1]],
                                           text[max(0, q.open_start - 80):q.close_end + 80]))
                matched_g = set(m.values())
                for j, g in enumerate(gold):
                    if j not in matched_g:
                        misses.append((doc["name"], text[max(0, g[0] - 60):g[1] + 40]))
                for i, p in enumerate(pred):
                    if i not in m and i not in inside:
                        spurious.append((doc["name"], text[max(0, p[0] - 60):p[1] + 40]))

    def pr(label: str, exact: bool) -> str:
        n, k = totals[label, "pred"], totals[label, exact]
        return f"precision {k / n:.3f}  recall {k / totals['gold']:.3f}  ({k} of {n} predicted matched)"

    print(f"PolNeAR {args.split}: {len(docs)} articles, {totals['units']} coded whole quotations")
    for exact, what in ((True, "exact  "), (False, "overlap")):
        k, n = totals["units", exact], totals["full", "pred"]
        print(f"  whole quotations, {what}: precision {k / n:.3f}  recall {k / totals['units']:.3f}  "
              f"({k} matched, {n} predicted)")
    print(f"earlier scoring: {totals['gold']} gold direct-quote content spans (Content enclosed in marks)")
    for label, what in (("full", "direct quotes that are whole quotations"), ("all", "all direct quotes")):
        print(f"predicted: {what}")
        print(f"  content, exact   : {pr(label, True)}")
        print(f"  content, overlap : {pr(label, False)}")
        n_in = totals[label, "in_mixed"]
        k = totals[label, False]
        print(f"  unmatched but inside a human Content span not enclosed in marks (a quoted phrase within "
              f"reported speech): {n_in}; overlap precision counting these as correct: "
              f"{(k + n_in) / totals[label, 'pred']:.3f}")
    sp = totals["spk_ok"] / totals["spk_pred"] if totals["spk_pred"] else float("nan")
    sr = totals["spk_ok"] / totals["spk_gold"] if totals["spk_gold"] else float("nan")
    print(f"speaker (whole quotations matched by overlap, {totals['spk_gold']} with a gold Source): "
          f"precision {sp:.3f}  recall {sr:.3f}  ({totals['spk_ok']} correct of {totals['spk_pred']} predicted)")

    corpus = pd.DataFrame({"doc_id": [d["name"] for d in docs], "outlet": [d["name"].split("_")[0] for d in docs],
                           "text": [d["text"] for d in docs]})
    mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    best = float("inf")
    for _ in range(0 if args.no_throughput else 3):
        t0 = time.perf_counter()
        framing.sentences(corpus)
        framing.quotes(corpus)
        framing.voice(corpus)
        best = min(best, time.perf_counter() - t0)
    if not args.no_throughput:
        print(f"throughput: sentences+quotes+voice over {mb:.2f} MB in {best:.3f} s = {mb / best:.2f} MB/s "
              "(best of 3)")
    for title, rows in (("missed", misses), ("spurious", spurious)):
        for name, snippet in rows[: args.errors]:
            print(f"--- {title} [{name}]\n{snippet!r}")
    for name, got, want, snippet in spk_errors[: args.errors]:
        print(f"--- speaker [{name}] got {got!r}, gold {want!r}\n{snippet!r}")


if __name__ == "__main__":
    main()
