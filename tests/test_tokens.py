"""The cached token scanner gives exactly the tokens of the documented regular expression."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.tokens import TokenScanner, count_tokens, n_tokens, tokenize


def scanned(scanner: TokenScanner, text: str) -> list[tuple[int, int, str]]:
    toks = scanner.scan(text)
    return [(int(a), int(b), scanner.types[t]) for a, b, t in zip(toks.start, toks.end, toks.type_id)]


def test_scanner_equals_the_regex_on_the_bundled_articles(example_texts):
    scanner = TokenScanner()
    for _ in range(2):  # the second pass reads every chunk from the cache
        for text in example_texts.values():
            assert scanned(scanner, text) == tokenize(text)
    joined = "\n\x00\n".join(example_texts.values())
    assert scanned(scanner, joined) == tokenize(joined)


PIECES = ["Iran", "Iran’s", "U.S.", "4:30", "24,285", "al-Adl", "“terror”", "(AFP)", "don't", "x" * 70,
          "é", "日本", "\U0001F600", "_", "a.", "—", "7-year-old", "naïve", "’", "\x00", "Ⅻ"]
SPACES = [" ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "", "\r\n"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SPACES)), max_size=30),
                min_size=1, max_size=4))
def test_scanner_equals_the_regex_on_any_mix_of_words_marks_and_whitespace(texts):
    scanner = TokenScanner(max_cache=50)  # small: the cache is also cleared on the way
    for parts in texts + texts:
        text = "".join(w + s for w, s in parts)
        assert scanned(scanner, text) == tokenize(text)
        assert scanner.count(text) == count_tokens(text)


def test_n_tokens_counts_each_text_as_count_tokens_does_in_any_batch(example, monkeypatch):
    import framing.text.tokens as tokens_module

    texts = list(example["text"]) + ["", "   ", "end-of-one", "start", None, "Pakistan’s “strike”—killed 2.", "x\ny"]
    expected = [count_tokens(t) if isinstance(t, str) else 0 for t in texts]
    assert n_tokens(texts).tolist() == expected
    monkeypatch.setattr(tokens_module, "_COUNT_BATCH_CHARS", 7)  # a batch of one or two texts at a time
    assert n_tokens(texts).tolist() == expected
