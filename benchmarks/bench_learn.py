"""Time of the learning functions against corpus size, on one and two processes.

Run from the project root::

    python benchmarks/bench_learn.py                       # every part, default sizes
    python benchmarks/bench_learn.py --what fit predict --sizes 500 1000 2000
    python benchmarks/bench_learn.py --what distinguishability --sizes 1800 --jobs 2

Data: ``../shared/datasets/allsides_conflict/articles.jsonl.gz`` (read, never
copied): a random sample (seed 0) of ``size`` articles; predict is timed on
other articles than those fitted. BLAS and OpenMP are held to one thread, so
``--jobs`` is the number of processes (joblib) and nothing else.

Parts:

- ``fit``: ``FrameClassifier(n_jobs=jobs).fit`` (default blocks, sigmoid calibration);
- ``fit`` also gives the CPU seconds of this process (with ``--jobs 1``, the whole fit);
- ``predict``: ``predict_proba`` of that model on up to 1,000 unseen articles, in MB/s of wall and of CPU
  time (also split into user and system time: the system part is mostly the kernel mapping fresh memory
  for large arrays), after a first call on 10 articles (timed apart; fitting already compiled the vocabularies and
  remembered the fitted texts' pieces, see ``framing.learn._ngrams``);
- ``evaluate``: ``framing.evaluate(FrameClassifier(), ..., cv=5, groups=outlet, n_jobs=jobs)``;
- ``distinguishability``: ``framing.distinguishability(by="leaning", unit="document",
  groups="outlet", n_resamples=100, stop_after=None, n_jobs=jobs)`` (all 100
  permutations run), and the same with ``n_resamples=0`` at sizes up to 900, so
  the difference gives the time per permutation.

Each result is one JSON line in ``benchmarks/results/bench_learn.jsonl`` with the
load average, and a Markdown table is printed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

import pandas as pd
from threadpoolctl import threadpool_limits

import framing
from framing.learn.classifier import FrameClassifier

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"
OUT = Path(__file__).resolve().parent / "results" / "bench_learn.jsonl"


def corpus() -> pd.DataFrame:
    if not DATA.exists():
        raise SystemExit(f"dataset not found: {DATA}")
    c = framing.read_corpus(DATA)
    mixed = c.groupby("outlet")["leaning"].nunique()
    for outlet in mixed[mixed > 1].index:  # leaning must be an outlet property
        rows = c["outlet"] == outlet
        c.loc[rows, "leaning"] = c.loc[rows, "leaning"].value_counts().index[0]
    return c.sample(frac=1.0, random_state=0).reset_index(drop=True)


def record(rows: list, **row) -> None:
    row.update(load=round(os.getloadavg()[0], 2), python=platform.python_version(), when=time.strftime("%F %T"))
    rows.append(row)
    OUT.parent.mkdir(exist_ok=True)
    with open(OUT, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")
    print(json.dumps(row), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--what", nargs="+", default=["fit", "predict", "evaluate", "distinguishability"],
                    choices=["fit", "predict", "evaluate", "distinguishability"])
    ap.add_argument("--sizes", nargs="+", type=int, default=[450, 900, 1800])
    ap.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--permutations", type=int, default=100)
    args = ap.parse_args()
    c = corpus()
    rows: list[dict] = []
    for size in args.sizes:
        sub = c.iloc[:size]
        unseen = c.iloc[size:size + 1000]
        mb = sub["text"].str.len().sum() / 1e6
        for jobs in args.jobs:
            with threadpool_limits(1):
                if "fit" in args.what or "predict" in args.what:
                    t0, c0 = time.perf_counter(), time.process_time()
                    clf = FrameClassifier(n_jobs=jobs).fit(sub["text"], sub["leaning"])
                    fit_s, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
                    if "fit" in args.what:
                        record(rows, part="fit", size=size, mb=round(mb, 2), jobs=jobs, seconds=round(fit_s, 1),
                               cpu_seconds=round(fit_cpu, 1))
                    if "predict" in args.what:
                        # the first call compiles the fitted vocabularies once per model (not saved with it)
                        t0, c0 = time.perf_counter(), time.process_time()
                        clf.predict_proba(unseen["text"].iloc[:10])
                        setup, setup_cpu = time.perf_counter() - t0, time.process_time() - c0
                        t0, c0, o0 = time.perf_counter(), time.process_time(), os.times()
                        clf.predict_proba(unseen["text"])
                        s, cpu, o1 = time.perf_counter() - t0, time.process_time() - c0, os.times()
                        umb = unseen["text"].str.len().sum() / 1e6
                        record(rows, part="predict", size=len(unseen), mb=round(umb, 2), jobs=jobs,
                               seconds=round(s, 2), mb_per_s=round(umb / s, 2), cpu_seconds=round(cpu, 2),
                               mb_per_cpu_s=round(umb / cpu, 2), user_seconds=round(o1.user - o0.user, 2),
                               system_seconds=round(o1.system - o0.system, 2), first_call_seconds=round(setup, 2),
                               first_call_cpu_seconds=round(setup_cpu, 2))
                if "evaluate" in args.what:
                    t0 = time.perf_counter()
                    framing.evaluate(FrameClassifier(), sub["text"], sub["leaning"], cv=5, groups=sub["outlet"],
                                     n_jobs=jobs)
                    record(rows, part="evaluate", size=size, mb=round(mb, 2), jobs=jobs,
                           seconds=round(time.perf_counter() - t0, 1))
                if "distinguishability" in args.what:
                    kw = dict(by="leaning", unit="document", groups="outlet", n_jobs=jobs, progress=False)
                    base = None
                    if size <= 900:
                        t0 = time.perf_counter()
                        framing.distinguishability(sub, n_resamples=0, **kw)
                        base = time.perf_counter() - t0
                    t0 = time.perf_counter()
                    res = framing.distinguishability(sub, n_resamples=args.permutations, stop_after=None, **kw)
                    s = time.perf_counter() - t0
                    row = res.summary.set_index("metric").loc["accuracy"]
                    record(rows, part="distinguishability", size=size, mb=round(mb, 2), jobs=jobs,
                           seconds=round(s, 1), permutations=int(row["n_permutations"]),
                           seconds_without_permutations=None if base is None else round(base, 1),
                           ms_per_permutation=None if base is None else round(1000 * (s - base) / args.permutations,
                                                                               1),
                           accuracy=round(float(row["estimate"]), 3), p_value=round(float(row["p_value"]), 3))
    print("\n| part | units | MB | processes | seconds | MB/s or ms per permutation | load |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        extra = r.get("mb_per_s") or r.get("ms_per_permutation") or ""
        print(f"| {r['part']} | {r['size']} | {r['mb']} | {r['jobs']} | {r['seconds']} | {extra} | {r['load']} |")


if __name__ == "__main__":
    main()
