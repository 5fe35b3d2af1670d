"""FrameClassifier probabilities of this version against those of an earlier commit, on unseen articles.

Run from the project root::

    python benchmarks/predict_check.py                        # against main, fit 1,000, predict 1,000
    python benchmarks/predict_check.py --ref 779f499 --fit 2000

The package of ``--ref`` is exported (``git archive``) to a temporary folder.
Each version runs in its own process: it fits ``FrameClassifier()`` (default
settings) on the first ``--fit`` articles of the ``bench_learn.py`` sample of
``../shared/datasets/allsides_conflict`` and computes ``predict_proba`` on the
next ``--unseen`` articles (after a first call on 10 of them), timing fit and
predict in CPU seconds. This version also loads the model file saved by the
earlier one (``framing.save_model``) and predicts with it. The probabilities
are compared: bit for bit, as the largest absolute difference, and as labels.
Exits with status 1 when they differ by 1e-12 or more or a label differs.
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

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def worker(out: Path, n_fit: int, n_unseen: int, load: Path | None) -> None:
    """Fit and predict with the ``framing`` found on ``sys.path``; write probabilities and timings to ``out``."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from threadpoolctl import threadpool_limits

    import bench_learn
    import framing
    from framing.learn.classifier import FrameClassifier

    c = bench_learn.corpus()
    fit, unseen = c.iloc[:n_fit], c.iloc[n_fit:n_fit + n_unseen]
    info = {"framing": framing.__file__, "mb": float(unseen["text"].str.len().sum() / 1e6)}
    arrays = {}
    with threadpool_limits(1):
        c0 = time.process_time()
        clf = FrameClassifier().fit(fit["text"], fit["leaning"])
        info["fit_cpu_s"] = time.process_time() - c0
        clf.predict_proba(unseen["text"].iloc[:10])
        c0, t0, o0 = time.process_time(), time.perf_counter(), os.times()
        arrays["proba"] = clf.predict_proba(unseen["text"])
        info["predict_cpu_s"], info["predict_s"], o1 = time.process_time() - c0, time.perf_counter() - t0, os.times()
        info["predict_user_s"], info["predict_system_s"] = o1.user - o0.user, o1.system - o0.system
        arrays["classes"] = np.asarray(clf.classes_, dtype=str)
        framing.save_model(clf, out.with_suffix(".skops"))
        if load is not None:
            other = framing.load_model(load)
            c0 = time.process_time()
            arrays["proba_loaded"] = other.predict_proba(unseen["text"])
            info["loaded_predict_cpu_s"] = time.process_time() - c0
    info["load_average"] = os.getloadavg()[0]
    np.savez(out.with_suffix(".npz"), **arrays)
    out.with_suffix(".json").write_text(json.dumps(info))


def run(python_path: Path, out: Path, args: argparse.Namespace, load: Path | None = None) -> dict:
    cmd = [sys.executable, __file__, "--worker", str(out), "--fit", str(args.fit), "--unseen", str(args.unseen)]
    if load is not None:
        cmd += ["--load", str(load)]
    env = dict(os.environ, PYTHONPATH=str(python_path), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    subprocess.run(cmd, check=True, env=env, cwd=ROOT)
    info = json.loads(out.with_suffix(".json").read_text())
    info.update(np.load(out.with_suffix(".npz")))
    return info


def compare(name: str, a: np.ndarray, b: np.ndarray, classes: np.ndarray) -> bool:
    diff = float(np.abs(a - b).max()) if a.shape == b.shape else float("inf")
    same_labels = a.shape == b.shape and bool((classes[a.argmax(1)] == classes[b.argmax(1)]).all())
    print(f"{name}: shape {b.shape}, bit-identical {a.shape == b.shape and np.array_equal(a, b)}, "
          f"max |difference| {diff:.3g}, same labels {same_labels}")
    return diff < 1e-12 and same_labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ref", default="main", help="commit whose framing package is the reference")
    ap.add_argument("--fit", type=int, default=1000)
    ap.add_argument("--unseen", type=int, default=1000)
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--load", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker is not None:
        worker(args.worker, args.fit, args.unseen, args.load)
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ref_root = tmp_path / "ref"
        ref_root.mkdir()
        archive = tmp_path / "ref.tar"
        subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), args.ref, "framing"], check=True,
                       cwd=ROOT)
        with tarfile.open(archive) as tar:
            tar.extractall(ref_root, filter="data")
        lexicons = ROOT / "framing" / "lexicons"
        if lexicons.exists() and not (ref_root / "framing" / "lexicons").exists():
            (ref_root / "framing" / "lexicons").symlink_to(lexicons.resolve())
        ref = run(ref_root, tmp_path / "ref_out", args)
        new = run(ROOT, tmp_path / "new_out", args, load=(tmp_path / "ref_out").with_suffix(".skops"))
    print(f"reference {args.ref}: {ref['framing']}\nthis version: {new['framing']}")
    print(f"fit {args.fit} articles, predict {args.unseen} unseen articles ({new['mb']:.2f} MB)")
    print("| version | fit CPU s | predict CPU s (user + system) | MB per CPU s | predict wall s | load |")
    print("|---|---|---|---|---|---|")
    for name, r in ((args.ref, ref), ("this version", new)):
        print(f"| {name} | {r['fit_cpu_s']:.1f} | {r['predict_cpu_s']:.2f} ({r['predict_user_s']:.2f} + "
              f"{r['predict_system_s']:.2f}) | {r['mb'] / r['predict_cpu_s']:.2f} | {r['predict_s']:.2f} "
              f"| {r['load_average']:.1f} |")
    print(f"this version predicting with the model file of {args.ref}: {new['loaded_predict_cpu_s']:.2f} CPU s "
          "(first call after loading)")
    classes = ref["classes"]
    ok = bool(np.array_equal(classes, new["classes"]))
    ok &= compare("fitted and predicted by each version", ref["proba"], new["proba"], classes)
    ok &= compare(f"model file of {args.ref} loaded by this version", ref["proba"], new["proba_loaded"], classes)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
