"""Shared pieces of the validation scripts: gold files, the coded corpus, intervals, the README table.

The hand-coded gold lives in ``../shared/gold`` and the datasets in
``../shared/datasets`` beside the project; both are read, never copied.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

import framing

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold"
DATASETS = SHARED / "datasets"
ALLSIDES = DATASETS / "allsides_conflict" / "articles.jsonl.gz"
README = Path(__file__).resolve().parent / "README.md"
BASELINE = Path(__file__).resolve().parent / "results" / "validity_baseline.json"

#: items per article above which a proportion is given a bootstrap-by-article interval instead of Wilson's
CLUSTERED = 1.5
N_BOOT = 2000


def load_gold(name: str) -> list[dict] | None:
    """The items of ``../shared/gold/<name>.jsonl``, or None when the file is absent."""
    path = GOLD / f"{name}.jsonl"
    if not path.is_file():
        return None
    items = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise SystemExit(f"{path}:{lineno}: not a JSON object ({err.msg})") from err
    return items


_ALLSIDES_CACHE: dict[str, pd.DataFrame] = {}


def allsides_corpus(doc_ids) -> pd.DataFrame:
    """The raw (uncleaned) allsides_conflict articles with these ids, in the order given, as a corpus table
    (with each article's date, which dated roles of ``framing.sources`` need).

    The gold offsets index the text exactly as stored, so no boilerplate is removed.
    """
    if "all" not in _ALLSIDES_CACHE:
        _ALLSIDES_CACHE["all"] = framing.read_corpus(ALLSIDES, clean=False).set_index("doc_id", drop=False)
    table = _ALLSIDES_CACHE["all"]
    ids = list(dict.fromkeys(doc_ids))
    missing = [d for d in ids if d not in table.index]
    if missing:
        raise SystemExit(f"{ALLSIDES}: no article with doc_id {missing[:5]} named by the gold")
    return table.loc[ids, ["doc_id", "outlet", "date", "text"]].reset_index(drop=True)


# --------------------------------------------------------------------------- intervals

def wilson(k: float, n: float, z: float = 1.959964) -> tuple[float, float]:
    """Wilson score interval of the proportion k/n (95 % by default)."""
    if n <= 0:
        return math.nan, math.nan
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return max(0.0, centre - half), min(1.0, centre + half)


def bootstrap_ratio(num: np.ndarray, den: np.ndarray, n_boot: int = N_BOOT, seed: int = 0) -> tuple[float, float]:
    """Percentile interval of sum(num) / sum(den) when whole articles are resampled (one entry per article)."""
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    if den.sum() <= 0 or len(den) == 0:
        return math.nan, math.nan
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(len(den), np.full(len(den), 1 / len(den)), size=n_boot)
    d = weights @ den
    r = np.divide(weights @ num, d, out=np.full(n_boot, np.nan), where=d > 0)
    r = r[~np.isnan(r)]
    return float(np.quantile(r, 0.025)), float(np.quantile(r, 0.975))


@dataclass
class Figure:
    """One validity figure: an estimate k/n with its 95 % interval, or the reason it is not available."""

    dataset: str
    measure: str
    estimate: float | None = None
    low: float | None = None
    high: float | None = None
    k: float | None = None
    n: float | None = None
    method: str = ""
    floor: str = ""
    note: str = ""

    @property
    def available(self) -> bool:
        return self.estimate is not None

    def line(self) -> str:
        if not self.available:
            return f"  {self.measure:58} not available ({self.note})"
        ci = f"[{self.low:.3f}, {self.high:.3f}]" if not math.isnan(self.low) else "[-]"
        floor = f"  floor {self.floor}" if self.floor else ""
        note = f"  ({self.note})" if self.note else ""
        counts = f"{_count(self.k)}/{_count(self.n)}"
        return f"  {self.measure:58} {self.estimate:.3f} {ci:16} {counts} {self.method}{floor}{note}"


def _count(v) -> str:
    return str(int(v)) if v is not None and float(v).is_integer() else f"{v}"


def ratio(dataset: str, measure: str, k_by_doc, n_by_doc, *, floor: str = "", note: str = "",
          proportion: bool = True) -> Figure:
    """Figure for sum(k) / sum(n) over articles.

    ``k_by_doc`` and ``n_by_doc`` are per-article counts (mappings from doc_id, or
    pandas Series). A proportion whose units come at most ``CLUSTERED`` per article
    on average gets Wilson's interval; otherwise, or when the figure is not a
    proportion of independent units (``proportion=False``, e.g. F1), the articles
    are resampled.
    """
    n_s = pd.Series(n_by_doc, dtype=float)
    k_s = pd.Series(k_by_doc, dtype=float).reindex(n_s.index, fill_value=0.0)
    k, n = float(k_s.sum()), float(n_s.sum())
    if n <= 0:
        return Figure(dataset, measure, note=note or "no items to score", floor=floor)
    docs = int((n_s > 0).sum())
    if proportion and n / max(docs, 1) <= CLUSTERED:
        lo, hi = wilson(k, n)
        method = "Wilson"
    else:
        keep = n_s > 0
        lo, hi = bootstrap_ratio(k_s[keep].to_numpy(), n_s[keep].to_numpy())
        method = f"bootstrap {docs} art."
    return Figure(dataset, measure, k / n, lo, hi, k, n, method, floor, note)


def unavailable(dataset: str, measure: str, why: str, floor: str = "") -> Figure:
    return Figure(dataset, measure, note=why, floor=floor)


# --------------------------------------------------------------------------- README table

BEGIN = "<!-- validity:begin (written by benchmarks/validity.py; edits inside are replaced) -->"
END = "<!-- validity:end -->"


def _key(f: Figure) -> str:
    return f"{f.dataset} | {f.measure}"


def git_version() -> str:
    """The checked-out commit (short hash, "+changes" when the tree differs from it), or "" outside git."""
    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "framing", "lexicons"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return head + ("+changes" if dirty else "")


def save_baseline(figures: list[Figure], command: str, path: Path = BASELINE) -> None:
    """Keep these figures as the baseline ("before") that later tables are shown against."""
    data = {"date": _dt.date.today().isoformat(), "version": git_version(), "command": command,
            "figures": {_key(f): {"estimate": f.estimate, "low": f.low, "high": f.high, "k": f.k, "n": f.n}
                        for f in figures if f.available}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def load_baseline(path: Path = BASELINE) -> dict | None:
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def results_table(figures: list[Figure], command: str, seconds: float, baseline: dict | None = None) -> str:
    """Markdown section with every figure, the date and the command that produced it.

    With a ``baseline`` (see :func:`save_baseline`) a column gives the baseline figure of each row.
    """
    today = _dt.date.today().isoformat()
    version = git_version()
    lines = [
        BEGIN,
        "## Validity: every measure against hand-coded gold",
        "",
        f"Measured {today}{f' on {version}' if version else ''} with `{command}` ({seconds:.0f} s of CPU). Matching",
        "rules and definitions are in the docstring of `benchmarks/validity.py`; gold codebooks in",
        "`../shared/gold/README.md` (dev part). Intervals are 95 %: Wilson for proportions of units drawn about one",
        f"per article, a percentile bootstrap over articles ({N_BOOT} resamples) where units cluster, and for F1.",
        "`n/a` = the library does not give this yet; the reason is in the interval column.",
    ]
    head = "| data | figure | estimate | 95 % CI | k / n | interval | floor |"
    rule = "|---|---|---|---|---|---|---|"
    if baseline:
        lines.append(f"Baseline column: the figures of {baseline['date']}"
                     f"{' on ' + baseline['version'] if baseline.get('version') else ''}"
                     " (`benchmarks/results/validity_baseline.json`).")
        head += " baseline (95 % CI) |"
        rule += "---|"
    lines += ["", head, rule]
    for f in figures:
        if f.available:
            ci = f"{f.low:.3f}-{f.high:.3f}" if not math.isnan(f.low) else "-"
            est = f"{f.estimate:.3f}"
            kn = f"{_count(f.k)} / {_count(f.n)}"
            method = f.method
        else:
            est, ci, kn, method = "n/a", "", "", f.note
        measure = f.measure + (f" ({f.note})" if f.available and f.note else "")
        row = f"| {f.dataset} | {measure} | {est} | {ci} | {kn} | {method} | {f.floor} |"
        if baseline:
            b = baseline["figures"].get(_key(f))
            row += (f" {b['estimate']:.3f} ({b['low']:.3f}-{b['high']:.3f}) |" if b else " n/a |")
        lines.append(row)
    lines.append(END)
    return "\n".join(lines)


def write_section(section: str, path: Path = README) -> None:
    """Replace the marked validity section of ``path`` (or put it first when absent)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: section, old, count=1)
    else:
        new = section + "\n\n" + old.lstrip("\n")
    path.write_text(new, encoding="utf-8")
