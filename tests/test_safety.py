"""Files from colleagues: lexicons and models that are malformed, huge or hostile.

A lexicon is YAML loaded safely (no Python tags, no alias bombs, no runaway nesting),
validated with errors that name the file and the line, and matched without building
regular expressions from its terms, so no term can make matching slow. A model file
is a skops archive whose types are checked against an exact list before anything is
constructed; a pickle is always refused.

Outputs: a report removes only files it wrote, a study spec cannot send files outside its
folder, every file appears whole or not at all, a second writer fails at once, an input is
never overwritten, CSV cells cannot run as spreadsheet formulas, and SIGTERM / SIGHUP leave
no temporary file or worker process behind.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import importlib
import importlib.resources
import io
import json
import os
import pickle
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

import framing
from framing import cli
from framing.errors import CorpusError, InputNotFoundError, LexiconError, ModelError, UsageError
from framing.learn.classifier import load_model, save_model
from framing.lexicon.load import lexicon_from_dict, load_lexicon

HEAD = 'name: t\nversion: "1"\ncategories:\n'


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


# -- YAML that tries to run code ----------------------------------------------------------

@pytest.mark.parametrize("tagged", [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:subprocess.Popen {{args: ['touch', '{marker}']}}",
])
def test_python_tags_are_refused_and_nothing_runs(tmp_path, tagged):
    marker = tmp_path / "executed"
    path = write(tmp_path, "evil.yaml", HEAD + "  a:\n    terms:\n      - " + tagged.format(marker=marker) + "\n")
    with pytest.raises(LexiconError, match="malformed YAML") as info:
        load_lexicon(path)
    assert f"{path}:6" in str(info.value)  # the line of the tagged term
    assert not marker.exists()


def _laughs(depth: int) -> str:
    """A 'billion laughs' YAML: each alias list repeats the previous one nine times."""
    lines = ['refs:', '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for k in range(1, depth):
        lines.append(f"  a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly(tmp_path):
    # 9 ** 9 = 387 million strings once expanded: validating (or printing) it would never finish
    bomb = _laughs(9)
    for name, text in (
        ("native.yaml", bomb + HEAD + f"  a:\n    terms: [*a8]\n"),
        ("quanteda.yaml", bomb.replace("refs:\n", "").replace("\n  a", "\na").lstrip() + "x: [*a8]\n"),
    ):
        path = write(tmp_path, name, text)
        with pytest.raises(LexiconError, match="aliases") as info:
            load_lexicon(path)
        assert str(path) in str(info.value)
        assert len(str(info.value)) < 1000


def test_small_aliases_still_work(tmp_path):
    path = write(tmp_path, "shared.yaml", HEAD + "  a:\n    terms: &common [alleged*, so-called]\n"
                                               "  b:\n    terms: *common\n")
    with pytest.warns(framing.lexicon.LexiconWarning):  # the same term in two categories
        lx = load_lexicon(path)
    assert [t.text for t in lx.categories["b"].terms] == ["alleged*", "so-called"]


@pytest.mark.parametrize("name,content,expected", [
    ("recursive.yaml", 'name: t\nversion: "1"\ncategories: &A\n  a:\n    terms: [x]\n    categories: *A\n',
     "recursive"),
    ("deep.yaml", HEAD + "  a:\n    terms: " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
    ("binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8"),
    ("latin1.yaml", (HEAD + "  a:\n    terms: [caf\xe9]\n").encode("latin-1"), "not UTF-8"),
    ("list.yaml", "- a\n- b\n", "must be a YAML mapping"),
    ("empty.yaml", "", "must be a YAML mapping"),
    ("tabs.yaml", HEAD + "\t a: [x]\n", "malformed YAML"),
    ("dup.yaml", HEAD + "  a:\n    terms: [x]\n  a:\n    terms: [y]\n", "appears twice"),
    ("cat_key.yaml", HEAD + "  a:\n    terms: [x]\n    weight: 2\n", "unknown key(s) ['weight']"),
    ("term_key.yaml", HEAD + "  a:\n    terms: [{term: x, regex: true}]\n", "unknown key(s) ['regex']"),
    ("nan.yaml", HEAD + "  a:\n    terms: [{term: x, weight: .nan}]\n", "finite number"),
    ("nested_list.yaml", HEAD + "  a:\n    terms: [[x, y]]\n", "must be a string"),
    ("bad.dic", "%\n1 hedge\n%\nallegedly\t7\n", "category number 7"),
    ("nohead.dic", "allegedly\t1\n", "category block"),
])
def test_malformed_lexicons_give_clear_errors(tmp_path, name, content, expected):
    path = write(tmp_path, name, content)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


# -- pathological terms -------------------------------------------------------------------

@pytest.mark.parametrize("term,reason", [
    ("***", "only a wildcard"),
    ("*", "only a wildcard"),
    ("(.*)*", "middle of the word"),
    ("**x", "repeated"),
    ("a*b", "middle of the word"),
    ("*(a)*", "may only contain"),
    ("   ", "empty"),
])
def test_wildcard_abuse_is_refused_with_the_reason(term, reason):
    with pytest.raises(LexiconError, match="term") as info:
        lexicon_from_dict({"name": "t", "version": "1", "categories": {"a": {"terms": [term]}}})
    assert reason in str(info.value)


def test_regex_metacharacters_are_literal_text():
    lx = lexicon_from_dict({"name": "t", "version": "1", "categories": {
        "a": {"terms": ["a+b(", "[a-z]+", "x{1000}", "^$", "C++", r"\d+"]}}})
    corpus = pd.DataFrame({"doc_id": ["d"], "outlet": ["X"],
                           "text": ["He wrote a+b( and aaab, then C++ beside 12345 and [a-z]+ in x{1000}."]})
    found = framing.find(corpus, lx)
    text = corpus["text"].iloc[0]
    matched = {text[s:e] for s, e in zip(found["start"], found["end"])}
    # nothing is read as a pattern: "aaab" is not a+b(, "12345" is not \d+
    assert "aaab" not in matched and "12345" not in matched
    assert matched <= {"a+b(", "[a-z]+", "x{1000}", "C++", "a+b", "C", "a-z", "x", "1000", "b", "a", "z"}
    assert all(text[s:e] == m for s, e, m in zip(found["start"], found["end"], found["match"].astype(str)))


@pytest.mark.slow
def test_very_long_term_and_huge_term_list_complete(tmp_path):
    long_term = " ".join(["word"] * 5000)  # a 25,000-character phrase
    many = [f"term{i:06d}" for i in range(100_000)]
    path = write(tmp_path, "huge.yaml", HEAD + "  long:\n    terms:\n      - " + long_term + "\n"
                 + "  many:\n    terms:\n" + "".join(f"      - {t}\n" for t in many))
    lx = load_lexicon(path)
    assert len(lx.categories["many"].terms) == 100_000
    text = " ".join(["word"] * 6000) + " term012345 and term099999; term100000 is not listed"
    found = framing.find(pd.DataFrame({"doc_id": ["d"], "outlet": ["X"], "text": [text]}), lx)
    assert sorted(found.loc[found["category"] == "many", "match"].astype(str)) == ["term012345", "term099999"]
    assert (found["category"] == "long").sum() == 1  # 6000 words hold the 5000-word phrase once (no overlap)


# -- model files ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fitted():
    texts = ["Troops shelled the town.", "Talks resumed in Doha.", "Rockets hit the city.", "Envoys met again."] * 3
    labels = ["conflict", "diplomacy", "conflict", "diplomacy"] * 3
    return Pipeline([("vec", framing.LexiconVectorizer()), ("clf", LogisticRegression())]).fit(texts, labels) \
        if hasattr(framing, "LexiconVectorizer") else LogisticRegression().fit([[0], [1]] * 6, labels)


def test_skops_round_trip(fitted, tmp_path):
    path = save_model(fitted, tmp_path / "m.skops")
    loaded = load_model(path)
    assert type(loaded) is type(fitted)


def test_a_malicious_pickle_never_runs(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for name in ("model.pkl", "model.skops", "model.joblib"):
        path = tmp_path / name
        for protocol in (pickle.HIGHEST_PROTOCOL, 0):
            path.write_bytes(pickle.dumps(Evil(), protocol=protocol))
            with pytest.raises(ModelError, match="pickle") as info:
                load_model(path)
            assert name in str(info.value) and "save_model" in str(info.value)
            # no trust list makes the library unpickle: a pickle cannot be checked before it runs
            with pytest.raises(ModelError, match="pickle"):
                load_model(path, trusted=["builtins.open", "io.open"])
            with pytest.raises(UsageError, match=r"trusted=\[\.\.\.\]"):
                load_model(path, trusted=True)
    assert not marker.exists()


def _rewrite_schema(src, dst, change):
    """Copy a skops archive, editing its schema.json with ``change``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "schema.json":
                data = json.dumps(change(json.loads(data))).encode()
            zout.writestr(item, data)
    return dst


def test_a_skops_file_naming_dangerous_types_is_refused(fitted, tmp_path):
    good = save_model(LogisticRegression(), tmp_path / "plain.skops")

    def to_os_system(schema):
        schema["__module__"], schema["__class__"] = "os", "system"
        return schema

    bad = _rewrite_schema(good, tmp_path / "evil.skops", to_os_system)
    with pytest.raises(ModelError) as info:
        load_model(bad)
    assert "evil.skops" in str(info.value) and "os.system" in str(info.value)


def test_untrusted_function_inside_a_pipeline_is_refused(tmp_path):
    import os

    pipe = Pipeline([("f", FunctionTransformer(os.getcwd)), ("clf", LogisticRegression())])
    path = save_model(pipe, tmp_path / "pipe.skops")
    with pytest.raises(ModelError, match="posix.getcwd|os.getcwd"):
        load_model(path)


def _json_node(value):
    """A skops node for a JSON value (what skops writes for str, int, float, bool, None)."""
    return {"__class__": type(value).__name__, "__module__": "builtins", "__loader__": "JsonNode",
            "content": json.dumps(value), "is_json": True}


def _call_node(module, name, *args):
    """A skops node loaded by calling ``module.name(*args)``: skops's ConstructorFromReduceNode
    imports the named object and calls it with the tuple of arguments stored in the file."""
    return {"__class__": name, "__module__": module, "__loader__": "ConstructorFromReduceNode",
            "content": {"__class__": "tuple", "__module__": "builtins", "__loader__": "TupleNode",
                        "content": list(args)}}


def _hide_in_logistic_regression(tmp_path, name, node):
    """A real LogisticRegression file whose ``tol`` attribute is replaced by ``node``."""
    good = save_model(LogisticRegression(), tmp_path / "plain.skops")

    def plant(schema):
        assert schema["content"]["content"]["tol"]["__loader__"] == "JsonNode"
        schema["content"]["content"]["tol"] = node
        return schema

    return _rewrite_schema(good, tmp_path / name, plant)


def test_a_crafted_model_file_cannot_run_code(tmp_path):
    marker = tmp_path / "executed"
    empty_dict = {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode", "content": {},
                  "key_types": {"__class__": "list", "__module__": "builtins", "__loader__": "ListNode",
                                "content": []}}
    # numpy's test helper runstring(astr, dict) is exec(astr, dict)
    code = f"open({str(marker)!r}, 'w').write('ran')"
    path = _hide_in_logistic_regression(
        tmp_path, "exec.skops", _call_node("numpy.testing._private.utils", "runstring", _json_node(code), empty_dict))
    with pytest.raises(ModelError, match="not trusted") as info:
        load_model(path)
    assert "exec.skops" in str(info.value) and "numpy.testing._private.utils.runstring" in str(info.value)
    assert not marker.exists()


@pytest.mark.parametrize("target", [
    ("numpy", "memmap", "uint8", "w+", 0, 13),  # maps the file for writing: it becomes 13 NUL bytes
    ("framing.learn.classifier", "save_model", "x"),  # the library's own writer: the file becomes a skops zip
])
def test_a_crafted_model_file_cannot_overwrite_a_file(tmp_path, target):
    victim = tmp_path / "thesis.txt"
    victim.write_bytes(b"chapter one\n")
    module, name, *rest = target
    args = [str(victim), *rest] if name == "memmap" else [*rest, str(victim)]
    path = _hide_in_logistic_regression(tmp_path, "overwrite.skops", _call_node(module, name, *map(_json_node, args)))
    with pytest.raises(ModelError, match="not trusted") as info:
        load_model(path)
    assert f"{module}.{name}" in str(info.value)
    assert victim.read_bytes() == b"chapter one\n"


def test_a_crafted_model_file_loads_only_with_its_types_named(tmp_path):
    # naming a harmless extra type loads the file; the type is then really constructed from the file
    path = _hide_in_logistic_regression(tmp_path, "fraction.skops",
                                        _call_node("fractions", "Fraction", _json_node(1), _json_node(3)))
    with pytest.raises(ModelError, match=r"\['fractions.Fraction'\]"):
        load_model(path)
    from fractions import Fraction

    assert load_model(path, trusted=["fractions.Fraction"]).tol == Fraction(1, 3)


@pytest.mark.parametrize("trusted,expected", [
    (True, r"trusted=True is not accepted.*trusted=\[\.\.\.\]"),
    ("numpy.memmap", "list of type names"),
    ([LogisticRegression], "not.*LogisticRegression"),
])
def test_trusted_takes_only_a_list_of_names(fitted, tmp_path, trusted, expected):
    path = save_model(fitted, tmp_path / "m.skops")
    with pytest.raises(UsageError, match=expected):
        load_model(path, trusted=trusted)


#: one model of each kind the library builds: (estimator factory, labels, or None to fit on texts alone)
_MODEL_KINDS = {
    "sigmoid": lambda: framing.FrameClassifier(char_ngrams=(3, 3)),
    "isotonic": lambda: framing.FrameClassifier(char_ngrams=(3, 3), calibration="isotonic"),
    "uncalibrated": lambda: framing.FrameClassifier(char_ngrams=(3, 3), calibration="none"),
    "by_voice_one_lexicon": lambda: framing.FrameClassifier(
        char_ngrams=None, lexicon=True, lexicons="hedging", lexicon_by_voice=True, class_weight=None),
    "no_lexicon": lambda: framing.FrameClassifier(char_ngrams=None, lexicon=False, max_features=50),
    "lexicon_object": lambda: framing.FrameClassifier(
        word_ngrams=None, char_ngrams=None, lexicon=True, lexicons=[framing.load_lexicon("hedging")],
        calibration="none"),
    "vectorizer": lambda: framing.LexiconVectorizer(),
    "vectorizer_options": lambda: framing.LexiconVectorizer(
        lexicons=("hedging", "attribution"), by_voice=True, negated="exclude", scale="count"),
    "vectorizer_path": lambda: framing.LexiconVectorizer(
        lexicons=Path(str(importlib.resources.files("framing.lexicons") / "hedging.yaml"))),
    "vectorizer_pipeline": lambda: Pipeline([
        ("vec", framing.LexiconVectorizer()), ("clf", LogisticRegression(max_iter=1000))]),
}


@pytest.mark.parametrize("kind", sorted(_MODEL_KINDS))
def test_every_model_kind_needs_only_model_types(kind, tmp_path):
    import numpy as np
    import skops.io as sio

    from framing.learn.classifier import MODEL_TYPES

    data = pd.read_csv(Path(__file__).parent / "data" / "labelled_sentences.csv", dtype=str)
    data = data.groupby("frame").head(8)  # 24 sentences, 8 of each frame: small, enough for 3-fold calibration
    texts, labels = data["text"].tolist(), data["frame"].to_numpy()
    if kind == "no_lexicon":
        labels = pd.factorize(labels)[0]  # integer labels
    model = _MODEL_KINDS[kind]()
    model = model.fit(texts) if isinstance(model, framing.LexiconVectorizer) else model.fit(texts, labels)
    path = save_model(model, tmp_path / f"{kind}.skops")
    needed = set(sio.get_untrusted_types(file=path))
    assert needed <= set(MODEL_TYPES), f"{kind} needs {sorted(needed - set(MODEL_TYPES))}: review, then list them"
    loaded = load_model(path)
    probe = ["Rescuers searched the rubble, officials allegedly said.", "Talks resumed in Doha."]
    method = "transform" if isinstance(model, framing.LexiconVectorizer) else "predict_proba"
    np.testing.assert_array_equal(getattr(loaded, method)(probe), getattr(model, method)(probe))


@pytest.mark.parametrize("damage", ["truncate", "zip_of_junk", "bad_json", "text", "empty"])
def test_damaged_model_files_name_the_file(fitted, tmp_path, damage):
    good = save_model(fitted, tmp_path / "good.skops")
    path = tmp_path / f"{damage}.skops"
    if damage == "truncate":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "zip_of_junk":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("readme.txt", "hello")
        path.write_bytes(buf.getvalue())
    elif damage == "bad_json":
        with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w") as zout:
            for item in zin.infolist():
                zout.writestr(item, b"{not json" if item.filename == "schema.json" else zin.read(item.filename))
    elif damage == "text":
        path.write_text("this is not a model", encoding="utf-8")
    else:
        path.write_bytes(b"")
    with pytest.raises(ModelError) as info:
        load_model(path)
    assert f"{damage}.skops" in str(info.value)


def test_model_path_errors(tmp_path):
    with pytest.raises(InputNotFoundError, match="nowhere.skops"):
        load_model(tmp_path / "nowhere.skops")
    folder = tmp_path / "folder.skops"
    folder.mkdir()
    with pytest.raises(InputNotFoundError, match="folder.skops"):
        load_model(folder)
    with pytest.raises(InputNotFoundError, match="no_such_dir"):
        save_model(LogisticRegression(), tmp_path / "no_such_dir" / "m.skops")


# -- YAML limits: study specs, actors files, lexicons ----------------------------------------
# Every YAML file the library reads goes through one loader (framing._yaml) with limits on the
# file's size, on the values its aliases expand to and on nesting. Each hostile file below is
# loaded under a memory cap, so that a loader without the limits fails (MemoryError) instead of
# filling the machine's memory.


@contextlib.contextmanager
def _memory_cap(extra_mb: int = 512):
    """Cap this process's address space at its current size + ``extra_mb`` (Linux), restore after."""
    try:
        import resource

        with open("/proc/self/status") as fh:
            vm = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    except (ImportError, OSError, StopIteration):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = vm + extra_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _refused_fast(load, path, error, expected, seconds=5.0):
    """``load(path)`` raises ``error`` naming the file and saying ``expected``, within ``seconds``."""
    start = time.perf_counter()
    with _memory_cap(), pytest.raises(error) as info:
        load(path)
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert str(path) in message, message
    assert re.search(expected, message), message
    assert len(message) < 2000
    assert elapsed < seconds, f"refused only after {elapsed:.1f} s"
    return message


def _inline_laughs(depth: int = 9) -> str:
    """A flow-style 'billion laughs' value: a list of two-element lists (so that it also passes as
    wire pairs) holding &a0 (nine strings) ... &a{depth-1} (nine aliases of the previous one),
    and last [*a{depth-1}, *a{depth-1}]: 2 * 9 ** depth strings once the aliases are followed."""
    defs = ["&a0 [" + ", ".join(["lol"] * 9) + "]"]
    defs += [f"&a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]" for k in range(1, depth)]
    if len(defs) % 2:
        defs.append("lol")
    pairs = [f"[{a}, {b}]" for a, b in zip(defs[::2], defs[1::2])] + [f"[*a{depth - 1}, *a{depth - 1}]"]
    return "[" + ", ".join(pairs) + "]"


_SPEC = "name: s\ncorpus: example\n"


@pytest.mark.parametrize("where", ["title", "description", "output", "by", "pairs"])
def test_study_spec_with_an_alias_bomb_is_refused_quickly(tmp_path, where):
    from framing.errors import SchemaError
    from framing.report.study import load_study

    bomb = _inline_laughs()
    text = _SPEC + {"by": f"compare:\n  by: {bomb}\n", "pairs": f"wire:\n  pairs: {bomb}\n"}.get(
        where, f"{where}: {bomb}\n")
    path = write(tmp_path, "study.yaml", text)
    message = _refused_fast(load_study, path, SchemaError, "aliases")
    assert f"study.yaml:{text.count(chr(10))}" in message  # the line of the bomb


def _deep(levels: int) -> str:
    return "[" * levels + "x" + "]" * levels


_DEEP_SPECS = {
    "study_title.yaml": _SPEC + f"title: {_deep(5000)}\n",
    "study_by.yaml": _SPEC + f"compare:\n  by: {_deep(5000)}\n",
    "study_blocks.yaml": _SPEC + "title:\n" + "".join("  " * k + "-\n" for k in range(1, 300)) + "  " * 300 + "- x\n",
    # shallow in the file, deep once the aliases are followed: each &a(k) holds *a(k-1)
    "study_aliases.yaml": _SPEC + "description: [&a0 [x], " + ", ".join(f"&a{k} [*a{k - 1}]" for k in range(1, 3000))
    + "]\n",
}


@pytest.mark.parametrize("name", sorted(_DEEP_SPECS))
def test_deeply_nested_study_spec_is_refused_with_the_file(tmp_path, name):
    from framing.errors import SchemaError
    from framing.report.study import load_study

    path = write(tmp_path, name, _DEEP_SPECS[name])
    _refused_fast(load_study, path, SchemaError, "nested too deeply")


def test_deeply_nested_actors_file_is_refused_with_the_file(tmp_path):
    from framing.measures.actors import load_actors
    from framing.errors import SchemaError

    path = write(tmp_path, "actors.yaml", f"Hamas: [Hamas]\nJaish al-Adl: {_deep(5000)}\n")
    message = _refused_fast(load_actors, path, SchemaError, "nested too deeply")
    assert "actors.yaml:2" in message


def test_actors_file_with_an_alias_bomb_fails_quickly(tmp_path):
    from framing.measures.actors import load_actors
    from framing.errors import SchemaError
    from framing.report.output import load_actors as report_actors

    bomb = _laughs(9).replace("refs:", "Jaish al-Adl:")
    path = write(tmp_path, "actors.yaml", bomb)
    for load in (load_actors, report_actors):
        _refused_fast(load, path, SchemaError, r"aliases \(\*name\) are followed")


# -- corpus files that would be misread ---------------------------------------------------
# Each case is read whole (framing.read_corpus) and in chunks of one document (framing.stream,
# the path of `framing score` on a file): both must refuse it the same way, naming the line.

def _whole(path, **options):
    return framing.read_corpus(path, clean=False, **options)


def _streamed(path, **options):
    from framing import stream

    return pd.concat(list(stream.read_chunks(path, chunksize=1, clean=False, **options)), ignore_index=True)


READERS = pytest.mark.parametrize("read", [_whole, _streamed], ids=["whole", "streamed"])


@READERS
@pytest.mark.parametrize("sep", [",", "\t"], ids=["csv", "tsv"])
@pytest.mark.parametrize("bad_line", [2, 5])
def test_a_row_with_one_field_too_many_is_an_error_naming_the_line(tmp_path, read, sep, bad_line):
    # an extra field in the first row made pandas take the ids for an index: every column shifted
    rows = ["doc_id|outlet|text", "a|Outlet A|First story.", 'b|Outlet B|"Second story, quoted,\nover two lines."',
            "c|Outlet C|Third story.", "d|Outlet D|Fourth story."]
    bad = bad_line - 1 if bad_line < 3 else bad_line - 2  # line 4 is the second line of record b
    rows[bad] += "|an extra field"
    path = write(tmp_path, "c.csv" if sep == "," else "c.tsv", "\n".join(rows).replace("|", sep) + "\n")
    with pytest.raises(CorpusError, match=rf"c\.[ct]sv, line {bad_line}: 4 fields where the header has 3"):
        read(path)


@READERS
def test_a_row_with_too_few_fields_is_an_error_naming_the_line(tmp_path, read):
    # pandas fills the missing text with nothing: the document would be read as empty
    path = write(tmp_path, "c.csv", 'doc_id,outlet,text\na,A,"One\n\nstory."\n\nb,B\nc,C,Third.\n')
    with pytest.raises(CorpusError, match=r"c\.csv, line 6: 2 fields where the header has 3 \(doc_id, outlet, text\)"):
        read(path)


@READERS
def test_json_doc_ids_are_kept_exactly_as_written(tmp_path, read):
    ids = ["1", "1.5", "12345678901234567890", "1.50", "x"]
    lines = [f'{{"doc_id": {i if i != "x" else json.dumps(i)}, "outlet": "A", "text": "Story {n}."}}'
             for n, i in enumerate(ids)]
    path = write(tmp_path, "c.jsonl", "\n".join(lines) + "\n")
    assert read(path)["doc_id"].tolist() == ids


@READERS
@pytest.mark.parametrize("column, value, kind", [
    ("outlet", ["Outlet A", "Outlet B"], "a list"),
    ("text", {"body": "A story."}, "a mapping"),
    ("doc_id", ["a"], "a list"),
    ("outlet", True, "true/false"),
])
def test_a_list_or_mapping_as_outlet_or_text_is_an_error_naming_the_line(tmp_path, read, column, value, kind):
    good = {"doc_id": "a", "outlet": "A", "text": "First story."}
    bad = {"doc_id": "b", "outlet": "B", "text": "Second story.", column: value}
    path = write(tmp_path, "c.jsonl", "\n" + json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(CorpusError, match=rf"c\.jsonl, line 3: {column} is {kind} .*expected text"):
        read(path)


@READERS
def test_a_list_column_as_parquet_text_is_an_error_naming_the_row(tmp_path, read):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"doc_id": ["a", "b"], "outlet": ["A", "B"],
                             "text": pa.array([["First"], ["Second", "story."]], pa.list_(pa.string()))}), path)
    with pytest.raises(CorpusError, match=r"c\.parquet, rows? 1(, 2)?: text is a list \(\['First'\]\)"):
        read(path)


FIRST = '{"doc_id": "a", "outlet": "A", "text": "x"}\n'


@READERS
@pytest.mark.parametrize("name, content, where", [
    ("c.jsonl", FIRST + '{"doc_id": "", "outlet": "B", "text": "y"}\n', "line 2"),
    ("c.jsonl", FIRST + '{"doc_id": "  ", "outlet": "B", "text": "y"}\n', "line 2"),
    ("c.jsonl", FIRST + '{"doc_id": null, "outlet": "B", "text": "y"}\n', "line 2"),
    ("c.csv", 'doc_id,outlet,text\na,A,"x\ny"\n,B,z\n', "line 4"),
    ("c.parquet", None, "row 2"),
])
def test_an_empty_doc_id_is_refused_in_every_format(tmp_path, read, name, content, where):
    path = tmp_path / name
    if content is None:
        pd.DataFrame({"doc_id": ["a", ""], "outlet": ["A", "B"], "text": ["x", "y"]}).to_parquet(path)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"{name.replace('.', '[.]')}, {where}: doc_id is empty"):
        read(path)


@READERS
def test_broken_links_in_a_text_folder_are_named_in_a_warning(tmp_path, read):
    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.warns(UserWarning, match=r"2 link\(s\) skipped whose target is missing or loops: gone\.txt, loop\.txt"):
        corpus = read(tmp_path, outlet="X")
    assert corpus["doc_id"].tolist() == ["a"]


# -- binary text, unreadable files and command-line options --------------------------------

@READERS
def test_a_binary_parquet_text_column_is_decoded_naming_the_column_and_row(tmp_path, read):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "b.parquet"
    pq.write_table(pa.table({"doc_id": ["a", "b"], "outlet": ["A", "B"],
                             "text": pa.array(["Café story.".encode(), b"caf\xe9 owner"], pa.binary())}), path)
    with pytest.warns(UnicodeWarning, match=r"b\.parquet, row 2: undecodable bytes as UTF-8 in column 'text'"):
        corpus = read(path)
    assert corpus["text"].tolist() == ["Café story.", "caf\ufffd owner"]


@READERS
@pytest.mark.parametrize("name", ["c.jsonl.gz", "c.csv.gz"])
@pytest.mark.parametrize("damage", ["not gzip", "truncated"])
def test_a_damaged_gzip_file_is_malformed_input_exit_4(tmp_path, read, name, damage):
    if name.startswith("c.csv"):
        whole = gzip.compress(b"doc_id,outlet,text\n" + b"".join(b"d%d,A,A story.\n" % i for i in range(500)))
    else:
        whole = gzip.compress(b"".join(b'{"doc_id": "d%d", "outlet": "A", "text": "A story."}\n' % i
                                       for i in range(500)))
    (tmp_path / name).write_bytes(b"plain text" if damage == "not gzip" else whole[:len(whole) // 2])
    with pytest.raises(CorpusError, match=rf"{name.replace('.', '[.]')}: cannot read the file.*it is damaged") as info:
        read(tmp_path / name)
    assert info.value.exit_code == 4


def _metadata(folder, *names):
    pd.DataFrame({"file": list(names), "outlet": ["X"] * len(names)}).to_csv(folder / "metadata.csv", index=False)


def test_a_txt_that_cannot_be_read_exits_3(tmp_path, capsys):
    from framing.cli import main

    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "b.txt").mkdir()  # listed as a document, but not a file that can be read
    _metadata(tmp_path, "a.txt")
    with pytest.raises(InputNotFoundError, match=r"b\.txt: cannot read the file"):
        framing.read_corpus(tmp_path)
    assert main(["score", str(tmp_path), "-o", str(tmp_path / "s.csv")]) == 3
    assert "b.txt: cannot read the file" in capsys.readouterr().err
    assert not (tmp_path / "s.csv").exists()


def test_a_file_without_read_permission_exits_3(tmp_path, capsys):
    import os

    from framing.cli import main

    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another story.", encoding="utf-8")
    _metadata(tmp_path, "a.txt", "b.txt")
    (tmp_path / "b.txt").chmod(0)
    if os.access(tmp_path / "b.txt", os.R_OK):
        pytest.skip("this user reads files whatever their permissions (root)")
    assert main(["score", str(tmp_path), "-o", str(tmp_path / "s.csv")]) == 3
    assert "b.txt: cannot read the file (Permission denied)" in capsys.readouterr().err


@pytest.mark.parametrize("option, value", [("--chunksize", "0"), ("--chunksize", "-5"),
                                           ("--jobs", "0"), ("--jobs", "-2")])
@pytest.mark.parametrize("corpus", ["file", "example"])
def test_counts_below_one_are_usage_errors(tmp_path, capsys, option, value, corpus):
    from framing.cli import main

    path = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a"], "outlet": ["A"], "text": ["A story."]}).to_csv(path, index=False)
    code = main(["score", str(path) if corpus == "file" else "example", "-o", str(tmp_path / "s.csv"), option, value])
    assert code == 2
    assert f"{option} must be" in capsys.readouterr().err
    assert not (tmp_path / "s.csv").exists()


@pytest.mark.parametrize("form", ["csv", "folder"])
def test_score_outlet_option_fills_missing_outlets(tmp_path, capsys, form):
    from framing.cli import main

    if form == "csv":
        corpus = tmp_path / "c.csv"
        pd.DataFrame({"doc_id": ["a", "b"], "text": ["A story.", "Another story."]}).to_csv(corpus, index=False)
    else:
        corpus = tmp_path / "docs"
        corpus.mkdir()
        (corpus / "a.txt").write_text("A story.", encoding="utf-8")
        (corpus / "b.txt").write_text("Another story.", encoding="utf-8")
    out = tmp_path / "s.csv"
    assert main(["score", str(corpus), "-o", str(out), "--outlet", "Wire", "--lexicon", "hedging", "-q"]) == 0
    scores = pd.read_csv(out)
    assert set(scores["doc_id"]) == {"a", "b"} and set(scores["outlet"]) == {"Wire"}


@pytest.mark.slow
def test_report_outlet_option_fills_missing_outlets(tmp_path, capsys):
    from framing.cli import main

    corpus = tmp_path / "c.csv"
    pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Times", ""],
                  "text": ["Officials said the strike hit.", "Militants allegedly fired."]}).to_csv(corpus, index=False)
    out = tmp_path / "rep"
    code = main(["report", str(corpus), "-o", str(out), "--outlet", "Wire", "--resamples", "99", "-q"])
    assert code == 0, capsys.readouterr().err
    scores = pd.read_csv(out / "tables" / "scores.csv")
    assert scores.groupby("doc_id")["outlet"].first().to_dict() == {"a": "Times", "b": "Wire"}
    assert json.loads((out / "manifest.json").read_text())["parameters"]["outlet"] == "Wire"


def _merge_laughs(depth: int) -> str:
    """Merge keys of merge keys: PyYAML copies 9 ** depth entries before anything can count them."""
    def nest(k):
        if k == 0:
            return "&m0 {k0: x, k1: x, k2: x}"
        return f"&m{k} {{<<: [{nest(k - 1)}, " + ", ".join([f"*m{k - 1}"] * 8) + "]}"
    return nest(depth)


@pytest.mark.parametrize("kind", ["study", "actors", "lexicon"])
def test_merge_key_bombs_are_refused_quickly(tmp_path, kind):
    from framing.measures.actors import load_actors
    from framing.errors import SchemaError
    from framing.report.study import load_study

    bomb = _merge_laughs(8)
    text, load, error = {
        "study": (_SPEC + f"title: {bomb}\n", load_study, SchemaError),
        "actors": (f"Hamas: {bomb}\n", load_actors, SchemaError),
        "lexicon": (HEAD + f"  a:\n    terms: [x]\n    description: {bomb}\n", load_lexicon, LexiconError),
    }[kind]
    path = write(tmp_path, f"{kind}.yaml", text)
    _refused_fast(load, path, error, r"merge keys \(<<\)")


def test_too_large_files_are_refused_before_parsing(tmp_path, monkeypatch):
    from framing._yaml import MAX_BYTES
    from framing.measures.actors import load_actors
    from framing.errors import SchemaError
    from framing.report.study import load_study

    # valid YAML, one byte over the limit: a long description, a long alias list
    filler = "x" * MAX_BYTES
    study = write(tmp_path, "study.yaml", _SPEC + f"description: {filler}\n")
    _refused_fast(load_study, study, SchemaError, "larger than")
    actors = write(tmp_path, "actors.yaml", f"Hamas: [{filler}]\n")
    _refused_fast(load_actors, actors, SchemaError, "larger than")
    # lexicons may be far larger (a million terms); the same check applies at their own limit
    monkeypatch.setattr(importlib.import_module("framing.lexicon.load"), "_MAX_BYTES", 1000)
    lexicon = write(tmp_path, "big.yaml", HEAD + "  a:\n    terms:\n" + "".join(f"      - t{i}\n" for i in range(200)))
    _refused_fast(load_lexicon, lexicon, LexiconError, "larger than 1,000 bytes")


def test_study_spec_key_given_twice_is_an_error_not_a_silent_choice(tmp_path):
    from framing.errors import SchemaError
    from framing.report.study import load_study

    path = write(tmp_path, "study.yaml", _SPEC + "title: First title\nseed: 3\ntitle: Second title\n")
    with pytest.raises(SchemaError, match=r"study\.yaml:5: key 'title' appears twice.*first on line 3"):
        load_study(path)


def test_ordinary_yaml_with_aliases_still_loads(tmp_path):
    from framing.measures.actors import load_actors
    from framing.report.study import load_study

    spec = write(tmp_path, "study.yaml", _SPEC + "title: &t Strikes\ndescription: *t\n"
                 "actors:\n  Hamas: &h [Hamas, Harakat al-Muqawama]\n  Hamas movement: *h\n"
                 "wire:\n  pairs: [[a, b]]\n")
    study = load_study(spec)
    assert study.title == study.description == "Strikes"
    assert study.actors["Hamas movement"] == ["Hamas movement", "Hamas", "Harakat al-Muqawama"]
    assert study.wire_pairs == [("a", "b")]
    actors = write(tmp_path, "actors.yaml", "actors:\n  Hamas: [Hamas]\n")
    assert load_actors(actors) == {"Hamas": ["Hamas"]}


# == outputs ===============================================================================
# What the library writes never costs a user a file: a report removes only what an earlier
# report wrote, a study spec cannot send files outside its folder, every output appears whole
# or not at all, one run writes an output at a time, and an input is never overwritten.

PROJECT = Path(__file__).resolve().parents[1]
EVIL = '=HYPERLINK("http://evil.example","click")'

SMALL = pd.DataFrame({
    "doc_id": ["a1", "a2", "b1", "b2"],
    "outlet": [EVIL, EVIL, "Beta", "Beta"],
    "text": [
        "The militant group Hamas fired rockets on Monday, officials said.",
        "Three civilians were killed and two were injured in the strike, the ministry said.",
        "The terror group Hamas claimed it fired the rockets. An air strike killed four children.",
        "Officials insisted the strikes were legal; critics denounced them.",
    ],
})
SMALL_REPORT = dict(lexicons=["hedging", "attribution"], actors={"Hamas": ["Hamas"]}, n_resamples=99)


def _framing(*args: str, log: Path, **kwargs) -> subprocess.Popen:
    """``python -m framing ARGS`` in a new process, running this checkout; its output goes to ``log``
    (a file, not a pipe, so that a process left behind cannot keep the test waiting)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    with log.open("w", encoding="utf-8") as fh:
        return subprocess.Popen([sys.executable, "-m", "framing", *args], env=env, stdout=fh, stderr=subprocess.STDOUT,
                                text=True, **kwargs)


def _leftovers(folder: Path) -> list[str]:
    """Temporary and lock files in ``folder`` (and below)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.name.endswith((".partial", ".lock", ".tmp")))


@pytest.fixture(scope="module")
def first_report(tmp_path_factory):
    """A report of SMALL (an outlet named like a spreadsheet formula), with the edits of a1 / b1."""
    out = tmp_path_factory.mktemp("first") / "report"
    framing.report(SMALL, out, wire=[("a1", "b1")], **SMALL_REPORT)
    return out


@pytest.fixture
def no_analysis(monkeypatch):
    """Make the analysis fail loudly if it starts: the output checks must come first."""
    reporting = importlib.import_module("framing.report.output")

    class AnalysisStarted(Exception):
        pass

    def analyse(*args, **kwargs):
        raise AnalysisStarted

    monkeypatch.setattr(reporting, "analyse", analyse)
    return AnalysisStarted


# -- 2. output folders ----------------------------------------------------------------------

def test_a_report_replaces_its_own_files_and_never_a_users(first_report, tmp_path):
    out = tmp_path / "report"
    shutil.copytree(first_report, out)
    mine = {
        out / "tables" / "my_coding.csv": b"doc_id,frame\na1,conflict\n",
        out / "figures" / "my_map.png": b"\x89PNG not really",
        out / "figures" / "README.txt": b"figures for chapter 3\n",
        out / "notes.md": b"# notes\n",
    }
    for path, content in mine.items():
        path.write_bytes(content)
    old_edits = out / "figures" / "wire_edits_a1_b1.png"
    edited = out / "figures" / "wire_edits_a1_b1.svg"
    assert old_edits.is_file() and edited.is_file()
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- annotated by hand -->\n", encoding="utf-8")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        framing.report(SMALL, out, wire=[("a2", "b2")], **SMALL_REPORT)

    for path, content in mine.items():
        assert path.read_bytes() == content, f"{path.name} was changed or removed"
    assert "annotated by hand" in edited.read_text(encoding="utf-8")  # changed since: the user's now
    assert [w for w in caught if "kept figures/wire_edits_a1_b1.svg" in str(w.message)]
    assert not old_edits.exists() and not (out / "figures" / "wire_edits_a1_b1.pdf").exists()
    assert (out / "figures" / "wire_edits_a2_b2.png").is_file()
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["outputs"]["files"]
    assert "figures/wire_edits_a2_b2.png" in files and "tables/my_coding.csv" not in files
    assert _leftovers(out) == []


def test_a_foreign_manifest_cannot_make_a_report_delete_files(tmp_path):
    out = tmp_path / "report"
    (out / "tables").mkdir(parents=True)
    victim = tmp_path / "thesis.docx"
    victim.write_bytes(b"four years of work")
    inside = out / "tables" / "theirs.csv"
    inside.write_text("x\n1\n", encoding="utf-8")
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    (out / "manifest.json").write_text(json.dumps({"outputs": {"files": {
        "../thesis.docx": digest, "tables/../../thesis.docx": digest, str(victim): digest,
        "tables/theirs.csv": "0" * 64}}}), encoding="utf-8")
    from framing.report.output import _own_files, _remove_stale

    # what a report run does with the files an earlier manifest lists and it did not write again
    _remove_stale(out, _own_files(out), {})
    assert victim.read_bytes() == b"four years of work" and inside.is_file()


def _spec(folder: Path, output: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    SMALL.to_csv(folder / "articles.csv", index=False)
    spec = folder / "study.yaml"
    spec.write_text(f"name: small\ncorpus: articles.csv\noutput: {output}\ncompare:\n  n_resamples: 9\n",
                    encoding="utf-8")
    return spec


@pytest.mark.parametrize("where", ["../../escaped", "absolute"])
def test_a_study_cannot_write_outside_its_folder_without_an_explicit_output(tmp_path, capsys, no_analysis, where):
    folder = tmp_path / "analyses" / "small"
    target = tmp_path / "escaped" if where != "absolute" else tmp_path / "elsewhere"
    spec = _spec(folder, str(target) if where == "absolute" else where)
    assert cli.main(["study", "run", str(spec), "--quiet"]) == 4
    err = capsys.readouterr().err
    assert "study.yaml line 3" in err and "outside the study's folder" in err and "--output" in err
    assert not target.exists()
    assert cli.main(["study", "check", str(spec)]) == 4
    # an explicit --output is accepted: the run gets to the analysis
    explicit = tmp_path / "chosen"
    with pytest.raises(no_analysis):
        cli.main(["--debug", "study", "run", str(spec), "--quiet", "--output", str(explicit)])
    assert (explicit / "report").is_dir() and not target.exists()


def test_an_output_that_is_a_file_is_refused_before_the_analysis(tmp_path, capsys, no_analysis):
    blocker = tmp_path / "analyses" / "small" / "output"
    spec = _spec(blocker.parent, "output")
    blocker.write_text("not a folder\n", encoding="utf-8")
    assert cli.main(["study", "run", str(spec), "--quiet"]) == 3
    assert f"{blocker}: is a file" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"
    report_file = tmp_path / "report.html"
    report_file.write_text("<p>mine</p>", encoding="utf-8")
    assert cli.main(["report", "example", "-o", str(report_file), "--quiet"]) == 3
    assert f"{report_file}: is a file" in capsys.readouterr().err
    assert report_file.read_text(encoding="utf-8") == "<p>mine</p>"
    folder = tmp_path / "scores.csv"
    folder.mkdir()
    assert cli.main(["score", "example", "-o", str(folder), "--quiet"]) == 3
    assert "is a folder" in capsys.readouterr().err


# -- 3. atomic, exclusive writes --------------------------------------------------------------

def _big_corpus(path: Path, copies: int) -> int:
    """The bundled corpus repeated ``copies`` times (unique doc_ids) as JSON lines; its size."""
    docs = framing.example_corpus()
    with path.open("w", encoding="utf-8") as fh:
        for i in range(copies):
            for row in docs.itertuples(index=False):
                fh.write(json.dumps({"doc_id": f"{row.doc_id}-{i}", "outlet": row.outlet, "text": row.text}) + "\n")
    return copies * len(docs)


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_a_second_writer_to_the_same_output_fails_at_once(tmp_path, capsys):
    folder = tmp_path / "run"
    folder.mkdir()
    corpus = folder / "big.jsonl"
    n_docs = _big_corpus(corpus, 200)
    out = folder / "scores.parquet"
    log = tmp_path / "first.log"
    first = _framing("score", str(corpus), "-o", str(out), "--lexicon", "hedging", "--chunksize", "100", "-q",
                     log=log)
    try:
        _wait_for(lambda: any(p.name.startswith(".scores.parquet.") for p in folder.iterdir())
                  or first.poll() is not None, 60, "the first run to start writing")
        assert first.poll() is None, "the first run ended before the second started: make the corpus larger"
        started = time.monotonic()
        code = cli.main(["score", str(corpus), "-o", str(out), "--lexicon", "hedging", "-q"])
        took = time.monotonic() - started
        err = capsys.readouterr().err
        assert first.poll() is None, "the second run waited for the first instead of failing at once"
        assert code == 3 and took < 10
        assert "another run" in err and "scores.parquet" in err and f"process {first.pid}" in err
        first.wait(timeout=120)
    finally:
        first.kill()
        first.wait(timeout=30)
    assert first.returncode == 0, log.read_text(encoding="utf-8")
    scores = pd.read_parquet(out)
    n_categories = len(load_lexicon("hedging").categories)
    assert len(scores) == n_docs * n_categories * 3  # every document x category x voice, once
    assert scores["doc_id"].nunique() == n_docs and scores.groupby("doc_id").size().eq(n_categories * 3).all()
    assert _leftovers(folder) == []


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_input_and_output_the_same_file_is_refused_before_reading(tmp_path, capsys, fmt):
    corpus = tmp_path / f"c.{fmt}"
    if fmt == "parquet":
        SMALL.to_parquet(corpus, index=False)
    else:
        SMALL.to_csv(corpus, index=False)
    before = corpus.read_bytes()
    assert cli.main(["score", str(corpus), "-o", str(corpus), "-q"]) == 2
    assert "the output is the input" in capsys.readouterr().err
    assert cli.main(["score", str(corpus), "-o", str(tmp_path / "." / corpus.name), "--jobs", "2", "-q"]) == 2
    capsys.readouterr()
    assert corpus.read_bytes() == before
    both = tmp_path / f"x.{fmt}"
    for extra in ([], ["--jobs", "2"]):
        assert cli.main(["score", str(corpus), "-o", str(both), "--matches", str(both), "-q", *extra]) == 2
        assert "given as two outputs" in capsys.readouterr().err
    assert cli.main(["score", "example", "-o", str(both), "--matches", str(both), "-q"]) == 2
    assert not both.exists() and _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_previous_output_whole(tmp_path, capsys, monkeypatch):
    out = tmp_path / "scores.csv"
    assert cli.main(["score", "example", "-o", str(out), "--lexicon", "hedging", "-q"]) == 0
    previous = out.read_bytes()
    real = pd.DataFrame.to_csv

    def disk_full(self, path_or_buf=None, *args, **kwargs):
        text = real(self, None, *args, **kwargs)
        if isinstance(path_or_buf, (str, Path)):
            with open(path_or_buf, "w", encoding="utf-8") as fh:
                fh.write(text[: len(text) // 2])
        else:
            path_or_buf.write(text[: len(text) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_csv", disk_full)
    assert cli.main(["score", "example", "-o", str(out), "-q"]) == 3
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_bytes() == previous
    assert _leftovers(tmp_path) == []


def test_a_figure_that_fails_to_save_leaves_the_previous_one(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.report.plot import save_figure

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    [png] = save_figure(fig, tmp_path / "line", formats=["png"])
    previous = png.read_bytes()
    real = type(fig).savefig

    def disk_full(self, fname, **kwargs):
        buf = io.BytesIO()
        real(self, buf, **kwargs)
        Path(fname).write_bytes(buf.getvalue()[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(fig), "savefig", disk_full)
    ax.plot([0, 1], [1, 0])
    with pytest.raises(OSError, match="No space"):
        save_figure(fig, tmp_path / "line", formats=["png"])
    plt.close(fig)
    assert png.read_bytes() == previous and _leftovers(tmp_path) == []


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path, capsys):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    out = tmp_path / "scores.csv"
    (tmp_path / ".scores.csv.lock").write_text(f"{pid} {socket.gethostname()}\n", encoding="utf-8")
    leftover = tmp_path / ".scores.csv.abcd1234.partial"
    leftover.write_text("half a table", encoding="utf-8")
    assert cli.main(["score", "example", "-o", str(out), "--lexicon", "hedging", "-q"]) == 0
    assert out.is_file() and _leftovers(tmp_path) == []


# -- 6. spreadsheet formulas in CSV output ----------------------------------------------------

def test_report_tables_neutralise_formulas_and_leave_numbers(first_report):
    tables = first_report / "tables"
    cells = {}
    for path in sorted(tables.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            cells[path.name] = [cell for row in csv.reader(fh) for cell in row]
    every = [c for table in cells.values() for c in table]
    assert EVIL not in every
    assert "'" + EVIL in cells["scores.csv"] and "'" + EVIL in cells["evidence.csv"]
    # no cell a spreadsheet would run is left, and no number was touched
    number = re.compile(r"[-+]?\d+(\.\d+)?(e[-+]?\d+)?")
    assert not [c for c in every if c[:1] in ("=", "+", "-", "@", "\t", "\r") and not number.fullmatch(c)]
    negatives = [c for c in every if c.startswith("-") and number.fullmatch(c)]
    assert negatives, "expected negative numbers (keyness, share differences) in the tables"
    assert not [c for c in every if c.startswith("'") and number.fullmatch(c[1:])]
    # the document accounting reads the ids back through the neutralisation
    from framing.io.accounting import account_report

    assert account_report(SMALL, first_report)["docs_missing"].iloc[0] == 0


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t" if path.suffix == ".tsv" else ","))


@pytest.mark.parametrize("streamed", [False, True])
def test_score_csv_neutralises_formulas_unless_asked_not_to(tmp_path, capsys, monkeypatch, streamed):
    docs = pd.DataFrame({
        "doc_id": ["@SUM(1+1)", "-5", "+cmd|' /C calc'!A0", "\tx"],
        "outlet": [EVIL, "-3", "'=already quoted", "-minus"],
        "text": ["The so-called militants allegedly fired."] * 4,
    })
    if streamed:
        corpus = tmp_path / "c.parquet"
        docs.to_parquet(corpus, index=False)
        extra = ["--jobs", "2", "--chunksize", "2"]
    else:  # the corpus is read whole (as the bundled example and folders of HTML pages are)
        monkeypatch.setattr(framing, "example_corpus", lambda: docs)
        corpus, extra = "example", []
    for name, escape in (("safe.csv", []), ("raw.tsv", ["--no-csv-escape"])):
        assert cli.main(["score", str(corpus), "-o", str(tmp_path / name), "--lexicon", "hedging", "-q",
                         "--matches", str(tmp_path / f"m_{name}"), *extra, *escape]) == 0
    capsys.readouterr()
    safe, raw = _rows(tmp_path / "safe.csv"), _rows(tmp_path / "raw.tsv")
    header = safe[0]
    assert header == raw[0] and len(safe) == len(raw)
    column = {name: [row[header.index(name)] for row in safe[1:]] for name in header}
    assert set(column["doc_id"]) == {"'@SUM(1+1)", "-5", "'+cmd|' /C calc'!A0", "'\tx"}
    assert set(column["outlet"]) == {"'" + EVIL, "-3", "''=already quoted", "'-minus"}
    assert {row[header.index("doc_id")] for row in raw[1:]} == set(docs["doc_id"])
    assert {row[header.index("outlet")] for row in raw[1:]} == set(docs["outlet"])
    matches = _rows(tmp_path / "m_safe.csv")
    assert len(matches) > 1 and {row[matches[0].index("outlet")] for row in matches[1:]} <= set(column["outlet"])
    for name in ("count", "n_tokens", "rate_per_1k"):  # numbers are written as they are
        assert column[name] == [row[header.index(name)] for row in raw[1:]]


def test_write_table_leaves_numbers_and_plain_text(tmp_path):
    from framing._formulas import neutralise, restore
    from framing.scale.stream import write_table

    cells = pd.Series(["\rcmd", "\tcmd", "=1", "'=1", "''@x", "'plain", "-", "-0.5", "+1e5", None])
    guarded = neutralise(cells.to_frame("c"))["c"]
    assert guarded.tolist()[:9] == ["'\rcmd", "'\tcmd", "'=1", "''=1", "'" + "''@x", "'plain", "'-", "-0.5", "+1e5"]
    assert [restore(v) for v in guarded[:9]] == cells[:9].tolist()  # reversible

    table = pd.DataFrame({"term": ["=1+2", "-", "so-called", "-3.5", "x"], "score": [-1.5, -2.0, 0.0, 3.0, -1e-9],
                          "n": [-1, -2, 3, 4, -5]})
    write_table([table], tmp_path / "t.csv")
    rows = _rows(tmp_path / "t.csv")
    assert [r[0] for r in rows[1:]] == ["'=1+2", "'-", "so-called", "-3.5", "x"]
    assert pd.read_csv(tmp_path / "t.csv")[["score", "n"]].equals(table[["score", "n"]])
    write_table([table], tmp_path / "raw.csv", csv_escape=False)
    assert pd.read_csv(tmp_path / "raw.csv", dtype={"term": str}).equals(table)


# -- 7. signals and worker processes ------------------------------------------------------------

def _start_scoring(tmp_path: Path):
    """``framing score --jobs 2`` on a corpus large enough to run a few seconds, in a session of
    its own, in ``tmp_path / "run"``; once its workers are up and it writes, the process and its
    descendants. Its output goes to ``tmp_path / "log"``."""
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "run"
    folder.mkdir()
    corpus = folder / "big.jsonl"
    _big_corpus(corpus, 2000)  # about 36 MB: several seconds of work for two processes
    proc = _framing("score", str(corpus), "-o", str(folder / "out.parquet"), "--jobs", "2",
                    "--chunksize", "20", "-q", log=tmp_path / "log", start_new_session=True)
    parent = psutil.Process(proc.pid)

    def workers_up() -> bool:
        if proc.poll() is not None:
            return True
        try:
            workers = [p for p in parent.children(recursive=True) if "popen_loky" in " ".join(p.cmdline())]
        except psutil.Error:  # a process ended while being looked at
            return False
        return len(workers) >= 2 and any(p.name.endswith(".partial") for p in folder.iterdir())

    _wait_for(workers_up, 120, "two worker processes")
    assert proc.poll() is None, "the run ended before the signal: make the corpus larger"
    return proc, parent.children(recursive=True)


def _kill_session(proc: subprocess.Popen) -> None:
    """Whatever is left of a test's process group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=30)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process tree checks use Linux signals")
@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_clean_up_like_ctrl_c(tmp_path, signum, code):
    import psutil

    proc, children = _start_scoring(tmp_path)
    try:
        time.sleep(0.5)
        proc.send_signal(signum)
        proc.wait(timeout=60)
        gone, alive = psutil.wait_procs(children, timeout=10)
    finally:
        _kill_session(proc)
    err = (tmp_path / "log").read_text(encoding="utf-8")
    assert proc.returncode == code, err
    assert f"terminated by {signal.Signals(signum).name}" in err and "Traceback" not in err
    assert not alive, f"worker processes left behind: {alive}"
    # no partial file, lock or output
    assert sorted(p.name for p in (tmp_path / "run").iterdir()) == ["big.jsonl"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process tree checks use Linux signals")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    import psutil

    proc, children = _start_scoring(tmp_path)
    try:
        proc.kill()  # SIGKILL: no handler runs in the parent
        proc.wait(timeout=30)
        gone, alive = psutil.wait_procs(children, timeout=15)
    finally:
        _kill_session(proc)
    assert children and not alive, f"orphaned worker processes: {alive}"


def test_jobs_are_capped_by_chunks_and_cores(tmp_path):
    from framing.scale.stream import apply_file, resolve_jobs

    corpus = tmp_path / "ten.jsonl"
    docs = framing.example_corpus()
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(10):
            row = docs.iloc[i % len(docs)]
            fh.write(json.dumps({"doc_id": f"d{i}", "outlet": row["outlet"], "text": row["text"][:300]}) + "\n")
    started = time.monotonic()
    one_chunk = apply_file("score", corpus, tmp_path / "a.parquet", options={"lexicons": ["hedging"]}, n_jobs=1000)
    assert one_chunk["n_jobs"].iloc[0] == 1 and one_chunk["n_chunks"].iloc[0] == 1
    five = apply_file("score", corpus, tmp_path / "b.parquet", options={"lexicons": ["hedging"]}, n_jobs=1000,
                      chunksize=2)
    assert five["n_chunks"].iloc[0] == 5 and five["n_jobs"].iloc[0] == min(5, resolve_jobs(-1))
    assert time.monotonic() - started < 60
    assert pd.read_parquet(tmp_path / "a.parquet").equals(pd.read_parquet(tmp_path / "b.parquet"))
