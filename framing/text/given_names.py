"""The sex a given name points to, from name-gender reference data (``nomquamgender``).

A pronoun takes up a person of its own sex ("Hillary Clinton ... She tweeted" is not Donald Trump). The article
says so when a title shows it ("Congresswoman", "husband"); when it does not, the given name does for names that
reference data gives almost wholly to one sex: ``nomquamgender`` (Van Buskirk et al. 2022, MIT licence) holds, for
about 1.5 million names across many countries, the share of bearers recorded female. A name is read as one sex's only
when that share is at most :data:`CERTAINTY` or at least ``1 - CERTAINTY`` ("Donald" 0.0, "Angela" 0.99), never for
names that both sexes bear ("Kim" 0.67, "Jordan" 0.11, "Lindsey" 0.90), nor for names the data lacks.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from unidecode import unidecode

#: how nearly all bearers of a name must be of one sex for the name to show it
CERTAINTY = 0.05
#: how many bearers the data must have counted for a name to show anything
MIN_BEARERS = 20


@functools.lru_cache(maxsize=1)
def _reference() -> dict | None:
    """The package's name data (about a second to read, once), or None when it is not installed."""
    # (the file read where the package keeps it, without importing the package, which reads it once more)
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return None  # not installed: no name shows a sex
    with open(Path(spec.submodule_search_locations[0]) / "name_data.json", encoding="utf-8") as fh:
        return json.load(fh)


def _entry(given: str) -> list | None:
    """The reference data's entry for a given name counted often enough, or None."""
    word = unidecode(given.strip(".,’'")).lower()
    if len(word) < 2 or not word.isalpha():
        return None
    data = _reference()
    # an entry: [number of sources, number of bearers counted, share recorded female, ...]
    entry = data.get(word) if data is not None else None
    return entry if entry and entry[1] >= MIN_BEARERS else None


@functools.lru_cache(maxsize=20000)
def is_given_name(given: str) -> bool:
    """Whether the reference data counts ``given`` as a given name, of either sex ("Jane", "Jordan", "George").

    Parameters
    ----------
    given : str
        A word as written.

    Returns
    -------
    bool
    """
    return _entry(given) is not None


@functools.lru_cache(maxsize=20000)
def given_name_sex(given: str) -> str | None:
    """``"he"`` or ``"she"`` for a given name nearly all of whose bearers are of one sex, else None.

    Parameters
    ----------
    given : str
        A given name as written ("Hillary", "Ahmet"); initials, titles and names the data lacks give None.

    Returns
    -------
    str or None
    """
    entry = _entry(given)
    if entry is None:
        return None
    share = entry[2]
    return "she" if share >= 1 - CERTAINTY else "he" if share <= CERTAINTY else None
