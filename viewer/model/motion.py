"""Playing exercises and stretches on the leg: time in, pose out.

Pure logic (no Qt): the window's timer feeds elapsed seconds in and writes
the resulting pose to the state. An exercise moves from its start keyframe
to its end keyframe and back, in a loop, easing at both ends like a
controlled repetition; a stretch eases from where the leg is into its held
pose and stays there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from meshes.pose import Pose

#: Seconds for one half of an exercise repetition (start -> end) at speed 1.
EXERCISE_HALF_REP_S = 1.6
#: Pause at each end of a repetition, in seconds.
EXERCISE_PAUSE_S = 0.35
#: Seconds to ease into a stretch at speed 1.
STRETCH_EASE_S = 2.0
SPEEDS: tuple[float, ...] = (0.25, 0.5, 1.0, 1.5, 2.0)


def ease_in_out(fraction: float) -> float:
    """Smooth 0..1 ramp with zero speed at both ends (a cosine)."""
    fraction = min(1.0, max(0.0, fraction))
    return 0.5 - 0.5 * math.cos(math.pi * fraction)


@dataclass(frozen=True)
class Motion:
    kind: str  # "exercise" or "stretch"
    motion_id: str
    name: str
    start: Pose
    end: Pose

    def pose_at(self, seconds: float) -> Pose:
        if self.kind == "stretch":
            return self.start.blend(self.end, ease_in_out(seconds / STRETCH_EASE_S))
        period = 2 * (EXERCISE_HALF_REP_S + EXERCISE_PAUSE_S)
        phase = seconds % period
        half = EXERCISE_HALF_REP_S + EXERCISE_PAUSE_S
        if phase < half:
            fraction = ease_in_out(phase / EXERCISE_HALF_REP_S)
        else:
            fraction = 1.0 - ease_in_out((phase - half) / EXERCISE_HALF_REP_S)
        return self.start.blend(self.end, fraction)


def motion_for(catalogue, kind: str, motion_id: str, current: Pose) -> Motion:
    """Build a Motion from an exercise or stretch of the catalogue (KeyError if unknown)."""
    if kind == "exercise":
        exercise = catalogue.exercises[motion_id]
        return Motion(
            kind, motion_id, exercise.name, exercise.start.to_pose(), exercise.end.to_pose()
        )
    if kind == "stretch":
        stretch = catalogue.stretches[motion_id]
        if stretch.style == "dynamic" and stretch.start is not None:
            # A dynamic stretch swings between its start and end range, like a repetition.
            start = stretch.start.to_pose()
            return Motion("exercise", motion_id, stretch.name, start, stretch.pose.to_pose())
        return Motion(kind, motion_id, stretch.name, current, stretch.pose.to_pose())
    if kind == "test":
        # A clinical test moves the leg into its position and holds it, like a stretch.
        test = catalogue.clinical_tests[motion_id]
        if test.pose is None:
            raise KeyError(motion_id)
        start = test.start.to_pose() if test.start is not None else current
        return Motion("stretch", motion_id, test.name, start, test.pose.to_pose())
    raise KeyError(kind)


@dataclass
class MotionPlayer:
    """Keeps the clock of the motion being played; speed and pause apply to it."""

    motion: Motion | None = None
    speed: float = 1.0
    playing: bool = False
    seconds: float = field(default=0.0)

    def start(self, motion: Motion) -> Pose:
        self.motion = motion
        self.seconds = 0.0
        self.playing = True
        return motion.pose_at(0.0)

    def stop(self) -> None:
        self.motion = None
        self.playing = False

    def toggle_pause(self) -> None:
        if self.motion is not None:
            self.playing = not self.playing

    def advance(self, elapsed_s: float) -> Pose | None:
        """Move the clock on; the new pose, or None when nothing plays."""
        if self.motion is None or not self.playing:
            return None
        self.seconds += elapsed_s * self.speed
        return self.motion.pose_at(self.seconds)

    @property
    def finished(self) -> bool:
        """A stretch is finished once held; exercises loop forever."""
        return (
            self.motion is not None
            and self.motion.kind == "stretch"
            and self.seconds >= STRETCH_EASE_S
        )


def named_positions(catalogue) -> dict[str, Pose]:
    """Poses named on the cards: each stretch's held pose, each exercise's end
    (``deadlift``) and start (``deadlift.start``), each clinical test's position,
    for ``--position``."""
    positions: dict[str, Pose] = {}
    for stretch_id, stretch in catalogue.stretches.items():
        positions[stretch_id] = stretch.pose.to_pose()
    for exercise_id, exercise in catalogue.exercises.items():
        positions[exercise_id] = exercise.end.to_pose()
        positions[f"{exercise_id}.start"] = exercise.start.to_pose()
    for test in getattr(catalogue, "clinical_tests", {}).values():
        if test.pose is not None:  # a clinical test's examining position
            positions[test.id] = test.pose.to_pose()
    return positions
