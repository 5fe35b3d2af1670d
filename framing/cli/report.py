"""``framing report CORPUS -o DIR``: the whole analysis as an evidence-linked HTML report."""

from __future__ import annotations

import argparse
from pathlib import Path

from framing import schema


def register(subparsers) -> None:
    """Add the ``report`` command."""
    p = subparsers.add_parser(
        "report",
        help="run the whole analysis and write an HTML report with tables, figures and evidence",
        description=(
            "Run every measure (lexicon scores, actor labels, attributions, casualty framing, wire-copy edits), "
            "compare outlets, and write DIR/index.html (works offline; the highlighted articles it loads are in "
            "DIR/evidence/), DIR/tables/*.csv, "
            "DIR/figures/*.{png,pdf,svg} and DIR/manifest.json."
        ),
    )
    p.add_argument("corpus", help="a corpus file or folder framing.read_corpus reads, or 'example' for the bundled one")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="folder to write the report into")
    p.add_argument("--actors", type=Path, metavar="FILE.yaml", help="YAML mapping of actor name to aliases")
    p.add_argument("--actor", action="append", default=[], metavar="NAME=ALIAS1,ALIAS2",
                   help="an actor and its aliases (repeatable; added to --actors)")
    p.add_argument("--lexicon", action="append", default=None, metavar="NAME",
                   help="lexicon to score (repeatable; default every bundled lexicon)")
    p.add_argument("--lexicons", default=None, metavar="NAME,NAME",
                   help="lexicons to score, comma-separated (added to --lexicon)")
    p.add_argument("--outlet", default=None, metavar="NAME",
                   help="the outlet of every document the corpus gives none (no outlet column, or an empty value)")
    p.add_argument("--by", default="outlet", metavar="COLUMN[,COLUMN]",
                   help="corpus column(s) to compare by, comma-separated for combinations such as leaning,topic "
                        "(default: outlet)")
    p.add_argument("--cluster", default="auto", metavar="COLUMN[,COLUMN]",
                   help="unit whose documents are not independent: 'auto' (default: the outlet when --by is a "
                        "property of outlets such as their leaning, else the document), 'doc_id', 'outlet', "
                        "another corpus column, or several such as outlet,leaning")
    p.add_argument("--time", default=None, metavar="COLUMN",
                   help="date column: add rates per period and group over time (e.g. --time date)")
    p.add_argument("--freq", default="W", metavar="FREQ",
                   help="period of --time: D, W (default), M, Q, Y or a multiple such as 2W")
    p.add_argument("--event", action="append", default=[], metavar="NAME=YYYY-MM-DD",
                   help="an event to mark over time and compare before/after (repeatable; needs --time)")
    p.add_argument("--window", default=None, metavar="DURATION",
                   help="compare only documents within this distance of an event, e.g. 14D (default: all)")
    p.add_argument("--keyness-unit", default="document", metavar="UNIT",
                   help="distinctive terms by the share of documents using them (document, the default), of "
                        "outlets (outlet, or another corpus column), or by term counts (token)")
    p.add_argument("--keyness-min-docs", type=int, default=5, metavar="N",
                   help="leave out of keyness the terms used in fewer than N documents (default 5)")
    p.add_argument("--voice", default="narrator", choices=[*schema.VOICES, "all"],
                   help="voice whose lexicon rates are compared (default: narrator, the outlet's own)")
    p.add_argument("--wire", action="append", default=None, metavar="DOC_A,DOC_B",
                   help="a wire-copy pair to show edits for (repeatable; default every pair sharing copy)")
    p.add_argument("--seed", type=int, default=0, help="seed of resampling and Monte Carlo tests (default 0)")
    p.add_argument("--resamples", type=int, default=1999, help="resamples / Monte Carlo draws (default 1999)")
    p.add_argument("--title", default=None, help="report title")
    p.add_argument("--articles-per-page", type=int, default=25, metavar="N",
                   help="articles per page of the evidence browser's index and per file of DIR/evidence/ (default 25)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--no-csv-escape", dest="csv_escape", action="store_false",
                   help="write the CSV tables' cells exactly as they are (by default text cells starting with "
                        "=, +, -, @, a tab or a carriage return get a leading ' so that spreadsheets do not run them)")
    p.set_defaults(func=run)


def actors_from_args(args: argparse.Namespace) -> dict[str, list[str]] | None:
    """Actors from ``--actors FILE`` and repeated ``--actor NAME=a,b`` (the latter win)."""
    from framing.measures.actors import load_actors
    from framing.report.analysis import parse_actor_option

    actors: dict[str, list[str]] = dict(load_actors(args.actors)) if args.actors else {}
    for value in args.actor:
        name, aliases = parse_actor_option(value)
        actors[name] = aliases
    return load_actors(actors, source="--actor") if actors else None


def columns_arg(value: str, option: str) -> str | list[str]:
    """A comma-separated list of names from the command line: one name as a string, several as a list."""
    from framing.errors import UsageError

    names = [x.strip() for x in str(value).split(",")]
    if not all(names):
        raise UsageError(f"{option} {value!r}: expected NAME or NAME,NAME without empty names")
    return names[0] if len(names) == 1 else names


def events_from_args(values: list[str]) -> dict[str, str]:
    """``NAME=YYYY-MM-DD`` options as a mapping of event name to date."""
    from framing.errors import UsageError

    events = {}
    for value in values:
        name, sep, date = value.partition("=")
        if not sep or not name.strip() or not date.strip():
            raise UsageError(f"--event {value!r}: expected NAME=YYYY-MM-DD")
        events[name.strip()] = date.strip()
    return events


def lexicons_from_args(args: argparse.Namespace) -> list[str] | None:
    """Lexicons from repeated ``--lexicon NAME`` and ``--lexicons A,B`` (None: every bundled lexicon)."""
    names = list(args.lexicon or [])
    if args.lexicons:
        more = columns_arg(args.lexicons, "--lexicons")
        names += [more] if isinstance(more, str) else more
    return list(dict.fromkeys(names)) or None


def run(args: argparse.Namespace) -> int:
    from framing.errors import SchemaError
    from framing.report.output import report

    wire = None
    if args.wire:
        wire = []
        for value in args.wire:
            parts = [x.strip() for x in value.split(",")]
            if len(parts) != 2 or not all(parts):
                raise SchemaError(f"--wire {value!r}: expected DOC_A,DOC_B")
            wire.append((parts[0], parts[1]))
    index = report(
        args.corpus, args.output, actors=actors_from_args(args), lexicons=lexicons_from_args(args), wire=wire,
        by=columns_arg(args.by, "--by"), cluster=columns_arg(args.cluster, "--cluster"),
        keyness_unit=args.keyness_unit, keyness_min_docs=args.keyness_min_docs,
        time=args.time, freq=args.freq, events=events_from_args(args.event), window=args.window,
        voice=None if args.voice == "all" else args.voice, seed=args.seed, n_resamples=args.resamples,
        title=args.title, progress=not args.quiet, outlet=args.outlet, csv_escape=args.csv_escape,
        articles_per_page=args.articles_per_page,
    )
    return announce_report(index, args.corpus, quiet=args.quiet, outlet=args.outlet)


def announce_report(index: Path, corpus_arg, *, quiet: bool = False, outlet: str | None = None) -> int:
    """Say where the report was written and account for its documents (in, out, empty, flagged);
    return 1 if one went missing."""
    import warnings

    from framing.io.accounting import account_report, summary_line
    from framing.cli._echo import echo
    from framing.cli.score import load_corpus_arg

    echo(f"Report written to {index}")
    if not quiet:
        echo(f"Open it in a browser: {index.resolve().as_uri()}")
    with warnings.catch_warnings():  # they were shown when the report read the corpus
        warnings.simplefilter("ignore")
        corpus = corpus_arg if hasattr(corpus_arg, "columns") else load_corpus_arg(str(corpus_arg), outlet=outlet)
    accounted = account_report(corpus, index.parent)
    if not quiet:
        echo(summary_line(accounted), err=True)
    return 0 if accounted["docs_missing"].iloc[0] == 0 else 1
