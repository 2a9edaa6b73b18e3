"""Where the foot's skin enters the leg's: the part of the foot's tube inside the leg's folds away.

The foot's closed tube begins inside the leg's at the ankle, so together they
leave no gap. Drawn see-through, though, the foot's tube shows through the
leg's skin there as a second, darker layer. Each line of the foot's tube (one
angle, from the back ring to the toes) is therefore cut where it leaves the
leg's skin: every ring behind the cut moves onto the cut point, so those
triangles have no area and nothing is drawn inside the leg. The cut lies a
hair inside the leg's skin, so the two surfaces still meet.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from meshes.anthropometry import ADULT
from meshes.foot_skin import foot_skin_points, foot_skin_shape, foot_skin_template
from meshes.frames import frame_transform, rotations_about
from meshes.pose import Pose
from meshes.skin import (
    BLEND_ZONES_MM,
    STANDING_ITERATIONS,
    ring_sections,
    skin_shape,
    skin_template,
)
from meshes.sweep import smoothstep, tube_normals

#: How far inside the leg's skin each line of the foot's tube stops.
JUNCTION_DEPTH_MM = 1.0
#: Foot rings behind this standing Y may lie inside the leg's skin; the rest never do.
JUNCTION_REACH_Y_MM = 60.0
#: Angular samples of each leg ring's outline, for reading its radius in any direction.
OUTLINE_SAMPLES = 180


@lru_cache(maxsize=8)
def _ring_outlines(resolution: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(ring z, centres (x, y), radius per ring and sampled direction)`` of the standing leg."""
    n_rings, n_around = skin_shape(resolution)
    points, z = skin_template(resolution)
    rings = points[1:-1].reshape(n_rings, n_around, 3)
    centres = ring_sections(n_rings)[1][:, :2]
    local = rings[:, :, :2] - centres[:, None]
    angle = np.arctan2(local[..., 1], local[..., 0])
    radius = np.linalg.norm(local, axis=-1)
    samples = np.linspace(-np.pi, np.pi, OUTLINE_SAMPLES, endpoint=False)
    outlines = np.empty((n_rings, OUTLINE_SAMPLES))
    for index in range(n_rings):
        order = np.argsort(angle[index])
        outlines[index] = np.interp(
            samples, angle[index, order], radius[index, order], period=2.0 * np.pi
        )
    return z, centres, outlines


def depth_in_leg_skin(points: np.ndarray, resolution: float) -> np.ndarray:
    """How far standing points lie inside the leg's skin (mm; negative outside), ring by ring.

    Read between the two rings at each point's height and between the outline
    samples on either side of its direction; the ends of the tube count as
    outside.
    """
    z, centres, outlines = _ring_outlines(resolution)
    place = np.interp(-points[:, 2], -z, np.arange(len(z)), left=-1.0, right=len(z))
    ring = np.clip(np.floor(place).astype(int), 0, len(z) - 2)
    along = np.clip(place - ring, 0.0, 1.0)
    centre = centres[ring] * (1.0 - along[:, None]) + centres[ring + 1] * along[:, None]
    local = points[:, :2] - centre
    turn = (np.arctan2(local[:, 1], local[:, 0]) + np.pi) / (2.0 * np.pi) * OUTLINE_SAMPLES
    sample = np.floor(turn).astype(int) % OUTLINE_SAMPLES
    share = turn - np.floor(turn)
    following = (sample + 1) % OUTLINE_SAMPLES

    def radius(index: np.ndarray) -> np.ndarray:
        return outlines[index, sample] * (1.0 - share) + outlines[index, following] * share

    skin = radius(ring) * (1.0 - along) + radius(ring + 1) * along
    depth = skin - np.linalg.norm(local, axis=1)
    return np.where((place > 0.0) & (place < len(z) - 1), depth, -np.inf)


def _standing_at_the_ankle(points: np.ndarray, guess: np.ndarray, ankle_deg: float) -> np.ndarray:
    """Points near the ankle, in the shank's frame, carried back to standing by the leg's skin.

    Below the knee's blend the leg's rings ride the shank and turn by their own
    share of the ankle's angle, which depends on their standing height: a
    fixed point, like ``meshes.skin``'s (damped, from the foot's own standing
    place as the guess).
    """
    estimate = guess.astype(float)
    for _ in range(STANDING_ITERATIONS):
        share = smoothstep(estimate[:, 2], *BLEND_ZONES_MM["ankle"])
        undo = rotations_about(ADULT.ankle_axis, ADULT.ankle_centre, -share * ankle_deg)
        undone = np.einsum("nij,nj->ni", undo[:, :3, :3], points) + undo[:, :3, 3]
        estimate = 0.5 * (estimate + undone)
    return estimate


@lru_cache(maxsize=64)
def _cuts(ankle_deg: float, resolution: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(lines, rings cut on each, cut points in the shank's frame)`` at an ankle angle.

    Below the knee both tubes ride the shank, so where the foot's enters the
    leg's depends on the ankle alone: worked out once per angle.
    """
    n_rings, n_around = foot_skin_shape(resolution)
    template = foot_skin_template(resolution)[1:-1].reshape(n_rings, n_around, 3)
    near = int(np.searchsorted(template[:, 0, 1], JUNCTION_REACH_Y_MM)) + 1
    foot = frame_transform("foot", Pose(ankle_dorsiflexion=ankle_deg))  # the shank's frame
    rings = template[: near + 1] @ foot[:3, :3].T + foot[:3, 3]
    guess = template[:near].reshape(-1, 3)
    standing = _standing_at_the_ankle(rings[:near].reshape(-1, 3), guess, ankle_deg)
    depth = (depth_in_leg_skin(standing, resolution) - JUNCTION_DEPTH_MM).reshape(near, n_around)
    # A line is cut after its run of rings inside the leg from the back; the ring after the run
    # lies outside (the toes never lie inside the leg).
    inside = np.concatenate([depth > 0.0, np.zeros((1, n_around), bool)])
    run = np.argmin(inside, axis=0)
    lines = np.flatnonzero(run > 0)
    run = run[lines]
    depth_in = depth[run - 1, lines]
    depth_out = np.where(run < near, depth[np.minimum(run, near - 1), lines], -1.0)
    share = (depth_in / np.maximum(depth_in - depth_out, 1e-9))[:, None]
    cuts = rings[run - 1, lines] + share * (rings[run, lines] - rings[run - 1, lines])
    for array in (lines, run, cuts):
        array.setflags(write=False)
    return lines, run, cuts


def joined_foot_skin_points(pose: Pose, resolution: float) -> tuple[np.ndarray, np.ndarray]:
    """Points and normals of the foot's skin with its part inside the leg's folded away."""
    points, normals = foot_skin_points(pose, resolution)
    lines, run, cuts = _cuts(pose.ankle_dorsiflexion, resolution)
    if not len(lines):
        return points, normals
    n_rings, n_around = foot_skin_shape(resolution)
    shank = frame_transform("shank", pose)
    cuts = cuts @ shank[:3, :3].T + shank[:3, 3]
    rings = points[1:-1].reshape(n_rings, n_around, 3)
    behind = (np.arange(n_rings)[:, None] < run[None])[..., None]
    rings[:, lines] = np.where(behind, cuts[None], rings[:, lines])
    if len(lines) == n_around:  # the back end lies wholly inside the leg: its cap closes the cut
        points[0] = cuts.mean(axis=0)
    normals = tube_normals(points, n_rings, n_around)
    grid = normals[1:-1].reshape(n_rings, n_around, 3)
    # Rings folded onto a cut point take the normal of the cut, where the surface goes on.
    grid[:, lines] = np.where(behind, grid[run - 1, lines][None], grid[:, lines])
    return points, normals
