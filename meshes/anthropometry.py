"""The one table of sizes: an adult of about 1.75 m, in millimetres.

Conventions (shared by every module of ``meshes``): a right leg; millimetres;
+X the patient's right (lateral), +Y anterior, +Z superior; origin at the hip
joint centre; the anatomical standing position is the zero pose. Every
coordinate in ``meshes`` (joint centres here, landmarks, bone shapes, muscle
sections, skin sections) is written for this reference adult standing, and
the whole model scales uniformly by ``Anthropometry.scale`` because every size
is a length.

Sources for the reference values: adult anthropometric tables (thigh, knee,
calf and ankle circumferences; femur about 0.25 of stature) and the joint and
attachment geometry of OpenSim's gait2392 lower-limb model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

REFERENCE_STATURE_MM = 1750.0


def _point(x: float, y: float, z: float) -> tuple[float, float, float]:
    return (float(x), float(y), float(z))


@dataclass(frozen=True)
class Anthropometry:
    """Sizes of the reference adult; ``stature_mm`` rescales all of them.

    Example
    -------
    >>> Anthropometry(stature_mm=1600).scale < 1.0
    True
    """

    stature_mm: float = REFERENCE_STATURE_MM
    #: Hip joint centre to the knee flexion axis (through the femoral condyles).
    femur_length_mm: float = 430.0
    #: Knee flexion axis to the ankle axis (talar dome), along the tibia.
    knee_to_ankle_mm: float = 405.0
    #: Medial and lateral malleolus centres: the ankle axis passes through both.
    medial_malleolus: tuple[float, float, float] = field(default=_point(-22, 4, -838))
    lateral_malleolus: tuple[float, float, float] = field(default=_point(31, -12, -848))

    @property
    def scale(self) -> float:
        """Uniform factor from the reference adult to this one."""
        return self.stature_mm / REFERENCE_STATURE_MM

    @property
    def knee_centre(self) -> np.ndarray:
        return np.array([0.0, 0.0, -self.femur_length_mm])

    @property
    def ankle_centre(self) -> np.ndarray:
        return np.array([0.0, 0.0, -self.femur_length_mm - self.knee_to_ankle_mm])

    @property
    def ankle_axis(self) -> np.ndarray:
        """Unit ankle axis from medial to lateral malleolus (tilted, as in life)."""
        axis = np.subtract(self.lateral_malleolus, self.medial_malleolus)
        return axis / np.linalg.norm(axis)


ADULT = Anthropometry()
