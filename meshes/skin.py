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

import numpy as np

from meshes.anthropometry import ADULT
from meshes.frames import X_AXIS, blended_transforms, rotations_about
from meshes.muscles import sweep_muscles
from meshes.pose import STANDING, Pose
from meshes.sweep import tube_normals

#: Stations down the leg: (z, centre x, centre y, half width x, half depth y), mm, standing.
SKIN_STATIONS: tuple[tuple[float, float, float, float, float], ...] = (
    (58, 14, -14, 16, 15),
    (52, 14, -14, 44, 42),
    (40, 14, -14, 66, 63),
    (20, 14, -14, 80, 76),
    (0, 14, -15, 86, 82),
    (-60, 12, -15, 88, 86),
    (-200, 10, -12, 81, 83),
    (-330, 8, -10, 69, 73),
    (-400, 6, -7, 61, 63),
    (-440, 5, -7, 59, 60),
    (-500, 4, -14, 57, 61),
    (-560, 4, -20, 55, 62),
    (-650, 4, -22, 48, 56),
    (-740, 4, -18, 38, 45),
    (-800, 4, -17, 36, 43),
    (-850, 6, -17, 40, 50),
    (-880, 8, -22, 38, 52),
    (-896, 8, -24, 32, 44),
    (-906, 8, -25, 20, 28),
    (-911, 8, -25, 8, 12),
)

#: Superellipse exponent of a section: a little squarer than an ellipse, like a limb.
SECTION_EXPONENT = 2.3
SKIN_MARGIN_MM = 5.0
SKIN_RING_SPACING_MM = 10.0
SKIN_AROUND = 44

#: Where each joint's blend runs, as (z where the distal segment has 0 weight, z of full weight).
BLEND_ZONES_MM: dict[str, tuple[float, float]] = {
    "hip": (20.0, -180.0),
    "knee": (ADULT.knee_centre[2] + 60.0, ADULT.knee_centre[2] - 80.0),
    "ankle": (-770.0, -865.0),
}


def _smoothstep(z: np.ndarray, start: float, end: float) -> np.ndarray:
    t = np.clip((z - start) / (end - start), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def skin_shape(resolution: float) -> tuple[int, int]:
    """``(n_rings, n_around)`` of the skin tube at a resolution."""
    length = SKIN_STATIONS[0][0] - SKIN_STATIONS[-1][0]
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


def _ring_sections(n_rings: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    table = np.asarray(SKIN_STATIONS, float)
    z = np.linspace(table[0, 0], table[-1, 0], n_rings)
    columns = [np.interp(-z, -table[:, 0], table[:, k]) for k in range(1, 5)]
    for column in columns:
        for _ in range(3):
            column[1:-1] = 0.25 * column[:-2] + 0.5 * column[1:-1] + 0.25 * column[2:]
    centres = np.stack([columns[0], columns[1], z], -1)
    return z, centres, np.stack(columns[2:], -1)


#: Poses the envelope is fitted in, so it holds every muscle when the joints move too.
FIT_POSES: tuple[Pose, ...] = (
    STANDING,
    Pose(knee_flexion=60),
    Pose(knee_flexion=90),
    Pose(hip_flexion=60, knee_flexion=60),
)


def _standing_equivalent(points: np.ndarray, z: np.ndarray, pose: Pose) -> np.ndarray:
    """Posed points carried back into standing coordinates by their nearest skin ring's frame.

    The nearest ring is the one whose plane is near and whose axis is close
    (planes alone are ambiguous in a bend); all distances come from matrix
    products, so this stays fast for thousands of points.
    """
    if pose == STANDING:
        return points  # every ring's frame is the identity
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


def _fit_to_muscles(z, centres, radii, n_around) -> np.ndarray:
    """Per ring and angle, the factor that pushes the section out past every muscle."""
    clouds = []
    for pose in FIT_POSES:
        cloud = np.concatenate([points for points, _ in sweep_muscles(pose, 1.0).values()])
        # Bent poses only widen the envelope where the joints fold; every other vertex is
        # dense enough for that (the bins below are dilated), at half the cost.
        clouds.append(_standing_equivalent(cloud if pose == STANDING else cloud[::2], z, pose))
    points = np.concatenate(clouds)
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
    for _ in range(2):
        need = 0.5 * need + 0.25 * (np.roll(need, 1, 1) + np.roll(need, -1, 1))
        need[1:-1] = 0.5 * need[1:-1] + 0.25 * (need[:-2] + need[2:])
    return np.maximum(need, 1.0)


@lru_cache(maxsize=8)
def skin_template(resolution: float) -> tuple[np.ndarray, np.ndarray]:
    """Standing skin ``(points (cap, rings..., cap), ring z)``, fitted around the muscles."""
    n_rings, n_around = skin_shape(resolution)
    z, centres, radii = _ring_sections(n_rings)
    section = _unit_section(n_around)
    scale = _fit_to_muscles(z, centres, radii, n_around)
    rings = np.empty((n_rings, n_around, 3))
    rings[:, :, :2] = centres[:, None, :2] + section[None] * radii[:, None, :] * scale[:, :, None]
    rings[:, :, 2] = z[:, None]
    points = np.concatenate([centres[:1], rings.reshape(-1, 3), centres[-1:]])
    points.setflags(write=False)
    z.setflags(write=False)
    return points, z


def _ring_transforms(z: np.ndarray, pose: Pose) -> np.ndarray:
    weights = {joint: _smoothstep(z, *zone) for joint, zone in BLEND_ZONES_MM.items()}
    hip = rotations_about(X_AXIS, np.zeros(3), weights["hip"] * pose.hip_flexion)
    knee = rotations_about(X_AXIS, ADULT.knee_centre, -weights["knee"] * pose.knee_flexion)
    ankle = rotations_about(
        ADULT.ankle_axis, ADULT.ankle_centre, weights["ankle"] * pose.ankle_dorsiflexion
    )
    return hip @ knee @ ankle


#: Standing z of the skin ring that turns by half the knee angle: the plane of the knee crease.
KNEE_CREASE_Z_MM = 0.5 * sum(BLEND_ZONES_MM["knee"])
#: Half the gap kept between the thigh's and the calf's skin where they press together.
CREASE_HALF_GAP_MM = 1.0


def _crease_at_knee(posed: np.ndarray, z: np.ndarray, pose: Pose) -> np.ndarray:
    """Keep thigh skin above and calf skin below the knee's bisecting plane.

    In deep flexion the calf and the back of the thigh press together; without
    this the calf rings would pass through the thigh's. Points on the wrong
    side are moved onto the plane, which makes a crease behind the knee.
    """
    if pose.knee_flexion <= 0.0:
        return posed
    half = blended_transforms("knee", np.array([0.5]), pose)[0]
    normal = half[:3, 2]
    origin = half[:3, :3] @ np.array([0.0, 0.0, KNEE_CREASE_Z_MM]) + half[:3, 3]
    side = np.where(z > KNEE_CREASE_Z_MM, 1.0, -1.0)[:, None]
    overshoot = np.minimum(side * ((posed - origin) @ normal) - CREASE_HALF_GAP_MM, 0.0)
    return posed - (side * overshoot)[:, :, None] * normal


def skin_points(pose: Pose, resolution: float) -> tuple[np.ndarray, np.ndarray]:
    """Points and outward normals of the skin in a pose."""
    template, z = skin_template(resolution)
    n_rings, n_around = skin_shape(resolution)
    transforms = _ring_transforms(z, pose)
    rings = template[1:-1].reshape(n_rings, n_around, 3)
    posed = np.einsum("rij,raj->rai", transforms[:, :3, :3], rings) + transforms[:, None, :3, 3]
    posed = _crease_at_knee(posed, z, pose)
    caps = np.stack([transforms[0, :3, :3] @ template[0] + transforms[0, :3, 3],
                     transforms[-1, :3, :3] @ template[-1] + transforms[-1, :3, 3]])  # fmt: skip
    points = np.concatenate([caps[:1], posed.reshape(-1, 3), caps[1:]])
    return points, tube_normals(points, n_rings, n_around)
