"""Scale benchmark: streamed scoring of a large corpus, throughput and peak memory.

Builds a corpus by replicating ../shared/datasets/allsides_conflict (each copy with
its own doc_ids) to the requested sizes (MB of JSON lines, before gzip) under
benchmarks/data/ (git-ignored, built on the fly), then runs
``framing.stream.score_file`` with every bundled lexicon on each size and number
of processes, each run in a fresh child process. The peak memory is that of the
whole process tree (the run and its worker processes): the sum of their resident
set sizes, sampled every 0.1 s with psutil (``max_single_rss_mb`` is getrusage's
RUSAGE_CHILDREN maxrss: the largest single process of this invocation so far). Throughput is MB of input
(JSON lines, uncompressed) per second of wall time; ``cpu_s`` is the CPU time of the
whole tree (user + system), which shows the work done whatever the machine's load.

Run by hand (not part of the tests)::

    python benchmarks/bench_scale.py --sizes 100 1000 --jobs 1 2

Figures are appended to benchmarks/results/bench_scale.jsonl with the machine load,
and a Markdown table for benchmarks/README.md is printed at the end.

Results must not depend on how fast they are computed: ``--compare CHECKOUT`` runs
``framing score`` (every bundled lexicon, with ``--matches``) on the first 300
AllSides articles with this checkout and with another one (e.g. the commit before
a speed-up, unpacked with ``git archive``) and checks that the scores, the matches and
the flagged-documents list are identical, cell for cell::

    python benchmarks/bench_scale.py --compare /tmp/before --sample 300
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATASET = HERE.parents[1] / "shared" / "datasets" / "allsides_conflict" / "articles.jsonl.gz"
DATA = HERE / "data"
RESULTS = HERE / "results" / "bench_scale.jsonl"
_DOC_ID = re.compile(rb'^\{"doc_id": "([^"]*)"')


def build(mb: int) -> Path:
    """benchmarks/data/allsides_<mb>mb.jsonl.gz: the dataset replicated to ``mb`` MB (uncompressed)."""
    path = DATA / f"allsides_{mb}mb.jsonl.gz"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    with gzip.open(DATASET, "rb") as fh:
        lines = [line if line.endswith(b"\n") else line + b"\n" for line in fh if line.strip()]
    target, written, copy = mb * 1_000_000, 0, 0
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wb", compresslevel=1) as out:
        while written < target:
            for line in lines:
                m = _DOC_ID.match(line)
                if m is None:
                    raise SystemExit(f"{DATASET}: a line does not start with a doc_id: {line[:80]!r}")
                line = line[: m.end(1)] + f"-{copy}".encode() + line[m.end(1):]
                out.write(line)
                written += len(line)
                if written >= target:
                    break
            copy += 1
    tmp.replace(path)
    return path


def uncompressed_size(path: Path) -> int:
    size = 0
    with gzip.open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            size += len(chunk)
    return size


def child(path: str, out: str, jobs: int, chunksize: int) -> None:
    """Run in a fresh process: score the file, print the summary as JSON."""
    from framing.scale.stream import score_file

    started, cpu = time.perf_counter(), time.process_time()
    summary = score_file(path, out, n_jobs=jobs, chunksize=chunksize)
    row = summary.iloc[0].to_dict()
    print(json.dumps({"wall": time.perf_counter() - started, "main_cpu": time.process_time() - cpu,
                      "docs": int(row["docs_in"]),
                      "rows": int(row["n_rows"]), "missing": int(row["docs_missing"])}))


def tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def measure(path: Path, jobs: int, chunksize: int) -> dict:
    import psutil

    with tempfile.TemporaryDirectory(dir=DATA) as tmp:
        out = Path(tmp) / "scores.parquet"
        load_before = os.getloadavg()
        usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(path), str(out), str(jobs), str(chunksize)],
            stdout=subprocess.PIPE, text=True,
        )
        handle = psutil.Process(proc.pid)
        peak, loads = 0, []
        while proc.poll() is None:
            peak = max(peak, tree_rss(handle))
            if not loads or time.perf_counter() - loads[-1][0] > 10:
                loads.append((time.perf_counter(), os.getloadavg()[0]))
            time.sleep(0.1)
        wall = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (usage.ru_utime + usage.ru_stime) - (usage_before.ru_utime + usage_before.ru_stime)
        output = proc.stdout.read() if proc.stdout else ""
        if proc.returncode:
            raise SystemExit(f"the run failed (exit {proc.returncode})")
        summary = json.loads(output.strip().splitlines()[-1])
        out_mb = out.stat().st_size / 1e6
    return {
        "file": path.name, "jobs": jobs, "chunksize": chunksize, "wall_s": round(wall, 1),
        "score_s": round(summary["wall"], 1), "docs": summary["docs"], "rows": summary["rows"],
        "docs_missing": summary["missing"], "peak_tree_rss_mb": round(peak / 1e6, 1),
        "cpu_s": round(cpu, 1), "main_cpu_s": round(summary["main_cpu"], 1), "max_single_rss_mb": round(usage.ru_maxrss / 1e3, 1),
        "output_mb": round(out_mb, 1), "load_before": round(load_before[0], 2),
        "load_during_mean": round(sum(v for _, v in loads) / max(len(loads), 1), 2),
        "cpus": os.cpu_count(),
    }


def compare(other: Path, sample: int) -> None:
    """Run ``framing score`` on the first ``sample`` articles with this checkout (one and two processes, chunks
    of 100) and with ``other``; exit 1 on a difference."""
    import pandas as pd

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"allsides_{sample}.jsonl"
        with gzip.open(DATASET, "rb") as fh, open(src, "wb") as out:
            for i, line in enumerate(fh):
                if i == sample:
                    break
                out.write(line)
        tables = {}
        for name, root, jobs in (("this", HERE.parent, 1), ("this, 2 processes", HERE.parent, 2),
                                 ("other", other.resolve(), 1)):
            stem = name.replace(", ", "_").replace(" ", "_")
            scores, matches = Path(tmp) / f"{stem}.parquet", Path(tmp) / f"{stem}_matches.parquet"
            env = {**os.environ, "PYTHONPATH": str(root)}
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "framing", "score", str(src), "-o", str(scores), "--matches",
                            str(matches), "--jobs", str(jobs), "--chunksize", "100", "-q"],
                           check=True, env=env, cwd=root)
            print(f"{name}: {root} scored in {time.perf_counter() - t0:.1f} s", flush=True)
            flagged = scores.with_name(scores.stem + ".flagged.csv")
            tables[name] = (pd.read_parquet(scores), pd.read_parquet(matches),
                            pd.read_csv(flagged, keep_default_na=False) if flagged.exists() else None)
    same = True
    for name in ("this, 2 processes", "other"):
        for what, a, b in zip(("scores", "matches", "flagged"), tables["this"], tables[name]):
            if a is None or b is None:
                print(f"{what}: written by one run only, not compared")
                continue
            try:
                pd.testing.assert_frame_equal(a, b, check_exact=True)
                print(f"this vs {name}: {what} identical ({len(a)} rows)")
            except AssertionError as exc:
                same = False
                print(f"this vs {name}: {what} DIFFERENT\n{exc}")
    raise SystemExit(0 if same else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000], help="corpus sizes in MB")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="numbers of processes")
    parser.add_argument("--chunksize", type=int, default=500, help="documents per chunk")
    parser.add_argument("--build-only", action="store_true", help="only build the corpus files")
    parser.add_argument("--compare", type=Path, default=None, metavar="CHECKOUT",
                        help="check that this checkout and CHECKOUT write identical score tables, then exit")
    parser.add_argument("--sample", type=int, default=300, help="articles scored by --compare")
    parser.add_argument("--child", nargs=4, metavar=("PATH", "OUT", "JOBS", "CHUNKSIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        path, out, jobs, chunksize = args.child
        child(path, out, int(jobs), int(chunksize))
        return
    if not DATASET.exists():
        raise SystemExit(f"{DATASET} is absent: this benchmark replicates it")
    if args.compare is not None:
        compare(args.compare, args.sample)
    files = {}
    for mb in args.sizes:
        t = time.perf_counter()
        files[mb] = build(mb)
        print(f"corpus {files[mb].name}: built/found in {time.perf_counter() - t:.0f} s", flush=True)
    if args.build_only:
        return
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    sizes = {mb: uncompressed_size(p) for mb, p in files.items()}
    rows = []
    print(f"{'file':<26}{'jobs':>5}{'MB':>8}{'docs':>9}{'wall s':>9}{'cpu s':>9}{'MB/s':>7}{'peak MB':>9}{'load':>6}")
    for mb, path in files.items():
        for jobs in args.jobs:
            row = measure(path, jobs, args.chunksize)
            row["input_mb"] = round(sizes[mb] / 1e6, 1)
            row["mb_per_s"] = round(sizes[mb] / 1e6 / row["wall_s"], 3)
            row["when"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            row["mb_per_cpu_s"] = round(sizes[mb] / 1e6 / row["cpu_s"], 3)
            rows.append(row)
            with RESULTS.open("a") as fh:
                fh.write(json.dumps(row) + "\n")
            print(f"{row['file']:<26}{jobs:>5}{row['input_mb']:>8}{row['docs']:>9}{row['wall_s']:>9}{row['cpu_s']:>9}"
                  f"{row['mb_per_s']:>7}{row['peak_tree_rss_mb']:>9}{row['load_during_mean']:>6}", flush=True)

    print("\n| input MB | processes | documents | wall s | MB/s (wall) | CPU s (all processes) | MB per CPU s "
          "| CPU s of the reading / writing process | peak RSS MB (all processes) | load |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['input_mb']} | {r['jobs']} | {r['docs']} | {r['wall_s']} | {r['mb_per_s']} | {r['cpu_s']} "
              f"| {r['mb_per_cpu_s']} | {r['main_cpu_s']} | {r['peak_tree_rss_mb']} | {r['load_during_mean']} |")


if __name__ == "__main__":
    main()
