"""Where the posed leg sits in the world: which body part stays put during a movement.

The joint chain poses the leg about a fixed pelvis, which is right for a leg
swing but not for a squat, where the foot stays on the floor and the pelvis
moves. A *support* names what stays fixed, and ``placement`` gives the rigid
transform that carries the pelvis-fixed leg into the world so that it does:

- ``standing``: the pelvis (standing on the other leg); the ground under the foot.
- ``foot``: the whole foot flat on the ground (squats, deadlifts, standing stretches).
- ``forefoot``: the body upright, the ball of the foot on the ground (calf raise).
- ``seated``: the pelvis on a seat, thighs forward (seated curls and raises).
- ``floor_sitting``: sitting on the floor, the leg along it (seated forward bend).
- ``supine``: lying on the back (the leg lifts towards the ceiling).
- ``prone``: lying face down (the heel comes up towards the buttock).
- ``kneeling``: the shin on the floor, the trunk leaning forward (Nordic curl).
- ``bridge``: shoulders and heel on the floor, the hips lifting between them.

The world keeps the atlas's axes (+Z up, +Y anterior when standing) and puts
the floor or seat at ``ground_z``. Pure numpy over the segment frames.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyvista as pv

from meshes.bones import bone_templates
from meshes.foot_skin import foot_skin_template
from meshes.frames import frame_transform
from meshes.pose import STANDING, Pose
from meshes.support_table import SUPPORTS

#: The body's midline (mm along X): the right hip joint centre lies this far lateral of it.
MIDLINE_X_MM = -85.0
#: Points of the trunk in the pelvis frame (mm), for the supports that rest on them.
SHOULDER_BLADES_MM = np.array([MIDLINE_X_MM, -105.0, 470.0])  # upper back on the floor
BUTTOCK_MM = np.array([MIDLINE_X_MM + 40.0, -125.0, -40.0])  # seat contact
SEAT_UNDER_THIGH_MM = 75.0  # the back of the thigh sits this far below the hip centre


def _rotation_x(angle_rad: float) -> np.ndarray:
    cosine, sine = np.cos(angle_rad), np.sin(angle_rad)
    transform = np.eye(4)
    transform[1:3, 1:3] = [[cosine, -sine], [sine, cosine]]
    return transform


def _translation(offset) -> np.ndarray:
    transform = np.eye(4)
    transform[:3, 3] = offset
    return transform


def _apply(transform: np.ndarray, point) -> np.ndarray:
    return transform[:3, :3] @ np.asarray(point, dtype=float) + transform[:3, 3]


@lru_cache(maxsize=1)
def _foot_points() -> np.ndarray:
    """Standing points of the foot's skin and bones (a subsample): what touches the floor."""
    bones = bone_templates(1.0)
    points = np.concatenate(
        [foot_skin_template(1.0), bones["foot"][0][::7], bones["calcaneus"][0][::7]]
    )
    return points


@lru_cache(maxsize=1)
def sole_z() -> float:
    """Height of the sole when standing: the floor of the supports that stand."""
    return float(_foot_points()[:, 2].min())


def _lowest_foot_z(transform: np.ndarray) -> float:
    points = _foot_points() @ transform[:3, :3].T + transform[:3, 3]
    return float(points[:, 2].min())


@lru_cache(maxsize=1)
def kneeling_floor_z() -> float:
    """The floor under the shin when kneeling upright: below the front of the tibia."""
    shank = frame_transform("shank", Pose(knee_flexion=90.0))
    tibia = bone_templates(1.0)["tibia"][0][::5]
    return float(place_points(shank, tibia)[:, 2].min()) - SHIN_SKIN_MM


SHIN_SKIN_MM = 8.0  # skin and soft tissue over the front of the tibia


@lru_cache(maxsize=1)
def ball_of_foot() -> np.ndarray:
    """The ball of the foot when standing: the lowest point of its front third."""
    points = _foot_points()
    front = points[points[:, 1] > points[:, 1].max() - 0.35 * np.ptp(points[:, 1])]
    return front[np.argmin(front[:, 2])]


def _heel(pose: Pose) -> np.ndarray:
    """The back of the heel's lowest point, in the pelvis frame."""
    points = _foot_points()
    heel = points[points[:, 1] < points[:, 1].min() + 25.0]
    return _apply(frame_transform("foot", pose), heel[np.argmin(heel[:, 2])])


#: Where the floor (or the seat top) is in the world, per support.
def ground_z(support: str | None) -> float:
    if support in (None, "standing", "foot", "forefoot", "step_edge", "inclined"):
        return sole_z()
    if support == "kneeling":
        return kneeling_floor_z()
    if support == "seated":
        return -SEAT_UNDER_THIGH_MM
    return FLOOR_LYING_Z


#: Lying and sitting on the floor: the floor sits at the back of the trunk.
FLOOR_LYING_Z = -130.0


def placement(support: str | None, pose: Pose) -> np.ndarray:
    """4x4 transform from the pelvis-fixed leg to the world, keeping ``support`` fixed."""
    if support in (None, "standing", "seated"):
        return np.eye(4)
    if support == "foot":
        # Undo the foot's turn: the foot stays as it stands, the body moves above it.
        return np.linalg.inv(frame_transform("foot", pose)) @ frame_transform("foot", STANDING)
    if support == "forefoot":
        return _translation((0.0, 0.0, sole_z() - _lowest_foot_z(frame_transform("foot", pose))))
    if support == "supine":
        return _translation((0.0, 0.0, FLOOR_LYING_Z + 125.0)) @ _rotation_x(np.pi / 2)
    if support == "prone":
        return _translation((0.0, 0.0, FLOOR_LYING_Z + 125.0)) @ _rotation_x(-np.pi / 2)
    if support == "floor_sitting":
        return _lie_along_floor(pose, frame_transform("thigh", pose))
    if support == "kneeling":
        # The shin lies as it does kneeling upright (hip straight, knee at a right angle).
        kneeling = Pose(knee_flexion=90.0, ankle_dorsiflexion=pose.ankle_dorsiflexion)
        return frame_transform("shank", kneeling) @ np.linalg.inv(frame_transform("shank", pose))
    if support == "bridge":
        return _bridge(pose)
    if support == "step_edge":
        # Upright, the ball of the foot where it stands: the heel drops below the step.
        ball = ball_of_foot()
        moved = _apply(frame_transform("foot", pose), ball)
        return _translation(ball - moved)
    if support == "inclined":
        # The legs keep a 45-degree forward lean (a back-extension bench); the trunk moves.
        lean = _rotation_x(-np.pi / 4) @ np.linalg.inv(frame_transform("thigh", pose))
        return (
            _translation(
                (0.0, 0.0, sole_z() - _lowest_foot_z(lean @ frame_transform("foot", pose)))
            )
            @ lean
        )
    raise KeyError(f"unknown support {support!r}; valid: {', '.join(SUPPORTS)}")


def _lie_along_floor(pose: Pose, thigh: np.ndarray) -> np.ndarray:
    """Turn the body about X until the thigh lies level, pointing forward; the back of
    the heel on the floor."""
    knee = _apply(thigh, (0.0, 0.0, -430.0))
    angle = np.arctan2(knee[2], knee[1])  # the thigh's elevation above +Y
    rotation = _rotation_x(-angle)
    heel = _apply(rotation, _heel(pose))
    return _translation((0.0, 0.0, FLOOR_LYING_Z - heel[2] + 10.0)) @ rotation


def _bridge(pose: Pose) -> np.ndarray:
    """Lying on the back with the shoulder blades and the heel on the floor."""
    supine = _rotation_x(np.pi / 2)
    shoulder = _apply(supine, SHOULDER_BLADES_MM)
    heel = _apply(supine, _heel(pose))
    tilt = np.arctan2(heel[2] - shoulder[2], heel[1] - shoulder[1])
    rotation = _rotation_x(-tilt) @ supine
    shoulder = _apply(rotation, SHOULDER_BLADES_MM)
    return _translation((0.0, 0.0, FLOOR_LYING_Z - shoulder[2])) @ rotation


def place_points(transform: np.ndarray, points: np.ndarray) -> np.ndarray:
    return points @ transform[:3, :3].T + transform[:3, 3]


@dataclass(frozen=True)
class Placement:
    """A placement transform split once per pose (not once per part): what carries points
    (``rotation`` is the transposed 3x3, for row vectors) and whether it moves anything."""

    rotation: np.ndarray
    offset: np.ndarray
    moved: bool

    @classmethod
    def of(cls, transform: np.ndarray) -> Placement:
        moved = not np.allclose(transform, np.eye(4))
        return cls(transform[:3, :3].T.copy(), transform[:3, 3].copy(), moved)


def place_leg(leg, transform: np.ndarray):
    """The leg carried by ``transform``: new meshes (shallow copies) with moved points and
    turned normals; the same leg when the transform is the identity."""
    placement = Placement.of(transform)
    if not placement.moved:
        return leg
    meshes = {}
    for part_id, mesh in leg.meshes.items():
        # A new mesh on the same cells: a shallow copy would share (and so move) the
        # posed leg's points.
        placed = pv.PolyData(np.asarray(mesh.points) @ placement.rotation + placement.offset)
        placed.SetPolys(mesh.GetPolys())
        for name in mesh.point_data:
            if name != "Normals":
                placed.point_data[name] = mesh.point_data[name]
        if "Normals" in mesh.point_data:
            placed.point_data["Normals"] = (
                np.asarray(mesh.point_data["Normals"]) @ placement.rotation
            )
            placed.point_data.active_normals_name = "Normals"
        meshes[part_id] = placed
    return type(leg)(leg.pose, leg.resolution, meshes)


@lru_cache(maxsize=1)
def seated_floor_z() -> float:
    """The floor under a seated person: the sole with hip and knee at right angles."""
    return _lowest_foot_z(frame_transform("foot", Pose(hip_flexion=90.0, knee_flexion=90.0)))
