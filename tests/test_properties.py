"""Property tests: hostile text and hostile files never break the tables' promises.

Texts mix arbitrary Unicode (astral characters included, surrogates excluded, as
Python cannot encode them) with the pieces that trip text processing: every style of
quotation mark, apostrophes inside words, control characters and the many characters
``str.splitlines`` treats as line breaks, right-to-left text and direction marks,
combining marks, characters whose case mapping changes length ("İ", "ß", "ﬁ"), and
words the measures react to. For every table the test checks what its docstring
promises: offsets index the text (``text[start:end]`` is the span's text), spans are
ordered and disjoint, voice covers every character once, per-document tables have
every document, and nothing but a :class:`~framing.errors.FramingError` is raised.
"""

from __future__ import annotations

import codecs

import json
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import framing
from framing import schema
from framing.io.accounting import account, flagged_documents
from framing.errors import FramingError
from framing.lexicon.load import resolve_lexicons

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

QUOTE_MARKS = "“”‘’\"'«»‹›„‚「」`"  # `` is the typewriter opening of a double quote
PIECES = [
    # quotation marks and apostrophes
    *QUOTE_MARKS, "’s", "it’s", "'s", "don't", "‘terror’", "« guerre »", "\u201cWe will respond,\u201d",
    # white space, controls and line separators
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\x00", "\x0b", "\x0c", "\x1c", "\x1e", "\x85",
    "\u2028", "\u2029", "\ufeff", "\u200b", "\u00a0",
    # right-to-left text and direction marks
    "مرحبا بالعالم", "שלום", "\u200f", "\u200e", "\u202e", "\u202c", "\u061c",
    # combining marks, astral characters, length-changing case mappings
    "e\u0301", "\u0301", "\u0308\u0308", "😀", "𝔘𝔫𝔦", "\U0001F1EE\U0001F1F7", "ﬁ", "İ", "ß", "Σ", "ǅ",
    # sentence punctuation and abbreviations
    ".", "?", "!", "…", ",", ":", ";", "(", ")", "—", "―", "-", "U.S.", "Mr.", "a.m.", "Dr.", "No.",
    # words the measures react to
    "said", "told", "claimed", "denied", "according to", "what it called", "Hamas", "Iran", "Pakistan",
    "Jaish al-Adl", "terrorist", "militant", "group", "killed", "were killed", "was killed by", "died",
    "children", "two", "17", "people", "He", "She", "they", "the", "a", "so-called", "allegedly", "not",
    "strike", "wounded", "civilians", "a 6-year-old girl",
]

hostile_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), st.text(max_size=4)), max_size=50
).map(" ".join) | st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=50).map("".join)


@st.composite
def corpora(draw, max_docs: int = 3) -> pd.DataFrame:
    texts = draw(st.lists(hostile_text, min_size=1, max_size=max_docs))
    outlets = draw(st.lists(st.sampled_from(["A", "B"]), min_size=len(texts), max_size=len(texts)))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "outlet": outlets, "text": texts})


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ACTORS = {"Hamas": ["Hamas"], "Jaish al-Adl": ["Jaish al-Adl"], "Iran": ["Iran", "Tehran"]}


def _texts(corpus: pd.DataFrame) -> dict[str, str]:
    return dict(zip(corpus["doc_id"], corpus["text"]))


def _check_spans_index_text(table: pd.DataFrame, texts: dict[str, str], column: str, *, start="start", end="end"):
    for row in table[["doc_id", start, end, column]].itertuples(index=False):
        doc, a, b, value = row
        if pd.isna(a) or pd.isna(b):
            assert pd.isna(value) or value is None, (doc, a, b, value)
            continue
        text = texts[doc]
        assert 0 <= a <= b <= len(text), (doc, a, b, len(text))
        assert text[int(a):int(b)] == value, (doc, a, b, value)


# -- sentences, quotes and voice ------------------------------------------------------


@SETTINGS
@given(corpora())
# a one-word quote read as a title: it has no quote voice span of its own
@example(pd.DataFrame({"doc_id": ["d0"], "outlet": ["A"], "text": ["He \u2018terror\u2019 A"]}))
def test_sentences_quotes_and_voice_keep_their_promises(corpus):
    texts = _texts(corpus)
    original = corpus.copy()

    sents = framing.sentences(corpus)
    assert list(sents.columns[: len(schema.SENTENCES)]) == list(schema.SENTENCES)
    _check_spans_index_text(sents, texts, "text")
    for doc, group in sents.groupby("doc_id", sort=False):
        assert group["sentence_id"].tolist() == list(range(len(group)))
        ends = group["end"].tolist()
        starts = group["start"].tolist()
        assert all(a < b for a, b in zip(starts, ends)), "empty sentence"
        assert all(ends[k] <= starts[k + 1] for k in range(len(group) - 1)), "sentences overlap or are out of order"
    # no text is lost between sentences: every non-space character lies in a sentence
    assert set(sents["doc_id"]) <= set(texts)
    for doc, text in texts.items():
        covered = [False] * len(text)
        for a, b in sents.loc[sents["doc_id"] == doc, ["start", "end"]].itertuples(index=False):
            covered[a:b] = [True] * (b - a)
        lost = [c for c, cov in zip(text, covered) if not cov and not c.isspace()]
        assert not lost, f"characters outside every sentence: {lost[:10]}"

    quotes = framing.quotes(corpus)
    _check_spans_index_text(quotes, texts, "text")
    _check_spans_index_text(quotes, texts, "speaker", start="speaker_start", end="speaker_end")
    _check_spans_index_text(quotes, texts, "verb", start="verb_start", end="verb_end")
    assert set(quotes["kind"]) <= set(schema.QUOTE_KINDS)

    voice = framing.voice(corpus)
    assert set(voice["voice"]) <= set(schema.VOICES)
    for doc, text in texts.items():
        spans = voice[voice["doc_id"] == doc]
        if not text:
            assert spans.empty
            continue
        starts, ends = spans["start"].tolist(), spans["end"].tolist()
        assert starts[0] == 0 and ends[-1] == len(text), "voice does not cover the text"
        assert all(a < b for a, b in zip(starts, ends))
        assert all(ends[k] == starts[k + 1] for k in range(len(spans) - 1)), "voice spans overlap or leave a gap"

        # quotes of the document: disjoint, in order, each inside its own marks
        q = quotes[quotes["doc_id"] == doc].sort_values("quote_id")
        assert q["quote_id"].tolist() == list(range(len(q)))
        q_starts, q_ends = q["start"].tolist(), q["end"].tolist()
        assert all(q_ends[k] <= q_starts[k + 1] for k in range(len(q) - 1)), "quotes overlap"
        marked = spans.dropna(subset=["quote_id"])
        for qid, a, b, kind in zip(q["quote_id"], q_starts, q_ends, q["kind"]):
            span = marked[marked["quote_id"] == qid]
            if kind == "title":  # a quoted name or title is the narrator's own text
                assert span.empty, f"title {qid} has a quote voice span"
                continue
            assert len(span) == 1, f"quote {qid} has no voice span"
            s, e = int(span["start"].iloc[0]), int(span["end"].iloc[0])
            assert s < a <= b <= e, "quote content is not inside its marks"
            assert text[s] in QUOTE_MARKS, f"quote span does not start at a mark: {text[s]!r}"
    pd.testing.assert_frame_equal(corpus, original)  # the input is untouched


# -- matching and scores --------------------------------------------------------------

_N_CATEGORIES = None


def _category_pairs() -> set[tuple[str, str]]:
    global _N_CATEGORIES
    if _N_CATEGORIES is None:
        scores = framing.score(pd.DataFrame({"doc_id": ["x"], "outlet": ["X"], "text": ["x"]}))
        _N_CATEGORIES = set(zip(scores["lexicon"], scores["category"]))
    return _N_CATEGORIES


@SETTINGS
@given(corpora())
def test_find_and_score_have_every_document(corpus):
    texts = _texts(corpus)
    found = framing.find(corpus)
    _check_spans_index_text(found.astype({"match": "object"}), texts, "match")
    assert set(found["voice"].astype(str)) <= set(schema.VOICES)
    # each match's voice is the voice of the character it starts at
    voice = framing.voice(corpus)
    for row in found.itertuples(index=False):
        spans = voice[(voice["doc_id"] == row.doc_id) & (voice["start"] <= row.start) & (voice["end"] > row.start)]
        assert spans["voice"].tolist() == [row.voice]

    scores = framing.score(corpus, matches=found)
    pairs = _category_pairs()
    assert len(scores) == len(corpus) * len(pairs) * len(schema.VOICES)
    assert not scores.duplicated(["doc_id", "lexicon", "category", "voice"]).any()
    for doc in texts:
        mine = scores[scores["doc_id"] == doc]
        assert set(zip(mine["lexicon"], mine["category"], mine["voice"])) == {
            (lx, cat, v) for lx, cat in pairs for v in schema.VOICES}
    assert (scores["count"] >= 0).all()
    # every match is counted: leaf categories' counts add up to the matches
    leaves = {(lx.name, name) for lx in resolve_lexicons(None) for name in lx.categories}
    counted = scores[[p in leaves for p in zip(scores["lexicon"], scores["category"])]]
    per_doc_found = found.groupby(["doc_id", "lexicon", "category"], observed=True).size()
    per_doc_scored = counted.groupby(["doc_id", "lexicon", "category"])["count"].sum()
    parents = {(lx, cat.rsplit(".", 1)[0]) for lx, cat in leaves if "." in cat}
    for (doc, lx, cat), n in per_doc_found.items():
        scored = per_doc_scored.get((doc, lx, cat), 0)
        # a parent category also counts its subcategories' matches
        assert scored >= n if (lx, cat) in parents else scored == n, (doc, lx, cat, scored, n)
    row = account(corpus, scores, stage="score").iloc[0]
    assert (row.docs_in, row.docs_out, row.docs_missing) == (len(corpus), len(corpus), 0)


# -- actor labels, attributions, casualties, wire copy ------------------------------


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_measures_point_at_their_evidence(corpus):
    texts = _texts(corpus)
    ids = set(texts)

    labels = framing.actor_labels(corpus, ACTORS)
    assert set(labels["doc_id"]) <= ids
    _check_spans_index_text(labels, texts, "label")
    for row in labels.itertuples(index=False):
        assert 0 <= row.mention_start < row.mention_end <= len(texts[row.doc_id])
        assert row.voice in schema.VOICES

    attr = framing.attributions(corpus)
    assert set(attr["doc_id"]) <= ids
    _check_spans_index_text(attr, texts, "verb")
    _check_spans_index_text(attr, texts, "speaker", start="speaker_start", end="speaker_end")

    cas = framing.casualties(corpus)
    assert set(cas["doc_id"]) <= ids
    for row in cas.itertuples(index=False):
        text = texts[row.doc_id]
        assert 0 <= row.start < row.end <= len(text)
        evidence = text[row.start:row.end]
        for phrase in (row.victims, row.agent):
            if isinstance(phrase, str):
                assert phrase in evidence, (phrase, evidence)
        assert row.construction in schema.CONSTRUCTIONS

    for table in (labels, attr, cas):
        assert account(corpus, None).iloc[0]["docs_in"] == len(corpus)
        assert set(table["doc_id"]) <= ids  # no invented document

    pairs = framing.wire_pairs(corpus, shingle=2)
    assert set(pairs["doc_a"]) | set(pairs["doc_b"]) <= ids
    assert ((pairs["similarity"] >= 0) & (pairs["similarity"] <= 1 + 1e-9)).all()
    if len(corpus) >= 2:
        ed = framing.edits(corpus, "d0", "d1")
        assert set(ed["op"]) <= set(schema.EDIT_OPS)


# -- hostile long lines ----------------------------------------------------------------


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=5, max_size=30), st.integers(2_000, 6_000))
def test_very_long_lines_keep_the_promises(pieces, reps):
    text = " ".join(pieces).replace("\n", " ").replace("\r", " ")
    text = (text + " ") * (60_000 // max(len(text), 1) + 1)
    corpus = pd.DataFrame({"doc_id": ["long"], "outlet": ["X"], "text": [text[: reps * 20]]})
    texts = _texts(corpus)
    _check_spans_index_text(framing.sentences(corpus), texts, "text")
    _check_spans_index_text(framing.quotes(corpus), texts, "text")
    voice = framing.voice(corpus)
    assert voice["start"].iloc[0] == 0 and voice["end"].iloc[-1] == len(texts["long"])
    assert (voice["end"].iloc[:-1].to_numpy() == voice["start"].iloc[1:].to_numpy()).all()
    _check_spans_index_text(framing.find(corpus).astype({"match": "object"}), texts, "match")


# -- hostile files ---------------------------------------------------------------------

BYTE_PIECES = [
    b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\r\n", b"\r", b"\n", b",", b'"', b'""', b"\t", b"{", b"}",
    b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xf0\x9f\x98\x80", b"text", b"a b. C.",
    "«Gaza» שלום".encode(), "caf\u00e9".encode("latin-1"), "\u201cquoted\u201d".encode("cp1252"),
]
hostile_bytes = st.lists(st.one_of(st.sampled_from(BYTE_PIECES), st.binary(max_size=6)), max_size=25).map(b"".join)


def _read(path: Path, **options):
    """read_corpus, which may only raise a documented error."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return framing.read_corpus(path, **options)
        except FramingError as exc:
            assert str(path.name) in str(exc) or str(path) in str(exc), f"error does not name the file: {exc}"
            return None


def _is_corpus(corpus: pd.DataFrame) -> None:
    assert list(corpus.columns[:3]) == list(schema.CORPUS)
    assert corpus["doc_id"].is_unique
    assert all(isinstance(t, str) for t in corpus["text"])
    assert all(isinstance(t, str) for t in corpus["outlet"])
    assert flagged_documents(corpus).map(lambda x: isinstance(x, str)).all()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_bytes, min_size=1, max_size=4), st.booleans())
def test_a_text_folder_of_hostile_files_keeps_every_file(contents, with_sidecar):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, data in enumerate(contents):
            (folder / f"doc{i}.txt").write_bytes(data)
        if with_sidecar:
            (folder / "metadata.csv").write_text(
                "file,outlet\n" + "".join(f"doc{i}.txt,Outlet {i % 2}\n" for i in range(len(contents))), "utf-8")
        corpus = _read(folder, outlet="Unknown")  # a folder without sidecar has no outlet of its own
        assert corpus is not None, "a folder of .txt files must always read"
        _is_corpus(corpus)
        assert sorted(corpus["doc_id"]) == sorted(f"doc{i}" for i in range(len(contents))), "a file was dropped"
        flags = dict(zip(corpus["doc_id"], flagged_documents(corpus)))
        for i, data in enumerate(contents):
            # a UTF-16/32 byte-order mark names the encoding; otherwise the file is UTF-8
            encoding = next((name for bom, name in BOMS if data.startswith(bom)), "utf-8")
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                assert "undecodable bytes replaced" in flags[f"doc{i}"]
        # every document survives scoring
        assert account(corpus, framing.score(corpus), stage="score").iloc[0]["docs_missing"] == 0


@SETTINGS
@given(st.lists(hostile_bytes, min_size=0, max_size=4), st.sampled_from([b"\n", b"\r\n"]), st.booleans())
def test_hostile_csv_and_jsonl_read_or_fail_clearly(cells, newline, bom):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        head = b"\xef\xbb\xbf" if bom else b""
        # CSV: a valid header, then rows whose text is hostile bytes (quoted or not)
        body = b"".join(b'd%d,Outlet,"' % i + c.replace(b'"', b'""') + b'"' + newline for i, c in enumerate(cells))
        csv = folder / "c.csv"
        csv.write_bytes(head + b"doc_id,outlet,text" + newline + body)
        corpus = _read(csv)
        if corpus is not None:
            _is_corpus(corpus)
            if not any(b"\x00" in c for c in cells):
                assert len(corpus) == len(cells), "a CSV record was dropped"
        raw = folder / "r.csv"
        raw.write_bytes(head + b"doc_id,outlet,text" + newline + b"".join(cells))
        corpus = _read(raw)
        if corpus is not None:
            _is_corpus(corpus)
        # JSON lines: well-formed records with hostile text, and raw hostile lines
        lines = [json.dumps({"doc_id": f"d{i}", "outlet": "O", "text": c.decode("utf-8", "replace")}).encode()
                 for i, c in enumerate(cells)]
        good = folder / "g.jsonl"
        good.write_bytes(head + newline.join(lines) + newline)
        corpus = _read(good)
        if cells:
            assert corpus is not None, "well-formed JSON lines must read"
            _is_corpus(corpus)
            assert corpus["doc_id"].tolist() == [f"d{i}" for i in range(len(cells))]
        bad = folder / "b.jsonl"
        bad.write_bytes(head + newline.join(cells))
        corpus = _read(bad)
        if corpus is not None:
            _is_corpus(corpus)


@pytest.mark.parametrize("name,data,expected", [
    ("empty.csv", b"", "CorpusError"),
    ("empty.jsonl", b"", "CorpusError"),
    ("blank.jsonl", b"\n\n \n", "CorpusError"),
    ("array.jsonl", b"[1, 2]\n", "CorpusError"),
    ("parquet.parquet", b"PAR1 not really", "CorpusError"),
    ("gzip.jsonl.gz", b"\x1f\x8b\x08\x00broken", "CorpusError"),
    ("no_extension", b"doc_id,outlet,text\n", "CorpusError"),
    ("utf16.csv", "doc_id,outlet,text\na,O,caf\u00e9\n".encode("utf-16"), ["caf\u00e9"]),
    ("header_only.csv", b"doc_id,outlet,text\n", []),
    ("nul.csv", b"doc_id,outlet,text\na,O,x\x00y\n", ["x\x00y"]),
    ("crlf.csv", b'doc_id,outlet,text\r\na,O,"line one\r\nline two"\r\n', ["line one\nline two"]),
    ("bom.jsonl", b'\xef\xbb\xbf{"doc_id": "a", "outlet": "O", "text": "x"}\n', ["x"]),
    ("latin1.jsonl", '{"doc_id": "a", "outlet": "O", "text": "caf\u00e9"}'.encode("latin-1"), ["caf\ufffd"]),
])
def test_odd_files_read_or_fail_naming_the_file(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    if isinstance(expected, str):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with pytest.raises(FramingError) as info:
                framing.read_corpus(path)
        assert type(info.value).__name__ == expected
        assert str(path) in str(info.value)
        return
    corpus = _read(path)
    _is_corpus(corpus)
    assert corpus["text"].tolist() == expected
    if "\ufffd" in "".join(expected):
        assert flagged_documents(corpus).tolist() == ["undecodable bytes replaced"]
    assert account(corpus).iloc[0]["docs_in"] == len(expected)
