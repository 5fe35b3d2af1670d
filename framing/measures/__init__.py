"""The framing measures: actor labels, attributions, casualty statements and wire-copy edits.

Stage ``measures`` may import every stage above it (:mod:`framing.io`, :mod:`framing.text`,
:mod:`framing.lexicon`, :mod:`framing.match`); a measure never imports another measure's private names.
"""

from framing.measures.actors import actor_labels, load_actors
from framing.measures.attribution import attributions
from framing.measures.casualties import casualties
from framing.measures.sides import load_sides
from framing.measures.sources import sources
from framing.measures.wire import edits, on_edits, wire_pairs

__all__ = [
    "actor_labels", "attributions", "casualties", "edits", "load_actors", "load_sides", "on_edits", "sources",
    "wire_pairs",
]
