"""Geometry of Leg Atlas: a simplified, posable right leg (no Qt here)."""

from meshes.parts import GROUPS, LAYERS, MUSCLE_IDS, PART_BY_ID, PARTS, STRUCTURE_IDS, PartInfo
from meshes.pose import POSE_RANGES_DEG, STANDING, Pose

__all__ = [
    "GROUPS",
    "LAYERS",
    "MUSCLE_IDS",
    "PART_BY_ID",
    "PARTS",
    "POSE_RANGES_DEG",
    "STANDING",
    "STRUCTURE_IDS",
    "PartInfo",
    "Pose",
]
