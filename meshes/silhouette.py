"""A plain silhouette of the trunk and head, for context around the modelled leg.

Not anatomy: a smooth lofted body in the pelvis frame (mm; the right hip
joint centre at the origin, the midline at ``MIDLINE_X_MM``), drawn faint and
translucent so a squat or a bridge reads as a whole person doing it. The
other leg is the modelled leg's skin mirrored across the midline.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyvista as pv

from meshes.placement import MIDLINE_X_MM

#: Rings of the trunk from the buttocks to the neck: (z, centre y, half width, half depth) mm.
TRUNK_RINGS_MM: tuple[tuple[float, float, float, float], ...] = (
    (-150.0, -30.0, 40.0, 30.0),
    (-120.0, -25.0, 130.0, 95.0),
    (-40.0, -10.0, 170.0, 115.0),
    (60.0, 0.0, 165.0, 105.0),
    (160.0, 5.0, 140.0, 95.0),
    (290.0, 5.0, 150.0, 105.0),
    (420.0, 0.0, 165.0, 110.0),
    (510.0, -15.0, 190.0, 90.0),
    (560.0, -15.0, 80.0, 60.0),
    (640.0, -5.0, 52.0, 52.0),
)
HEAD_CENTRE_MM = (MIDLINE_X_MM, 10.0, 760.0)
HEAD_RADIUS_MM = 105.0
AROUND = 28


@lru_cache(maxsize=1)
def trunk_mesh() -> pv.PolyData:
    """Trunk, neck and head as one closed surface in the pelvis frame."""
    angles = np.linspace(0.0, 2.0 * np.pi, AROUND, endpoint=False)
    rings = [
        np.column_stack(
            [
                MIDLINE_X_MM + width * np.cos(angles),
                centre_y + depth * np.sin(angles),
                np.full(AROUND, z),
            ]
        )
        for z, centre_y, width, depth in TRUNK_RINGS_MM
    ]
    points = np.concatenate(rings)
    faces = []
    for ring in range(len(rings) - 1):
        for step in range(AROUND):
            a = ring * AROUND + step
            b = ring * AROUND + (step + 1) % AROUND
            faces += [4, a, b, b + AROUND, a + AROUND]
    trunk = pv.PolyData(points, np.array(faces)).triangulate()
    head = pv.Sphere(
        radius=HEAD_RADIUS_MM, center=HEAD_CENTRE_MM, theta_resolution=24, phi_resolution=16
    )
    body = trunk.merge(head).clean()
    return body.compute_normals(auto_orient_normals=True, split_vertices=False)


def mirrored(mesh: pv.PolyData) -> pv.PolyData:
    """The mesh reflected across the body's midline: the other leg from this one."""
    points = np.asarray(mesh.points).copy()
    points[:, 0] = 2.0 * MIDLINE_X_MM - points[:, 0]
    copy = pv.PolyData(points, mesh.faces)
    return copy
