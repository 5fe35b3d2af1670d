"""Label attachment against the coded actor mentions of NewsWCL50.

Run from the project root::

    python benchmarks/validate_labels_newswcl50.py
    python benchmarks/validate_labels_newswcl50.py --errors 20   # also print misses and false ties

Data: ``../shared/datasets/newswcl50`` beside the project (Hamborg, Zhukova &
Gipp, JCDL 2019; see its SOURCE.md): 50 articles (10 events x 5 outlets) in
which every mention of an actor is coded with its concept. The texts are the
fork's sentence files ``reconstructed_text_fork/2-matched/event_*/orientation_*/
*_sent.txt`` (one sentence per line; a document is its lines joined with
newlines) and the codes come from the matching ``*_annotations.csv``. They are
read, never copied.

Question
--------
When a coded mention of a person, group or country contains a label word
("North Korean dictator Kim Jong Un", "the dictator", "the Kim regime"), does
:func:`framing.actor_labels` tie that word to the coded concept?

Protocol
--------
* Mentions: rows with ``code_type`` ACTOR, ACTOR-I, GROUP or COUNTRY, located
  in their sentence by string search (the occurrence nearest the coded token
  position); mentions whose string is not found are skipped (counted).
* Label words: NewsWCL50 is about politics, not armed groups, so the bundled
  ``actor_labels`` lexicon (terrorist, militant, ...) occurs in only a handful
  of mentions. The attachment rules do not depend on the words, so the main
  run uses a *descriptor* lexicon fixed before looking at the results:
  generic English nouns that describe a political actor (roles and titles,
  group and state nouns, evaluative labels) -- see ``DESCRIPTORS`` below. The
  bundled lexicon is run too and reported with its (small) counts.
* Actors (what a user would supply): for every event, each concept's aliases
  are its coded mentions that are proper names -- every word capitalised
  (``of``/``the``/``and`` allowed inside), at most four words, no label word,
  not a pronoun, a leading "the" dropped. An alias coded for several concepts
  goes to the concept that uses it most. Concepts without a name alias cannot
  be found by any name-based method and are reported apart.
* Gold ties: (document, concept, label start) for every label-word match of
  :func:`framing.find` that lies inside a located coded mention of the concept
  and is not part of one of the concept's aliases.
* Predicted ties: rows of :func:`framing.actor_labels` (negated rows kept).
* Scores:
  - recall = gold ties predicted with the same concept / gold ties (also for
    gold ties of concepts that have an alias, and by whether the mention
    contains an alias, i.e. premodifier/compound-like versus descriptions
    that stand alone and need coreference);
  - precision = predicted ties that are gold / predicted ties whose label word
    lies inside *some* coded mention of one of the four types (a label word
    outside every coded mention cannot be judged: annotators code concepts,
    not every noun -- their number is printed); strict precision divides by
    all predicted ties.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

import framing
from framing.lexicon.load import lexicon_from_dict

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "newswcl50" / "reconstructed_text_fork" / "2-matched"
TYPES = ("ACTOR", "ACTOR-I", "GROUP", "COUNTRY")
INNER = {"of", "the", "and", "for", "de", "al", "bin", "von", "van", "der", "la", "le"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our"}

#: generic descriptor nouns of political actors (fixed a priori, not read off the annotations)
DESCRIPTORS = {
    "name": "descriptors",
    "version": "1",
    "description": "Generic nouns that describe political actors; used to validate label attachment.",
    "categories": {
        "role": {
            "description": "Roles and titles of persons.",
            "terms": [
                "president", "vice president", "prime minister", "minister", "secretary", "senator", "governor",
                "leader", "leaders", "chief", "chairman", "director", "spokesman", "spokeswoman", "spokesperson",
                "ambassador", "envoy", "diplomat", "official", "officials", "adviser", "advisor", "aide", "aides",
                "lawyer", "attorney", "counsel", "judge", "chancellor", "king", "queen", "general", "commander",
                "candidate", "nominee", "lawmaker", "lawmakers", "congressman", "congresswoman", "representative",
                "mayor", "ceo", "founder", "head", "successor", "predecessor", "counterpart",
            ],
        },
        "collective": {
            "description": "Nouns for groups, organisations and states.",
            "terms": [
                "group", "groups", "organization", "organisation", "administration", "government", "party",
                "agency", "committee", "campaign", "movement", "coalition", "alliance", "nation", "country",
                "state", "republic", "kingdom", "team", "allies", "ally", "caravan", "migrants", "members",
            ],
        },
        "evaluative": {
            "description": "Evaluative labels of actors.",
            "terms": [
                "dictator", "tyrant", "despot", "strongman", "autocrat", "regime", "thug", "thugs", "rogue",
                "terrorist", "terrorists", "extremist", "extremists", "militant", "militants", "radical",
                "radicals", "criminal", "criminals", "illegal aliens", "illegals", "invaders", "mob",
                "hardliner", "hardliners", "hawk", "hawks", "enemy", "enemies", "adversary", "foe",
            ],
        },
    },
}


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+(?:[.'’\-]\w+)*\.?|[^\w\s]", s)


def locate(sentence: str, mention: str, token_pos: int) -> tuple[int, int] | None:
    """Character span of ``mention`` in ``sentence`` nearest the coded token position."""
    hits = [m.start() for m in re.finditer(re.escape(mention), sentence)]
    if not hits:
        hits = [m.start() for m in re.finditer(re.escape(mention), sentence, re.IGNORECASE)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(len(tokens(sentence[:h])) - token_pos))
    return best, best + len(mention)


def load() -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Corpus (one document per article) and located mentions."""
    docs, mentions = [], []
    missing = 0
    for sent_file in sorted(DATA.glob("event_*/orientation_*/*_sent.txt")):
        doc_id = sent_file.name[: -len("_sent.txt")]
        event, outlet = doc_id.split("_", 1)
        lines = sent_file.read_text(encoding="utf-8").splitlines()
        offsets, pos = [], 0
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        docs.append({"doc_id": doc_id, "outlet": outlet, "event": event, "text": "\n".join(lines)})
        ann = pd.read_csv(sent_file.with_name(doc_id + "_annotations.csv"), dtype=str, keep_default_na=False)
        ann = ann[ann["code_type"].isin(TYPES)]
        for row in ann.itertuples(index=False):
            s = int(row.sentence)
            if s >= len(lines) or not row.code_mention.strip():
                missing += 1
                continue
            span = locate(lines[s], row.code_mention.strip(), int(row.start))
            if span is None:
                missing += 1
                continue
            mentions.append({
                "doc_id": doc_id, "event": event, "concept": row.code_name, "code_type": row.code_type,
                "mention": row.code_mention.strip(), "start": offsets[s] + span[0], "end": offsets[s] + span[1],
            })
    return pd.DataFrame(docs), pd.DataFrame(mentions), missing


def is_name(mention: str, label_words: set[str]) -> str | None:
    words = mention.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > 4:
        return None
    if any(w.lower().strip(".,'’s") in label_words for w in words):
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return None
    for w in words:
        if w.lower() in INNER:
            continue
        if not (w[:1].isupper() or w[:1].isdigit()):
            return None
    if words[0].lower() in INNER or words[-1].lower() in INNER:
        return None
    name = " ".join(words)
    return re.sub(r"['’]s$", "", name)


def actors_of(event_mentions: pd.DataFrame, label_words: set[str]) -> dict[str, list[str]]:
    uses: dict[str, Counter] = defaultdict(Counter)
    for row in event_mentions.itertuples(index=False):
        name = is_name(row.mention, label_words)
        if name:
            uses[name][row.concept] += 1
    by_concept: dict[str, list[str]] = defaultdict(list)
    for name, counts in uses.items():
        by_concept[counts.most_common(1)[0][0]].append(name)
    return {c: sorted(a, key=len, reverse=True) for c, a in by_concept.items()}


def run(corpus: pd.DataFrame, mentions: pd.DataFrame, lexicon, label_words: set[str], errors: int) -> dict:
    t0 = time.perf_counter()
    words = framing.find(corpus, lexicons=[lexicon])
    gold: set[tuple[str, str, int]] = set()
    gold_info: dict[tuple[str, str, int], dict] = {}
    predicted: list[dict] = []
    judgeable_spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row in mentions.itertuples(index=False):
        judgeable_spans[row.doc_id].append((row.start, row.end))
    n_alias_concepts = 0
    for event, docs in corpus.groupby("event"):
        ev_mentions = mentions[mentions["event"] == event]
        actors = actors_of(ev_mentions, label_words)
        n_alias_concepts += len(actors)
        alias_res = {c: [re.compile(r"(?<!\w)" + re.escape(a).replace(r"\ ", r"\s+") + r"(?!\w)", re.I) for a in al]
                     for c, al in actors.items()}
        ev_words = words[words["doc_id"].isin(docs["doc_id"])]
        by_doc = {k: g for k, g in ev_words.groupby("doc_id")}
        for m in ev_mentions.itertuples(index=False):
            w = by_doc.get(m.doc_id)
            if w is None:
                continue
            inside = w[(w["start"] >= m.start) & (w["end"] <= m.end)]
            if not len(inside):
                continue
            text = m.mention
            alias_spans = [(x.start() + m.start, x.end() + m.start) for r in alias_res.get(m.concept, []) for x in r.finditer(text)]
            for lw in inside.itertuples(index=False):
                if any(a <= lw.start < b for a, b in alias_spans):
                    continue
                key = (m.doc_id, m.concept, int(lw.start))
                gold.add(key)
                gold_info.setdefault(key, {"mention": m.mention, "has_alias": bool(alias_spans),
                                           "concept_has_alias": m.concept in actors, "label": lw.match})
        if actors:
            out = framing.actor_labels(docs.drop(columns=["event"]), actors, lexicon=lexicon)
            predicted.extend(out.to_dict("records"))
    seconds = time.perf_counter() - t0
    pred_keys = [(p["doc_id"], p["actor"], int(p["start"])) for p in predicted]
    correct = [k in gold for k in pred_keys]
    judgeable = [any(a <= k[2] < b for a, b in judgeable_spans[k[0]]) for k in pred_keys]
    found = {k for k, c in zip(pred_keys, correct) if c}
    res = {
        "seconds": seconds,
        "concepts_with_alias": n_alias_concepts,
        "gold_ties": len(gold),
        "gold_ties_concept_with_alias": sum(v["concept_has_alias"] for v in gold_info.values()),
        "predicted_ties": len(pred_keys),
        "predicted_judgeable": sum(judgeable),
        "precision_judgeable": sum(correct) / max(1, sum(judgeable)),
        "precision_strict": sum(correct) / max(1, len(pred_keys)),
        "recall": len(found) / max(1, len(gold)),
        "recall_concept_with_alias": len([k for k in found if gold_info[k]["concept_has_alias"]])
        / max(1, sum(v["concept_has_alias"] for v in gold_info.values())),
    }
    with_alias = [k for k, v in gold_info.items() if v["has_alias"]]
    without = [k for k, v in gold_info.items() if not v["has_alias"] and v["concept_has_alias"]]
    res["gold_in_mention_with_alias"] = len(with_alias)
    res["recall_in_mention_with_alias"] = len([k for k in with_alias if k in found]) / max(1, len(with_alias))
    res["gold_description_without_alias"] = len(without)
    res["recall_description_without_alias"] = len([k for k in without if k in found]) / max(1, len(without))
    per_doc = pd.DataFrame({"doc_id": corpus["doc_id"]}).set_index("doc_id")
    per_doc["predicted"] = pd.Series(Counter(k[0] for k in pred_keys))
    per_doc["judgeable"] = pd.Series(Counter(k[0] for k, j in zip(pred_keys, judgeable) if j))
    per_doc["correct"] = pd.Series(Counter(k[0] for k, c in zip(pred_keys, correct) if c))
    per_doc["gold"] = pd.Series(Counter(k[0] for k in gold))
    per_doc["found"] = pd.Series(Counter(k[0] for k in found))
    res["_per_doc"] = per_doc.fillna(0).astype(int)  # counts per article, for intervals over articles
    patterns = Counter(p["pattern"] for p, c in zip(predicted, correct) if c)
    res["correct_by_pattern"] = dict(patterns)
    res["predicted_by_pattern"] = dict(Counter(p["pattern"] for p in predicted))
    if errors:
        texts = dict(zip(corpus["doc_id"], corpus["text"]))
        print("  missed gold ties (mention with an alias first):")
        for k in sorted(set(gold) - found, key=lambda k: not gold_info[k]["has_alias"])[:errors]:
            t = texts[k[0]]
            print(f"    {k[1]:22} {gold_info[k]['label']!r:14} in {gold_info[k]['mention']!r} | {t[max(0, k[2] - 60):k[2] + 40]!r}")
        print("  judgeable predicted ties that are not gold:")
        shown = 0
        for p, c, j in zip(predicted, correct, judgeable):
            if c or not j or shown >= errors:
                continue
            t = texts[p["doc_id"]]
            print(f"    {p['actor']:22} {p['label']!r:14} {p['pattern']:12} | {t[max(0, p['start'] - 60):p['end'] + 40]!r}")
            shown += 1
    return res


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and false ties")
    args = parser.parse_args()
    corpus, mentions, missing = load()
    print(f"NewsWCL50: {len(corpus)} articles, {len(mentions)} located ACTOR/ACTOR-I/GROUP/COUNTRY mentions "
          f"({missing} not found in their sentence)")
    descriptors = lexicon_from_dict(DESCRIPTORS, source="descriptors")
    desc_words = {w for c in DESCRIPTORS["categories"].values() for t in c["terms"] for w in t.split()}
    bundled = framing.load_lexicon("actor_labels")
    bundled_words = {w.lower() for c in bundled.categories.values() for t in c.terms for w in t.text.split()}
    for name, lexicon, words in (("descriptor lexicon", descriptors, desc_words),
                                 ("bundled actor_labels lexicon", "actor_labels", bundled_words)):
        print(f"\n{name}:")
        res = run(corpus, mentions, lexicon, words | desc_words, args.errors if name.startswith("descriptor") else 0)
        for k, v in res.items():
            if not k.startswith("_"):
                print(f"  {k:36} {v:.3f}" if isinstance(v, float) else f"  {k:36} {v}")


if __name__ == "__main__":
    main()
