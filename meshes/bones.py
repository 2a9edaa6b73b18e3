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

from meshes.sweep import (
    X_AXIS,
    rounded_profile,
    smooth_keeping_ends,
    tube_normals,
    tube_points,
    tube_triangles,
)

Z_AXIS = np.array([0.0, 0.0, 1.0])
Y_AXIS = np.array([0.0, 1.0, 0.0])


@dataclass(frozen=True, kw_only=True)
class Body:
    """One rounded body: a centreline through ``points`` with half sizes (mm) at each point.

    Half widths lie along ``width_reference`` (made perpendicular to the
    centreline), half depths across it. ``bluntness`` 2 makes a straight body
    an ellipsoid; larger values give a flat-ended shaft.
    """

    points: tuple[tuple[float, float, float], ...]
    half_widths_mm: tuple[float, ...]
    half_depths_mm: tuple[float, ...]
    bluntness: float = 2.0
    width_reference: tuple[float, float, float] = (1.0, 0.0, 0.0)
    rings: int = 10


def ellipsoid(
    *,
    centre,
    axis,
    half_length_mm: float,
    half_width_mm: float,
    half_depth_mm: float,
    width_reference=X_AXIS,
    rings: int = 10,
) -> Body:
    """An ellipsoid about ``centre`` whose long axis runs along ``axis``."""
    centre = np.asarray(centre, float)
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    return Body(
        points=(tuple(centre - half_length_mm * axis), tuple(centre + half_length_mm * axis)),
        half_widths_mm=(half_width_mm,) * 2,
        half_depths_mm=(half_depth_mm,) * 2,
        bluntness=2.0,
        width_reference=tuple(width_reference),
        rings=rings,
    )


def shaft(
    *,
    points,
    half_widths_mm,
    half_depths_mm,
    bluntness: float = 6.0,
    width_reference=X_AXIS,
    rings: int = 14,
) -> Body:
    """A rounded shaft through ``points``, with a half width and half depth at each point."""
    return Body(
        points=tuple(map(tuple, points)),
        half_widths_mm=tuple(half_widths_mm),
        half_depths_mm=tuple(half_depths_mm),
        bluntness=bluntness,
        width_reference=tuple(width_reference),
        rings=rings,
    )


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
        ellipsoid(
            centre=(-12, -2, 6),
            axis=(1.0, 0.35, -0.45),
            half_length_mm=14,
            half_width_mm=33,
            half_depth_mm=33,
            width_reference=Y_AXIS,
            rings=12,
        ),
        # A short piece of the ilium: a plate flaring up and back from above the acetabulum.
        shaft(
            points=[(-18, -4, 24), (-26, -14, 70), (-34, -26, 118)],
            half_widths_mm=[28, 40, 46],
            half_depths_mm=[11, 8, 6],
            bluntness=3.0,
            width_reference=(0.8, 1.0, 0.0),
            rings=12,
        ),
        # Body of the ischium, down and back to the tuberosity.
        shaft(
            points=[(-14, -10, -10), (-17, -22, -24), (-18, -30, -34)],
            half_widths_mm=[15, 13, 12],
            half_depths_mm=[14, 12, 11],
            bluntness=3.0,
        ),
        # Ischial tuberosity.
        ellipsoid(
            centre=(-18, -33, -39),
            axis=(0, -0.3, 1),
            half_length_mm=15,
            half_width_mm=12,
            half_depth_mm=10,
        ),
        # Ischiopubic ramus towards the midline, and the superior pubic ramus above it.
        shaft(
            points=[(-24, -26, -40), (-46, -4, -48), (-70, 24, -50)],
            half_widths_mm=[8, 7, 8],
            half_depths_mm=[8, 7, 9],
            bluntness=3.0,
        ),
        shaft(
            points=[(-22, 16, -8), (-48, 28, -22), (-70, 30, -36)],
            half_widths_mm=[11, 9, 9],
            half_depths_mm=[10, 8, 9],
            bluntness=3.0,
            width_reference=Z_AXIS,
        ),
        # Pubic body at the symphysis.
        ellipsoid(
            centre=(-74, 28, -44), axis=Z_AXIS, half_length_mm=20, half_width_mm=9, half_depth_mm=13
        ),
    ),
    "femur": (
        # Head.
        ellipsoid(
            centre=(0, 0, 0),
            axis=(42, -8, -34),
            half_length_mm=23,
            half_width_mm=23,
            half_depth_mm=23,
            width_reference=Z_AXIS,
            rings=12,
        ),
        # Neck.
        shaft(
            points=[(0, 0, 0), (44, -8, -36)],
            half_widths_mm=[13, 13],
            half_depths_mm=[11, 12],
            bluntness=4.0,
            width_reference=Z_AXIS,
            rings=8,
        ),
        # Greater trochanter.
        ellipsoid(
            centre=(54, -10, -30),
            axis=Z_AXIS,
            half_length_mm=24,
            half_width_mm=13,
            half_depth_mm=19,
        ),
        # Lesser trochanter.
        ellipsoid(
            centre=(20, -16, -68),
            axis=(0.5, -0.5, -1),
            half_length_mm=10,
            half_width_mm=8,
            half_depth_mm=8,
            rings=8,
        ),
        # Shaft, bowed slightly forward.
        shaft(
            points=[(46, -6, -20), (32, 0, -150), (22, 3, -260), (12, 4, -350), (5, 6, -386)],
            half_widths_mm=[17, 14, 14, 17, 30],
            half_depths_mm=[17, 14, 14, 15, 18],
            rings=20,
        ),
        # Distal metaphysis, flat behind.
        ellipsoid(
            centre=(3, 8, -386), axis=Z_AXIS, half_length_mm=34, half_width_mm=36, half_depth_mm=19
        ),
        # Medial condyle.
        ellipsoid(
            centre=(-21, 4, -430),
            axis=Y_AXIS,
            half_length_mm=25,
            half_width_mm=14,
            half_depth_mm=23,
        ),
        # Lateral condyle.
        ellipsoid(
            centre=(23, 3, -429), axis=Y_AXIS, half_length_mm=24, half_width_mm=14, half_depth_mm=22
        ),
    ),
    "patella": (
        ellipsoid(
            centre=(4, 44, -405), axis=Z_AXIS, half_length_mm=24, half_width_mm=21, half_depth_mm=10
        ),
    ),
    "tibia": (
        # Condyles and plateau.
        ellipsoid(
            centre=(0, 0, -470),
            axis=Z_AXIS,
            half_length_mm=19,
            half_width_mm=40,
            half_depth_mm=26,
            rings=12,
        ),
        # Tibial tuberosity.
        ellipsoid(
            centre=(2, 24, -505), axis=Z_AXIS, half_length_mm=14, half_width_mm=10, half_depth_mm=8
        ),
        # Shaft.
        shaft(
            points=[(0, -2, -470), (-3, 6, -560), (-5, 8, -700), (-4, 4, -808)],
            half_widths_mm=[30, 15, 12, 20],
            half_depths_mm=[22, 15, 13, 18],
            rings=20,
        ),
        # Distal tibia over the talus.
        ellipsoid(
            centre=(-3, 2, -815), axis=Z_AXIS, half_length_mm=16, half_width_mm=22, half_depth_mm=20
        ),
        # Medial malleolus.
        ellipsoid(
            centre=(-24, 4, -836), axis=Z_AXIS, half_length_mm=16, half_width_mm=8, half_depth_mm=11
        ),
    ),
    "fibula": (
        # Head.
        ellipsoid(
            centre=(40, -20, -482),
            axis=Z_AXIS,
            half_length_mm=13,
            half_width_mm=11,
            half_depth_mm=11,
        ),
        # Shaft.
        shaft(
            points=[(40, -19, -488), (36, -14, -650), (32, -12, -830)],
            half_widths_mm=[7, 6, 7],
            half_depths_mm=[7, 6, 7],
            rings=16,
        ),
        # Lateral malleolus.
        ellipsoid(
            centre=(32, -12, -846),
            axis=Z_AXIS,
            half_length_mm=19,
            half_width_mm=8,
            half_depth_mm=11,
        ),
    ),
    "calcaneus": (
        ellipsoid(
            centre=(8, -22, -872),
            axis=Y_AXIS,
            half_length_mm=48,
            half_width_mm=19,
            half_depth_mm=24,
            rings=12,
        ),
    ),
    "foot": (
        # Talus.
        ellipsoid(
            centre=(0, 0, -848), axis=Y_AXIS, half_length_mm=28, half_width_mm=20, half_depth_mm=16
        ),
        # Mid- and forefoot: a tapered wedge over a low arch.
        shaft(
            points=[
                (0, 14, -856),
                (6, 55, -866),
                (12, 105, -878),
                (18, 150, -890),
                (20, 180, -894),
            ],
            half_widths_mm=[22, 32, 38, 42, 32],
            half_depths_mm=[20, 24, 18, 11, 7],
            bluntness=3.0,
            rings=18,
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
        centres = smooth_keeping_ends(centres, 3)
    widths = np.interp(parameter, knots, body.half_widths_mm) * roundness
    depths = np.interp(parameter, knots, body.half_depths_mm) * roundness
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
