"""Matching a typed name to a structure, forgiving the slips a student makes.

A typed answer is compared with every name the cards give each structure
(English, Latin, synonyms). Case, accents, punctuation, a leading
"musculus"/"m." and a trailing "muscle" do not matter, and a few typing
slips are forgiven in proportion to the length of the name. The answer
counts only if the structure it is closest to is the one asked for, so a
slip can never turn one muscle's name into another's ("semitendinosus"
typed for semimembranosus stays wrong).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: Words that add nothing to a name ("musculus soleus", "soleus muscle").
_FILLER = re.compile(r"^(musculus|muscle|m)\s+|\s+(muscle|musculus|m)$")
#: One typing slip allowed per this many letters of the name (at least one for names of 5+).
LETTERS_PER_SLIP = 6


def normalise(text: str) -> str:
    """Lower case, no accents, single spaces: ``"Gastrocnémius "`` -> ``"gastrocnemius"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^a-z0-9]+", " ", plain).strip()
    return _FILLER.sub("", words).strip()


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours is one slip."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[-1]


def slips_allowed(name: str) -> int:
    """How many typing slips a name of this length forgives (0 for very short names)."""
    return len(name) // LETTERS_PER_SLIP if len(name) >= 5 else 0


def match_name(typed: str, names_by_id: dict[str, Iterable[str]]) -> str | None:
    """The id whose names the typed answer matches, or ``None``.

    Exact (normalised) matches win; otherwise the closest name within its
    slip allowance, and only when no other id's name is as close.
    """
    wanted = normalise(typed)
    if not wanted:
        return None
    best: dict[str, int] = {}
    for item_id, names in names_by_id.items():
        for name in names:
            candidate = normalise(name)
            if not candidate:
                continue
            distance = edit_distance(wanted, candidate)
            if distance <= slips_allowed(candidate) and distance < best.get(item_id, 1 << 30):
                best[item_id] = distance
    if not best:
        return None
    closest = min(best.values())
    winners = [item_id for item_id, distance in best.items() if distance == closest]
    return winners[0] if len(winners) == 1 else None
