"""The bones keep the reference skeleton's shape through repair and smoothing.

The reference surfaces (Rajagopal et al. 2016, from the myo-sim package) are
carried into the atlas frame and then closed, refined and smoothed for
display; these checks measure what that costs: how far the displayed surface
moves from the reference one, and how much of each bone's silhouette, seen
from behind and from the side, the two share.
"""

from __future__ import annotations

import numpy as np
import pytest
import pyvista as pv
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkFiltersGeneral import vtkOBBTree

from meshes.bones import BONE_SEGMENTS, bone_templates
from meshes.parts import PART_BY_ID
from meshes.reference import reference_bones

GRID_MM = 1.5


def _surface(bone: str) -> pv.PolyData:
    points, _, triangles = bone_templates(1.0)[bone]
    faces = np.hstack([np.full((len(triangles), 1), 3), triangles]).ravel()
    return pv.PolyData(np.asarray(points, float), faces)


def _silhouette(mesh: pv.PolyData, axis: int, grid: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """Which rays of a grid, cast along ``axis``, hit the mesh."""
    tree = vtkOBBTree()
    tree.SetDataSet(mesh)
    tree.BuildLocator()
    hits = np.zeros(grid[0].shape, bool)
    lo, hi = mesh.bounds[2 * axis] - 10.0, mesh.bounds[2 * axis + 1] + 10.0
    others = [k for k in range(3) if k != axis]
    for index in np.ndindex(hits.shape):
        start, end = np.zeros(3), np.zeros(3)
        start[others], end[others] = (
            (grid[0][index], grid[1][index]),
            (
                grid[0][index],
                grid[1][index],
            ),
        )
        start[axis], end[axis] = lo, hi
        hits[index] = tree.IntersectWithLine(start, end, vtkPoints(), None) != 0
    return hits


@pytest.mark.parametrize("bone", list(BONE_SEGMENTS))
def test_the_displayed_bone_stays_within_a_few_mm_of_the_reference_surface(bone):
    assert PART_BY_ID[bone].layer == "bones"
    reference = reference_bones()[bone].triangulate()
    shown = _surface(bone)
    _, closest = reference.find_closest_cell(np.asarray(shown.points), return_closest_point=True)
    distance = np.linalg.norm(closest - np.asarray(shown.points), axis=1)
    # Measured: 95th percentile 1.1-1.6 mm, 3.3 mm on the hip bone, whose thin iliac wing
    # the smoothing rounds most; the largest single gap is 6.8 mm, on the same rim.
    assert np.percentile(distance, 95) <= 4.0, (bone, np.percentile(distance, 95))
    assert distance.max() <= 8.0, (bone, distance.max())


@pytest.mark.parametrize("bone", list(BONE_SEGMENTS))
@pytest.mark.parametrize(("view", "axis"), [("posterior", 1), ("lateral", 0)])
def test_each_bone_silhouette_matches_the_reference(bone, view, axis):
    reference = reference_bones()[bone].triangulate()
    shown = _surface(bone)
    bounds = np.array(reference.bounds).reshape(3, 2)
    others = [k for k in range(3) if k != axis]
    axes = [np.arange(bounds[k, 0] - 3, bounds[k, 1] + 3, GRID_MM) for k in others]
    grid = np.meshgrid(*axes, indexing="ij")
    a, b = _silhouette(reference, axis, grid), _silhouette(shown, axis, grid)
    overlap = (a & b).sum() / (a | b).sum()
    # Measured 0.87-0.96 (the patella seen from behind is the lowest); the old primitive
    # bones scored 0.04-0.65 against the same skeleton.
    assert overlap >= 0.85, (bone, view, round(float(overlap), 3))


#: Each bony attachment and the bone it lies on.
ATTACHMENTS: dict[str, str] = {
    "ischial_tuberosity": "hip_bone",
    "ischial_tuberosity_superolateral": "hip_bone",
    "linea_aspera_lateral_lip": "femur",
    "medial_femoral_condyle_posterior": "femur",
    "lateral_femoral_condyle_posterior": "femur",
    "fibular_head": "fibula",
    "posterior_medial_tibial_condyle": "tibia",
    "pes_anserinus": "tibia",
    "soleal_line": "tibia",
    "posterior_proximal_fibula": "fibula",
    "calcaneal_tuberosity": "calcaneus",
}


@pytest.mark.parametrize(("landmark", "bone"), ATTACHMENTS.items())
def test_each_attachment_lies_on_its_bone(landmark, bone):
    """A line of action starts half a tendon off the bone: 2-6 mm from the displayed surface."""
    from meshes.landmarks import landmark_position

    point = landmark_position(landmark)
    _, closest = _surface(bone).find_closest_cell(point[None], return_closest_point=True)
    gap = float(np.linalg.norm(closest[0] - point))
    assert 2.0 <= gap <= 6.0, (landmark, bone, round(gap, 1))


@pytest.mark.parametrize("knee", (0, 30, 60, 90, 120, 140))
def test_the_patella_stays_on_the_trochlea_as_the_knee_bends(knee):
    """Within a few mm of the femur at every angle, and never more than 2 mm into it."""
    from meshes import Pose, build_leg

    leg = build_leg(Pose(knee_flexion=knee))
    femur, points = leg.meshes["femur"], np.asarray(leg.meshes["patella"].points)
    _, closest = femur.find_closest_cell(points, return_closest_point=True)
    gaps = np.linalg.norm(closest - points, axis=1)
    assert gaps.min() <= 6.0, (knee, gaps.min())
    inside = pv.PolyData(points).select_enclosed_points(femur, check_surface=False)
    depth = gaps[inside["SelectedPoints"].astype(bool)]
    assert depth.max(initial=0.0) <= 2.0, (knee, depth.max(initial=0.0))
