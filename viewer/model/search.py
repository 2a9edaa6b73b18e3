"""Forgiving search over everything a person might type: names, exercises, actions, nerves.

"solius" finds soleus, "semitendinosis" semitendinosus, "knee flexion" the
muscles that bend the knee, "sciatic" the muscles it supplies, "deadlift" the
exercise. Exact substrings win; failing those, close spellings are offered
with a "did you mean" line; failing everything, a "no match" line says what
can be searched. Pure logic over the catalogue (no Qt), so the tree, the
exercise browser and tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from meshes.parts import PART_BY_ID

#: Below this similarity (0..1) a spelling is not offered as "did you mean".
FUZZY_CUTOFF = 0.72


@dataclass(frozen=True)
class Entry:
    """One searchable thing: what it is, its id, the name shown, the texts it answers to."""

    kind: str  # "structure" (structures and groups), "exercise", "stretch" or "test"
    id: str
    name: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class SearchResult:
    text: str
    structures: list[str] = field(default_factory=list)  # structure, group or part ids
    motions: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, id, name)
    suggestion: str = ""  # the closest name, when nothing matched exactly
    message: str = ""  # one line for the person ("" when exact matches were found)

    @property
    def empty(self) -> bool:
        return not self.structures and not self.motions


def normalise(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def build_index(catalogue) -> list[Entry]:
    """Every card, head, exercise and stretch with the words it answers to."""
    entries = []
    tests = list(getattr(catalogue, "clinical_tests", {}).values())
    for card_id in (*catalogue.structure_ids, *catalogue.group_ids):
        card = catalogue.cards[card_id]
        texts = [card.name, card.latin_name, *card.synonyms, card_id]
        # A clinical test's name finds the structures it examines ("thompson" -> Achilles).
        for test in tests:
            if card_id in test.structures:
                texts += [test.name, *test.synonyms]
        for action in card.actions:
            texts.append(f"{action.joint} {action.movement}")
        if card.innervation is not None:
            texts.append(card.innervation.nerve)
        entries.append(Entry("structure", card_id, card.name, tuple(t for t in texts if t)))
    for part_id in catalogue.part_ids:
        if "." not in part_id:
            continue
        part_card = catalogue.get_part(part_id)
        texts = [catalogue.display_name(part_id), part_id]
        if part_card is not None:
            texts += [part_card.latin_name]
            if part_card.innervation is not None:
                texts.append(part_card.innervation.nerve)
        entries.append(
            Entry(
                "structure", part_id, catalogue.display_name(part_id), tuple(t for t in texts if t)
            )
        )
    for kind, items in (("exercise", catalogue.exercises), ("stretch", catalogue.stretches)):
        for item_id, item in items.items():
            entries.append(Entry(kind, item_id, item.name, (item.name, item_id)))
    for test in tests:
        if test.pose is not None:  # a test with a position can be shown on the model
            entries.append(Entry("test", test.id, test.name, (test.name, *test.synonyms, test.id)))
    return entries


def _rank(needle: str, entry: Entry) -> int:
    """Best first: the name itself, a name starting with it, a name containing it, the rest."""
    name = normalise(entry.name)
    if name == needle:
        return 0
    if name.startswith(needle) or normalise(entry.id) == needle:
        return 1
    return 2 if needle in name else 3


def _similarity(needle: str, text: str) -> float:
    """How close ``needle`` is to the text or to its best-matching run of words."""
    text = normalise(text)
    best = SequenceMatcher(None, needle, text).ratio()
    words = text.split()
    size = max(1, len(needle.split()))
    for start in range(len(words)):
        chunk = " ".join(words[start : start + size])
        best = max(best, SequenceMatcher(None, needle, chunk).ratio())
    return best


def search(index: list[Entry], text: str) -> SearchResult:
    """Exact (substring) matches, else close spellings with a "did you mean", else none."""
    needle = normalise(text)
    if not needle:
        return SearchResult(text)
    exact = sorted(
        (e for e in index if any(needle in normalise(t) for t in e.texts)),
        key=lambda e: _rank(needle, e),
    )
    if exact:
        return _result(text, exact)
    scored = sorted(
        ((max(_similarity(needle, t) for t in e.texts), e) for e in index),
        key=lambda pair: -pair[0],
    )
    close = [entry for score, entry in scored if score >= FUZZY_CUTOFF]
    if close:
        best = close[0].name
        return _result(
            text,
            close,
            suggestion=best,
            message=f"No exact match for “{text.strip()}”. Did you mean {best}?",
        )
    return SearchResult(
        text,
        message=(
            f"No match for “{text.strip()}”. Try a muscle, bone or Latin name, "
            "an exercise, a stretch, an action (“knee flexion”) or a nerve."
        ),
    )


def _result(
    text: str, entries: list[Entry], suggestion: str = "", message: str = ""
) -> SearchResult:
    structures = [e.id for e in entries if e.kind == "structure"]
    motions = [(e.kind, e.id, e.name) for e in entries if e.kind != "structure"]
    return SearchResult(text, structures, motions, suggestion, message)


def structure_of(item_id: str) -> str:
    """The structure (or group) a search hit selects: a head's own muscle."""
    return PART_BY_ID[item_id].structure if "." in item_id else item_id
