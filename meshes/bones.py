"""Simplified bones: each a rigid set of closed, rounded primitives in its segment.

A bone is a union of a few smooth closed bodies (ellipsoids and rounded swept
shafts) that overlap where they join; every body is a closed, outward surface,
so the whole bone is too (overlaps are hidden inside an opaque bone). The
templates are built once per resolution in standing coordinates; posing is a
single rigid transform of points and normals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from meshes.sweep import X_AXIS, rounded_profile, tube_normals, tube_points, tube_triangles

Z_AXIS = np.array([0.0, 0.0, 1.0])
Y_AXIS = np.array([0.0, 1.0, 0.0])


@dataclass(frozen=True)
class Body:
    """One rounded body: a centreline through ``points`` with half sizes at each point.

    ``bluntness`` 2 makes a straight body an ellipsoid; larger values give a
    flat-ended shaft.
    """

    points: tuple[tuple[float, float, float], ...]
    half_widths: tuple[float, ...]
    half_depths: tuple[float, ...]
    bluntness: float = 2.0
    width_reference: tuple[float, float, float] = (1.0, 0.0, 0.0)
    rings: int = 10


def ellipsoid(centre, axis, half_length, half_width, half_depth, width_reference=X_AXIS, rings=10):
    """An ellipsoid whose long axis ``axis`` has half length ``half_length`` (mm)."""
    centre = np.asarray(centre, float)
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    ends = (tuple(centre - half_length * axis), tuple(centre + half_length * axis))
    return Body(ends, (half_width,) * 2, (half_depth,) * 2, 2.0, tuple(width_reference), rings)


def shaft(points, half_widths, half_depths, bluntness=6.0, width_reference=X_AXIS, rings=14):
    return Body(
        tuple(map(tuple, points)), tuple(half_widths), tuple(half_depths), bluntness,
        tuple(width_reference), rings,
    )  # fmt: skip


DOWN = -Z_AXIS

#: Segment each bone rides on.
BONE_SEGMENTS: dict[str, str] = {
    "hip_bone": "pelvis",
    "femur": "thigh",
    "patella": "patella",
    "tibia": "shank",
    "fibula": "shank",
    "calcaneus": "foot",
    "foot": "foot",
}

#: Reference-adult bone shapes, standing coordinates in mm (see meshes.anthropometry).
BONE_BODIES: dict[str, tuple[Body, ...]] = {
    "hip_bone": (
        # Acetabular rim: a thick disc round the femoral head, facing lateral, forward and down.
        ellipsoid((-12, -2, 6), (1.0, 0.35, -0.45), 14, 33, 33, Y_AXIS, 12),
        # A short piece of the ilium: a plate flaring up and back from above the acetabulum.
        shaft(
            [(-18, -4, 24), (-26, -14, 70), (-34, -26, 118)],
            [28, 40, 46],
            [11, 8, 6],
            3.0,
            (0.8, 1.0, 0.0),
            12,
        ),
        # Body of the ischium, down and back to the tuberosity.
        shaft([(-14, -10, -10), (-17, -22, -24), (-18, -30, -34)], [15, 13, 12], [14, 12, 11], 3.0),
        ellipsoid((-18, -33, -39), (0, -0.3, 1), 15, 12, 10),  # ischial tuberosity
        # Ischiopubic ramus towards the midline, and the superior pubic ramus above it.
        shaft([(-24, -26, -40), (-46, -4, -48), (-70, 24, -50)], [8, 7, 8], [8, 7, 9], 3.0),
        shaft([(-22, 16, -8), (-48, 28, -22), (-70, 30, -36)], [11, 9, 9], [10, 8, 9], 3.0, Z_AXIS),
        ellipsoid((-74, 28, -44), Z_AXIS, 20, 9, 13),  # pubic body at the symphysis
    ),
    "femur": (
        ellipsoid((0, 0, 0), (42, -8, -34), 23, 23, 23, Z_AXIS, 12),  # head
        shaft([(0, 0, 0), (44, -8, -36)], [13, 13], [11, 12], 4.0, Z_AXIS, 8),  # neck
        ellipsoid((54, -10, -30), Z_AXIS, 24, 13, 19),  # greater trochanter
        ellipsoid((20, -16, -68), (0.5, -0.5, -1), 10, 8, 8, X_AXIS, 8),  # lesser trochanter
        shaft(  # shaft, bowed slightly forward
            [(46, -6, -20), (32, 0, -150), (22, 3, -260), (12, 4, -350), (5, 6, -386)],
            [17, 14, 14, 17, 30],
            [17, 14, 14, 15, 18],
            6.0,
            X_AXIS,
            20,
        ),
        ellipsoid((3, 8, -386), Z_AXIS, 34, 36, 19),  # distal metaphysis, flat behind
        ellipsoid((-21, 4, -430), Y_AXIS, 25, 14, 23),  # medial condyle
        ellipsoid((23, 3, -429), Y_AXIS, 24, 14, 22),  # lateral condyle
    ),
    "patella": (ellipsoid((4, 44, -405), Z_AXIS, 24, 21, 10),),
    "tibia": (
        ellipsoid((0, 0, -470), Z_AXIS, 19, 40, 26, X_AXIS, 12),  # condyles / plateau
        ellipsoid((2, 24, -505), Z_AXIS, 14, 10, 8),  # tibial tuberosity
        shaft(
            [(0, -2, -470), (-3, 6, -560), (-5, 8, -700), (-4, 4, -808)],
            [30, 15, 12, 20],
            [22, 15, 13, 18],
            6.0,
            X_AXIS,
            20,
        ),
        ellipsoid((-3, 2, -815), Z_AXIS, 16, 22, 20),  # distal tibia over the talus
        ellipsoid((-24, 4, -836), Z_AXIS, 16, 8, 11),  # medial malleolus
    ),
    "fibula": (
        ellipsoid((40, -20, -482), Z_AXIS, 13, 11, 11),  # head
        shaft(
            [(40, -19, -488), (36, -14, -650), (32, -12, -830)],
            [7, 6, 7],
            [7, 6, 7],
            6.0,
            X_AXIS,
            16,
        ),
        ellipsoid((32, -12, -846), Z_AXIS, 19, 8, 11),  # lateral malleolus
    ),
    "calcaneus": (ellipsoid((8, -22, -872), Y_AXIS, 48, 19, 24, X_AXIS, 12),),
    "foot": (
        ellipsoid((0, 0, -848), Y_AXIS, 28, 20, 16),  # talus
        shaft(  # mid- and forefoot: a tapered wedge over a low arch
            [(0, 14, -856), (6, 55, -866), (12, 105, -878), (18, 150, -890), (20, 180, -894)],
            [22, 32, 38, 42, 32],
            [20, 24, 18, 11, 7],
            3.0,
            X_AXIS,
            18,
        ),
    ),
}

BONE_AROUND = 18


def _body_mesh(body: Body, resolution: float) -> tuple[np.ndarray, np.ndarray, int, int]:
    n_rings = max(6, round(body.rings * resolution))
    n_around = max(8, round(BONE_AROUND * resolution))
    parameter, roundness = rounded_profile(n_rings, body.bluntness)
    control = np.asarray(body.points, float)
    if len(control) == 2:
        centres = control[0] + parameter[:, None] * (control[1] - control[0])
        knots = np.array([0.0, 1.0])
    else:
        chord = np.linalg.norm(np.diff(control, axis=0), axis=1)
        knots = np.concatenate([[0.0], np.cumsum(chord)]) / chord.sum()
        centres = np.stack([np.interp(parameter, knots, control[:, k]) for k in range(3)], -1)
        for _ in range(3):
            centres[1:-1] = 0.25 * centres[:-2] + 0.5 * centres[1:-1] + 0.25 * centres[2:]
    widths = np.interp(parameter, knots, body.half_widths) * roundness
    depths = np.interp(parameter, knots, body.half_depths) * roundness
    points = tube_points(centres, widths, depths, n_around, np.asarray(body.width_reference))
    return points, tube_normals(points, n_rings, n_around), n_rings, n_around


@lru_cache(maxsize=8)
def bone_templates(resolution: float) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Standing ``(points, normals, triangles)`` of every bone at a resolution."""
    templates = {}
    for bone, bodies in BONE_BODIES.items():
        all_points, all_normals, all_triangles, offset = [], [], [], 0
        for body in bodies:
            points, normals, n_rings, n_around = _body_mesh(body, resolution)
            all_points.append(points)
            all_normals.append(normals)
            all_triangles.append(tube_triangles(n_rings, n_around) + offset)
            offset += len(points)
        arrays = (
            np.concatenate(all_points),
            np.concatenate(all_normals),
            np.concatenate(all_triangles),
        )
        for array in arrays:
            array.setflags(write=False)
        templates[bone] = arrays
    return templates
