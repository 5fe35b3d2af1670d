"""The scoring rules of benchmarks/validity.py: intervals, phrase matching and the README section it rewrites."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import _gold  # noqa: E402
import validity  # noqa: E402


@pytest.mark.parametrize("k, n", [(47, 78), (0, 12), (12, 12), (1, 3), (171, 179)])
def test_wilson_matches_statsmodels(k, n):
    lo, hi = _gold.wilson(k, n)
    want_lo, want_hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    assert lo == pytest.approx(want_lo, abs=1e-6)
    assert hi == pytest.approx(want_hi, abs=1e-6)


def test_bootstrap_over_articles_is_degenerate_when_every_article_has_the_same_ratio():
    # every article: 1 of 2 right, so any resample of articles gives exactly 0.5
    assert _gold.bootstrap_ratio([1] * 20, [2] * 20) == (0.5, 0.5)


def test_ratio_uses_wilson_for_one_unit_per_article_and_resamples_articles_when_units_cluster():
    single = _gold.ratio("d", "m", {f"a{i}": i % 2 for i in range(40)}, {f"a{i}": 1 for i in range(40)})
    assert single.method == "Wilson"
    assert (single.low, single.high) == pytest.approx(_gold.wilson(20, 40))
    # 10 articles of 10 units: 5 articles all right, 5 all wrong -> far wider than Wilson on 100 units
    clustered = _gold.ratio("d", "m", {f"a{i}": 10 * (i < 5) for i in range(10)}, {f"a{i}": 10 for i in range(10)})
    assert clustered.method.startswith("bootstrap")
    assert clustered.estimate == 0.5
    w_lo, w_hi = _gold.wilson(50, 100)
    assert clustered.high - clustered.low > 1.5 * (w_hi - w_lo)


def test_f1_is_never_given_a_wilson_interval():
    f1 = _gold.ratio("d", "F1", {"a": 2}, {"a": 3}, proportion=False)
    assert f1.method.startswith("bootstrap")


def test_no_items_is_reported_as_not_available():
    assert not _gold.ratio("d", "m", {}, {}).available


@pytest.mark.parametrize("gold, pred, agree", [
    ("at least 24,285 Palestinians", "24,285 Palestinians", True),
    ("in an Israeli airstrike", "an Israeli airstrike on the camp", True),
    ("three of the wounded", "the wounded", False),
    ("the U.S.", "US", True),
    (None, None, True),
    ("the police", None, False),
])
def test_victim_and_agent_phrases_agree_by_head(gold, pred, agree):
    assert validity.same(gold, pred) is agree


@pytest.mark.parametrize("gold, pred, agree", [
    ("Sen. Marco Rubio", "Marco Rubio", True),
    ("Rep. Trey Gowdy", "Trey Gowdy of South Carolina", True),
    ("Her lawyer, Matt Lombard", "Matt Lombard", True),
    ("Her lawyer, Matt Lombard", "Her lawyer", True),
    ("Secretary of State John Kerry", "Kerry", True),
    ("Trump", "Trump's spokesman", False),
    ("he", "He", True),
    ("he", "Obama", False),
    ("Limbaugh", None, False),
])
def test_a_speaker_is_right_when_it_names_the_coded_source(gold, pred, agree):
    assert validity.names(gold, pred) is agree


def test_write_section_replaces_only_its_own_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Benchmarks\n\nbefore\n", encoding="utf-8")
    fig = _gold.Figure("gold x", "precision", 0.5, 0.4, 0.6, 5, 10, "Wilson", ">= 0.9")
    _gold.write_section(_gold.results_table([fig], "python benchmarks/validity.py", 1.0), readme)
    first = readme.read_text(encoding="utf-8")
    assert first.startswith(_gold.BEGIN) and first.rstrip().endswith("before")
    assert "| gold x | precision | 0.500 | 0.400-0.600 | 5 / 10 | Wilson | >= 0.9 |" in first
    readme.write_text(first + "\nafter\n", encoding="utf-8")
    other = _gold.Figure("gold x", "precision", note="no column")
    _gold.write_section(_gold.results_table([other], "python benchmarks/validity.py", 1.0), readme)
    second = readme.read_text(encoding="utf-8")
    assert second.count(_gold.BEGIN) == 1 and second.count(_gold.END) == 1
    assert "0.500" not in second and "| gold x | precision | n/a |" in second
    assert second.endswith("before\n\nafter\n")


# PolNeAR quotation units: the quoted words of a coded Content span (sentences written for these tests)

import polnear_quotes  # noqa: E402


def _units(text: str, content: str) -> list[str]:
    a = text.index(content)
    return [text[s:e] for _, s, e in polnear_quotes.units(text, a, a + len(content))]


@pytest.mark.parametrize("text, content, want", [
    # a span its marks enclose is one unit
    ('The mayor said, “We will rebuild the pier.”', '“We will rebuild the pier.”', ["We will rebuild the pier"]),
    # a quotation over two paragraphs, each opening with a mark, is one
    ('He wrote: “The pier fell.\n\n“We will rebuild it.”', '“The pier fell.\n\n“We will rebuild it.”',
     ["The pier fell.\n\n“We will rebuild it"]),
    # the narrator's lead-in or continuation is not the quotation
    ('She wrote that, “the pier will reopen in May.”', 'that, “the pier will reopen in May.”',
     ["the pier will reopen in May"]),
    ('“You ignored the warnings” to save money, she said.', '“You ignored the warnings” to save money',
     ["You ignored the warnings"]),
    # one Content holding two quotations with the narrator's word between them
    ('“You blamed the clerks” again.\n\n“It is shameful,” she said.',
     '“You blamed the clerks” again.\n\n“It is shameful,', ["You blamed the clerks", "It is shameful"]),
    # doubled apostrophes, straight single marks, and a closing mark typed as the opener
    ("''We will appeal,'' the lawyer said.", "''We will appeal,''", ["We will appeal"]),
    ("Mayor: 'Be patient with the repairs.'", "'Be patient with the repairs.'", ["Be patient with the repairs"]),
    ("\n” … and then the lights went out,” she wrote.", "” … and then the lights went out,”",
     ["… and then the lights went out"]),
    # paraphrase has no quotation
    ("She said the pier would reopen in May.", "the pier would reopen in May", []),
])
def test_polnear_units_are_the_quoted_words_of_a_content_span(text, content, want):
    assert _units(text, content) == want
