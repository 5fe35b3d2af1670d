"""The ``framing`` command line: one module per command group (``score``, ``lexicon``, ``report``, ``study``),
wired together by :mod:`framing.cli.app`. The last stage: it may import every other stage.
"""

from framing.cli.app import main
from framing.cli._echo import echo

__all__ = ["echo", "main"]
