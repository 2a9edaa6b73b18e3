"""The validated content, with the look-ups the viewer and the CLI need.

A ``Catalogue`` is built only by ``load_annotations``, which has already
checked every id, so the methods here can trust the data and stay simple.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from meshes.parts import GROUPS, PART_BY_ID, STRUCTURE_IDS

if TYPE_CHECKING:
    from annotations.references import Reference
    from annotations.schema import Card, ClinicalTest, Exercise, OverviewCard, PartCard, Stretch


class AliasedTable(dict):
    """Exercises or stretches by id, where a former id (``deadlift``) still finds its item.

    Iterating gives only the current ids, so lists and menus show each item once,
    while a look-up from an old scene file, a note or the command line still works.
    """

    def __init__(self, items: dict, aliases: dict[str, str]) -> None:
        super().__init__(items)
        self.aliases = {old: new for old, new in aliases.items() if new in items}

    def __missing__(self, key: str):
        if key in self.aliases:
            return dict.__getitem__(self, self.aliases[key])
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self.aliases

    def get(self, key: str, default=None):
        return dict.get(self, self.aliases.get(key, key), default)


class Catalogue:
    """Every card, exercise and stretch, looked up by the project's public ids.

    Example
    -------
    >>> from annotations import load_annotations
    >>> load_annotations().card("soleus").name
    'Soleus'
    """

    def __init__(
        self,
        overview: OverviewCard,
        cards: dict[str, Card],
        exercises: dict[str, Exercise],
        stretches: dict[str, Stretch],
        references: dict[str, Reference] | None = None,
        aliases: dict[str, str] | None = None,
        clinical_tests: dict[str, ClinicalTest] | None = None,
    ) -> None:
        self.overview = overview
        self.disclaimer: str = overview.disclaimer
        self.cards = cards
        self.exercises = AliasedTable(exercises, aliases or {})
        self.stretches = AliasedTable(stretches, aliases or {})
        self.reference_list: dict[str, Reference] = references or {}
        self.aliases: dict[str, str] = dict(aliases or {})
        self.clinical_tests: dict[str, ClinicalTest] = clinical_tests or {}
        self.structure_ids: tuple[str, ...] = STRUCTURE_IDS
        self.group_ids: tuple[str, ...] = tuple(GROUPS)
        self.part_ids: tuple[str, ...] = tuple(PART_BY_ID)

    def card(self, id: str) -> Card:
        """The card of a structure or group; a part id gives its whole structure's card.

        Raises ``KeyError`` for an id that is none of these.
        """
        if id in PART_BY_ID:
            id = PART_BY_ID[id].structure
        return self.cards[id]

    def display_name(self, id: str) -> str:
        """The name every list, label, tree row and table shows for a structure, group or part.

        A part with its own card ("Medial head of gastrocnemius") is named by it;
        one without, by its structure and head ("Gastrocnemius (medial head)").
        Always from the cards, so a teacher's renamed card renames it everywhere.
        """
        part = self.get_part(id) if id in PART_BY_ID else None
        if part is not None:
            return part.name
        name = self.card(id).name
        _, _, head = id.partition(".")
        return f"{name} ({head.replace('_', ' ')})" if head else name

    def get_part(self, part_id: str) -> PartCard | None:
        """The card of one head (``"biceps_femoris.short_head"``); ``None`` for a whole structure.

        Raises ``KeyError`` for an id that is not a mesh part or structure.
        """
        if part_id in self.cards:
            return None
        structure_id, _, part_name = PART_BY_ID[part_id].id.partition(".")
        return self.card(structure_id).parts.get(part_name)

    def members(self, id: str) -> set[str]:
        """The id itself plus, for a group, the structures in it."""
        card = self.card(id)
        return {card.id, *card.members}

    def exercises_for(self, structure_id: str) -> list[Exercise]:
        """Exercises that train it (or any member of a group): primary movers first."""
        return [self.exercises[item_id] for item_id in self.card(structure_id).exercises]

    def stretches_for(self, structure_id: str) -> list[Stretch]:
        """Stretches that target it (or any member of a group)."""
        return [self.stretches[item_id] for item_id in self.card(structure_id).stretches]

    def tests_for(self, structure_id: str) -> list[ClinicalTest]:
        """Clinical tests that examine it, one of its members, or the group it belongs to."""
        card = self.card(structure_id)
        ids = {card.id, *card.members, *([card.group] if card.group else [])}
        return [test for test in self.clinical_tests.values() if ids & set(test.structures)]

    def search(self, text: str) -> list[str]:
        """Structure and group ids whose name, Latin name, synonyms or part names contain
        ``text``, ignoring case (``"achilles"`` -> ``["calcaneal_tendon"]``); a clinical
        test's name finds the structures it examines (``"thompson"`` -> the Achilles)."""
        needle = " ".join(text.replace("_", " ").casefold().split())
        found = []
        for card_id in (*self.structure_ids, *self.group_ids):
            card = self.cards[card_id]
            names = [card.name, card.latin_name, *card.synonyms, card_id.replace("_", " ")]
            names += [part.name for part in card.parts.values()]
            if any(needle in name.casefold() for name in names):
                found.append(card_id)
        for test in self.clinical_tests.values():
            if any(needle in name.casefold() for name in (test.name, *test.synonyms)):
                found += [item for item in test.structures if item not in found]
        return found

    def resolve(self, id: str) -> str:
        """The current id of an exercise or stretch named by a former id; others unchanged."""
        return self.aliases.get(id, id)

    def cited(self, ids: list[str]) -> list[Reference]:
        """The references behind a list of ids, in the order cited (ids were checked on load)."""
        return [self.reference_list[item] for item in ids]

    def card_references(self, card_id: str) -> list[Reference]:
        """The card's own references, then those its injuries add, each once."""
        card = self.card(card_id)
        ids = [*card.references, *(ref for injury in card.injuries for ref in injury.references)]
        return self.cited(list(dict.fromkeys(ids)))

    def references(self) -> list[Reference]:
        """Every distinct reference cited anywhere, by first author and year, for the About box."""
        ids: set[str] = set(self.overview.references)
        for card in self.cards.values():
            ids.update(card.references)
            ids.update(ref for injury in card.injuries for ref in injury.references)
        items = [*self.exercises.values(), *self.stretches.values()]
        for item in [*items, *self.clinical_tests.values()]:
            ids.update(item.references)
        cited = self.cited(sorted(ids))
        return sorted(cited, key=lambda ref: (ref.authors.casefold(), ref.year, ref.id))
