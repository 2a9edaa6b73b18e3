"""The skin: a lofted tube of rounded sections from the hip to the heel.

Each section is a horizontal ring in standing coordinates, sized from the
anthropometric circumferences and then widened wherever a muscle comes within
``SKIN_MARGIN_MM`` of it (so the envelope is guaranteed to hold every muscle
standing). Rings ride on blended joint frames: above the knee on the thigh,
below it on the shank, and part of the way through the hip, knee and ankle in
between, so the envelope bends smoothly when the joints move.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from meshes import cache
from meshes.anthropometry import ADULT
from meshes.bones import bone_templates
from meshes.foot_skin import held_by_foot_skin
from meshes.frames import blended_transforms, frame_transform, joint_chain
from meshes.muscles import sweep_muscles
from meshes.parts import PART_BY_ID
from meshes.pose import STANDING, Pose
from meshes.skin_crease import press_to_plane
from meshes.sweep import smooth_keeping_ends, smoothstep, tube_normals


class SkinStation(NamedTuple):
    """One section of the skin table: a horizontal ring at height ``z_mm``, standing.

    The ring is centred on ``(centre_x_mm, centre_y_mm)``; its half width runs
    along X (lateral), its half depth along Y (anterior). Rings between
    stations are interpolated and smoothed, then widened round the muscles.
    """

    z_mm: float
    centre_x_mm: float
    centre_y_mm: float
    half_width_mm: float
    half_depth_mm: float


#: Stations down the leg, hip to heel.
SKIN_STATIONS: tuple[SkinStation, ...] = (
    SkinStation(z_mm=58, centre_x_mm=14, centre_y_mm=-14, half_width_mm=16, half_depth_mm=15),
    SkinStation(z_mm=52, centre_x_mm=14, centre_y_mm=-14, half_width_mm=44, half_depth_mm=42),
    SkinStation(z_mm=40, centre_x_mm=14, centre_y_mm=-14, half_width_mm=66, half_depth_mm=63),
    SkinStation(z_mm=20, centre_x_mm=14, centre_y_mm=-14, half_width_mm=80, half_depth_mm=76),
    SkinStation(z_mm=0, centre_x_mm=14, centre_y_mm=-15, half_width_mm=86, half_depth_mm=82),
    SkinStation(z_mm=-60, centre_x_mm=12, centre_y_mm=-15, half_width_mm=88, half_depth_mm=86),
    SkinStation(z_mm=-200, centre_x_mm=10, centre_y_mm=-12, half_width_mm=81, half_depth_mm=83),
    SkinStation(z_mm=-330, centre_x_mm=8, centre_y_mm=-10, half_width_mm=69, half_depth_mm=73),
    SkinStation(z_mm=-400, centre_x_mm=6, centre_y_mm=-7, half_width_mm=61, half_depth_mm=63),
    SkinStation(z_mm=-440, centre_x_mm=5, centre_y_mm=-7, half_width_mm=59, half_depth_mm=60),
    SkinStation(z_mm=-500, centre_x_mm=4, centre_y_mm=-14, half_width_mm=57, half_depth_mm=61),
    SkinStation(z_mm=-560, centre_x_mm=4, centre_y_mm=-20, half_width_mm=55, half_depth_mm=62),
    SkinStation(z_mm=-650, centre_x_mm=4, centre_y_mm=-22, half_width_mm=48, half_depth_mm=56),
    SkinStation(z_mm=-740, centre_x_mm=4, centre_y_mm=-18, half_width_mm=38, half_depth_mm=45),
    SkinStation(z_mm=-800, centre_x_mm=4, centre_y_mm=-17, half_width_mm=36, half_depth_mm=43),
    SkinStation(z_mm=-850, centre_x_mm=6, centre_y_mm=-17, half_width_mm=40, half_depth_mm=50),
    SkinStation(z_mm=-880, centre_x_mm=8, centre_y_mm=-22, half_width_mm=38, half_depth_mm=52),
    SkinStation(z_mm=-896, centre_x_mm=8, centre_y_mm=-24, half_width_mm=32, half_depth_mm=44),
    SkinStation(z_mm=-906, centre_x_mm=8, centre_y_mm=-25, half_width_mm=20, half_depth_mm=28),
    SkinStation(z_mm=-911, centre_x_mm=8, centre_y_mm=-25, half_width_mm=8, half_depth_mm=12),
)

#: Superellipse exponent of a section: a little squarer than an ellipse, like a limb.
SECTION_EXPONENT = 2.3
SKIN_MARGIN_MM = 7.0
SKIN_RING_SPACING_MM = 10.0
SKIN_AROUND = 44

#: Where each joint's blend runs, as (z where the distal segment has 0 weight, z of full weight).
BLEND_ZONES_MM: dict[str, tuple[float, float]] = {
    "hip": (20.0, -180.0),
    "knee": (ADULT.knee_centre[2] + 60.0, ADULT.knee_centre[2] - 80.0),
    "ankle": (-770.0, -865.0),
}


def skin_shape(resolution: float) -> tuple[int, int]:
    """``(n_rings, n_around)`` of the skin tube at a resolution."""
    length = SKIN_STATIONS[0].z_mm - SKIN_STATIONS[-1].z_mm
    return max(20, round(length / SKIN_RING_SPACING_MM * resolution)), max(
        12, round(SKIN_AROUND * resolution)
    )


def _unit_section(n_around: int) -> np.ndarray:
    """``(n_around, 2)`` points of a unit superellipse, clockwise from +X seen from above.

    Clockwise seen from above is counter-clockwise seen along the downward path,
    the winding ``meshes.sweep`` uses for outward faces.
    """
    angle = np.linspace(0.0, 2.0 * np.pi, n_around, endpoint=False)
    cosine, sine = np.cos(angle), np.sin(angle)
    power = 2.0 / SECTION_EXPONENT
    return np.stack(
        [np.sign(cosine) * np.abs(cosine) ** power, -np.sign(sine) * np.abs(sine) ** power], -1
    )


@lru_cache(maxsize=8)
def ring_sections(n_rings: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(ring z, ring centres, ring radii (half width, half depth))``, before the fit."""
    table = np.asarray(SKIN_STATIONS, float)  # columns in SkinStation's field order
    z = np.linspace(table[0, 0], table[-1, 0], n_rings)
    columns = [
        smooth_keeping_ends(np.interp(-z, -table[:, 0], table[:, k]), 3) for k in range(1, 5)
    ]
    centres = np.stack([columns[0], columns[1], z], -1)
    radii = np.stack(columns[2:], -1)
    for array in (z, centres, radii):
        array.setflags(write=False)
    return z, centres, radii


#: Poses the envelope is fitted in, so it holds every muscle when the joints move too.
FIT_POSES: tuple[Pose, ...] = (
    STANDING,
    Pose(knee_flexion=60),
    Pose(knee_flexion=75),
    Pose(knee_flexion=90),
    Pose(hip_flexion=60, knee_flexion=60),
    Pose(hip_flexion=90),
    Pose(hip_flexion=105),
    Pose(hip_flexion=120),
    Pose(hip_flexion=120, knee_flexion=90),
    Pose(hip_flexion=120, knee_flexion=140),
    Pose(ankle_dorsiflexion=-50),  # the tendon swings back round the heel
)


#: Rounds of the fixed point that carries a posed point back to standing (it settles in 3 or 4).
STANDING_ITERATIONS = 6


def _standing_equivalent(
    points: np.ndarray,
    guess: np.ndarray,
    z: np.ndarray,
    centres: np.ndarray,
    radii: np.ndarray,
    pose: Pose,
) -> np.ndarray:
    """Posed points carried back to standing by the skin's own blend, starting from ``guess``.

    A skin point turns with each joint by shares that depend on where it sits
    standing (its height, and front or back at the hip), so the standing place
    of a posed point is a fixed point: guess it, take the blend there, undo it,
    repeat. Starting from the muscle's own standing vertex keeps each point on
    its own segment's skin, where the nearest ring plane in a bend can belong
    to a ring across the fold.
    """
    if pose == STANDING:
        return points  # every blend is the identity
    estimate = guess.astype(float)
    for _ in range(STANDING_ITERATIONS):
        height = estimate[:, 2]
        ring = np.clip(np.searchsorted(-z, -height), 0, len(z) - 1)
        front = np.clip((estimate[:, 1] - centres[ring, 1]) / radii[ring, 1], 0.0, 1.0)
        hip = (1.0 - front) * smoothstep(height, *BLEND_ZONES_MM["hip"]) + front * smoothstep(
            height, *GROIN_BLEND_ZONE_MM
        )
        transforms = joint_chain(
            pose,
            hip=hip,
            knee=smoothstep(height, *BLEND_ZONES_MM["knee"]),
            ankle=smoothstep(height, *BLEND_ZONES_MM["ankle"]),
        )
        rotations, shifts = transforms[:, :3, :3], transforms[:, :3, 3]
        undone = np.einsum("nji,nj->ni", rotations, points - shifts)
        estimate = 0.5 * (estimate + undone)  # damped: a fold can make the plain step overshoot
    return estimate


def _nearest_ring_equivalent(points: np.ndarray, z: np.ndarray, pose: Pose) -> np.ndarray:
    """Posed points carried back into standing coordinates by their nearest skin ring's frame.

    The nearest ring is the one whose plane is near and whose axis is close
    (planes alone are ambiguous in a bend); all distances come from matrix
    products, so this stays fast for thousands of points. In a fold a point can
    lie under the other segment's skin: this finds that skin where
    ``_standing_equivalent`` finds the point's own.
    """
    transforms = _ring_transforms(z, pose)
    rotations, shifts = transforms[:, :3, :3], transforms[:, :3, 3]
    # Choosing the nearest ring needs no more than single precision, at half the cost.
    near = points.astype(np.float32)
    normals = rotations[:, :, 2].astype(np.float32)
    offsets = (np.einsum("ri,ri->r", shifts, rotations[:, :, 2]) + z).astype(np.float32)
    plane_offset = near @ normals.T - offsets[None]
    axis_points = (shifts + z[:, None] * rotations[:, :, 2]).astype(np.float32)
    squared = (near**2).sum(1)[:, None] + (axis_points**2).sum(1)[None] - 2.0 * near @ axis_points.T
    radial = np.sqrt(np.maximum(squared - plane_offset**2, 0.0))
    nearest = (np.abs(plane_offset) + 0.25 * radial).argmin(axis=1)
    return np.einsum("nji,nj->ni", rotations[nearest], points - shifts[nearest])


#: Bones the skin wraps; the hip bone's top and the forefoot lie beyond the skin's ends.
WRAPPED_BONES: tuple[str, ...] = (
    "hip_bone", "femur", "patella", "tibia", "fibula", "talus", "calcaneus",
)  # fmt: skip


def _bone_cloud(z: np.ndarray) -> np.ndarray:
    """Standing bone points within the skin's height, so no bony prominence pokes out."""
    templates = bone_templates(1.0)
    points = np.concatenate([templates[bone][0] for bone in WRAPPED_BONES]).astype(float)
    return points[(points[:, 2] <= z[1]) & (points[:, 2] >= z[-2])]


_ENVELOPED = frozenset(
    part_id for part_id, part in PART_BY_ID.items() if part.kind in ("muscle", "tendon")
)


def _enveloped_cloud(pose: Pose) -> np.ndarray:
    """Every muscle and tendon vertex in a pose: nerves, vessels and outlines lie among them."""
    swept = sweep_muscles(pose, 1.0)
    return np.concatenate(
        [points for part_id, (points, _) in swept.items() if part_id in _ENVELOPED]
    )


def _outside_the_foot(points: np.ndarray, pose: Pose, resolution: float) -> np.ndarray:
    """Which posed points the foot's skin does not hold: the leg's skin must."""
    foot = frame_transform("foot", pose)
    return ~held_by_foot_skin((points - foot[:3, 3]) @ foot[:3, :3], resolution)


def _fit_to_muscles(z, centres, radii, n_around, resolution) -> np.ndarray:
    """Per ring and angle, the factor that pushes the section out past every muscle and bone.

    What the foot's skin holds is left to it: the leg's rings would otherwise
    reach forward along the sole round the toe flexors' tendons.
    """
    clouds = []
    standing = _enveloped_cloud(STANDING)
    for pose in FIT_POSES:
        cloud = _enveloped_cloud(pose)
        keep = _outside_the_foot(cloud, pose, resolution)
        if pose == STANDING:
            clouds.append(cloud[keep])
            continue
        # Each vertex is asked of its own segment's skin and of the skin nearest to it in the
        # pose (every other vertex once sufficed, but left a belly's edge uncovered).
        cloud, guess = cloud[keep], standing[keep]
        clouds.append(_standing_equivalent(cloud, guess, z, centres, radii, pose))
        nearest = _nearest_ring_equivalent(cloud, z, pose)
        clouds.append(_standing_equivalent(cloud, nearest, z, centres, radii, pose))
    bones = _bone_cloud(z)
    points = np.concatenate([*clouds, bones[_outside_the_foot(bones, STANDING, resolution)]])
    ring = np.clip(np.searchsorted(-z, -points[:, 2]), 0, len(z) - 1)
    local = (points[:, :2] - centres[ring, :2]) / radii[ring]
    angle = np.arctan2(-local[:, 1], local[:, 0])
    bin_ = np.round(angle / (2.0 * np.pi) * n_around).astype(int) % n_around
    power = SECTION_EXPONENT
    extent = (np.abs(local[:, 0]) ** power + np.abs(local[:, 1]) ** power) ** (1.0 / power)
    extent = extent + SKIN_MARGIN_MM / radii[ring].min(axis=1)
    need = np.ones((len(z), n_around))
    np.maximum.at(need, (ring, bin_), extent)
    for axis, reach in ((0, 2), (1, 2)):
        dilated = need.copy()
        for step in range(1, reach + 1):
            for sign in (-1, 1):
                dilated = np.maximum(dilated, np.roll(need, sign * step, axis=axis))
        need = dilated
    for _ in range(2):  # soften the steps: round each closed ring, then down the leg
        need = 0.5 * need + 0.25 * (np.roll(need, 1, 1) + np.roll(need, -1, 1))
        need = smooth_keeping_ends(need, 1)
    return np.maximum(need, 1.0)


@lru_cache(maxsize=8)
def skin_template(resolution: float) -> tuple[np.ndarray, np.ndarray]:
    """Standing skin ``(points (cap, rings..., cap), ring z)``, fitted around the muscles."""
    n_rings, n_around = skin_shape(resolution)
    z, centres, radii = ring_sections(n_rings)
    section = _unit_section(n_around)
    # Fitting round every muscle in several poses and every bone is the slow part of a first
    # build: the result is kept on disk (meshes.cache).
    scale = cache.cached(
        "skin-fit",
        resolution,
        lambda: {"scale": _fit_to_muscles(z, centres, radii, n_around, resolution)},
    )["scale"]
    rings = np.empty((n_rings, n_around, 3))
    rings[:, :, :2] = centres[:, None, :2] + section[None] * radii[:, None, :] * scale[:, :, None]
    rings[:, :, 2] = z[:, None]
    points = np.concatenate([centres[:1], rings.reshape(-1, 3), centres[-1:]])
    points.setflags(write=False)
    return points, z


#: Where the front of the hip folds: the groin bends over a short zone, the buttock over a long one.
GROIN_BLEND_ZONE_MM = (20.0, -70.0)


def _hip_weights(z: np.ndarray, n_around: int) -> np.ndarray:
    """``(n_rings, n_around)`` share of the hip's angle each skin point turns by.

    A ring turning as a whole would sweep its front into the thigh when the hip
    bends far, folding the groin's skin inside out across the hamstrings; the
    front of each ring follows the thigh sooner instead, as the groin creases.
    """
    front = np.clip(_unit_section(n_around)[:, 1], 0.0, 1.0)[None]  # 1 at the front, 0 at the back
    back = smoothstep(z, *BLEND_ZONES_MM["hip"])[:, None]
    groin = smoothstep(z, *GROIN_BLEND_ZONE_MM)[:, None]
    return (1.0 - front) * back + front * groin


def _vertex_transforms(z: np.ndarray, n_around: int, pose: Pose) -> np.ndarray:
    """``(n_rings, n_around, 4, 4)``: each skin point's transform (the hip's share per point)."""
    hip = _hip_weights(z, n_around)
    others = {
        joint: np.broadcast_to(smoothstep(z, *zone)[:, None], hip.shape).ravel()
        for joint, zone in BLEND_ZONES_MM.items()
        if joint != "hip"
    }
    return joint_chain(pose, hip=hip.ravel(), **others).reshape(*hip.shape, 4, 4)


def _ring_transforms(z: np.ndarray, pose: Pose) -> np.ndarray:
    """Each ring's transform: its own fraction of every joint, from the blend zones."""
    return joint_chain(
        pose, **{joint: smoothstep(z, *zone) for joint, zone in BLEND_ZONES_MM.items()}
    )


#: Standing z of the skin ring that turns by half the knee angle: the plane of the knee crease.
KNEE_CREASE_Z_MM = 0.5 * sum(BLEND_ZONES_MM["knee"])
#: Standing z of the front skin that turns by half the hip angle: the plane of the groin crease.
GROIN_CREASE_Z_MM = 0.5 * sum(GROIN_BLEND_ZONE_MM)


def _crease_plane(joint: str, crease_z: float, pose: Pose) -> np.ndarray:
    """The joint's bisecting plane as a frame: half the joint's turn, origin at ``crease_z``."""
    plane = np.array(blended_transforms(joint, np.array([0.5]), pose)[0])
    plane[:3, 3] = plane[:3, :3] @ np.array([0.0, 0.0, crease_z]) + plane[:3, 3]
    return plane


def _creases(
    posed: np.ndarray, z: np.ndarray, pose: Pose, muscle_points: np.ndarray | None
) -> np.ndarray:
    """Thigh and calf skin meet behind the bent knee, thigh and groin in front of the bent hip.

    Behind the hip the skin stretches over the bend instead (the buttock), so
    the groin's crease is only where the bisecting plane lies in front of the
    hip's axis.
    """
    if pose.knee_flexion > 0.0:
        side = np.where(z > KNEE_CREASE_Z_MM, 1.0, -1.0)[:, None]
        plane = _crease_plane("knee", KNEE_CREASE_Z_MM, pose)
        posed = press_to_plane(posed, np.broadcast_to(side, posed.shape[:2]), plane, muscle_points)
    if pose.hip_flexion > 0.0:
        rows = z > BLEND_ZONES_MM["hip"][1]  # below, the thigh is far from the groin
        side = np.where(z[rows] > GROIN_CREASE_Z_MM, 1.0, -1.0)[:, None]
        plane = _crease_plane("hip", GROIN_CREASE_Z_MM, pose)
        front = (posed[rows] - plane[:3, 3]) @ plane[:3, 1] > 0.0
        posed = posed.copy()
        posed[rows] = press_to_plane(
            posed[rows], np.broadcast_to(side, front.shape), plane, muscle_points, front
        )
    return posed


def skin_points(
    pose: Pose, resolution: float, muscle_points: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Points and outward normals of the skin in a pose; ``muscle_points`` shape the creases."""
    template, z = skin_template(resolution)
    n_rings, n_around = skin_shape(resolution)
    transforms = _ring_transforms(z, pose)
    rings = template[1:-1].reshape(n_rings, n_around, 3)
    posed = np.einsum("rij,raj->rai", transforms[:, :3, :3], rings) + transforms[:, None, :3, 3]
    top, bottom = BLEND_ZONES_MM["hip"]
    groin = (z < top) & (z > bottom)  # rings whose front and back turn by different shares
    if pose.hip_flexion != 0.0:
        per_point = _vertex_transforms(z[groin], n_around, pose)
        posed[groin] = (
            np.einsum("raij,raj->rai", per_point[..., :3, :3], rings[groin]) + per_point[..., :3, 3]
        )
    posed = _creases(posed, z, pose, muscle_points)
    caps = np.stack([transforms[0, :3, :3] @ template[0] + transforms[0, :3, 3],
                     transforms[-1, :3, :3] @ template[-1] + transforms[-1, :3, 3]])  # fmt: skip
    points = np.concatenate([caps[:1], posed.reshape(-1, 3), caps[1:]])
    return points, tube_normals(points, n_rings, n_around)
