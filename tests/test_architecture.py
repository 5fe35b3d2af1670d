"""The package's structure: stages import only the stages above them, never a private name of another
stage, and the registry knows every measure the runners run.

The imports are read from the source (every ``import`` and ``from ... import`` statement, at module level or
inside a function), so a lazy import that climbs a stage is caught as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "framing"

#: the stages from the top of the house down; a stage imports only stages listed before it
STAGES = ("contracts", "io", "text", "lexicon", "match", "measures", "stats", "learn", "scale", "report", "cli")
#: top-level modules that belong to the contracts stage (importable by everything): errors, table contracts,
#: argument checks, the registry, and the private helpers every stage may use (safe YAML, atomic files, ...)
CONTRACTS = {"errors", "schema", "_checks", "registry", "_yaml", "_atomic", "_formulas", "_signals"}
#: stats and learn sit side by side: learn may use stats, stats never learn
RANK = {name: i for i, name in enumerate(STAGES)}


def _stage(module: str) -> str | None:
    """The stage of a ``framing.*`` module name (None for the package facade itself)."""
    parts = module.split(".")
    if parts[0] != "framing" or len(parts) == 1:
        return None
    head = parts[1]
    if head in CONTRACTS:
        return "contracts"
    if head in ("data", "lexicons", "__main__"):
        return None
    return head


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module imported, names imported) for every import of a framing module in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = "framing." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    package = package.removesuffix(".__init__")
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names if a.name.startswith("framing")]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([target] if target else []))
            if target.startswith("framing"):
                out.append((node.lineno, target, [a.name for a in node.names]))
    return out


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")


def test_the_stages_are_the_subpackages_of_the_design():
    found = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    # data packages (bundled files, installed as framing.lexicons in a wheel) are not stages
    assert found - {"data", "lexicons"} == set(STAGES) - {"contracts"}
    for stage in set(STAGES) - {"contracts"}:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc, f"framing/{stage}/__init__.py says what the stage does and what it may import"


def test_imports_only_go_down_the_stages():
    upward = []
    for path in _modules():
        own = _stage("framing." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
        if own is None:
            continue
        for line, target, _ in _imports(path):
            theirs = _stage(target)
            if theirs is None and target == "framing" and own != "contracts":
                continue  # ``from framing import __version__`` / ``import framing`` for the version
            if theirs is None or theirs == own:
                continue
            if RANK[theirs] > RANK[own] or (own, theirs) == ("stats", "learn"):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({own}) imports {target} ({theirs})")
    assert not upward, "imports that climb a stage:\n" + "\n".join(upward)


def test_no_private_name_is_imported_from_another_module():
    private = []
    for path in _modules():
        module = "framing." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for line, target, names in _imports(path):
            if target.rpartition(".")[2].startswith("_") and target.rpartition(".")[0] == module.rpartition(".")[0]:
                continue  # a private module of the same subpackage (e.g. measures/_inputs.py) is its own helper
            folder = PACKAGE.parent / Path(*target.split("."))
            # a private helper module (``from framing import _atomic``) is the way to share a helper
            bad = [n for n in names if n.startswith("_") and not n.startswith("__") and not (folder / f"{n}.py").exists()]
            if bad and target != module:
                private.append(f"{path.relative_to(PACKAGE.parent)}:{line} takes {bad} from {target}")
    assert not private, "private names crossing modules:\n" + "\n".join(private)


def test_no_private_attribute_of_another_module_is_used():
    """``from framing.io import corpus as _corpus`` then ``_corpus._detect(...)`` is a private name crossing too."""
    private = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                aliases.update({(a.asname or a.name.split(".")[0]): a.name for a in node.names
                                if a.name.startswith("framing.") and a.asname})
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("framing"):
                aliases.update({(a.asname or a.name): f"{node.module}.{a.name}" for a in node.names})
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
                    and node.attr.startswith("_") and not node.attr.startswith("__")):
                private.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} uses "
                               f"{aliases[node.value.id]}.{node.attr}")
    assert not private, "private attributes of other modules:\n" + "\n".join(private)


def test_there_is_no_import_cycle_between_modules():
    graph: dict[str, set[str]] = {}
    for path in _modules():
        module = "framing." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        targets = set()
        for _, target, names in _imports(path):
            targets.add(target)
            # ``from framing.cli import score`` imports the module framing.cli.score
            targets.update(f"{target}.{n}" for n in names if (PACKAGE.parent / Path(*target.split(".")) / f"{n}.py").exists())
        graph[module] = targets - {module}
    # only module-level edges between real modules count for cycles; a subpackage's __init__ re-exports
    names = set(graph)
    edges = {m: {t for t in ts if t in names and not _is_facade(t)} for m, ts in graph.items() if not _is_facade(m)}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            cycle = visit(node)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def _is_facade(module: str) -> bool:
    return (PACKAGE.parent / Path(*module.split("."))).is_dir()


def test_the_runners_find_every_measure_in_the_registry():
    from framing import registry
    from framing.scale import stream  # noqa: F401 - importing a runner registers what it runs

    for name in ("find", "score", "actor_labels", "attributions", "casualties", "sentences", "quotes", "voice"):
        measure = registry.get(name)
        assert measure.name == name and callable(measure.function) and measure.produces
    with pytest.raises(Exception, match="unknown measure 'nope'"):
        registry.get("nope")


def test_the_public_names_of_the_flat_layout_keep_working():
    import importlib

    import framing

    stream = importlib.import_module("framing.stream")
    assert stream is importlib.import_module("framing.scale.stream") and callable(stream.score_file)
    assert framing.plot is importlib.import_module("framing.report.plot") and callable(framing.plot.save_figure)
    assert importlib.import_module("framing.dask").__name__ == "framing.scale.dask"
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name
    assert callable(framing.report) and callable(framing.annotate) and framing.Matcher.__name__ == "Matcher"
