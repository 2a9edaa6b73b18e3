"""Every part is a clean closed surface in every pose; the topology never changes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from meshes import PARTS, STANDING, Pose, build_leg, repose
from meshes.landmarks import LANDMARKS, landmark_position
from meshes.muscles import MUSCLES, _landmark_names

#: Poses across the ranges, extremes included.
SAMPLED_POSES = (
    STANDING,
    Pose(hip_flexion=120),
    Pose(hip_flexion=-30),
    Pose(knee_flexion=140),
    Pose(knee_flexion=70, ankle_dorsiflexion=30),
    Pose(ankle_dorsiflexion=-50),
    Pose(hip_flexion=90, knee_flexion=90, ankle_dorsiflexion=-20),
    Pose(hip_flexion=120, knee_flexion=140, ankle_dorsiflexion=-50),
)


def triangles(mesh) -> np.ndarray:
    faces = mesh.faces.reshape(-1, 4)
    assert (faces[:, 0] == 3).all(), "triangles only"
    return faces[:, 1:]


def signed_volume(points: np.ndarray, tris: np.ndarray) -> float:
    a, b, c = (points[tris[:, k]].astype(float) for k in range(3))
    return float(np.einsum("ij,ij->i", a, np.cross(b, c)).sum() / 6.0)


def assert_clean_closed_surface(part_id: str, mesh) -> None:
    tris = triangles(mesh)
    directed = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    _, counts = np.unique(directed, axis=0, return_counts=True)
    undirected = np.sort(directed, axis=1)
    _, undirected_counts = np.unique(undirected, axis=0, return_counts=True)
    assert (counts == 1).all(), f"{part_id}: a directed edge is used twice (flipped face)"
    assert (undirected_counts == 2).all(), f"{part_id}: open or non-manifold edge"
    points = np.asarray(mesh.points)
    assert signed_volume(points, tris) > 0, f"{part_id}: inward-facing or empty"
    face_normals = np.cross(
        points[tris[:, 1]] - points[tris[:, 0]], points[tris[:, 2]] - points[tris[:, 0]]
    )
    accumulated = np.zeros_like(points)
    for k in range(3):
        np.add.at(accumulated, tris[:, k], face_normals)
    normals = np.asarray(mesh.point_data["Normals"])
    assert np.allclose(np.linalg.norm(normals, axis=1), 1.0, atol=1e-3)
    # Points with no area round them (the foot's skin folded flat inside the leg's) face nowhere.
    spanned = np.linalg.norm(accumulated, axis=1) > 1e-6
    agreeing = np.einsum("ij,ij->i", normals, accumulated)[spanned] > 0
    assert agreeing.mean() > 0.99, f"{part_id}: point normals do not face outward"


@pytest.fixture(scope="module")
def standing_leg():
    return build_leg()


@pytest.mark.parametrize("pose", SAMPLED_POSES, ids=str)
def test_every_part_is_closed_manifold_and_outward(pose):
    leg = build_leg(pose)
    assert list(leg.meshes) == [part.id for part in PARTS]
    for part_id, mesh in leg.meshes.items():
        assert_clean_closed_surface(part_id, mesh)


def test_the_foot_skin_is_its_own_closed_outward_tube(standing_leg):
    """The skin part is two closed tubes (leg, foot): each alone must enclose a positive volume."""
    from meshes.foot_skin import foot_skin_shape
    from meshes.skin import skin_shape

    skin = standing_leg.meshes["skin"]
    tris = triangles(skin)
    first_foot_point = np.prod(skin_shape(1.0)) + 2
    foot = tris[tris.min(axis=1) >= first_foot_point]
    assert len(foot) == 2 * np.prod(foot_skin_shape(1.0))
    assert signed_volume(np.asarray(skin.points), foot) > 150_000  # mm3: a foot, not a sliver


def test_whole_leg_is_within_the_triangle_budget(standing_leg):
    total = sum(mesh.n_cells for mesh in standing_leg.meshes.values())
    assert 30_000 <= total <= 80_000


def test_finer_resolution_gives_more_triangles(standing_leg):
    fine = build_leg(resolution=1.5)
    assert sum(m.n_cells for m in fine.meshes.values()) > sum(
        m.n_cells for m in standing_leg.meshes.values()
    )


def test_repose_keeps_topology_and_moves_points(standing_leg):
    bent = repose(standing_leg, Pose(hip_flexion=40, knee_flexion=90, ankle_dorsiflexion=10))
    assert bent.pose.knee_flexion == 90
    for part_id, mesh in standing_leg.meshes.items():
        moved = bent.meshes[part_id]
        assert moved.n_points == mesh.n_points
        assert np.array_equal(moved.faces, mesh.faces)
        assert "Normals" in moved.point_data
    assert not np.allclose(bent.meshes["tibia"].points, standing_leg.meshes["tibia"].points)
    assert np.allclose(bent.meshes["hip_bone"].points, standing_leg.meshes["hip_bone"].points)


def test_repose_equals_a_fresh_build(standing_leg):
    pose = Pose(hip_flexion=30, knee_flexion=45, ankle_dorsiflexion=-20)
    reposed, built = repose(standing_leg, pose), build_leg(pose)
    for part_id, mesh in built.meshes.items():
        assert np.array_equal(mesh.points, reposed.meshes[part_id].points)


def test_same_pose_gives_identical_arrays():
    pose = Pose(hip_flexion=12.5, knee_flexion=33, ankle_dorsiflexion=7)
    first, second = build_leg(pose), build_leg(pose)
    for part_id, mesh in first.meshes.items():
        other = second.meshes[part_id]
        assert np.array_equal(mesh.points, other.points)
        for name in mesh.point_data:
            assert np.array_equal(mesh.point_data[name], other.point_data[name])


def test_muscles_carry_a_subtle_shade():
    leg = build_leg()
    for part in PARTS:
        mesh = leg.meshes[part.id]
        if part.kind == "muscle":
            shade = np.asarray(mesh.point_data["shade"])
            assert 0.84 <= shade.min() < shade.max() <= 1.0


@pytest.mark.parametrize(
    "angles",
    [
        {"hip_flexion": 121},
        {"knee_flexion": -1},
        {"ankle_dorsiflexion": -50.5},
        {"knee_flexion": "x"},
    ],
)
def test_pose_out_of_range_is_a_clear_value_error(angles):
    name = next(iter(angles))
    with pytest.raises(ValueError, match=name):
        Pose(**angles)


def test_every_muscle_attaches_to_named_landmarks():
    for spec in MUSCLES.values():
        for name in _landmark_names(spec.path) + spec.length_tail:
            assert name in LANDMARKS


def test_skin_and_blended_frames_meet_the_segments_they_join():
    """One joint chain: the skin rides each bone rigidly and a pulley frame never jumps."""
    from meshes.frames import blended_transforms, frame_transform
    from meshes.skin import _ring_transforms

    pose = Pose(hip_flexion=60, knee_flexion=90, ankle_dorsiflexion=-30)
    joins = {"hip": ("pelvis", "thigh"), "knee": ("thigh", "shank"), "ankle": ("shank", "foot")}
    for joint, (proximal, distal) in joins.items():
        ends = blended_transforms(joint, np.array([0.0, 1.0]), pose)
        assert np.allclose(ends[0], frame_transform(proximal, pose), atol=1e-9)
        assert np.allclose(ends[1], frame_transform(distal, pose), atol=1e-9)
    thigh, calf, heel = _ring_transforms(np.array([-250.0, -650.0, -900.0]), pose)
    assert np.allclose(thigh, frame_transform("thigh", pose), atol=1e-9)
    assert np.allclose(calf, frame_transform("shank", pose), atol=1e-9)
    assert np.allclose(heel, frame_transform("foot", pose), atol=1e-9)


def test_fibula_is_lateral_and_posterior_to_the_tibia():
    fibular_head = landmark_position("fibular_head")
    pes_anserinus = landmark_position("pes_anserinus")
    assert fibular_head[0] > 30 > pes_anserinus[0]
    assert landmark_position("posterior_proximal_fibula")[1] < pes_anserinus[1]


def test_meshes_package_imports_without_qt():
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.modules['pyvistaqt'] = None\n"
        "import meshes, meshes.leg, meshes.export, meshes.landmarks\n"
        "meshes.build_leg()\n"
        "assert not any(name.startswith(('PySide6.', 'pyvistaqt.')) for name in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("knee_flexion", (90.0, 120.0, 140.0))
def test_calf_skin_passes_into_the_back_of_the_thigh_only_round_muscle(knee_flexion):
    """Thigh and calf skin meet on the knee's bisecting plane, overlapping a hair.

    Each passes further only to cover a muscle that crosses the plane close by,
    and only as far as that muscle needs; elsewhere the calf would pass through
    the thigh's skin.
    """
    from meshes.frames import blended_transforms
    from meshes.skin import KNEE_CREASE_Z_MM, skin_shape, skin_template
    from meshes.skin_crease import CREASE_MUSCLE_MARGIN_MM, CREASE_OVERLAP_MM, CREASE_REACH_MM

    pose = Pose(knee_flexion=knee_flexion)
    leg = build_leg(pose)
    skin = np.asarray(leg.meshes["skin"].points, dtype=float)
    n_rings, n_around = skin_shape(1.0)
    rings = skin[1 : 1 + n_rings * n_around].reshape(n_rings, n_around, 3)  # the leg's tube
    ring_z = skin_template(1.0)[1]
    half = blended_transforms("knee", np.array([0.5]), pose)[0]
    origin = half[:3, :3] @ np.array([0.0, 0.0, KNEE_CREASE_Z_MM]) + half[:3, 3]
    side = np.where(ring_z > KNEE_CREASE_Z_MM, 1.0, -1.0)[:, None]
    past = -side * ((rings - origin) @ half[:3, 2])  # how far each point is on the other side
    muscles = np.concatenate([np.asarray(leg.meshes[m].points) for m in MUSCLES]).astype(float)
    muscle_depth = (muscles - origin) @ half[:3, 2]
    basis = half[:3, :2]
    beyond = np.argwhere(past > CREASE_OVERLAP_MM + 1e-3)  # points are single precision
    assert len(beyond) < 0.2 * rings.shape[0] * rings.shape[1]
    for ring, around in beyond:
        across = -side[ring, 0] * muscle_depth  # how far each muscle vertex crosses this way
        gap = np.linalg.norm((muscles - rings[ring, around]) @ basis, axis=1)
        touching = across > -CREASE_MUSCLE_MARGIN_MM  # across the plane, or within a margin of it
        reach = np.maximum(across, 0.0) + CREASE_MUSCLE_MARGIN_MM
        covering = (gap < 3.0 * CREASE_REACH_MM) & touching & (reach >= past[ring, around] - 1e-3)
        assert covering.any(), f"skin ring {ring} passes the crease {past[ring, around]:.1f} mm"
