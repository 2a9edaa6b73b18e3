"""Swept parts kept out of the bones round a deeply bent knee: the drawn surface only.

The knee here is a hinge without the femur's roll-back, so past about 110
degrees the back of the tibial head swings up behind the femoral condyles,
into the popliteal fossa, and lines of action that are right in length pass
through it (and points fixed behind the tibia end up in the femur). The lines
of action keep their course; any ring of a swept part that would lie inside
the tibia, fibula or femur is moved out along the bone's outward normal, with
a millimetre to spare, and its neighbours follow smoothly.

The bones round the knee are sampled once, in their own frames, as
signed-distance grids (cached on disk beside the bones), so a re-pose only
looks a few thousand ring points up in numpy, and only in deep flexion.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

import numpy as np

from meshes import cache
from meshes.anthropometry import ADULT
from meshes.frames import frame_transform
from meshes.pose import Pose
from meshes.sweep import smooth_keeping_ends, smoothstep

#: Below this knee flexion no swept part reaches into a bone (the tests check a grid of poses);
#: the clearance kept grows from -3 mm (nothing moves) there to its full value at the second.
FROM_KNEE_FLEXION_DEG = 100.0
FULL_KNEE_FLEXION_DEG = 120.0
CLEARANCE_MM = 1.5
#: A pushed ring goes this much further, so one pass nearly always settles it.
OVERSHOOT_MM = 1.0
GRID_STEP_MM = 3.0
PASSES = 6
#: Rings further than this from the knee centre (mm) never reach the sampled bones.
REACH_MM = 130.0

#: Bones sampled, by the segment frame that carries them, and the box (standing mm) round
#: the knee where they are sampled: the tibial head with the fibular head, the condyles.
REGIONS: dict[str, tuple[tuple[str, ...], tuple[tuple[float, float], ...]]] = {
    "shank": (("tibia", "fibula"), ((-50.0, 60.0), (-60.0, 45.0), (-545.0, -415.0))),
    "thigh": (("femur",), ((-50.0, 55.0), (-45.0, 40.0), (-470.0, -330.0))),
}


class DistanceGrid(NamedTuple):
    """Signed distance (mm, negative inside) to a segment's bones on a regular grid."""

    origin: np.ndarray
    shape: tuple[int, int, int]
    distance: np.ndarray  # (nx, ny, nz)
    gradient: np.ndarray  # (nx, ny, nz, 3), outward


def _grid_axes(box: tuple[tuple[float, float], ...]) -> list[np.ndarray]:
    return [np.arange(low, high + GRID_STEP_MM, GRID_STEP_MM) for low, high in box]


@lru_cache(maxsize=4)
def distance_grids(resolution: float) -> dict[str, DistanceGrid]:
    """The signed-distance grid of each region's bones, from the disk cache when it can."""

    def compute() -> dict[str, np.ndarray]:
        # Imported here: lengths (``meshes.muscles``) must load without VTK, and only a deeply
        # bent knee ever needs the bones sampled.
        import pyvista as pv  # noqa: PLC0415

        from meshes.bones import bone_templates  # noqa: PLC0415

        templates = bone_templates(resolution)
        arrays = {}
        for frame, (bones, box) in REGIONS.items():
            surface = pv.merge(
                [pv.PolyData.from_regular_faces(*templates[bone][::2]) for bone in bones]
            )
            axes = _grid_axes(box)
            points = np.stack(np.meshgrid(*axes, indexing="ij"), -1).reshape(-1, 3)
            probe = pv.PolyData(points).compute_implicit_distance(surface)
            arrays[frame] = np.asarray(probe["implicit_distance"], float).reshape(
                [len(axis) for axis in axes]
            )
        return arrays

    grids = {}
    for frame, values in cache.cached("bone_clearance", resolution, compute).items():
        axes = _grid_axes(REGIONS[frame][1])
        gradient = np.stack(np.gradient(values, GRID_STEP_MM), -1)
        gradient /= np.maximum(np.linalg.norm(gradient, axis=-1, keepdims=True), 1e-9)
        origin = np.array([axis[0] for axis in axes])
        grids[frame] = DistanceGrid(origin, values.shape, values, gradient)
    return grids


def _sample(grid: DistanceGrid, local: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Trilinear signed distance and nearest-cell outward direction at local points.

    Points outside the grid are far from the bones: distance +inf.
    """
    cell = (local - grid.origin) / GRID_STEP_MM
    inside = np.all((cell >= 0.0) & (cell < np.array(grid.shape) - 1), axis=1)
    distance = np.full(len(local), np.inf)
    direction = np.zeros((len(local), 3))
    if not inside.any():
        return distance, direction
    cell = cell[inside]
    base = cell.astype(int)
    tx, ty, tz = (cell - base).T
    _, ny, nz = grid.shape
    flat = grid.distance.ravel()
    index = (base[:, 0] * ny + base[:, 1]) * nz + base[:, 2]
    sx, sy = ny * nz, nz
    c00 = flat[index] * (1 - tx) + flat[index + sx] * tx
    c10 = flat[index + sy] * (1 - tx) + flat[index + sx + sy] * tx
    c01 = flat[index + 1] * (1 - tx) + flat[index + sx + 1] * tx
    c11 = flat[index + sy + 1] * (1 - tx) + flat[index + sx + sy + 1] * tx
    distance[inside] = (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz
    nearest = np.rint(cell).astype(int)
    direction[inside] = grid.gradient[nearest[:, 0], nearest[:, 1], nearest[:, 2]]
    return distance, direction


def clear_bones(
    rings: np.ndarray, starts: tuple[int, ...], pose: Pose, resolution: float
) -> np.ndarray:
    """``rings`` ``(n, around, 3)`` moved so none lies inside a bone; unchanged when straight.

    ``starts`` are the first ring of each tube (and the total), so a push is
    smoothed along one tube and never leaks into the next.
    """
    if pose.knee_flexion < FROM_KNEE_FLEXION_DEG:
        return rings
    grids = distance_grids(resolution)
    knee = (
        frame_transform("thigh", pose)[:3, :3] @ ADULT.knee_centre
        + frame_transform("thigh", pose)[:3, 3]
    )
    near = np.flatnonzero(np.linalg.norm(rings - knee, axis=2).min(axis=1) < REACH_MM)
    if not len(near):
        return rings
    result = rings.copy()
    # Only rings near the knee take part; a tube's rings stay contiguous in ``near``.
    subset = result[near]
    local_starts = np.searchsorted(near, starts)
    ramp = float(
        smoothstep(np.array(pose.knee_flexion), FROM_KNEE_FLEXION_DEG, FULL_KNEE_FLEXION_DEG)
    )
    clearance = -3.0 + (CLEARANCE_MM + 3.0) * ramp
    starts = tuple(int(k) for k in local_starts)
    result[near] = _clear(subset, starts, pose, grids, clearance, OVERSHOOT_MM * ramp)
    return result


def _clear(
    rings: np.ndarray,
    starts: tuple[int, ...],
    pose: Pose,
    grids: dict[str, DistanceGrid],
    clearance_mm: float,
    overshoot_mm: float,
) -> np.ndarray:
    """Rings pushed out of the bones until each keeps ``clearance_mm`` (a few passes)."""
    n_rings, n_around, _ = rings.shape
    active = np.arange(n_rings)  # after the first pass, only the rings just pushed
    for _ in range(PASSES):
        pushes = np.zeros((n_rings, 3))
        centres = rings[active].mean(axis=1)
        radii = np.linalg.norm(rings[active] - centres[:, None], axis=2).max(axis=1)
        for frame, grid in grids.items():
            transform = frame_transform(frame, pose)
            rotation, shift = transform[:3, :3], transform[:3, 3]
            # A distance field changes by at most 1 mm per mm: a ring whose centre is further
            # from the bone than its radius (and the clearance) cannot touch it.
            reach = _sample(grid, (centres - shift) @ rotation)[0] - radii
            close = active[reach < clearance_mm]
            if not len(close):
                continue
            local = (rings[close].reshape(-1, 3) - shift) @ rotation
            distance, direction = _sample(grid, local)
            distance = distance.reshape(len(close), n_around)
            deepest = np.argmin(distance, axis=1)
            depth = clearance_mm - distance[np.arange(len(close)), deepest]
            hit = depth > 0.0
            if not hit.any():
                continue
            depth += overshoot_mm
            outward = direction.reshape(len(close), n_around, 3)[np.flatnonzero(hit), deepest[hit]]
            pushes[close[hit]] += (depth[hit, None] * outward) @ rotation.T
        if not pushes.any():
            break
        for start, end in pairwise(starts):
            if pushes[start:end].any():
                smoothed = smooth_keeping_ends(pushes[start:end], 2)
                # Never less than the ring itself needs: the smoothing only spreads a push.
                keep = np.linalg.norm(pushes[start:end], axis=1) > np.linalg.norm(smoothed, axis=1)
                smoothed[keep] = pushes[start:end][keep]
                pushes[start:end] = smoothed
        rings += pushes[:, None, :]
        active = np.flatnonzero(pushes.any(axis=1))  # a ring found clear stays clear
    return rings
