"""Joint angles of the leg, in degrees, with the anatomical position as zero.

Signs follow the clinical convention so that numbers read the way a
physiotherapist says them: positive hip flexion brings the thigh forward,
positive knee flexion bends the knee, positive ankle dorsiflexion lifts the
toes. Negative hip flexion is extension; negative dorsiflexion is plantar
flexion (pointing the toes).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: Allowed range of each joint angle, in degrees (inclusive).
POSE_RANGES_DEG: dict[str, tuple[float, float]] = {
    "hip_flexion": (-30.0, 120.0),
    "knee_flexion": (0.0, 140.0),
    "ankle_dorsiflexion": (-50.0, 30.0),
}

#: Human-readable label of each joint angle, for CLIs and panels.
POSE_LABELS: dict[str, str] = {
    "hip_flexion": "Hip flexion (−extension)",
    "knee_flexion": "Knee flexion",
    "ankle_dorsiflexion": "Ankle dorsiflexion (−plantar flexion)",
}


@dataclass(frozen=True)
class Pose:
    """A posture of the right leg; all zero is standing in the anatomical position.

    Out-of-range angles raise ``ValueError`` at construction, so a bad pose
    can never reach the geometry.

    Example
    -------
    >>> Pose(knee_flexion=90).knee_flexion
    90.0
    """

    hip_flexion: float = 0.0
    knee_flexion: float = 0.0
    ankle_dorsiflexion: float = 0.0

    def __post_init__(self) -> None:
        for name, (low, high) in POSE_RANGES_DEG.items():
            value = getattr(self, name)
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise ValueError(f"{name} must be a number of degrees, got {value!r}") from None
            if number != number or not low <= number <= high:
                raise ValueError(
                    f"{name} = {value!r} is outside its range {low:g}..{high:g} degrees"
                )
            object.__setattr__(self, name, number)

    def as_dict(self) -> dict[str, float]:
        return asdict(self)

    def blend(self, other: Pose, fraction: float) -> Pose:
        """Pose a fraction of the way from ``self`` to ``other`` (0 = self, 1 = other)."""
        return Pose(
            **{
                name: (1.0 - fraction) * getattr(self, name) + fraction * getattr(other, name)
                for name in POSE_RANGES_DEG
            }
        )


STANDING = Pose()
