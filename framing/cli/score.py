"""``framing score CORPUS -o FILE``: lexicon counts per document, category and voice."""

from __future__ import annotations

import argparse
from pathlib import Path

from framing._checks import check_count, check_jobs
from framing.cli._echo import echo
from framing.errors import UsageError


def register(subparsers) -> None:
    """Add the ``score`` command."""
    p = subparsers.add_parser(
        "score",
        help="count lexicon matches per document, category and voice",
        description=(
            "Match lexicons in a corpus and write one row per document x category x voice "
            "(doc_id, outlet, lexicon, category, voice, count, n_tokens, rate_per_1k), zeros included, "
            "to a CSV or Parquet file chosen by its extension. Documents that are empty, emptied by cleaning or "
            "had undecodable bytes are scored too, and listed with the reason in OUTPUT's name with "
            ".flagged.csv (scores.parquet -> scores.flagged.csv). Without a terminal, progress is printed "
            "as lines on standard error."
        ),
    )
    p.add_argument("corpus", help="a corpus file or folder framing.read_corpus reads, or 'example' for the bundled one")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                   help="output file: .csv, .tsv or .parquet")
    p.add_argument("--lexicon", action="append", default=None, metavar="NAME_OR_PATH",
                   help="a bundled lexicon name or a lexicon file (repeatable; default every bundled lexicon)")
    p.add_argument("--matches", type=Path, default=None, metavar="FILE",
                   help="also write every match (find) to this .csv, .tsv or .parquet file")
    p.add_argument("--negated", choices=["include", "exclude", "only"], default="include",
                   help="count negated matches or not (default include)")
    p.add_argument("--hypothetical", choices=["include", "exclude", "only"], default="include",
                   help="count hypothetical matches (modal, conditional, question) or not (default include)")
    p.add_argument("--text-col", default="text", help="text column of a table corpus (default text)")
    p.add_argument("--outlet-col", default="outlet", help="outlet column of a table corpus (default outlet)")
    p.add_argument("--doc-id-col", default="doc_id", help="document id column of a table corpus (default doc_id)")
    p.add_argument("--outlet", default=None, metavar="NAME",
                   help="the outlet of every document the corpus gives none (no outlet column, or an empty value)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or progress lines")
    p.add_argument("--progress-every", type=float, default=10.0, metavar="SECONDS",
                   help="when standard error is not a terminal (a batch job, a log file), print a progress line "
                        "(documents done, MB read, MB/s, time elapsed) every SECONDS seconds (default 10)")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="score on N processes (-1: every core); results are identical and in corpus order")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="score on a running dask.distributed cluster, e.g. tcp://host:8786 (needs the [dask] "
                        "extra on this machine and the workers); only this machine reads the corpus")
    p.add_argument("--chunksize", type=int, default=None, metavar="N",
                   help="read and score a corpus file N documents at a time, writing as it goes, so memory "
                        "stays bounded whatever its size (default 500; folders of HTML pages and the bundled "
                        "example are read whole)")
    p.add_argument("--no-csv-escape", dest="csv_escape", action="store_false",
                   help="write CSV / TSV cells exactly as they are; by default text cells starting with "
                        "=, +, -, @, a tab or a carriage return get a leading ' so that a spreadsheet does not "
                        "run them as formulas")
    p.set_defaults(func=run)


_FORMATS = {".csv": "csv", ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet"}


def _format(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"{path}: unknown output format {path.suffix!r}; use .csv, .tsv or .parquet")
    return fmt


def _write(table, path: Path, *, csv_escape: bool = True) -> None:
    """Write ``table`` to ``path`` atomically, in the format its extension names."""
    from framing import _atomic, _formulas

    fmt = _format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        with _atomic.atomic_path(path) as tmp:
            table.to_parquet(tmp, index=False)
    else:
        with _atomic.atomic_open(path, "w", encoding="utf-8", newline="") as fh:
            (_formulas.neutralise(table) if csv_escape else table).to_csv(
                fh, index=False, sep="\t" if fmt == "tsv" else ",")


def load_corpus_arg(value: str, *, text_col: str = "text", outlet_col: str = "outlet", doc_id_col: str = "doc_id",
                    outlet: str | None = None):
    """The corpus named on the command line: a path framing.read_corpus reads, or ``example``."""
    import framing

    if value == "example" and not Path(value).exists():
        return framing.example_corpus()
    return framing.read_corpus(value, text_col=text_col, outlet_col=outlet_col, doc_id_col=doc_id_col, outlet=outlet)


def _check_counts(args: argparse.Namespace) -> None:
    """Refuse a ``--chunksize`` below 1 and a ``--jobs`` that is neither positive nor -1."""
    if args.chunksize is not None:
        check_count("--chunksize", args.chunksize, minimum=1)
    check_jobs("--jobs", args.jobs)


def score_chunk(corpus, *, lexicons=None, negated: str = "include", hypothetical: str = "include",
                matches: bool = False):
    """Scores of one chunk of a streamed corpus (and its matches when ``matches``)."""
    from framing.match import Matcher

    found, scores = Matcher(lexicons).find_and_score(corpus, negated=negated, hypothetical=hypothetical)
    if not matches:
        return scores
    return {"scores": scores,
            "matches": found.astype({c: "str" for c in found.columns if str(found[c].dtype) == "category"})}


def flagged_path(output: Path) -> Path:
    """The file next to ``output`` that lists its flagged documents: ``scores.parquet`` -> ``scores.flagged.csv``."""
    return output.with_name(output.stem + ".flagged.csv")


def _progress(args: argparse.Namespace):
    """What shows progress: a bar on a terminal (True), lines when there is none, or nothing with --quiet."""
    import sys

    from framing.cli._progress import ProgressLines

    if args.quiet:
        return False
    if sys.stderr.isatty():
        return True
    return ProgressLines("score", args.progress_every)


def _summary(args: argparse.Namespace, text: str, docs_flagged: int) -> str:
    return text + (f"; flagged and empty documents with the reason in {flagged_path(args.output)}"
                   if docs_flagged else "")


def run_streamed(args: argparse.Namespace) -> int:
    """``framing score`` in chunks: bounded memory, ``--jobs`` processes or a Dask ``--scheduler``."""
    from framing.io import accounting
    from framing.scale import stream

    if args.corpus == "example" and not Path(args.corpus).exists():
        raise UsageError("--jobs, --scheduler and --chunksize read a corpus file or folder, not 'example'")
    out = args.output if args.matches is None else {"scores": args.output, "matches": args.matches}
    for path in ([args.output] if args.matches is None else [args.output, args.matches]):
        path.parent.mkdir(parents=True, exist_ok=True)
    from framing.lexicon.load import resolve_lexicons

    # read and checked once here, sent to each worker once: not parsed again for every chunk
    lexicons = resolve_lexicons(list(args.lexicon) if args.lexicon else None)
    progress = _progress(args)
    summary = stream.apply_file(
        score_chunk, args.corpus, out,
        options={"lexicons": lexicons, "negated": args.negated, "hypothetical": args.hypothetical,
                 "matches": args.matches is not None},
        n_jobs=args.jobs, scheduler=args.scheduler,
        chunksize=stream.CHUNKSIZE if args.chunksize is None else args.chunksize,
        progress=progress,
        text_col=args.text_col, outlet_col=args.outlet_col, doc_id_col=args.doc_id_col, outlet=args.outlet,
        csv_escape=args.csv_escape, flagged_out=flagged_path(args.output),
    )
    if not args.quiet:
        if not isinstance(progress, bool):
            progress.done()
        row = summary.iloc[0]
        echo(_summary(args, f"{row['n_rows']} rows written to {args.output} in {row['seconds']:.1f} s; "
                      + accounting.summary_line(summary.assign(stage="score")), int(row["docs_flagged"])), err=True)
    return 0 if summary["docs_missing"].iloc[0] == 0 else 1


def _streamable(corpus: str) -> bool:
    """Whether a corpus argument can be read in chunks (every file format; folders of .txt files)."""
    path = Path(corpus)
    if path.is_file():
        return True
    if path.is_dir():
        names = [p.suffix.lower() for p in path.iterdir() if p.is_file()]
        return ".txt" in names and not ({".html", ".htm"} & set(names))
    return False


def run(args: argparse.Namespace) -> int:
    """Score a corpus file in chunks (bounded memory); the bundled example and HTML folders in memory."""
    from framing import _atomic

    _check_counts(args)
    outputs = [args.output] if args.matches is None else [args.output, args.matches]
    outputs.append(flagged_path(args.output))
    # before anything is read: an output that is the input, or both outputs one file
    _atomic.check_paths([] if args.corpus == "example" and not Path(args.corpus).exists() else [args.corpus],
                        outputs)
    if args.jobs != 1 or args.scheduler is not None or args.chunksize is not None or _streamable(args.corpus):
        _format(args.output)  # fail before the work
        if args.matches is not None:
            _format(args.matches)
        return run_streamed(args)

    _format(args.output)  # fail before the work
    if args.matches is not None:
        _format(args.matches)
    for path in outputs:
        path.parent.mkdir(parents=True, exist_ok=True)
    with _atomic.locked(outputs):  # a second run writing the same file fails now, not after the work
        return _run_in_memory(args)


def _run_in_memory(args: argparse.Namespace) -> int:
    """``framing score`` of a corpus read whole (the bundled example, folders of HTML pages)."""
    import sys

    import pandas as pd

    from framing.match import Matcher

    corpus = load_corpus_arg(args.corpus, text_col=args.text_col, outlet_col=args.outlet_col,
                             doc_id_col=args.doc_id_col, outlet=args.outlet)
    matcher = Matcher(args.lexicon)
    bar = update = None
    progress = _progress(args) if len(corpus) > 0 else False
    if progress is True:
        from tqdm import tqdm

        bar = tqdm(total=len(corpus), unit="doc", desc="score", file=sys.stderr, mininterval=0.5)
        update = bar.update
    elif progress is not False:
        done = [0]

        def update(n: int) -> None:
            done[0] += n
            progress(done[0])
    try:
        found, scores = matcher.find_and_score(corpus, negated=args.negated, hypothetical=args.hypothetical,
                                               progress=update)
    finally:
        if bar is not None:
            bar.close()
    if progress not in (True, False):
        progress.done()
    _write(scores, args.output, csv_escape=args.csv_escape)
    if args.matches is not None:
        _write(found.astype({c: "str" for c in found.columns if str(found[c].dtype) == "category"}), args.matches,
               csv_escape=args.csv_escape)
    from framing.io.accounting import account, flagged_documents, summary_line

    reasons = flagged_documents(corpus)
    flagged = pd.DataFrame({"doc_id": corpus["doc_id"].astype(str), "reason": reasons})[reasons != ""]
    _write(flagged, flagged_path(args.output), csv_escape=args.csv_escape)
    accounted = account(corpus, scores, stage="score")
    if not args.quiet:
        echo(f"{len(scores)} rows ({len(corpus)} documents x {sum(len(lx.categories) for lx in matcher.lexicons)} categories x 3 voices) "
              f"written to {args.output}; {len(found)} matches", err=True)
        echo(_summary(args, summary_line(accounted), int(accounted["docs_flagged"].iloc[0])), err=True)
    return 0 if accounted["docs_missing"].iloc[0] == 0 else 1
