"""Does the fast permutation test give the p-value of the earlier, exact refitting procedure?

Run from the project root::

    python benchmarks/permutation_check.py --old-ref 779f499      # a commit before the fast path
    python benchmarks/permutation_check.py --old-ref 779f499 --per-outlet 2 --permutations 100

A small case that both can run: ``allsides_conflict`` (read, never copied),
``--per-outlet`` articles per outlet (random, seed 0), leaning by outlet, folds
grouped by outlet, word n-grams only (``FrameClassifier(char_ngrams=None,
lexicon=False, max_features=20000, min_df=2, C=10)``, the earlier default C) so the
old procedure finishes.
Three runs, each in its own process:

1. ``old``: ``distinguishability`` of the commit ``--old-ref`` (logistic
   regression refitted for every fold and permutation), extracted with ``git archive``;
2. ``logistic``: this version with ``model="logistic"``: the same classifier and
   null scheme, permutations drawn from other random streams;
3. ``ridge``: this version's default (closed-form ridge refits).

All run every permutation (``stop_after=None`` where it exists). The old and
logistic nulls are draws from the same distribution, so a two-sample
Kolmogorov-Smirnov test compares them; the p-values should agree within Monte
Carlo error (a binomial standard error ``sqrt(p (1 - p) / n)``). The ridge
classifier is a different statistic, so only its p-value is compared.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"

RUN = r"""
import json, sys, time, warnings
import framing
from framing.learn.classifier import FrameClassifier
from threadpoolctl import threadpool_limits
mode, per_outlet, n, data = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
c = framing.read_corpus(data)
mixed = c.groupby("outlet")["leaning"].nunique()
for o in mixed[mixed > 1].index:
    rows = c["outlet"] == o
    c.loc[rows, "leaning"] = c.loc[rows, "leaning"].value_counts().index[0]
sub = c.sample(frac=1.0, random_state=0).groupby("outlet", sort=False).head(per_outlet).reset_index(drop=True)
clf = FrameClassifier(char_ngrams=None, lexicon=False, max_features=20000, min_df=2, C=10.0, calibration="none")
kw = dict(by="leaning", unit="document", groups="outlet", classifier=clf, seed=0)
t0 = time.perf_counter()
with threadpool_limits(1), warnings.catch_warnings():
    warnings.simplefilter("ignore", FutureWarning)
    if mode == "old":
        res = framing.distinguishability(sub, n_permutations=n, **kw)
    else:
        res = framing.distinguishability(sub, n_resamples=n, model=mode, stop_after=None, progress=False, **kw)
s = res.summary.set_index("metric").loc["accuracy"]
print(json.dumps({"mode": mode, "package": framing.__file__, "units": len(sub), "seconds": time.perf_counter() - t0,
                  "estimate": float(s["estimate"]), "p_value": float(s["p_value"]),
                  "null": res.null["accuracy"].tolist()}))
"""


def run(mode: str, path: Path, args: argparse.Namespace) -> dict:
    env = dict(os.environ, PYTHONPATH=str(path))
    # run from the package's own folder: ``python -c`` puts the working directory first on sys.path
    out = subprocess.run([sys.executable, "-c", RUN, mode, str(args.per_outlet), str(args.permutations), str(DATA)],
                         env=env, cwd=path, check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if not Path(result["package"]).is_relative_to(path):
        raise SystemExit(f"{mode}: imported framing from {result['package']}, not from {path}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old-ref", required=True, help="git commit of the earlier procedure")
    ap.add_argument("--per-outlet", type=int, default=2)
    ap.add_argument("--permutations", type=int, default=100)
    args = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"dataset not found: {DATA}")
    import numpy as np
    from scipy.stats import ks_2samp

    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "old.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), args.old_ref, "framing", "lexicons"],
                       check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(Path(tmp) / "old", filter="data")
        old_path = Path(tmp) / "old"
        lex = old_path / "framing" / "lexicons"
        if not lex.exists():  # the package maps framing.lexicons to the top-level lexicons folder
            lex.symlink_to(old_path / "lexicons")
        results = {}
        for mode, path in (("old", old_path), ("logistic", ROOT), ("ridge", ROOT)):
            results[mode] = run(mode, path, args)
            r = results[mode]
            null = np.asarray(r["null"])
            print(f"{mode}: {r['units']} articles, accuracy {r['estimate']:.3f}, p = {r['p_value']:.3f}, "
                  f"null mean {null.mean():.3f} [5% {np.quantile(null, 0.05):.3f}, 95% {np.quantile(null, 0.95):.3f}], "
                  f"{r['seconds']:.0f} s, load {os.getloadavg()[0]:.1f}", flush=True)
    old, new = np.asarray(results["old"]["null"]), np.asarray(results["logistic"]["null"])
    ks = ks_2samp(old, new)
    p = results["old"]["p_value"]
    se = (p * (1 - p) / args.permutations) ** 0.5
    print(f"old vs logistic null: KS statistic {ks.statistic:.3f}, p = {ks.pvalue:.3f}; "
          f"observed accuracies {results['old']['estimate']:.3f} vs {results['logistic']['estimate']:.3f}; "
          f"p-values {p:.3f} vs {results['logistic']['p_value']:.3f} (Monte Carlo s.e. {se:.3f}); "
          f"ridge p-value {results['ridge']['p_value']:.3f}")
    print(time.strftime("%F %T"))


if __name__ == "__main__":
    main()
