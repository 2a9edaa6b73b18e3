"""Read the TOML cards, validate them, and assemble one ``Catalogue``.

Every failure a person can cause with a data file (bad TOML, a wrong field, an
unknown id, a missing card) becomes an ``AnnotationError`` whose text names the
file and the place, so the CLI and the GUI can show it as one line.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from annotations.catalogue import Catalogue
from annotations.files import AnnotationError, dotted_path, read_data_file, read_validated
from annotations.references import REFERENCES_FILE_NAME, Reference, ReferenceFile
from annotations.schema import Card, ClinicalTest, DataFile, Exercise, OverviewCard, Stretch
from meshes.parts import (
    GROUPS,
    NERVE_SUPPLY,
    PART_BY_ID,
    PARTS,
    REGION_MEMBERS,
    STRUCTURE_IDS,
    group_members,
    parts_of,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
ENVIRONMENT_VARIABLE = "LEGATLAS_ANNOTATIONS"
#: Re-exported: callers have always found these here.
__all__ = ["AnnotationError", "dotted_path", "load_annotations", "read_data_file"]


def user_annotation_dirs(cli_dirs: Sequence[str] = ()) -> list[Path]:
    """Folders of a teacher's own cards: ``LEGATLAS_ANNOTATIONS`` first, then ``--annotations``.

    A folder that does not exist is an error rather than silently ignored: a
    typo in a path would otherwise make the teacher's content quietly vanish.
    """
    from_environment = [item for item in os.environ.get(ENVIRONMENT_VARIABLE, "").split(os.pathsep)]
    sources = [(item, ENVIRONMENT_VARIABLE) for item in from_environment if item.strip()]
    sources += [(item, "--annotations") for item in cli_dirs]
    folders = []
    for item, origin in sources:
        folder = Path(item).expanduser()
        if not folder.is_dir():
            raise AnnotationError(f"{folder}: annotation folder not found (given by {origin})")
        folders.append(folder)
    return folders


def load_annotations(extra_dirs: Sequence[str | Path] = ()) -> Catalogue:
    """The validated catalogue: built-in cards, then each extra folder merged over them.

    Within one folder an id may appear once; a later folder may replace a card,
    exercise or stretch of an earlier one by reusing its id, and its notes are added.
    """
    content = _Content()
    for index, folder in enumerate([DATA_DIR, *map(Path, extra_dirs)]):
        if index > 0 and not Path(folder).is_dir():
            raise AnnotationError(f"{folder}: annotation folder not found")
        content.merge(_read_folder(Path(folder)))
    return content.to_catalogue()


@dataclass
class _Content:
    """Everything read so far, each item remembering the file it came from."""

    cards: dict[str, tuple[Card, Path]] = field(default_factory=dict)
    exercises: dict[str, tuple[Exercise, Path]] = field(default_factory=dict)
    stretches: dict[str, tuple[Stretch, Path]] = field(default_factory=dict)
    clinical_tests: dict[str, tuple[ClinicalTest, Path]] = field(default_factory=dict)
    overview: tuple[OverviewCard, Path] | None = None
    notes: list[tuple[str, list[str], Path]] = field(default_factory=list)
    references: dict[str, tuple[Reference, Path]] = field(default_factory=dict)

    def add_file(self, path: Path, data: DataFile) -> None:
        """Add one file's content; an id seen before in this folder is an error."""
        if data.card is not None:
            _add_unique(self.cards, data.card.id, data.card, path, "card")
        for exercise in data.exercise:
            _add_unique(self.exercises, exercise.id, exercise, path, "exercise")
        for stretch in data.stretch:
            _add_unique(self.stretches, stretch.id, stretch, path, "stretch")
        for test in data.clinical_test:
            _add_unique(self.clinical_tests, test.id, test, path, "clinical test")
        if data.overview is not None:
            if self.overview is not None:
                _fail(path, "overview", f"a second overview (the first is in {self.overview[1]})")
            self.overview = (data.overview, path)
        self.notes += [(item_id, lines, path) for item_id, lines in data.notes.items()]

    def add_references(self, path: Path, data: ReferenceFile) -> None:
        for reference in data.reference:
            _add_unique(self.references, reference.id, reference, path, "reference")

    def aliases(self) -> dict[str, str]:
        """Former exercise and stretch ids -> their current ids."""
        items = [*self.exercises.values(), *self.stretches.values()]
        return {old: item.id for item, _ in items for old in item.former_ids}

    def merge(self, later: _Content) -> None:
        """Lay a later folder over this one: same ids replace, notes accumulate.

        An item saved under a former id (a teacher's ``deadlift``) replaces the
        item that id now names (``romanian_deadlift``), keeping its former ids.
        """
        aliases = self.aliases()
        self.cards.update(later.cards)
        for mine, theirs in ((self.exercises, later.exercises), (self.stretches, later.stretches)):
            for item_id, (item, path) in theirs.items():
                current = aliases.get(item_id, item_id)
                if current in mine:
                    former = [*mine[current][0].former_ids, *item.former_ids]
                    former += [item_id] if item_id != current else []
                    item = item.model_copy(
                        update={"id": current, "former_ids": list(dict.fromkeys(former))}
                    )
                mine[current] = (item, path)
        self.clinical_tests.update(later.clinical_tests)
        self.overview = later.overview or self.overview
        self.notes += later.notes
        self.references.update(later.references)

    def to_catalogue(self) -> Catalogue:
        if self.overview is None:
            raise AnnotationError(f"{DATA_DIR}: no file has an [overview] card")
        _check_every_mesh_has_a_card(self.cards)
        aliases = self.aliases()
        _check_references(self, aliases)
        _check_citations(self)
        known = {*self.cards, *self.exercises, *self.stretches, *self.clinical_tests}
        extra = _notes_by_target(self.notes, known, aliases)
        exercises = {key: _with_notes(item, extra) for key, (item, _) in self.exercises.items()}
        stretches = {key: _with_notes(item, extra) for key, (item, _) in self.stretches.items()}
        tests = {key: _with_notes(item, extra) for key, (item, _) in self.clinical_tests.items()}
        cards = {
            card_id: _finish_card(self.cards[card_id][0], exercises, stretches, extra, aliases)
            for card_id in (*STRUCTURE_IDS, *GROUPS)
        }
        references = {key: item for key, (item, _) in self.references.items()}
        return Catalogue(self.overview[0], cards, exercises, stretches, references, aliases, tests)


def _fail(path: Path, location: str, reason: str) -> NoReturn:
    """Raise the standard "file: field.path: reason" error."""
    raise AnnotationError(f"{path}: {location}: {reason}")


def _add_unique(table: dict, item_id: str, item: object, path: Path, what: str) -> None:
    if item_id in table:
        raise AnnotationError(
            f"{path}: {what} id {item_id!r} is a duplicate (already defined in {table[item_id][1]})"
        )
    table[item_id] = (item, path)


def _read_folder(folder: Path) -> _Content:
    content = _Content()
    for path in sorted(folder.glob("*.toml")):
        if not path.is_file():
            continue
        if path.name == REFERENCES_FILE_NAME:
            content.add_references(path, read_validated(path, ReferenceFile))
        else:
            content.add_file(path, read_data_file(path))
    return content


def _check_every_mesh_has_a_card(cards: dict[str, tuple[Card, Path]]) -> None:
    """Each mesh part must have a card (or a part card) and each card a mesh, kinds agreeing."""
    for structure_id in STRUCTURE_IDS:
        if structure_id not in cards:
            raise AnnotationError(
                f"{DATA_DIR}: mesh part {structure_id!r} has no card "
                f"(add a [card] with id = {structure_id!r})"
            )
        card, path = cards[structure_id]
        mesh = parts_of(structure_id)[0]
        if card.kind != mesh.kind:
            _fail(path, "card.kind", f"{card.kind!r}, but the mesh {structure_id} is a {mesh.kind}")
        if card.group and card.group != (mesh.group or ""):
            _fail(path, "card.group", f"{card.group!r}, but the mesh says {mesh.group!r}")
        mesh_parts = {part.part for part in PARTS if part.structure == structure_id and part.part}
        for name in mesh_parts - set(card.parts):
            _fail(path, "card.parts", f"missing {name!r} (mesh part {structure_id}.{name})")
        for name in set(card.parts) - mesh_parts:
            _fail(path, f"card.parts.{name}", f"there is no mesh part {structure_id}.{name}")
    for group_id in GROUPS:
        if group_id not in cards:
            raise AnnotationError(f"{DATA_DIR}: group {group_id!r} has no card")
        card, path = cards[group_id]
        if card.kind != "group":
            _fail(path, "card.kind", f"{card.kind!r}, but {group_id} is a group")
        members = list(group_members(group_id))
        if card.members and set(card.members) != set(members):
            _fail(path, "card.members", f"the meshes' {group_id} are {members}")


def _check_references(content: _Content, aliases: dict[str, str]) -> None:
    """Exercise and stretch ids named on cards must exist (a former id still counts)."""
    for card, path in content.cards.values():
        for field_name, table in (
            ("exercises", content.exercises),
            ("stretches", content.stretches),
        ):
            for index, item_id in enumerate(getattr(card, field_name)):
                if aliases.get(item_id, item_id) not in table:
                    _fail(path, f"card.{field_name}[{index}]", f"unknown id {item_id!r}")


def _check_citations(content: _Content) -> None:
    """Every reference id cited by a card, injury, exercise, stretch or overview must be
    in a ``references.toml``; the error names the citing file and field."""
    known = content.references
    cited: list[tuple[Path, str, list[str]]] = []
    for card, path in content.cards.values():
        cited.append((path, "card.references", card.references))
        for index, injury in enumerate(card.injuries):
            cited.append((path, f"card.injuries[{index}].references", injury.references))
    for kind, table in (
        ("exercise", content.exercises),
        ("stretch", content.stretches),
        ("clinical test", content.clinical_tests),
    ):
        for item, path in table.values():
            cited.append((path, f"{kind} {item.id!r}: references", item.references))
    if content.overview is not None:
        overview, path = content.overview
        cited.append((path, "overview.references", overview.references))
    for path, where, ids in cited:
        for index, reference_id in enumerate(ids):
            if reference_id not in known:
                _fail(
                    path,
                    f"{where}[{index}]",
                    f"unknown reference id {reference_id!r} "
                    f"(add it to {REFERENCES_FILE_NAME} or fix the spelling)",
                )


def _notes_by_target(
    notes: list[tuple[str, list[str], Path]], known: set[str], aliases: dict[str, str]
) -> dict[str, list[str]]:
    """Teachers' notes grouped by the card, exercise or stretch they are about.

    A note on a part (``gastrocnemius.medial_head``) goes to its structure's card;
    a note under an exercise's former id goes to the exercise.
    """
    extra: dict[str, list[str]] = {}
    for item_id, lines, path in notes:
        target = PART_BY_ID[item_id].structure if item_id in PART_BY_ID else item_id
        target = aliases.get(target, target)
        if target not in known:
            _fail(path, f"notes.{item_id}", f"unknown id {item_id!r}")
        extra.setdefault(target, []).extend(lines)
    return extra


def _with_notes(item, extra: dict[str, list[str]]):
    lines = extra.get(item.id)
    return item.model_copy(update={"notes": [*item.notes, *lines]}) if lines else item


def _structures(ids: list[str]) -> set[str]:
    """Muscle or head ids -> the structures they belong to."""
    return {PART_BY_ID[item].structure if item in PART_BY_ID else item for item in ids}


def _finish_card(
    card: Card, exercises: dict, stretches: dict, extra: dict, aliases: dict[str, str]
) -> Card:
    """Fill what the meshes and the exercise files already say: group, members, and
    the exercises and stretches that name this muscle, one of its heads, or a member
    of this group."""
    if card.kind == "group":
        members = list(group_members(card.id))
        group = ""
    else:
        members, group = [], parts_of(card.id)[0].group or ""
    ids = {card.id, *members}
    trained = [item.id for item in exercises.values() if ids & _structures(item.primary)]
    trained += [item.id for item in exercises.values() if ids & _structures(item.secondary)]
    stretched = [item.id for item in stretches.values() if ids & _structures(item.targets)]
    named_exercises = [aliases.get(item, item) for item in card.exercises]
    named_stretches = [aliases.get(item, item) for item in card.stretches]
    update = {
        "group": group,
        "members": members,
        "supplies": list(NERVE_SUPPLY.get(card.id, ())),
        "contains": list(REGION_MEMBERS.get(card.id, ())),
        "exercises": list(dict.fromkeys([*named_exercises, *trained])),
        "stretches": list(dict.fromkeys([*named_stretches, *stretched])),
    }
    return _with_notes(card.model_copy(update=update), extra)
