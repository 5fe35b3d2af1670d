"""Throughput and memory of ``framing.find`` against a naive regular-expression baseline.

Run from the project root::

    python benchmarks/bench_find.py                 # everything (several minutes)
    python benchmarks/bench_find.py --naive-docs 0  # skip the naive baseline
    python benchmarks/bench_find.py --only liwc     # only the LIWC-sized lexicon

What it measures, on the AllSides conflict corpus (``../shared/datasets``):

1. the whole pipeline: ``find(corpus)`` computing sentences, quotes/voice and matches (and, before it,
   ``framing.sentences``, ``framing.voice`` and ``framing.quotes`` on their own);
2. ``find`` alone: the same with the sentence and voice tables computed beforehand;
3. the naive baseline: one ``re.finditer`` per lexicon term over every document,
   with the same overlap, exclusion and longest-match rules applied in plain
   Python, on the first ``--naive-docs`` documents; the match sets of both
   methods are compared exactly (document, start, end, lexicon, category, term);
4. a LIWC-sized lexicon: 10,000 entries generated from the corpus vocabulary
   (a third wildcards, 5% phrases, 64 categories, words in 1-3 categories);
5. peak memory of ``find`` alone (tracemalloc, in a separate run) and the
   process's maximum resident set size.

Times are wall-clock and CPU (process) seconds; on a shared machine the CPU
figure is the more stable one.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import sys
import time
import tracemalloc
import warnings
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

import framing
from framing.lexicon.load import Lexicon, LexiconWarning, lexicon_from_dict, resolve_lexicons
from framing.match import find

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"


def load_corpus() -> pd.DataFrame:
    frame = pd.read_json(DATA, lines=True, compression="gzip")
    corpus = frame[["doc_id", "outlet", "text"]].copy()
    corpus["doc_id"] = corpus["doc_id"].astype(str)
    return corpus


def timed(fn, *args, **kwargs):
    """``fn``'s result, wall seconds, CPU seconds (user + system) and the system part of them."""
    t0, c0 = time.perf_counter(), os.times()
    out = fn(*args, **kwargs)
    c1 = os.times()
    return out, time.perf_counter() - t0, (c1.user - c0.user) + (c1.system - c0.system), c1.system - c0.system


# -- naive baseline ------------------------------------------------------------------

_W = r"[^\W_]"
_J = r"[-\u2010\u2011'\u2019]"
_RUN = rf"(?:{_W}|{_J}(?={_W}))*"
_START = rf"(?<!{_W})(?<!{_W}{_J})"
_END = rf"(?!{_W})(?!{_J}{_W})"
_CLITIC = rf"(?:['\u2019](?:s|re|ve|ll|d|m)|n['\u2019]t){_END}"


def _word_regex(word: str) -> str:
    core = word.strip("*")
    lit = "".join(
        "['\u2019\u2018\u02bc]" if ch in "'\u2019" else ("[-\u2010\u2011]" if ch == "-" else re.escape(ch))
        for ch in core
    )
    lead, trail = word.startswith("*"), word.endswith("*")
    if lead and trail:
        return f"{_RUN}?{lit}{_RUN}"
    if lead:
        return f"(?:{_W}|{_J}(?={_W}))*?{lit}"
    if trail:
        return f"{lit}{_RUN}"
    return lit


def term_regex(text: str, case_sensitive: bool) -> re.Pattern[str]:
    words = text.split()
    body = r"\s+".join(_word_regex(w) for w in words)
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(f"{_START}(?:{body})(?:{_END}|(?={_CLITIC}))", flags)


def naive_find(corpus: pd.DataFrame, lexicons: list[Lexicon]) -> set[tuple]:
    """One re.finditer per term per document; then exclusions and leftmost-longest per lexicon."""
    compiled = []
    for lx in lexicons:
        for k, t in enumerate(lx.terms(include_exclude=True)):
            compiled.append((lx, k, t, term_regex(t.text, t.case_sensitive)))
    out: set[tuple] = set()
    for doc_id, text in zip(corpus["doc_id"], corpus["text"]):
        cands: dict[str, list] = defaultdict(list)
        for lx, k, t, rx in compiled:
            for m in rx.finditer(text):
                cands[lx.name].append((m.start(), m.end(), k, t))
        for lx in lexicons:
            items = cands.get(lx.name, [])
            excl = [(s, e, t) for s, e, _, t in items if t.exclude]
            kept = []
            for s, e, k, t in items:
                if t.exclude:
                    continue
                if any(es <= s and e <= ee and (t.category == et.category or t.category.startswith(et.category + "."))
                       for es, ee, et in excl):
                    continue
                kept.append((s, e, k, t))
            # leftmost-longest, non-overlapping spans
            spans = sorted({(s, e) for s, e, _, _ in kept}, key=lambda x: (x[0], -x[1]))
            chosen, last_end, last_start = set(), -1, None
            for s, e in spans:
                if s == last_start:
                    continue
                if s >= last_end:
                    chosen.add((s, e))
                    last_end, last_start = e, s
            best: dict[tuple, tuple] = {}
            for s, e, k, t in kept:
                if (s, e) not in chosen:
                    continue
                key = (s, e, t.category)
                rank = (t.specificity[0] * 10_000 + t.specificity[1], -k)
                if key not in best or rank > best[key][0]:
                    best[key] = (rank, t.text)
            for (s, e, cat), (_, term) in best.items():
                out.add((doc_id, s, e, lx.name, cat, term))
    return out


# -- LIWC-sized lexicon ---------------------------------------------------------------

def liwc_lexicon(corpus: pd.DataFrame, *, n_entries: int = 10_000, n_categories: int = 64, seed: int = 1,
                 memberships: tuple[int, ...] = (1, 1, 2, 3)) -> Lexicon:
    rng = random.Random(seed)
    words = Counter()
    bigrams = Counter()
    for text in corpus["text"].iloc[:1500]:
        toks = re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())
        words.update(toks)
        bigrams.update(zip(toks, toks[1:]))
    vocab = [w for w, _ in words.most_common(30_000)]
    n_wild = n_entries // 3
    n_phrase = n_entries // 20
    n_exact = n_entries - n_wild - n_phrase
    entries: set[str] = set()
    # exact words across the frequency range: the most frequent ones (like LIWC's function words) first
    for w in vocab[:400]:
        entries.add(w)
    pool = vocab[400:]
    while len(entries) < n_exact:
        entries.add(rng.choice(pool))
    stems = set()
    while len(stems) < n_wild:
        w = rng.choice(vocab[:20_000])
        if len(w) < 5:
            continue
        if rng.random() < 0.85:
            stems.add(w[: rng.randint(3, min(7, len(w) - 1))] + "*")
        else:
            stems.add("*" + w[-rng.randint(3, min(6, len(w) - 1)):])
    phrases = [" ".join(b) for b, _ in bigrams.most_common(n_phrase * 3)]
    rng.shuffle(phrases)
    all_entries = sorted(entries) + sorted(stems) + phrases[:n_phrase]
    cats: dict[str, list[str]] = {f"cat{k:02d}": [] for k in range(n_categories)}
    names = list(cats)
    for e in all_entries:
        for c in rng.sample(names, rng.choice(memberships)):
            cats[c].append(e)
    data = {
        "name": "liwc_sized",
        "version": "1",
        "categories": {c: {"terms": terms} for c, terms in cats.items() if terms},
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LexiconWarning)
        return lexicon_from_dict(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--naive-docs", type=int, default=500, help="documents for the naive comparison (0: skip)")
    ap.add_argument("--only", choices=["bundled", "liwc", "memory"], default=None)
    args = ap.parse_args(argv)
    corpus = load_corpus()
    mb = corpus["text"].str.len().sum() / 1e6
    print(f"corpus: {len(corpus)} documents, {mb:.1f} million characters")
    print(f"python {sys.version.split()[0]}, pandas {pd.__version__}, framing {framing.__version__}")

    sentences, t_s, c_s, _ = timed(framing.sentences, corpus)
    voice, t_v, c_v, _ = timed(framing.voice, corpus)
    print(f"sentences: {t_s:.1f} s wall ({c_s:.1f} s CPU); voice (quotes): {t_v:.1f} s wall ({c_v:.1f} s CPU)")
    if args.only in (None, "bundled"):
        quotes, t_q, c_q, _ = timed(framing.quotes, corpus)
        print(f"quotes (speakers and pronouns resolved): {len(quotes)} quotes, {t_q:.1f} s wall ({c_q:.1f} s CPU)")
        del quotes  # (not held while the pipeline is timed)

    if args.only in (None, "bundled"):
        lexs = resolve_lexicons(None)
        find(corpus.head(5), lexs)  # warm up the compiled lexicons
        m_pipe, t, c, _ = timed(find, corpus, lexs)
        print(f"pipeline find(corpus) [sentences+quotes+voice+matching]: {len(m_pipe)} matches, "
              f"{t:.1f} s wall = {mb / t:.2f} MB/s; {c:.1f} s CPU = {mb / c:.2f} MB/s")
        m_alone, t, c, _ = timed(find, corpus, lexs, sentences=sentences, voice=voice)
        print(f"find alone (all bundled lexicons): {len(m_alone)} matches, "
              f"{t:.2f} s wall = {mb / t:.1f} MB/s; {c:.2f} s CPU = {mb / c:.1f} MB/s")
        if args.naive_docs:
            sub = corpus.head(args.naive_docs)
            sub_mb = sub["text"].str.len().sum() / 1e6
            ids = set(sub["doc_id"])
            fast = m_alone[m_alone["doc_id"].isin(ids)]
            fast_set = set(zip(fast["doc_id"], fast["start"], fast["end"], fast["lexicon"], fast["category"], fast["term"]))
            sub_s = sentences[sentences["doc_id"].isin(ids)]
            sub_v = voice[voice["doc_id"].isin(ids)]
            _, tf, cf, _ = timed(find, sub, lexs, sentences=sub_s, voice=sub_v)
            naive, tn, cn, _ = timed(naive_find, sub, lexs)
            print(f"naive baseline on the first {len(sub)} documents ({sub_mb:.2f} million characters, "
                  f"{sum(len(lx.terms(include_exclude=True)) for lx in lexs)} regexes per document): "
                  f"{tn:.1f} s wall ({cn:.1f} s CPU) = {sub_mb / cn:.3f} MB/s CPU; find on the same documents "
                  f"{tf:.2f} s wall ({cf:.2f} s CPU): {cn / cf:.0f}x faster (CPU), {tn / tf:.0f}x (wall)")
            only_fast, only_naive = fast_set - naive, naive - fast_set
            print(f"match sets: {len(fast_set)} (find) vs {len(naive)} (naive); identical: "
                  f"{not only_fast and not only_naive}; only in find: {len(only_fast)}, only in naive: {len(only_naive)}")
            for row in sorted(only_fast)[:5]:
                print("  only find :", row)
            for row in sorted(only_naive)[:5]:
                print("  only naive:", row)

    if args.only in (None, "liwc"):
        for memberships, label in (((1, 1, 2, 3), "1-3 categories per entry, LIWC-like"),
                                   ((1,), "one category per entry")):
            lex = liwc_lexicon(corpus, memberships=memberships)
            terms = lex.terms()
            texts = {t.text for t in terms}
            print(f"LIWC-sized lexicon ({label}): {len(texts)} distinct entries ({len(terms)} category "
                  f"memberships), {sum('*' in t for t in texts)} wildcards, {sum(' ' in t for t in texts)} "
                  f"phrases, {len(lex.categories)} categories")
            # a thread of its own starts with no cached token types (they are kept per thread and
            # shared by its lexicons), as a new process would
            with ThreadPoolExecutor(1) as pool:
                _, t_first, c_first, sys_first = pool.submit(
                    timed, find, corpus, lex, sentences=sentences, voice=voice).result()
                m_liwc, t, c, sys_second = pool.submit(
                    timed, find, corpus, lex, sentences=sentences, voice=voice).result()
            print(f"  find alone, first call (compiling, caching token types): {t_first:.2f} s wall = "
                  f"{mb / t_first:.1f} MB/s; {c_first:.2f} s CPU = {mb / c_first:.1f} MB/s "
                  f"(of it {sys_first:.2f} s system time)")
            print(f"  find alone, second call: {len(m_liwc)} matches, {t:.2f} s wall = {mb / t:.1f} MB/s; "
                  f"{c:.2f} s CPU = {mb / c:.1f} MB/s (of it {sys_second:.2f} s system time)")
            del m_liwc

    if args.only in (None, "memory"):
        lexs = resolve_lexicons(None)
        find(corpus.head(5), lexs)
        tracemalloc.start()
        find(corpus, lexs, sentences=sentences, voice=voice)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory allocated during find alone (tracemalloc): {peak / 1e6:.0f} MB "
              f"(corpus text itself: {mb * 1:.0f}+ MB held by pandas)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"maximum resident set size of this process: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
