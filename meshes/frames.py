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

Segments, blended frames and skin rings all come from ``joint_chain``, the one
place the hip, knee and ankle rotations are composed, so they cannot disagree.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from meshes.anthropometry import ADULT
from meshes.pose import Pose
from meshes.reference_tree import body_origins, patella_glide_m, segment_maps

#: The joints from proximal to distal; a blended frame turns the earlier ones fully.
JOINTS: tuple[str, ...] = ("hip", "knee", "ankle")

#: How far each segment turns through each joint (joints not named stay at 0). The patella
#: is not a row: it rides on the thigh and glides on the trochlea (``patella_glide``).
SEGMENT_JOINT_FRACTIONS: dict[str, dict[str, float]] = {
    "pelvis": {},
    "thigh": {"hip": 1.0},
    "shank": {"hip": 1.0, "knee": 1.0},
    "foot": {"hip": 1.0, "knee": 1.0, "ankle": 1.0},
}

X_AXIS = np.array([1.0, 0.0, 0.0])
HIP_CENTRE = np.zeros(3)


def rotations_about(axis: np.ndarray, point: np.ndarray, angles_deg: np.ndarray) -> np.ndarray:
    """``(n, 4, 4)`` right-handed rotations about one axis through ``point``, one per angle.

    Rodrigues' formula, vectorised over the angles; an angle of 0 gives exactly
    the identity, so a joint that does not turn leaves the chain untouched.
    """
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    angles = np.radians(np.asarray(angles_deg, float))[:, None, None]
    cross = np.array([[0.0, -axis[2], axis[1]], [axis[2], 0.0, -axis[0]], [-axis[1], axis[0], 0.0]])
    rotation = np.eye(3) + np.sin(angles) * cross + (1.0 - np.cos(angles)) * (cross @ cross)
    transforms = np.zeros((len(angles), 4, 4))
    transforms[:, :3, :3] = rotation
    transforms[:, :3, 3] = point - rotation @ np.asarray(point, float)
    transforms[:, 3, 3] = 1.0
    return transforms


def joint_chain(
    pose: Pose,
    hip: float | np.ndarray = 0.0,
    knee: float | np.ndarray = 0.0,
    ankle: float | np.ndarray = 0.0,
) -> np.ndarray:
    """``(n, 4, 4)`` transforms through hip, knee and ankle, each turned by a fraction of its angle.

    The fractions broadcast against each other: scalars give one transform
    (a segment), arrays give one per entry (a blended frame at many fractions,
    or every skin ring with its own weight per joint).

    Example
    -------
    >>> foot = joint_chain(Pose(knee_flexion=90), hip=1.0, knee=1.0, ankle=1.0)[0]
    >>> bool(np.allclose(foot[:3, :3] @ [0.0, 0.0, -1.0], [0.0, -1.0, 0.0]))  # shank points back
    True
    """
    hip, knee, ankle = np.broadcast_arrays(
        *(np.atleast_1d(np.asarray(f, float)) for f in (hip, knee, ankle))
    )
    return (
        rotations_about(X_AXIS, HIP_CENTRE, hip * pose.hip_flexion)
        @ rotations_about(X_AXIS, ADULT.knee_centre, -knee * pose.knee_flexion)
        @ rotations_about(ADULT.ankle_axis, ADULT.ankle_centre, ankle * pose.ankle_dorsiflexion)
    )


def blended_transforms(joint: str, fractions: np.ndarray, pose: Pose) -> np.ndarray:
    """``(n, 4, 4)`` transforms part of the way through a joint, one per fraction."""
    if joint not in JOINTS:
        raise KeyError(f"unknown joint {joint!r}")
    proximal = dict.fromkeys(JOINTS[: JOINTS.index(joint)], 1.0)
    return joint_chain(pose, **proximal, **{joint: np.asarray(fractions, float)})


@lru_cache(maxsize=4096)
def frame_transform(frame: str, pose: Pose) -> np.ndarray:
    """4x4 transform of a segment (``"shank"``) or a blended frame (``"knee:0.5"``).

    The result is cached and read-only: poses are frozen and hashable.
    """
    if ":" in frame:
        joint, fraction = frame.split(":")
        transform = blended_transforms(joint, np.array([float(fraction)]), pose)[0]
    elif frame == "patella":
        transform = frame_transform("thigh", pose) @ patella_glide(pose.knee_flexion)
    elif frame in SEGMENT_JOINT_FRACTIONS:
        transform = joint_chain(pose, **SEGMENT_JOINT_FRACTIONS[frame])[0]
    else:
        raise KeyError(f"unknown frame {frame!r}")
    transform.setflags(write=False)
    return transform


@lru_cache(maxsize=512)
def patella_glide(knee_flexion_deg: float) -> np.ndarray:
    """4x4 move of the patella within the thigh's frame as the knee bends.

    The reference model's coupling (``meshes.reference_tree``): the patella
    slides down and back along the trochlea and tilts with the tibia, so it
    stays in the groove between the condyles instead of swinging round the
    knee axis as a rigid part of the shank would.
    """
    maps = segment_maps()
    slide_0, tilt_0 = patella_glide_m(0.0)
    slide, tilt = patella_glide_m(np.radians(knee_flexion_deg))
    centre = maps["patella"].apply(body_origins()["patella_r"] + slide_0)
    turn = rotations_about(X_AXIS, centre, [np.degrees(tilt - tilt_0)])[0]
    turn[:3, 3] += maps["patella"].matrix @ (slide - slide_0)
    turn.setflags(write=False)
    return turn


def apply(transform: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Transform ``(n, 3)`` points by a 4x4 matrix."""
    return points @ transform[:3, :3].T + transform[:3, 3]
