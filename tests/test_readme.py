"""The README's Python examples run: the blocks that work on the bundled corpus are executed in order, in one
namespace, as a reader would paste them; the blocks that need files, labelled data or a cluster of their own are
compiled, so that at least their syntax is checked."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"

#: sections whose examples run on the bundled corpus, in the README's order
RUN = ("A first look", "Lexicons", "Framing measures", "Comparing outlets, leanings, or any grouping", "Over time",
       "Whose deaths: casualty framing by side", "Layout")


def blocks() -> list[tuple[str, int, str]]:
    """(section title, line, code) of every ```python block."""
    text = README.read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r"```python\n(.*?)```", text, flags=re.S):
        heads = re.findall(r"^#+ (.*)$", text[: m.start()], flags=re.M)
        out.append((heads[-1].strip(), text[: m.start()].count("\n") + 2, m.group(1)))
    return out


def test_every_python_block_compiles():
    found = blocks()
    assert len(found) >= 8
    for title, line, code in found:
        compile(code, f"README.md, {title}, line {line}", "exec")


def test_the_bundled_corpus_examples_run(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    monkeypatch.chdir(tmp_path)
    ran = []
    namespace: dict = {}
    for title, line, code in blocks():
        if title not in RUN:
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                exec(compile(code, f"README.md line {line}", "exec"), namespace)  # noqa: S102 - the README's own code
            except Exception as exc:  # noqa: BLE001
                pytest.fail(f"README.md, section {title!r} (line {line}): {type(exc).__name__}: {exc}")
        ran.append(title)
    assert set(ran) == set(RUN), f"sections not found in the README: {set(RUN) - set(ran)}"
    # the grouping examples gave what they say
    trends = namespace["daily"]
    assert set(trends["group"]) == set(namespace["corpus"]["outlet"])
