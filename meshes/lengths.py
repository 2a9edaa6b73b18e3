"""Muscle path lengths against standing: the numbers behind the stretch map.

Pure numpy over ``meshes.path_lengths_mm`` so the CLI, the table, the plot
and the tests agree on one definition: change in percent of the standing
length, positive when the muscle is lengthened.

The muscle paths (and numpy with them) are imported on the first length
asked for, not with this module: the window's pose panel, card, exercise
browser and practice questions import it, and the window opens before any of
them needs a length (issue 15: nothing the first paint does not need).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from meshes.parts import STRUCTURE_IDS, parts_of
from meshes.pose import POSE_RANGES_DEG, STANDING, Pose


@dataclass(frozen=True)
class LengthRow:
    part_id: str
    length_mm: float
    standing_mm: float

    @property
    def change_percent(self) -> float:
        return 100.0 * (self.length_mm - self.standing_mm) / self.standing_mm


def path_lengths_mm(pose: Pose) -> dict[str, float]:
    """Every muscle part's path length (mm) in ``pose`` (``meshes.muscles``, loaded now)."""
    # Lazy: the muscle paths bring numpy, which the window's first paint does not need.
    from meshes.muscles import path_lengths_mm as lengths_of  # noqa: PLC0415

    return lengths_of(pose)


@lru_cache(maxsize=1)
def standing_lengths_mm() -> dict[str, float]:
    return path_lengths_mm(STANDING)


@lru_cache(maxsize=16)
def length_rows(pose: Pose) -> tuple[LengthRow, ...]:
    """Every muscle part's length now and when standing.

    Cached per pose: the table, the card and the stretch map all ask for the
    same pose within one frame.
    """
    standing = standing_lengths_mm()
    return tuple(
        LengthRow(part_id, length, standing[part_id])
        for part_id, length in path_lengths_mm(pose).items()
    )


def length_changes_percent(pose: Pose) -> dict[str, float]:
    return {row.part_id: row.change_percent for row in length_rows(pose)}


def length_curve(part_id: str, joint: str, pose: Pose, samples: int = 41):
    """Angles (deg) and the part's length (mm) sweeping one joint, the others held."""
    import numpy as np  # noqa: PLC0415 (lazy: see the module's docstring)

    low, high = POSE_RANGES_DEG[joint]
    angles = np.linspace(low, high, samples)
    values = pose.as_dict()
    lengths = []
    for angle in angles:
        values[joint] = float(angle)
        lengths.append(path_lengths_mm(Pose(**values))[part_id])
    return angles, np.array(lengths)


@lru_cache(maxsize=12)
def length_curves(joint: str, pose: Pose, samples: int = 41):
    """Angles (deg) and every muscle part's length (mm) sweeping one joint, the others held.

    One path-length pass per angle serves all parts, so a table of every
    muscle costs no more than one curve. Kept for the last few poses: clicking
    one muscle after another at one pose (the length plot on screen) sweeps
    nothing again. The arrays are shared: read them, never write into them.
    """
    import numpy as np  # noqa: PLC0415 (lazy: see the module's docstring)

    low, high = POSE_RANGES_DEG[joint]
    angles = np.linspace(low, high, samples)
    values = pose.as_dict()
    by_part: dict[str, list[float]] = {}
    for angle in angles:
        values[joint] = float(angle)
        for part_id, length in path_lengths_mm(Pose(**values)).items():
            by_part.setdefault(part_id, []).append(length)
    return angles, {part_id: np.array(lengths) for part_id, lengths in by_part.items()}


def length_line(structure_id: str | None, pose: Pose) -> str:
    """One line for a muscle's card: each part's length now and its change, or ""."""
    if structure_id not in STRUCTURE_IDS:
        return ""
    rows = {row.part_id: row for row in length_rows(pose)}
    texts = []
    for part in parts_of(structure_id):
        if part.id in rows:
            row = rows[part.id]
            head = f"{part.part.replace('_', ' ')}: " if part.part else ""
            texts.append(f"{head}{row.length_mm:.0f} mm ({row.change_percent:+.1f} %)")
    return ("Length now vs standing — " + "; ".join(texts)) if texts else ""
