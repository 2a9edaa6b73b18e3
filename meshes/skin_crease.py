"""Creases: where two parts of the skin press together in a bend, they meet on a plane.

Behind the bent knee the calf presses against the back of the thigh, and at
the front of the bent hip the thigh presses against the groin. Blending the
joint's rotation over a zone of rings keeps the skin smooth but lets one part
pass through the other (or fold inside out). Instead, every skin point that
belongs to one side and lies past the joint's bisecting plane is moved back
onto the plane (a hair past it, so the two sides meet), which makes a crease.
Where a muscle crosses the plane close by, the skin stops just beyond the
muscle instead, so no tissue is left in the open.
"""

from __future__ import annotations

import numpy as np

#: How far each side's skin may pass the crease plane where they press together: they overlap
#: a little, so no gap is left between them for tissue to show in.
CREASE_OVERLAP_MM = 0.4
#: Muscle this close to the crease, on the other side or touching the plane, is covered by its
#: own side's skin: the skin gives way round it (within ``CREASE_REACH_MM`` along the plane)
#: by ``CREASE_MUSCLE_MARGIN_MM``.
CREASE_MUSCLE_DEPTH_MM = 15.0
CREASE_REACH_MM = 20.0
CREASE_MUSCLE_MARGIN_MM = 3.0


def _cells(points: np.ndarray) -> np.ndarray:
    """Integer keys of the ``CREASE_REACH_MM`` squares that 2-D points fall in."""
    index = np.floor(points / CREASE_REACH_MM).astype(np.int64)
    return index[:, 0] * 100_003 + index[:, 1]


def crease_allowance(
    plane_points: np.ndarray,
    skin_side: np.ndarray,
    muscle_points: np.ndarray,
    muscle_depth: np.ndarray,
) -> np.ndarray:
    """Per skin point, how far it may pass the crease plane: further where a muscle crosses.

    A belly that bulges a few millimetres past the plane where the other side's
    skin is absent (beside the contact) would otherwise lie in the open; its own
    side's skin there stops just beyond it instead. Points are 2-D coordinates
    in the plane; muscles reach the skin points in their own and the eight
    neighbouring squares of the plane, so the cost grows with the points, not
    with their product.
    """
    allowance = np.full(len(plane_points), CREASE_OVERLAP_MM)
    for side in (1.0, -1.0):
        own = skin_side == side
        own_depth = side * muscle_depth
        crossing = (own_depth < CREASE_MUSCLE_MARGIN_MM) & (own_depth > -CREASE_MUSCLE_DEPTH_MM)
        if not own.any() or not crossing.any():
            continue
        keys = _cells(muscle_points[crossing])
        reach = np.maximum(-own_depth[crossing], 0.0) + CREASE_MUSCLE_MARGIN_MM
        order = np.argsort(keys)
        unique, first = np.unique(keys[order], return_index=True)
        deepest = np.maximum.reduceat(reach[order], first)
        need = np.zeros(int(own.sum()))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                wanted = _cells(plane_points[own] + CREASE_REACH_MM * np.array([dx, dy]))
                found = np.clip(np.searchsorted(unique, wanted), 0, len(unique) - 1)
                need = np.maximum(need, np.where(unique[found] == wanted, deepest[found], 0.0))
        allowance[own] = np.maximum(allowance[own], need)
    return allowance


def press_to_plane(
    posed: np.ndarray,
    side: np.ndarray,
    plane: np.ndarray,
    muscle_points: np.ndarray | None,
    where: np.ndarray | None = None,
) -> np.ndarray:
    """Skin points moved back onto a crease plane where they pass it from their own side.

    ``plane`` is a 4x4 frame whose Z axis is the plane's normal (pointing to
    the ``side`` +1 points) and whose origin lies on it; its X and Y axes span
    the plane. ``where`` limits the crease to some points (the front of the
    hip, say: behind it the skin stretches over the bend instead of pressing).
    """
    normal, origin = plane[:3, 2], plane[:3, 3]
    depth = (posed - origin) @ normal
    allowance = np.full(posed.shape[:-1], CREASE_OVERLAP_MM)
    pressed = side * depth < -CREASE_OVERLAP_MM
    if where is not None:
        pressed &= where
    if not pressed.any():
        return posed
    if muscle_points is not None:
        muscle_depth = (muscle_points - origin) @ normal
        near = np.abs(muscle_depth) < CREASE_MUSCLE_DEPTH_MM
        basis = plane[:3, :2]  # two directions in the plane
        allowance[pressed] = crease_allowance(
            posed[pressed] @ basis, side[pressed], muscle_points[near] @ basis, muscle_depth[near]
        )
    overshoot = np.where(pressed, np.minimum(side * depth + allowance, 0.0), 0.0)
    return posed - (side * overshoot)[..., None] * normal
