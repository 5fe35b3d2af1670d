"""Shared fixtures.

``shared_datasets`` points at ``../shared/datasets`` beside the project; tests
that need it skip with a clear reason where it is absent (a user's clone).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


@pytest.fixture(scope="session")
def shared_datasets() -> Path:
    """The folder of annotated datasets, or skip."""
    path = SHARED / "datasets"
    if not path.is_dir():
        pytest.skip(f"the shared datasets folder {path} is absent (it sits beside the project in development)")
    return path


@pytest.fixture(scope="session")
def example():
    """The bundled five-article corpus (cleaned, as users get it)."""
    import framing

    return framing.example_corpus()


@pytest.fixture(scope="session")
def example_texts(example) -> dict[str, str]:
    """doc_id -> cleaned text of the bundled corpus."""
    return dict(zip(example["doc_id"], example["text"]))
