"""Every exercise and stretch as one list, with what each does to the muscles.

The exercise browser lists them, shows which muscles each trains or
lengthens (the model's length change at its end position, the numbers behind
the stretch map) and compares two positions muscle by muscle, so a coach can
show that the straight-knee calf stretch lengthens both calf muscles while
the bent-knee one leaves gastrocnemius slack. Pure logic (no Qt, no VTK).
"""

from __future__ import annotations

from dataclasses import dataclass

from meshes.lengths import length_changes_percent
from meshes.pose import Pose
from meshes.support_table import SUPPORTS
from viewer.model.supports import setting_for

#: Changes smaller than this (percent of standing length) count as "about the same".
UNCHANGED_PERCENT = 1.0


@dataclass(frozen=True)
class Movement:
    kind: str  # "exercise" or "stretch"
    id: str
    name: str
    summary: str
    muscles: tuple[str, ...]  # what it trains (exercise) or targets (stretch)
    end: Pose  # an exercise's end, a stretch's held pose

    @property
    def support_title(self) -> str:
        return SUPPORTS[setting_for(self.id).support].title


def movements(catalogue) -> list[Movement]:
    """Exercises then stretches, each in the cards' order."""
    items = [
        Movement(
            "exercise",
            exercise_id,
            exercise.name,
            exercise.summary,
            tuple(exercise.primary) + tuple(exercise.secondary),
            exercise.end.to_pose(),
        )
        for exercise_id, exercise in catalogue.exercises.items()
    ]
    items += [
        Movement(
            "stretch",
            stretch_id,
            stretch.name,
            stretch.summary,
            tuple(stretch.targets),
            stretch.pose.to_pose(),
        )
        for stretch_id, stretch in catalogue.stretches.items()
    ]
    return items


def changes_at_end(movement: Movement) -> dict[str, float]:
    """Each muscle part's length change (% of standing) at the movement's end position."""
    return length_changes_percent(movement.end)


@dataclass(frozen=True)
class ComparisonRow:
    part_id: str
    first_percent: float
    second_percent: float

    @property
    def difference(self) -> float:
        return self.second_percent - self.first_percent


def compare(first: Movement, second: Movement) -> list[ComparisonRow]:
    """Every muscle part's length change in two positions, largest difference first."""
    a, b = changes_at_end(first), changes_at_end(second)
    rows = [ComparisonRow(part, a[part], b[part]) for part in a]
    return sorted(rows, key=lambda row: -abs(row.difference))


def describe_change(percent: float) -> str:
    if percent >= UNCHANGED_PERCENT:
        return "lengthened"
    if percent <= -UNCHANGED_PERCENT:
        return "shortened"
    return "about as standing"
