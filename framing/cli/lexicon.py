"""``framing lexicon list|show NAME|check PATH``: the bundled lexicons and lexicon files."""

from __future__ import annotations

import argparse
import textwrap

from framing.cli.app import echo


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
    check = sub.add_parser("check", help="validate a lexicon file; exit code 4 if it is invalid")
    check.add_argument("path", help="a lexicon file")
    check.set_defaults(func=run_check)


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
    from framing.lexicon.load import check_lexicon

    lx, warns = check_lexicon(args.path)
    for w in warns:
        echo(f"warning: {w}", err=True)
    echo(f"{args.path}: valid {lx.format} lexicon {lx.name!r}, {len(lx.categories)} categories, "
          f"{len(lx.terms())} terms, {len(warns)} warning(s)")
    return 0
