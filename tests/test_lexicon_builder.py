"""Building a lexicon from seed words: suggestions on corpora with planted synonyms, seed-word scaling on a planted
axis, the review round trip, coverage, and every warning of the lexicon check."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import framing
from framing.cli.app import main
from framing.errors import SchemaError, UsageError

# ------------------------------------------------------------------------------------------------------------
# corpora with a known answer

_BORDER = ["border", "crossing", "desert", "patrol", "fence", "river", "caravan", "shelter", "asylum", "visa"]
_SPORT = ["match", "goal", "league", "coach", "stadium", "season", "striker", "referee", "penalty", "trophy"]


def _planted_corpus(seed: int = 3, n_docs: int = 240) -> pd.DataFrame:
    """Half the documents are about the border and name the group with a seed word or one of two planted
    synonyms (``wayfarers``, ``newcomers``) or the phrase ``grey travellers``; the other half are about sport and
    use ``fans`` and ``players`` in the same grammatical slots. ``today`` is in every document."""
    rng = np.random.default_rng(seed)
    group = ["migrants", "immigrants", "wayfarers", "newcomers", "grey travellers"]
    docs = []
    for i in range(n_docs):
        border = i % 2 == 0
        ctx, people = (_BORDER, group) if border else (_SPORT, ["fans", "players"])
        sents = []
        for _ in range(12):
            w = rng.choice(ctx, size=4)
            frame = rng.integers(3)
            p = rng.choice(people)
            if frame == 0:
                sents.append(f"The {w[0]} and the {p} were near the {w[1]} and {w[2]} of the {w[3]}.")
            elif frame == 1:
                sents.append(f"In the {w[0]} there were {p} and a {w[1]}, {w[2]} and {w[3]}.")
            else:
                sents.append(f"Many {p} of the {w[0]} {w[1]} went to the {w[2]} with {w[3]}.")
        docs.append(" ".join(sents) + " It happened today.")
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n_docs)], "outlet": ["A", "B"] * (n_docs // 2),
                         "text": docs})


@pytest.fixture(scope="module")
def planted():
    return _planted_corpus()


def test_suggestions_find_the_planted_synonyms_and_phrase_first(planted):
    sug = framing.suggest_terms(planted, ["migrants", "immigrants"], n=10, max_doc_share=0.5)
    top = set(sug["term"].head(3))
    assert top == {"wayfarers", "newcomers", "grey travellers"}, sug[["term", "score"]]
    assert not {"migrants", "immigrants"} & set(sug["term"])
    assert not {"fans", "players"} & set(sug["term"].head(5))
    assert list(sug.columns[:6]) == ["term", "score", "similarity", "keyness", "n_docs", "n_matches"]
    assert sug["score"].is_monotonic_decreasing


def test_suggestions_never_match_most_documents_and_counts_and_examples_are_right(planted):
    sug = framing.suggest_terms(planted, ["migrants"], n=200, method="vectors", max_doc_share=0.5)
    assert "today" not in set(sug["term"])  # in every document
    assert (sug["doc_share"] <= 0.5).all()
    texts = dict(zip(planted["doc_id"], planted["text"]))
    for row in sug.head(15).itertuples():
        words = row.term.split()
        pattern = r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"
        per_doc = planted["text"].str.lower().str.count(pattern)
        assert row.n_matches == per_doc.sum() and row.n_docs == (per_doc > 0).sum(), row.term
        assert texts[row.example_doc_id][row.example_start:row.example_end].lower() == row.term


def test_keyness_ranks_the_words_of_seed_documents_first(planted):
    sug = framing.suggest_terms(planted, ["migrants"], n=8, method="keyness", max_doc_share=0.5)
    assert sug["keyness"].is_monotonic_decreasing and (sug["keyness"] > 0).all()
    # the sport words never occur beside a seed: none is over-represented in seed documents
    assert not set(_SPORT + ["fans", "players"]) & set(sug["term"])


def test_suggestions_reject_bad_arguments(planted):
    with pytest.raises(UsageError, match="max_doc_share"):
        framing.suggest_terms(planted, ["migrants"], max_doc_share=0.9)
    with pytest.raises(UsageError, match="none of the seeds"):
        framing.suggest_terms(planted, ["zebra"])
    with pytest.raises(UsageError, match="method"):
        framing.suggest_terms(planted, ["migrants"], method="magic")


def _axis_corpus(seed: int = 5) -> pd.DataFrame:
    """Documents of outlet H use words that co-occur with 'kind' and 'gentle' elsewhere; outlet S words that
    co-occur with 'harsh' and 'cruel'. The scored documents never contain a seed word."""
    rng = np.random.default_rng(seed)
    warm = ["family", "children", "welcome", "care", "help", "hope"]
    cold = ["crime", "threat", "invasion", "danger", "illegal", "raid"]
    filler = ["the", "city", "report", "week", "people", "officials", "street", "new"]
    docs, outlets = [], []
    for i in range(300):  # training documents: seeds beside their words
        pos = i % 2 == 0
        words = (["kind", "gentle"] if pos else ["harsh", "cruel"]) + (warm if pos else cold)
        toks = [rng.choice(words) if rng.random() < 0.5 else rng.choice(filler) for _ in range(80)]
        docs.append(" ".join(toks) + ".")
        outlets.append("train")
    for i in range(100):  # scored documents: no seed
        pos = i % 2 == 0
        words = warm if pos else cold
        toks = [rng.choice(words) if rng.random() < 0.3 else rng.choice(filler) for _ in range(60)]
        docs.append(" ".join(toks) + ".")
        outlets.append("H" if pos else "S")
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(docs))], "outlet": outlets, "text": docs})


def test_scaling_puts_documents_on_the_side_of_their_words_without_any_seed():
    corpus = _axis_corpus()
    res = framing.scale_documents(corpus, {"positive": ["kind", "gentle"], "negative": ["harsh", "cruel"]})
    assert list(res["doc_id"]) == list(corpus["doc_id"]) and "text" not in res.columns
    h = res.loc[res["outlet"] == "H", "score"].to_numpy()
    s = res.loc[res["outlet"] == "S", "score"].to_numpy()
    auc = (h[:, None] > s[None, :]).mean()
    assert auc > 0.95
    assert (res["se"] > 0).all() and (res["n_words"] > 0).all()
    assert not {"kind", "gentle", "harsh", "cruel"} & set(res.attrs["polarity"]["term"])
    pol = res.attrs["polarity"].set_index("term")["polarity"]
    assert pol["family"] > 0 > pol["crime"]


def test_scaling_needs_both_sides():
    with pytest.raises(UsageError, match="positive"):
        framing.scale_documents(_axis_corpus(), {"positive": ["kind"]})


# ------------------------------------------------------------------------------------------------------------
# review round trip and coverage

_LEX = """name: animals
version: "1"
description: Animal words.
references: [none]
categories:
  cats:
    description: The animal.
    terms: [cat, kitten]
  dogs:
    description: The animal.
    terms: [dog, hound, wolfhound]
"""


def _pet_corpus() -> pd.DataFrame:
    """'cat' is an animal 6 times and a machine ('cat excavator') 4 times; 'kitten' 3 times, always right."""
    texts = [
        "My cat sleeps. The cat excavator digs.", "A cat purrs on the sofa.", "The cat excavator broke down.",
        "Our cat and a kitten play.", "The cat excavator is yellow. The cat excavator is loud.",
        "That kitten is small, and the cat is old.", "A dog barks at the cat.", "The hound runs. A kitten hides.",
        "The dog and the cat.",
    ]
    return pd.DataFrame({"doc_id": [f"p{i}" for i in range(len(texts))],
                         "outlet": ["X", "Y", "Z"] * 3, "text": texts})


@pytest.fixture
def pet_lexicon(tmp_path):
    path = tmp_path / "animals.yaml"
    path.write_text(_LEX, encoding="utf-8")
    return path


def _judge(sample: pd.DataFrame) -> pd.DataFrame:
    """Right unless the word after the match is 'excavator' (as a person reading the context would judge)."""
    return sample.assign(correct=np.where(sample["right"].str.startswith("excavator"), "0", "1"))


def test_review_sample_is_seeded_and_covers_every_term(pet_lexicon):
    corpus = _pet_corpus()
    a = framing.review_sample(pet_lexicon, corpus, per_term=3, seed=1)
    b = framing.review_sample(pet_lexicon, corpus, per_term=3, seed=1)
    pd.testing.assert_frame_equal(a, b)
    counts = a.groupby("term").size().to_dict()
    assert counts == {"cat": 3, "kitten": 3, "dog": 2, "hound": 1}  # wolfhound never matches
    assert (a["correct"] == "").all()
    assert a.loc[a["term"] == "cat", "term_matches"].iloc[0] == 10
    # one per outlet before a second from any: the 3 cat matches come from 3 outlets
    assert a.loc[a["term"] == "cat", "outlet"].nunique() == 3
    texts = dict(zip(corpus["doc_id"], corpus["text"]))
    assert all(texts[r.doc_id][r.start:r.end] == r.match for r in a.itertuples())


def test_review_round_trip_gives_precision_with_wilson_intervals(pet_lexicon, tmp_path):
    corpus = _pet_corpus()
    sample = _judge(framing.review_sample(pet_lexicon, corpus, per_term=50, seed=0))
    path = tmp_path / "review.csv"
    sample.to_csv(path, index=False)
    prec = framing.review_precision(str(path))
    cat = prec[(prec["level"] == "term") & (prec["term"] == "cat")].iloc[0]
    assert (cat["n_judged"], cat["n_correct"]) == (10, 6) and cat["drop"]
    # Wilson (1927) score interval computed by hand
    z, p, n = 1.959964, 0.6, 10
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert cat["ci_low"] == pytest.approx(centre - half, abs=1e-5)
    assert cat["ci_high"] == pytest.approx(centre + half, abs=1e-5)
    kitten = prec[(prec["level"] == "term") & (prec["term"] == "kitten")].iloc[0]
    assert kitten["precision"] == 1 and not kitten["drop"]
    cats = prec[prec["level"] == "category"].set_index("category")
    # match-weighted: cat has 10 of the category's 13 matches
    assert cats.loc["cats", "precision"] == pytest.approx(10 / 13 * 0.6 + 3 / 13 * 1.0)
    assert cats.loc["cats", "ci_low"] < cats.loc["cats", "precision"] < cats.loc["cats", "ci_high"]


def test_review_rows_left_empty_are_skipped_and_bad_judgements_name_the_row(pet_lexicon):
    sample = _judge(framing.review_sample(pet_lexicon, _pet_corpus(), per_term=50))
    sample.loc[sample["term"] == "kitten", "correct"] = ""
    prec = framing.review_precision(sample)
    assert "kitten" not in set(prec["term"])
    sample.loc[2, "correct"] = "maybe"
    with pytest.raises(SchemaError, match=r"row 4 .*'maybe'"):
        framing.review_precision(sample)


def test_coverage_counts_matches_and_documents_per_term(pet_lexicon):
    cov = framing.lexicon_coverage(pet_lexicon, _pet_corpus()).set_index("term")
    assert cov.loc["cat", ["n_matches", "n_docs"]].tolist() == [10, 8]
    assert cov.loc["kitten", ["n_matches", "n_docs"]].tolist() == [3, 3]
    assert cov.loc["wolfhound", "no_match"] and not cov.loc["cat", "no_match"]
    assert cov.loc["cat", "carries_category"] and not cov.loc["kitten", "carries_category"]
    assert cov.loc["cat", "category_share"] == pytest.approx(10 / 13)


def test_review_and_precision_on_the_command_line(pet_lexicon, tmp_path, capsys):
    corpus_path = tmp_path / "pets.csv"
    _pet_corpus().to_csv(corpus_path, index=False)
    out = tmp_path / "review.csv"
    assert main(["lexicon", "review", str(pet_lexicon), str(corpus_path), "-o", str(out), "--per-term", "50"]) == 0
    sample = pd.read_csv(out, keep_default_na=False, dtype={"correct": str})
    assert (sample["correct"] == "").all() and len(sample) == 16
    _judge(sample).to_csv(out, index=False)
    capsys.readouterr()
    assert main(["lexicon", "precision", str(out)]) == 0
    text = capsys.readouterr().out
    assert "cat: 0.60" in text and "terms to drop (precision < 0.8): cat" in text


# ------------------------------------------------------------------------------------------------------------
# the lexicon check

def _lint(tmp_path, text, **kw):
    path = tmp_path / "lex.yaml"
    path.write_text(text, encoding="utf-8")
    return framing.lint_lexicon(path, **kw)


_GOOD_HEAD = 'name: imm\nversion: "1"\ndescription: Labels.\nreferences: [A paper]\ncategories:\n'


def test_check_lists_every_error_with_its_line(tmp_path):
    probs = _lint(tmp_path, 'name: imm\ncategories:\n  a:\n    terms: ["ter*r"]\n  b:\n    terms: ["**x"]\n')
    errors = probs[probs["severity"] == "error"]
    assert errors["line"].tolist() == [1, 4, 6]
    assert "version" in errors["message"].iloc[0]


def test_check_warns_about_missing_descriptions_and_references(tmp_path):
    probs = _lint(tmp_path, 'name: imm\nversion: "1"\ncategories:\n  labels:\n    terms: [alien]\n'
                            '  other:\n    description: Fine.\n    terms: [newcomer]\n')
    nodesc = probs[probs["code"] == "no-description"]
    assert len(nodesc) == 2 and nodesc["line"].tolist() == [1, 4]
    assert "'labels'" in nodesc["message"].iloc[1]
    assert (probs["code"] == "no-references").sum() == 1
    assert (probs["severity"] == "warning").all()
    clean = _lint(tmp_path, _GOOD_HEAD + "  labels:\n    description: x\n    terms: [alien]\n")
    assert clean.empty


def test_check_warns_about_overlapping_patterns_across_categories_only(tmp_path):
    probs = _lint(tmp_path, _GOOD_HEAD + (
        "  a:\n    description: x\n    terms: [illegal immigrant*, migra*]\n"
        "  b:\n    description: x\n    terms: [illegal immigrant, migrants, refugee]\n"
        "    categories:\n      c:\n        description: x\n        terms: [refugees]\n"
        "  d:\n    description: x\n    terms: [refugee*]\n"))
    over = probs[probs["code"] == "overlap"]["message"].tolist()
    assert any("'illegal immigrant*' (a) and 'illegal immigrant' (b)" in m and "'illegal immigrant'" in m
               for m in over)
    assert any("'migra*' (a) and 'migrants' (b)" in m for m in over)
    assert any("(b.c)" in m and "(d)" in m for m in over)
    # b and its subcategory b.c nest: 'refugee' vs 'refugees' do not overlap anyway, and parent/child is allowed
    assert not any("(b) and" in m and "(b.c)" in m for m in over)
    assert len(over) == 4  # and refugee (b) with refugee* (d)
    # a phrase covering a shorter term is no overlap: the matcher keeps the longest match
    assert not any("'illegal immigrant*' (a) and 'migrants'" in m for m in over)


def test_check_with_a_corpus_warns_about_a_wildcard_matching_other_words(tmp_path):
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Migrants crossed. Migration rose; birds migrate and migrated. Terrorists and a terrorist.",
        "The migrants waited. Migration policy. Terrorists again."]})
    probs = _lint(tmp_path, _GOOD_HEAD + "  a:\n    description: x\n    terms: [migra*, terrorist*]\n",
                  corpus=corpus)
    broad = probs[probs["code"] == "broad-wildcard"]
    assert len(broad) == 1 and broad["line"].iloc[0] == 8
    msg = broad["message"].iloc[0]
    assert "'migra*'" in msg and "migration 2" in msg and "migrate 1" in msg
    assert probs[probs["code"] == "broad-wildcard"]["message"].str.contains("terrorist").sum() == 0


def test_check_on_the_command_line_reports_warnings_and_errors(tmp_path, capsys):
    path = tmp_path / "lex.yaml"
    path.write_text('name: imm\nversion: "1"\ncategories:\n  a:\n    terms: [migra*]\n', encoding="utf-8")
    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a"], "outlet": ["o"], "text": ["migrants migration migration migrate"]}).to_csv(
        corpus, index=False)
    assert main(["lexicon", "check", str(path), "--corpus", str(corpus)]) == 0
    err = capsys.readouterr().err
    assert f"{path}:5: warning: wildcard 'migra*'" in err and f"{path}:1: warning: the lexicon has no" in err


def test_coverage_on_the_command_line(pet_lexicon, tmp_path, capsys):
    corpus_path = tmp_path / "pets.csv"
    _pet_corpus().to_csv(corpus_path, index=False)
    out = tmp_path / "coverage.csv"
    assert main(["lexicon", "coverage", str(pet_lexicon), str(corpus_path), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "dogs  wolfhound: 0 matches in 0 documents  no match" in text
    assert "cats  cat: 10 matches in 8 documents  carries the category" in text
    assert pd.read_csv(out)["n_matches"].sum() == 16
