"""Judging many sentences at once gives what judging each gives, and the sentence-token helpers find what
a scan finds."""

from __future__ import annotations

import numpy as np

from framing.measures._sentence_tokens import sentence_tokens, tokens_over
from framing.text import scope
from framing.text.grammar import tokenize

SENTENCES = [
    "No one was killed in the attack.",
    "Was anyone hurt when the roof fell?",
    "Officials said he did not die , but could be moved if doctors agree",
    "",
    "The minister denied that soldiers had fired on the crowd.",
    "Do not shoot !",
]


def _forms(sentence: str) -> list[str]:
    return [t.text for t in tokenize(sentence)]


def test_judging_sentences_together_is_judging_each():
    forms = [_forms(s) for s in SENTENCES]
    together = scope.judge_all(forms)
    assert len(together) == len(forms)
    for one, (negated, hypothetical) in zip(forms, together):
        alone = scope.judge(one)
        assert negated.tolist() == alone[0].tolist() and hypothetical.tolist() == alone[1].tolist()
    # the scopes are there to be kept apart: a negation and a question in different sentences
    assert any(n.any() for n, _ in together) and any(h.any() for _, h in together)
    assert scope.judge_all([]) == []


def test_a_prejudged_sentence_is_looked_up_and_others_computed():
    forms = _forms(SENTENCES[0])
    other = _forms("He might not survive the night.")
    with scope.prejudged([forms]):
        table = scope._PREJUDGED.get()
        assert tuple(forms) in table and tuple(other) not in table
        got = scope.judge(forms)
        got[0][:] = True  # the caller's copy, not the table's
        assert scope.judge(forms)[0].tolist() == scope.judge_all([forms])[0][0].tolist()
        assert scope.judge(other)[1].any()  # computed: "might" makes it hypothetical
    assert scope._PREJUDGED.get() is None


def test_tokens_over_a_span_are_those_a_scan_finds():
    text = "At least 24,285 Palestinians were killed, the ministry said on Monday."
    toks = tokenize(text)
    for a in range(len(text)):
        for b in range(a + 1, len(text) + 1, 3):
            assert tokens_over(toks, a, b) == [t for t in toks if t.start < b and t.end > a]


def test_only_sentences_holding_a_wanted_match_are_tokenised():
    text = "Five people died. Nothing happened here. Two were hurt."
    spans = [(0, 17), (18, 40), (41, 55)]
    starts = np.array([5, 12, 26, 45, 50])
    wanted = np.array([False, True, False, False, True])  # "died", "hurt"
    seen = []

    def tok(t, a, b):
        seen.append((a, b))
        return tokenize(t, a, b)

    got = sentence_tokens(text, spans, starts, wanted, tok)
    assert [(sid, a, lo, hi) for sid, a, lo, hi, _ in got] == [(0, 0, 0, 2), (2, 41, 3, 5)]
    assert seen == [(0, 17), (41, 55)]
    assert [t.text for t in got[1][4]] == ["Two", "were", "hurt", "."]
