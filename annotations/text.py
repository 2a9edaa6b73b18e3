"""Cards as plain text (for ``legatlas info``) and as JSON-able dicts (for ``--json``).

Kept next to the data rather than in the CLI so scripts and tests get exactly
what a person sees, without a display.
"""

from __future__ import annotations

import textwrap
from typing import Any

from annotations.catalogue import Catalogue
from annotations.schema import ClinicalTest, Exercise, PoseKeyframe, Stretch

WIDTH_CHARS = 78


def describable_ids(catalogue: Catalogue) -> list[str]:
    """Every id ``card_as_text`` accepts, in display order."""
    return [
        *catalogue.structure_ids,
        *(part_id for part_id in catalogue.part_ids if "." in part_id),
        *catalogue.group_ids,
        *catalogue.exercises,
        *catalogue.stretches,
        *catalogue.clinical_tests,
        "overview",
    ]


def card_as_dict(catalogue: Catalogue, id: str) -> dict[str, Any]:
    """The card (or exercise, stretch, part or overview) as plain JSON-able data.

    Structure and group cards carry their exercises and stretches in full, so
    one ``info --json`` answer is self-contained. Raises ``KeyError`` if unknown.
    """
    if id == "overview":
        return {"kind": "overview", **catalogue.overview.model_dump(mode="json")}
    if id in catalogue.exercises:
        exercise = catalogue.exercises[id]
        return {
            "kind": "exercise",
            **exercise.model_dump(mode="json"),
            "reference_details": _reference_dicts(catalogue, exercise.references),
        }
    if id in catalogue.stretches:
        stretch = catalogue.stretches[id]
        return {
            "kind": "stretch",
            **stretch.model_dump(mode="json"),
            "reference_details": _reference_dicts(catalogue, stretch.references),
        }
    if id in catalogue.clinical_tests:
        test = catalogue.clinical_tests[id]
        return {
            "kind": "clinical_test",
            **test.model_dump(mode="json"),
            "reference_details": _reference_dicts(catalogue, test.references),
        }
    card = catalogue.card(id)
    data = card.model_dump(mode="json")
    data["reference_details"] = [
        {**ref.model_dump(mode="json"), "link": ref.link}
        for ref in catalogue.card_references(card.id)
    ]
    part = catalogue.get_part(id)
    if part is not None:
        data["selected_part"] = {"id": id, **part.model_dump(mode="json")}
    data["exercise_details"] = [
        item.model_dump(mode="json") for item in catalogue.exercises_for(card.id)
    ]
    data["stretch_details"] = [
        item.model_dump(mode="json") for item in catalogue.stretches_for(card.id)
    ]
    data["clinical_test_details"] = [
        item.model_dump(mode="json") for item in catalogue.tests_for(card.id)
    ]
    data["disclaimer"] = catalogue.disclaimer
    return data


def _reference_dicts(catalogue: Catalogue, ids: list[str]) -> list[dict[str, Any]]:
    return [{**ref.model_dump(mode="json"), "link": ref.link} for ref in catalogue.cited(ids)]


def card_as_text(catalogue: Catalogue, id: str) -> str:
    """A readable, wrapped plain-text page for any id. Raises ``KeyError`` if unknown."""
    if id == "overview":
        lines = _overview_lines(catalogue)
    elif id in catalogue.exercises:
        lines = _exercise_lines(catalogue, catalogue.exercises[id])
    elif id in catalogue.stretches:
        lines = _stretch_lines(catalogue, catalogue.stretches[id])
    elif id in catalogue.clinical_tests:
        lines = _test_lines(catalogue, catalogue.clinical_tests[id])
    else:
        lines = _card_lines(catalogue, id)
    return "\n".join([*lines, "", *_wrap(catalogue.disclaimer)]).rstrip() + "\n"


def _wrap(text: str, indent: str = "", bullet: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH_CHARS,
        initial_indent=indent + bullet,
        subsequent_indent=indent + " " * len(bullet),
        break_on_hyphens=False,  # keeps most links whole, so they can be copied
    ) or [indent + bullet]


def _heading(title: str) -> list[str]:
    return ["", title.upper()]


def _bullets(items: list[str], indent: str = "  ") -> list[str]:
    return [line for item in items for line in _wrap(item, indent, "- ")]


def _field(label: str, value: str) -> list[str]:
    return _wrap(value, "", f"{label}: ") if value else []


def _name(catalogue: Catalogue, structure_id: str) -> str:
    return catalogue.display_name(structure_id)


def _names(catalogue: Catalogue, ids: list[str]) -> str:
    return ", ".join(_name(catalogue, item) for item in ids)


def pose_text(pose: PoseKeyframe) -> str:
    """``hip 85, knee 20, ankle +3`` (degrees; + is dorsiflexion at the ankle)."""
    return (
        f"hip {pose.hip_flexion:g}, knee {pose.knee_flexion:g}, "
        f"ankle {pose.ankle_dorsiflexion:+g} degrees"
    )


def _card_lines(catalogue: Catalogue, id: str) -> list[str]:
    card = catalogue.card(id)
    title = card.name + (f" ({card.latin_name})" if card.latin_name else "")
    lines = [title, "=" * min(len(title), WIDTH_CHARS)]
    if card.synonyms:
        lines += _field("Also called", ", ".join(card.synonyms))
    if card.group:
        lines += _field("Group", _name(catalogue, card.group))
    if card.members:
        lines += _field("Members", _names(catalogue, card.members))
    part = catalogue.get_part(id)
    if part is not None:
        lines += ["", *_wrap(f"Selected part: {part.name}. Origin: {part.origin} {part.note}")]
    lines += ["", *_wrap(card.summary)]
    facts = [
        ("Location", card.location),
        ("Origin", card.origin),
        ("Insertion", card.insertion),
        ("Nerve", _innervation_text(card.innervation)),
        ("Roots", card.roots or ""),
        ("Course", card.course),
        ("Roof", card.roof),
        ("Floor", card.floor),
        ("Blood supply", card.blood_supply),
        ("Joints crossed", ", ".join(card.joints_crossed)),
    ]
    if any(value for _, value in facts):
        lines.append("")
    for label, value in facts:
        lines += _field(label, value)
    if card.actions:
        lines += _heading("Actions")
        lines += _bullets(
            [f"{a.joint}: {a.movement}" + (f" ({a.note})" if a.note else "") for a in card.actions]
        )
    for part in card.parts.values():
        lines += _heading(f"Part: {part.name}")
        lines += _wrap(f"Origin: {part.origin}", "  ")
        if part.innervation is not None:
            lines += _wrap(f"Nerve: {_innervation_text(part.innervation)}", "  ")
        lines += _wrap(part.note, "  ")
    if card.comparison:
        lines += _heading("At a glance")
        lines += _bullets(
            [
                f"{_name(catalogue, row.muscle)}: {row.primary_function}. "
                f"Common exercises: {', '.join(row.common_exercises)}."
                for row in card.comparison
            ]
        )
    if card.kind == "nerve":
        supplied = _names(catalogue, card.supplies) if card.supplies else "no muscle (sensory)"
        lines += _heading("Supplies") + _wrap(supplied, "  ") + _bullets(card.other_supply)
        lines += _heading("What if it were injured") + _bullets(card.if_injured)
    if card.contains:
        lines += _heading("Shown with it") + _wrap(_names(catalogue, card.contains), "  ")
    sections = [
        ("Borders", card.borders),
        ("Contents", card.contents),
        ("Landmarks", card.landmarks),
        ("In daily life and sport", card.functions),
        ("Training tips", card.training_tips),
        ("Notes", card.notes),
    ]
    for title, items in sections:
        if items:
            lines += _heading(title) + _bullets(items)
    exercises = catalogue.exercises_for(card.id)
    if exercises:
        lines += _heading("Exercises")
        lines += _bullets([f"{item.name} [{item.id}]" for item in exercises])
    stretches = catalogue.stretches_for(card.id)
    if stretches:
        lines += _heading("Stretches")
        lines += _bullets([f"{item.name} [{item.id}]" for item in stretches])
    tests = catalogue.tests_for(card.id)
    if tests:
        lines += _heading("Clinical tests")
        lines += _bullets([f"{item.name} [{item.id}]" for item in tests])
    for injury in card.injuries:
        lines += _heading(f"Injury: {injury.name}")
        for label, items in (
            ("Signs", injury.signs),
            ("Causes", injury.causes),
            ("Prevention", injury.prevention),
            ("Recovery", injury.recovery),
        ):
            lines += [f"  {label}:", *_bullets(items, "    ")]
    if card.when_to_seek_help:
        lines += _heading("When to seek help") + _bullets(card.when_to_seek_help)
    lines += _references_lines(catalogue, catalogue.card_references(card.id))
    return lines


def _references_lines(catalogue: Catalogue, references) -> list[str]:
    """Each reference as its citation and the link to follow, marked if unchecked."""
    if not references:
        return []
    items = []
    for ref in references:
        doi = f" doi:{ref.doi}." if ref.doi and ref.url else ""  # else the link is the DOI
        items.append(f"{ref.citation(identifiers=False)}{doi} {ref.link} ({ref.checked_text()})")
    return _heading("References") + _bullets(items)


def _innervation_text(innervation) -> str:
    if innervation is None:
        return ""
    text = f"{innervation.nerve} ({innervation.roots})"
    return f"{text}. {innervation.note}" if innervation.note else text


def _exercise_lines(catalogue: Catalogue, exercise: Exercise) -> list[str]:
    lines = [f"{exercise.name} (exercise)", "=" * len(exercise.name + " (exercise)")]
    if exercise.summary:
        lines += _wrap(exercise.summary)
    lines.append("")
    lines += _field(
        "Primary",
        _names(catalogue, exercise.primary) or "none of the modelled muscles (see Also works)",
    )
    lines += _field("Secondary", _names(catalogue, exercise.secondary))
    lines += _field("Also works", ", ".join(exercise.other_muscles))
    lines += _field("Equipment", ", ".join(exercise.equipment) or "none")
    lines += _field("Dosage", exercise.dosage)
    if exercise.hold_seconds:
        lines += _field("Hold", f"{exercise.hold_seconds} seconds at the end pose")
    lines += _field("Start pose", pose_text(exercise.start))
    lines += _field("End pose", pose_text(exercise.end))
    lines += _heading("Steps") + _numbered(exercise.steps)
    for title, items in (("Safety", exercise.safety), ("Notes", exercise.notes)):
        if items:
            lines += _heading(title) + _bullets(items)
    lines += _references_lines(catalogue, catalogue.cited(exercise.references))
    return lines


def _stretch_lines(catalogue: Catalogue, stretch: Stretch) -> list[str]:
    title = f"{stretch.name} ({stretch.style} stretch)"
    lines = [title, "=" * len(title)]
    if stretch.summary:
        lines += _wrap(stretch.summary)
    lines.append("")
    lines += _field("Region", stretch.region)
    lines += _field("Targets", _names(catalogue, stretch.targets) or "no modelled muscle")
    lines += _field("Left slack", _names(catalogue, stretch.slack))
    lines += _field("Also reaches", ", ".join(stretch.other_muscles))
    if stretch.hold_seconds:
        lines += _field("Hold", f"{stretch.hold_seconds} seconds")
    lines += _field("Repetitions", stretch.repetitions)
    lines += _field("Equipment", ", ".join(stretch.equipment))
    if stretch.start is not None:
        lines += _field("From pose", pose_text(stretch.start))
    lines += _field("Pose", pose_text(stretch.pose))
    lines += _wrap(stretch.side_note)
    lines += _heading("Steps") + _numbered(stretch.steps)
    for heading, items in (("Safety", stretch.safety), ("Notes", stretch.notes)):
        if items:
            lines += _heading(heading) + _bullets(items)
    lines += _references_lines(catalogue, catalogue.cited(stretch.references))
    return lines


def _test_lines(catalogue: Catalogue, test: ClinicalTest) -> list[str]:
    title = f"{test.name} (clinical test)"
    lines = [title, "=" * len(title)]
    if test.synonyms:
        lines += _field("Also called", ", ".join(test.synonyms))
    lines += _field("Examines", _names(catalogue, test.structures))
    lines += ["", *_wrap(test.summary)]
    if test.pose is not None:
        lines.append("")
        if test.start is not None:
            lines += _field("From pose", pose_text(test.start))
        lines += _field("Pose", pose_text(test.pose))
        lines += _wrap(test.side_note)
    lines += _heading("How it is done") + _numbered(test.steps)
    lines += _heading("Normal") + _bullets(test.normal)
    lines += _heading("Abnormal") + _bullets(test.abnormal)
    if test.notes:
        lines += _heading("Notes") + _bullets(test.notes)
    lines += _references_lines(catalogue, catalogue.cited(test.references))
    return lines


def _numbered(steps: list[str]) -> list[str]:
    return [
        line for number, step in enumerate(steps, 1) for line in _wrap(step, "  ", f"{number}. ")
    ]


def _overview_lines(catalogue: Catalogue) -> list[str]:
    overview = catalogue.overview
    lines = [overview.title, "=" * len(overview.title)]
    for paragraph in overview.paragraphs:
        lines += ["", *_wrap(paragraph)]
    lines += _heading("How to use")
    lines += _bullets([f"{item.action}: {item.how}" for item in overview.how_to])
    if overview.when_to_seek_help:
        lines += _heading("When to seek help") + _bullets(overview.when_to_seek_help)
    return lines
