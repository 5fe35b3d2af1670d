"""Speed-ups must not change results: every table of the pipeline, timed per stage, against a saved run.

Runs, in one process on the first N articles of ../shared/datasets/allsides_conflict: ``annotate`` (sentences,
quotes, voice), ``find`` (every bundled lexicon), ``score``, ``actor_labels``, ``attributions`` and
``casualties`` (annotations and matches given), prints the CPU seconds of each stage (``time.process_time``)
and saves the tables. With ``--compare`` each table is checked against a saved run cell for cell
(``pandas.testing.assert_frame_equal``); the exit status is 1 on a difference::

    PYTHONPATH=/path/to/checkout/before python benchmarks/same_outputs.py --save /tmp/before
    python benchmarks/same_outputs.py --save /tmp/after --compare /tmp/before

On a shared machine run the two checkouts one after the other, several times, and compare the lowest
figures: CPU seconds still vary by 20 % or more with the load.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
import warnings
from pathlib import Path

import pandas as pd

import framing

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"
ACTORS = {"Hamas": ["Hamas"], "Islamic State": ["Islamic State", "ISIS", "ISIL"], "Taliban": ["Taliban"],
          "Hezbollah": ["Hezbollah"], "al-Qaeda": ["al-Qaeda", "al Qaeda", "Al Qaeda"], "Houthis": ["Houthis"]}


def run(corpus: pd.DataFrame) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Every table of the pipeline and the CPU seconds of each stage."""
    times: dict[str, float] = {}

    def timed(name, func, *args, **kwargs):
        start = time.process_time()
        out = func(*args, **kwargs)
        times[name] = time.process_time() - start
        return out

    ann = timed("annotate", framing.annotate, corpus)
    matches = timed("find", framing.find, corpus, annotations=ann)
    tables = {"sentences": ann.sentences, "quotes": ann.quotes, "voice": ann.voice, "matches": matches}
    tables["score"] = timed("score", framing.score, corpus, matches=matches, annotations=ann)
    tables["actor_labels"] = timed("actor_labels", framing.actor_labels, corpus, ACTORS, annotations=ann,
                                   matches=matches)
    tables["attributions"] = timed("attributions", framing.attributions, corpus, annotations=ann, matches=matches)
    tables["casualties"] = timed("casualties", framing.casualties, corpus, annotations=ann, matches=matches)
    return tables, times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=1500, help="the first N articles (default 1500)")
    ap.add_argument("--save", type=Path, help="directory to save the tables in")
    ap.add_argument("--compare", type=Path, help="directory of a saved run to compare with")
    args = ap.parse_args(argv)
    if not DATA.exists():
        print(f"the AllSides corpus is not at {DATA}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    corpus = framing.read_corpus(DATA).head(args.docs).reset_index(drop=True)
    mb = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
    print(f"framing from {framing.__file__}: {len(corpus)} articles, {mb:.2f} MB of text")
    tables, times = run(corpus)
    for name, seconds in times.items():
        print(f"  {name:<14} {seconds:6.2f} CPU s")
    total = sum(times.values())
    print(f"  {'all':<14} {total:6.2f} CPU s  {mb / total:.2f} MB per CPU s")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        with open(args.save / "tables.pkl", "wb") as fh:
            pickle.dump(tables, fh)
    if not args.compare:
        return 0
    with open(args.compare / "tables.pkl", "rb") as fh:
        saved = pickle.load(fh)
    differ = 0
    for name, table in saved.items():
        try:
            pd.testing.assert_frame_equal(tables[name], table, check_exact=True)
            print(f"  {name}: identical ({len(table)} rows)")
        except AssertionError as exc:
            differ += 1
            print(f"  {name}: DIFFERENT\n{str(exc)[:2000]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
