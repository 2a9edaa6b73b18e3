"""Geometry of Leg Atlas: a simplified, posable right leg (no Qt here).

Conventions: a right leg; millimetres; +X the patient's right (lateral), +Y
anterior, +Z superior; origin at the hip joint centre; the anatomical standing
position is the zero pose (see ``meshes.anthropometry``).
"""

from meshes.parts import GROUPS, LAYERS, MUSCLE_IDS, PART_BY_ID, PARTS, STRUCTURE_IDS, PartInfo
from meshes.pose import POSE_RANGES_DEG, STANDING, Pose

__all__ = [
    "GROUPS",
    "LAYERS",
    "MUSCLE_IDS",
    "PARTS",
    "PART_BY_ID",
    "POSE_RANGES_DEG",
    "STANDING",
    "STRUCTURE_IDS",
    "Leg",
    "PartInfo",
    "Pose",
    "build_leg",
    "path_lengths_mm",
    "repose",
]

#: Names served lazily from ``meshes.leg``: importing the ids and the pose (as
#: ``legatlas list`` and the annotation loader do) must not pull in pyvista and VTK.
_FROM_LEG = frozenset({"Leg", "build_leg", "path_lengths_mm", "repose"})


def __getattr__(name: str):
    if name in _FROM_LEG:
        from meshes import leg  # noqa: PLC0415 (lazy on purpose, see _FROM_LEG)

        return getattr(leg, name)
    raise AttributeError(f"module 'meshes' has no attribute {name!r}")
