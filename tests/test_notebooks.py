"""Every notebook in notebooks/ runs from a clean kernel, and matches its paired jupytext file.

The kernel is the ``python3`` kernel of ipykernel in the interpreter running the
tests: a kernelspec pointing at ``sys.executable`` is written into a temporary
folder put first on ``JUPYTER_PATH``, so nothing needs to be installed with
``ipykernel install`` and no other Python on the machine is picked up.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((PROJECT / "notebooks").glob("*.ipynb"))


def _sources(nb) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source.strip()) for cell in nb.cells]


@pytest.fixture(scope="module")
def kernel_path(tmp_path_factory, monkeypatch_module):
    pytest.importorskip("ipykernel", reason="the notebooks extra (ipykernel) is needed to run notebooks")
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3", "language": "python",
    }))
    monkeypatch_module.setenv("JUPYTER_PATH", str(root))
    monkeypatch_module.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return root


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_the_case_study_notebook_is_there():
    assert "iran_pakistan_2024.ipynb" in [p.name for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_paired_with_its_py_file(path):
    jupytext = pytest.importorskip("jupytext")
    paired = path.with_suffix(".py")
    assert paired.is_file(), f"{path.name} has no paired {paired.name} (jupytext percent format)"
    assert _sources(jupytext.read(path)) == _sources(jupytext.read(paired)), (
        f"{path.name} and {paired.name} differ: run `jupytext --sync {paired}`"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_from_a_clean_kernel(path, kernel_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=600,
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError naming the failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) >= 6, "the walk-through should show its figures"
