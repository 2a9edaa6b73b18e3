"""Does the content say what the model shows? Stretch targets, slack muscles and prime movers
checked against muscle lengths.

The cards are the product's voice and the stretch map is its picture; when they
disagree a learner cannot tell which to believe. These rules make every claim
that the model can measure agree with it:

- a stretch's targets each lengthen by at least ``STRETCH_MIN_PERCENT`` at its
  pose, against standing; a muscle it calls slack lengthens by no more than
  ``SLACK_MAX_PERCENT``;
- an exercise's prime movers each cross a joint that moves by at least
  ``MOVING_JOINT_DEG`` (by the card's own ``joints_crossed``) and change length
  by at least ``PRIME_MOVER_MIN_PERCENT`` between its start and end poses.

A muscle named whole stands for each of its heads, so "biceps_femoris" in a
hamstring stretch must hold for the short head too, and a card that means only
the long head must say ``biceps_femoris.long_head``.

Pure: the length model comes in as a function (``meshes.lengths.length_changes_percent``
in the tests and the CLI), so this module needs neither VTK nor the meshes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotations.catalogue import Catalogue
from meshes.parts import PART_BY_ID, parts_of
from meshes.pose import Pose

STRETCH_MIN_PERCENT = 2.0
SLACK_MAX_PERCENT = 1.0
MOVING_JOINT_DEG = 10.0
PRIME_MOVER_MIN_PERCENT = 2.0
#: Pose angle -> the joint name the cards use in ``joints_crossed``.
POSE_JOINTS = {"hip_flexion": "hip", "knee_flexion": "knee", "ankle_dorsiflexion": "ankle"}

LengthChanges = Callable[[Pose], dict[str, float]]


@dataclass(frozen=True)
class Disagreement:
    """One claim the model contradicts, worded so the failing pair can be found at once."""

    item: str
    muscle: str
    problem: str

    def __str__(self) -> str:
        return f"{self.item}: {self.muscle}: {self.problem}"


def heads(muscle_id: str) -> list[str]:
    """The measured part ids a content id stands for: every head of a muscle, or a nerve."""
    if muscle_id in PART_BY_ID and "." in muscle_id:
        return [muscle_id]
    return [part.id for part in parts_of(muscle_id) if part.kind in ("muscle", "nerve")]


def joints_crossed(catalogue: Catalogue, part_id: str) -> set[str]:
    """Joints a head crosses by its part card, or by the muscle's card if the part has none."""
    part = catalogue.get_part(part_id)
    if part is not None and part.joints_crossed:
        return set(part.joints_crossed)
    return set(catalogue.card(part_id).joints_crossed)


def stretch_disagreements(catalogue: Catalogue, changes: LengthChanges) -> list[Disagreement]:
    """Every stretch target that is not lengthened, and every 'slack' muscle that is."""
    found = []
    for stretch in catalogue.stretches.values():
        lengths = changes(stretch.pose.to_pose())
        item = f"stretch {stretch.id!r}"
        for muscle in stretch.targets:
            for part_id in heads(muscle):
                change = lengths[part_id]
                if change < STRETCH_MIN_PERCENT:
                    found.append(
                        Disagreement(
                            item,
                            part_id,
                            f"listed as a target but lengthens only {change:+.1f} % at the pose "
                            f"(needs at least +{STRETCH_MIN_PERCENT:g} %)",
                        )
                    )
        for muscle in stretch.slack:
            for part_id in heads(muscle):
                change = lengths[part_id]
                if change > SLACK_MAX_PERCENT:
                    found.append(
                        Disagreement(
                            item,
                            part_id,
                            f"called slack but lengthens {change:+.1f} % at the pose "
                            f"(at most +{SLACK_MAX_PERCENT:g} %)",
                        )
                    )
    return found


def moving_joints(start: Pose, end: Pose) -> set[str]:
    """Joints whose angle differs by at least ``MOVING_JOINT_DEG`` between two poses."""
    before, after = start.as_dict(), end.as_dict()
    return {
        joint
        for angle, joint in POSE_JOINTS.items()
        if abs(after[angle] - before[angle]) >= MOVING_JOINT_DEG
    }


def exercise_disagreements(catalogue: Catalogue, changes: LengthChanges) -> list[Disagreement]:
    """Every prime mover that crosses no moving joint or whose length barely changes."""
    found = []
    for exercise in catalogue.exercises.values():
        start, end = exercise.start.to_pose(), exercise.end.to_pose()
        moving = moving_joints(start, end)
        before, after = changes(start), changes(end)
        item = f"exercise {exercise.id!r}"
        for muscle in exercise.primary:
            for part_id in heads(muscle):
                crossed = joints_crossed(catalogue, part_id)
                if not crossed & moving:
                    found.append(
                        Disagreement(
                            item,
                            part_id,
                            f"listed as a prime mover but crosses {sorted(crossed)}, "
                            f"while only {sorted(moving)} move",
                        )
                    )
                    continue
                shift = after[part_id] - before[part_id]
                if abs(shift) < PRIME_MOVER_MIN_PERCENT:
                    found.append(
                        Disagreement(
                            item,
                            part_id,
                            f"listed as a prime mover but its length changes only {shift:+.1f} % "
                            f"from start to end (needs {PRIME_MOVER_MIN_PERCENT:g} %)",
                        )
                    )
    return found
