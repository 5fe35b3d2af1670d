"""``framing study run SPEC``: run a reproducible study spec; ``framing study check SPEC``: validate it."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    """Add the ``study`` command group."""
    p = subparsers.add_parser(
        "study",
        help="run or check a reproducible study (a YAML spec in analyses/<name>/study.yaml)",
        description="Run a study spec and write its report next to it, or check a spec without running it.",
    )
    sub = p.add_subparsers(dest="study_command", metavar="ACTION")
    sub.required = True
    run_p = sub.add_parser("run", help="run a study spec; the report goes to <output>/report/ next to the spec")
    run_p.add_argument("spec", type=Path, help="the study.yaml file")
    run_p.add_argument("-o", "--output", type=Path, default=None, metavar="DIR",
                       help="write here instead of the spec's output folder (needed when the spec's output is "
                            "an absolute path or outside the spec's folder)")
    run_p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    run_p.add_argument("--no-csv-escape", dest="csv_escape", action="store_false",
                       help="write CSV cells exactly as they are (by default text cells starting with =, +, -, @, "
                            "a tab or a carriage return get a leading ' so that spreadsheets do not run them)")
    run_p.set_defaults(func=run)
    check_p = sub.add_parser("check", help="validate a study spec without running it")
    check_p.add_argument("spec", type=Path, help="the study.yaml file")
    check_p.set_defaults(func=check)


def run(args: argparse.Namespace) -> int:
    from framing.cli.report import announce_report
    from framing.report.study import load_study, run_study

    study = load_study(args.spec)
    index = run_study(study, output=args.output, progress=not args.quiet, csv_escape=args.csv_escape)
    corpus = study.corpus_path
    if study.read is not None:  # a folder of tables: read as the study read it (its warnings were shown)
        import warnings

        from framing.report.study import read_study_corpus

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = read_study_corpus(study)
    return announce_report(index, corpus, quiet=args.quiet)


def check(args: argparse.Namespace) -> int:
    from framing.cli._echo import echo
    from framing.report.study import load_study

    study = load_study(args.spec)
    actors = ", ".join(study.actors) or "none"
    output = study.output_folder()  # refused here too when outside the spec's folder
    echo(f"{args.spec}: OK — study {study.name!r}, corpus {study.corpus}, actors: {actors}, "
          f"output: {output}")
    return 0
