"""``framing lexicon list|show NAME|check PATH|review LEXICON CORPUS|precision REVIEW|coverage LEXICON CORPUS``:
the bundled lexicons and lexicon files, and reviewing a lexicon on a corpus."""

from __future__ import annotations

import argparse
import textwrap

import pandas as pd

from framing.cli._echo import echo


def register(subparsers) -> None:
    """Add the ``lexicon`` command group."""
    p = subparsers.add_parser(
        "lexicon",
        help="list, show or check lexicons",
        description="List the bundled lexicons, show one, or validate a lexicon file (YAML, quanteda YAML, LIWC .dic).",
    )
    sub = p.add_subparsers(dest="lexicon_command", metavar="ACTION")
    sub.required = True
    ls = sub.add_parser("list", help="list the bundled lexicons")
    ls.set_defaults(func=run_list)
    show = sub.add_parser("show", help="show a lexicon's description, references, categories and terms")
    show.add_argument("name", help="a bundled lexicon name or a lexicon file")
    show.add_argument("--terms", action="store_true", help="list every term (default: the first few per category)")
    show.set_defaults(func=run_show)
    check = sub.add_parser("check", help="every problem of a lexicon file, with line numbers; exit code 4 if it is invalid")
    check.add_argument("path", help="a lexicon file")
    check.add_argument("--corpus", help="a corpus file: warn about wildcards matching words you may not mean")
    check.set_defaults(func=run_check)
    review = sub.add_parser("review", help="a seeded sample of each term's matches in context, to judge by hand")
    review.add_argument("lexicon", help="a bundled lexicon name or a lexicon file")
    review.add_argument("corpus", help="a corpus file or folder (as read_corpus reads it)")
    review.add_argument("-o", "--output", required=True, help="the CSV to write (fill its 'correct' column: 1/0)")
    review.add_argument("--per-term", type=int, default=10, help="matches per term (default 10)")
    review.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    review.set_defaults(func=run_review)
    prec = sub.add_parser("precision", help="precision per term and category from a judged review CSV")
    prec.add_argument("review", help="the review CSV with its 'correct' column filled in")
    prec.add_argument("-o", "--output", help="also write the table to this CSV")
    prec.add_argument("--min-precision", type=float, default=0.8, help="drop terms below this (default 0.8)")
    prec.set_defaults(func=run_precision)
    cov = sub.add_parser("coverage", help="matches and documents per term of a lexicon in a corpus")
    cov.add_argument("lexicon", help="a bundled lexicon name or a lexicon file")
    cov.add_argument("corpus", help="a corpus file or folder")
    cov.add_argument("-o", "--output", help="also write the table to this CSV")
    cov.set_defaults(func=run_coverage)


def run_list(args: argparse.Namespace) -> int:
    from framing.lexicon.load import lexicon_names, load_lexicon

    for name in lexicon_names():
        lx = load_lexicon(name)
        cats = ", ".join(lx.categories)
        echo(f"{name}  (version {lx.version}, {len(lx.terms())} terms)")
        echo(textwrap.fill(f"categories: {cats}", width=100, initial_indent="    ", subsequent_indent="    "))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from framing.lexicon.load import load_lexicon

    lx = load_lexicon(args.name)
    echo(f"{lx.name}  version {lx.version}  language {lx.language}  ({lx.format}, {lx.source})")
    echo(f"sha256 {lx.content_hash}")
    if lx.description:
        echo(textwrap.fill(lx.description, width=100))
    if lx.references:
        echo("references:")
        for ref in lx.references:
            echo(textwrap.fill(ref, width=100, initial_indent="  - ", subsequent_indent="    "))
    echo("categories:")
    for name, cat in lx.categories.items():
        depth = name.count(".")
        pad = "  " * (depth + 1)
        echo(f"{pad}{name}  ({len(cat.terms)} terms{', ' + str(len(cat.exclude)) + ' exclusions' if cat.exclude else ''})")
        if cat.description:
            echo(textwrap.fill(cat.description, width=100, initial_indent=pad + "  ", subsequent_indent=pad + "  "))
        shown = cat.terms if args.terms else cat.terms[:12]
        if shown:
            more = f" ... (+{len(cat.terms) - len(shown)})" if len(shown) < len(cat.terms) else ""
            echo(textwrap.fill("terms: " + ", ".join(t.text for t in shown) + more, width=100,
                                initial_indent=pad + "  ", subsequent_indent=pad + "    "))
        if cat.exclude and args.terms:
            echo(textwrap.fill("exclude: " + ", ".join(t.text for t in cat.exclude), width=100,
                                initial_indent=pad + "  ", subsequent_indent=pad + "    "))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from framing.lexicon.check import lint_lexicon

    corpus = None
    if args.corpus:
        from framing.io import read_corpus

        corpus = read_corpus(args.corpus)
    problems = lint_lexicon(args.path, corpus=corpus)
    for row in problems.itertuples(index=False):
        where = f"{row.source}:{row.line}" if row.line is not None and row.line is not pd.NA else row.source
        echo(f"{where}: {row.severity}: {row.message}", err=True)
    errors = int((problems["severity"] == "error").sum())
    warns = len(problems) - errors
    if errors:
        noun = "problem" if errors == 1 else "problems"
        echo(f"{args.path}: invalid lexicon: {errors} {noun} to fix, {warns} warning(s)", err=True)
        return 4
    from framing.lexicon.load import load_lexicon

    lx = load_lexicon(args.path)
    echo(f"{args.path}: valid {lx.format} lexicon {lx.name!r}, {len(lx.categories)} categories, "
         f"{len(lx.terms())} terms, {warns} warning(s)")
    return 0


def run_review(args: argparse.Namespace) -> int:
    from framing.io import read_corpus
    from framing.learn.review import review_sample

    sample = review_sample(args.lexicon, read_corpus(args.corpus), per_term=args.per_term, seed=args.seed)
    sample.to_csv(args.output, index=False)
    echo(f"{args.output}: {len(sample)} matches of {sample.groupby(['category', 'term']).ngroups} terms to judge; "
         "write 1 (right) or 0 (wrong) in the 'correct' column, then run 'framing lexicon precision'")
    return 0


def run_precision(args: argparse.Namespace) -> int:
    from framing.learn.review import review_precision

    table = review_precision(args.review, min_precision=args.min_precision)
    if args.output:
        table.to_csv(args.output, index=False)
    for row in table.itertuples(index=False):
        name = row.category if row.level == "category" else f"  {row.term}"
        flag = "  DROP" if row.drop and row.level == "term" else ""
        echo(f"{name}: {row.precision:.2f} [{row.ci_low:.2f}, {row.ci_high:.2f}] "
             f"({row.n_correct}/{row.n_judged} judged right, {row.term_matches} matches){flag}")
    dropped = table[(table["level"] == "term") & table["drop"]]
    echo(f"terms to drop (precision < {args.min_precision}): "
         + (", ".join(dropped["term"]) if len(dropped) else "none"))
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    from framing.io import read_corpus
    from framing.match.coverage import lexicon_coverage

    table = lexicon_coverage(args.lexicon, read_corpus(args.corpus))
    if args.output:
        table.to_csv(args.output, index=False)
    for row in table.itertuples(index=False):
        note = "  no match" if row.no_match else ("  carries the category" if row.carries_category else "")
        echo(f"{row.category}  {row.term}: {row.n_matches} matches in {row.n_docs} documents{note}")
    return 0
