"""Rigid segment frames for a pose: where each bone, landmark and skin ring goes.

Every segment's frame coincides with the world frame when standing, so a
point written in standing coordinates is already "in its segment's frame";
posing it is one 4x4 transform. Joints are hinges about anatomical axes:

* hip: the X axis through the hip centre (flexion brings the knee forward, +Y);
* knee: the X axis through the femoral condyles (flexion takes the foot back, -Y);
* ankle: the axis through both malleoli (dorsiflexion lifts the toes, +Z).

Besides the five segments, a *blended frame* ``"knee:0.5"`` sits part of the
way between thigh and shank (rotated by half the knee angle). Via points on it
act as pulleys, which is how muscles wrap over the condyles or the heel, and
skin rings on it bend smoothly at the joint.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from meshes.anthropometry import ADULT
from meshes.pose import Pose

SEGMENTS: tuple[str, ...] = ("pelvis", "thigh", "patella", "shank", "foot")

#: Fraction of the knee angle the patella turns by as it glides down the trochlea.
PATELLA_FRACTION = 0.7

X_AXIS = np.array([1.0, 0.0, 0.0])


def rotation_about(axis: np.ndarray, point: np.ndarray, angle_deg: float) -> np.ndarray:
    """4x4 right-handed rotation by ``angle_deg`` about an axis through ``point``."""
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    angle = np.radians(angle_deg)
    cross = np.array([[0.0, -axis[2], axis[1]], [axis[2], 0.0, -axis[0]], [-axis[1], axis[0], 0.0]])
    rotation = np.eye(3) + np.sin(angle) * cross + (1.0 - np.cos(angle)) * cross @ cross
    transform = np.eye(4)
    transform[:3, :3] = rotation
    transform[:3, 3] = np.asarray(point, float) - rotation @ np.asarray(point, float)
    return transform


def _hip(pose: Pose, fraction: float = 1.0) -> np.ndarray:
    return rotation_about(X_AXIS, np.zeros(3), fraction * pose.hip_flexion)


def _knee(pose: Pose, fraction: float = 1.0) -> np.ndarray:
    return _hip(pose) @ rotation_about(X_AXIS, ADULT.knee_centre, -fraction * pose.knee_flexion)


def _ankle(pose: Pose, fraction: float = 1.0) -> np.ndarray:
    return _knee(pose) @ rotation_about(
        ADULT.ankle_axis, ADULT.ankle_centre, fraction * pose.ankle_dorsiflexion
    )


_BLENDED = {"hip": _hip, "knee": _knee, "ankle": _ankle}


@lru_cache(maxsize=4096)
def frame_transform(frame: str, pose: Pose) -> np.ndarray:
    """4x4 transform of a segment (``"shank"``) or a blended frame (``"knee:0.5"``).

    The result is cached and read-only: poses are frozen and hashable.
    """
    if ":" in frame:
        joint, fraction = frame.split(":")
        transform = _BLENDED[joint](pose, float(fraction))
    elif frame == "pelvis":
        transform = np.eye(4)
    elif frame == "thigh":
        transform = _hip(pose)
    elif frame == "patella":
        transform = _knee(pose, PATELLA_FRACTION)
    elif frame == "shank":
        transform = _knee(pose)
    elif frame == "foot":
        transform = _ankle(pose)
    else:
        raise KeyError(f"unknown frame {frame!r}")
    transform.setflags(write=False)
    return transform


def rotations_about(axis: np.ndarray, point: np.ndarray, angles_deg: np.ndarray) -> np.ndarray:
    """``(n, 4, 4)`` rotations about one axis by many angles, vectorised."""
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    angles = np.radians(np.asarray(angles_deg, float))[:, None, None]
    cross = np.array([[0.0, -axis[2], axis[1]], [axis[2], 0.0, -axis[0]], [-axis[1], axis[0], 0.0]])
    rotation = np.eye(3) + np.sin(angles) * cross + (1.0 - np.cos(angles)) * (cross @ cross)
    transforms = np.zeros((len(angles), 4, 4))
    transforms[:, :3, :3] = rotation
    transforms[:, :3, 3] = point - rotation @ np.asarray(point, float)
    transforms[:, 3, 3] = 1.0
    return transforms


def blended_transforms(joint: str, fractions: np.ndarray, pose: Pose) -> np.ndarray:
    """``(n, 4, 4)`` transforms part of the way through a joint, one per fraction."""
    if joint == "hip":
        return rotations_about(X_AXIS, np.zeros(3), fractions * pose.hip_flexion)
    if joint == "knee":
        local = rotations_about(X_AXIS, ADULT.knee_centre, -fractions * pose.knee_flexion)
        return frame_transform("thigh", pose) @ local
    if joint == "ankle":
        local = rotations_about(
            ADULT.ankle_axis, ADULT.ankle_centre, fractions * pose.ankle_dorsiflexion
        )
        return frame_transform("shank", pose) @ local
    raise KeyError(f"unknown joint {joint!r}")


def apply(transform: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Transform ``(n, 3)`` points by a 4x4 matrix."""
    return points @ transform[:3, :3].T + transform[:3, 3]
