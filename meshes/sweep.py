"""Closed tubes swept along a centreline: the surface builder of the muscles, tendon and skin.

A tube is ``n_rings`` elliptical rings of ``n_around`` points plus one cap point
at each end, so its topology depends only on ``(n_rings, n_around)``. That is
what lets a re-pose copy new points into an existing actor: the faces are
cached per shape and never change, and everything else is numpy on whole
arrays (no per-vertex Python loops).

Orientation: ring points go counter-clockwise seen from the end the centreline
points to, so ``d(point)/d(angle) x d(point)/d(path)`` is the outward normal and
every triangle below is wound outward.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

X_AXIS = np.array([1.0, 0.0, 0.0])


@lru_cache(maxsize=64)
def tube_triangles(n_rings: int, n_around: int) -> np.ndarray:
    """Outward-wound triangles ``(k, 3)`` of a capped tube; point 0 and the last are the caps."""
    ring = np.arange(n_rings - 1)[:, None] * n_around + 1
    around = np.arange(n_around)[None, :]
    p00 = ring + around
    p01 = ring + (around + 1) % n_around
    p10 = p00 + n_around
    p11 = p01 + n_around
    sides = np.concatenate(
        [np.stack([p00, p01, p11], -1).reshape(-1, 3), np.stack([p00, p11, p10], -1).reshape(-1, 3)]
    )
    first = 1 + np.arange(n_around)
    last = 1 + (n_rings - 1) * n_around + np.arange(n_around)
    end = n_rings * n_around + 1
    start_cap = np.stack([np.zeros(n_around, int), np.roll(first, -1), first], -1)
    end_cap = np.stack([np.full(n_around, end), last, np.roll(last, -1)], -1)
    triangles = np.concatenate([start_cap, sides, end_cap]).astype(np.int64)
    triangles.setflags(write=False)
    return triangles


@lru_cache(maxsize=64)
def tube_faces(n_rings: int, n_around: int) -> np.ndarray:
    """The same triangles in VTK's flat ``[3, a, b, c, ...]`` layout."""
    triangles = tube_triangles(n_rings, n_around)
    faces = np.hstack([np.full((len(triangles), 1), 3), triangles]).ravel()
    faces.setflags(write=False)
    return faces


def _unit(vectors: np.ndarray) -> np.ndarray:
    length = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.maximum(length, 1e-12)


def resample_path(
    control_points: np.ndarray,
    n_points: int,
    smoothing_passes: int = 6,
    fractions: np.ndarray | None = None,
) -> np.ndarray:
    """Smoothed points along a polyline at arc-length ``fractions``, ends kept in place.

    ``fractions`` (0..1, increasing) default to even spacing. Smoothing rounds
    the corners at via points, the way a muscle bends around them, without
    moving its attachments.
    """
    control_points = np.asarray(control_points, dtype=float)
    chord = np.sqrt((np.diff(control_points, axis=0) ** 2).sum(axis=1))
    distance = np.concatenate([[0.0], np.cumsum(chord)])
    if fractions is None:
        fractions = np.linspace(0.0, 1.0, n_points)
    targets = fractions * distance[-1]
    points = np.stack([np.interp(targets, distance, control_points[:, k]) for k in range(3)], -1)
    return smooth_keeping_ends(points, smoothing_passes)


def cut_polyline(points: np.ndarray, length_mm: float) -> np.ndarray:
    """The first ``length_mm`` of a polyline (its points up to there, then the cut point).

    ``length_mm`` is clipped to the polyline's own length. A vertex closer
    than a micrometre to the cut is dropped, so no zero-length segment is left.

    Example
    -------
    >>> cut_polyline(np.array([[0.0, 0, 0], [0, 0, -10], [0, 0, -30]]), 15.0)[:, 2].tolist()
    [0.0, -10.0, -15.0]
    """
    points = np.asarray(points, dtype=float)
    distance = np.concatenate([[0.0], np.cumsum(np.linalg.norm(np.diff(points, axis=0), axis=1))])
    length_mm = float(np.clip(length_mm, 0.0, distance[-1]))
    keep = int(np.searchsorted(distance, length_mm - 1e-3))
    cut = [np.interp(length_mm, distance, points[:, k]) for k in range(3)]
    return np.concatenate([points[: max(keep, 1)], [cut]])


def smooth_keeping_ends(samples: np.ndarray, passes: int) -> np.ndarray:
    """``samples`` smoothed along their first axis by ``passes`` of a 1-2-1 filter, ends held.

    The one smoothing step of every sampled curve in the model: centrelines,
    muscle and skin section tables, bone shafts. Holding the ends keeps
    attachments and end sections where the tables put them. Returns a new array.

    Example
    -------
    >>> smooth_keeping_ends(np.array([0.0, 0.0, 4.0, 0.0, 0.0]), 1).tolist()
    [0.0, 1.0, 2.0, 1.0, 0.0]
    """
    index = np.arange(len(samples))
    previous, following = np.maximum(index - 1, 0), np.minimum(index + 1, len(samples) - 1)
    return smooth_with_neighbours(samples, previous, following, passes)


def smooth_with_neighbours(
    samples: np.ndarray, previous: np.ndarray, following: np.ndarray, passes: int
) -> np.ndarray:
    """``smooth_keeping_ends`` for samples whose neighbours are given by index.

    Several curves stacked in one array (a batch of tubes) are smoothed in one
    pass per step: a sample that is its own neighbour is an end and stays put,
    and no curve borrows from the next, so the result equals smoothing each
    curve on its own. Returns a new array.
    """
    samples = np.array(samples, dtype=float)
    index = np.arange(len(samples))
    ends = (previous == index) | (following == index)
    for _ in range(passes):
        smoothed = 0.25 * samples[previous] + 0.5 * samples + 0.25 * samples[following]
        smoothed[ends] = samples[ends]
        samples = smoothed
    return samples


def smoothstep(values: np.ndarray, start: float = 0.0, end: float = 1.0) -> np.ndarray:
    """0 at ``start``, 1 at ``end``, an S-curve between with zero slope at both.

    Used wherever a quantity fades in over a range (a joint's weight down the
    skin, a muscle's border tilt), so it starts and stops without a kink.

    Example
    -------
    >>> smoothstep(np.array([-1.0, 0.5, 2.0])).tolist()
    [0.0, 0.5, 1.0]
    """
    t = np.clip((values - start) / (end - start), 0.0, 1.0)
    return t * t * (3.0 - 2.0 * t)


def tube_normals(points: np.ndarray, n_rings: int, n_around: int) -> np.ndarray:
    """Smooth outward point normals of a tube from its ring grid (no scatter-add)."""
    grid = points[1:-1].reshape(n_rings, n_around, 3)
    along_angle = np.roll(grid, -1, axis=1) - np.roll(grid, 1, axis=1)
    along_path = np.gradient(grid, axis=0)
    normals = _unit(np.cross(along_angle, along_path))
    start = _unit(points[0] - points[1 + n_around])
    end = _unit(points[-1] - points[-2 - n_around])
    return np.concatenate([start[None], normals.reshape(-1, 3), end[None]])


def _cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cross product of ``(..., 3)`` arrays without ``np.cross``'s overhead."""
    out = np.empty(np.broadcast_shapes(a.shape, b.shape))
    out[..., 0] = a[..., 1] * b[..., 2] - a[..., 2] * b[..., 1]
    out[..., 1] = a[..., 2] * b[..., 0] - a[..., 0] * b[..., 2]
    out[..., 2] = a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    return out


def batched_tubes(
    centres: np.ndarray,
    half_widths: np.ndarray,
    half_depths: np.ndarray,
    depth_offsets: np.ndarray,
    n_around: int,
    previous: np.ndarray,
    following: np.ndarray,
    tilts: np.ndarray | None = None,
    width_references: np.ndarray | None = None,
    width_offsets: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Ring points and outward normals ``(rings, n_around, 3)`` of many tubes in one pass.

    The tubes' rings are stacked; ``previous``/``following`` give each ring's
    neighbour along its own tube (itself at the ends), so tangents and normals
    never mix two tubes. Width lies along X made perpendicular to the path.
    ``tilts`` (per ring) slide each ring point back along the path in
    proportion to its lateral offset, so a ring's lateral side rides higher
    (an oblique border, like the soleus's). ``width_references`` (per ring)
    replace X as the direction the width follows: a belly that arises along a
    line of bone lays its first rings along that line. ``width_offsets`` (per
    ring) move each ring along its width axis, as ``depth_offsets`` do along depth.
    """
    tangents = _unit(centres[following] - centres[previous])
    reference = X_AXIS[None, :] if width_references is None else width_references
    width_axis = _unit(reference - np.sum(reference * tangents, axis=1, keepdims=True) * tangents)
    depth_axis = _cross(tangents, width_axis)
    cosines, sines = _unit_circle(n_around)
    across = half_widths[:, None] * cosines
    shifted = across if width_offsets is None else across + width_offsets[:, None]
    rings = (
        centres[:, None, :]
        + shifted[:, :, None] * width_axis[:, None, :]
        + (half_depths[:, None] * sines + depth_offsets[:, None])[:, :, None]
        * depth_axis[:, None, :]
    )
    if tilts is not None:
        rings -= (tilts[:, None] * across)[:, :, None] * tangents[:, None, :]
    return rings, ring_normals(rings, previous, following)


def ring_normals(rings: np.ndarray, previous: np.ndarray, following: np.ndarray) -> np.ndarray:
    """Outward unit normals ``(rings, n_around, 3)`` of stacked rings, as ``batched_tubes``."""
    # Each point's next minus previous round the ring (np.roll twice, without its copies).
    along_angle = np.empty_like(rings)
    along_angle[:, 1:-1] = rings[:, 2:] - rings[:, :-2]
    along_angle[:, 0] = rings[:, 1] - rings[:, -1]
    along_angle[:, -1] = rings[:, 0] - rings[:, -2]
    along_path = rings[following] - rings[previous]
    return _unit(_cross(along_angle, along_path))


@lru_cache(maxsize=16)
def _unit_circle(n_around: int) -> tuple[np.ndarray, np.ndarray]:
    angles = np.linspace(0.0, 2.0 * np.pi, n_around, endpoint=False)
    return np.cos(angles)[None, :], np.sin(angles)[None, :]
