"""Coarse twins while the view moves: drawn instead of the full meshes, posed on their own,
and the full meshes exactly right again once the view is still (no Qt: an off-screen plotter).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

pv = pytest.importorskip("pyvista")

from meshes.leg import build_leg, repose  # noqa: E402
from meshes.placement import Placement  # noqa: E402
from meshes.pose import Pose  # noqa: E402
from viewer.model.state import AtlasState  # noqa: E402
from viewer.render.detail import (  # noqa: E402
    COARSE_RESOLUTION,
    PosedLeg,
    build_coarse_leg,
    write_placed,
)
from viewer.render.scene import LegScene  # noqa: E402


@pytest.fixture
def scene_and_state(catalogue):
    state = AtlasState()
    plotter = pv.Plotter(off_screen=True, window_size=(320, 200))
    scene = LegScene(plotter, state, build_leg(state.pose), name_of=catalogue.display_name)
    scene.set_coarse_leg(build_coarse_leg(state.pose))
    yield scene, state
    plotter.close()


def _drawn_triangles(scene) -> int:
    return sum(actor.mapper.dataset.n_cells for actor in scene.actors.values())


def test_while_moving_every_part_draws_a_coarse_twin_and_the_full_mapper_comes_back(
    scene_and_state,
):
    scene, _ = scene_and_state
    full_mappers = {p: a.mapper for p, a in scene.actors.items()}
    full = _drawn_triangles(scene)
    scene.set_pixel_scale(0.5)
    assert scene.drawing_coarse
    assert all(a.mapper is not full_mappers[p] for p, a in scene.actors.items())
    assert _drawn_triangles(scene) < 0.4 * full
    # a twin is drawn like its part: same property object, so colour and opacity follow
    scene.set_pixel_scale(1.0)
    assert not scene.drawing_coarse
    assert all(a.mapper is full_mappers[p] for p, a in scene.actors.items())
    assert _drawn_triangles(scene) == full


def test_a_pose_while_moving_poses_the_twins_only_and_the_full_meshes_catch_up_exactly(
    scene_and_state,
):
    scene, state = scene_and_state
    start = np.array(scene.leg.meshes["tibia"].points)
    scene.set_pixel_scale(0.5)
    for knee in (20, 45, 70):
        state.pose = replace(state.pose, knee_flexion=knee)
    coarse_tibia = scene.shown_meshes()["tibia"]
    expected_coarse = build_leg(state.pose, COARSE_RESOLUTION).meshes["tibia"]
    assert np.allclose(coarse_tibia.points, expected_coarse.points, atol=1e-3)
    assert np.array_equal(scene.leg.meshes["tibia"].points, start), "full meshes wait"
    scene.set_pixel_scale(1.0)
    expected = build_leg(state.pose)
    for part_id in ("tibia", "semitendinosus", "skin", "gastrocnemius.medial_head"):
        mesh = scene.actors[part_id].mapper.dataset
        assert mesh is scene.leg.meshes[part_id]
        assert np.allclose(mesh.points, expected.meshes[part_id].points, atol=1e-3), part_id
        assert np.allclose(mesh["Normals"], expected.meshes[part_id]["Normals"], atol=1e-4), part_id
    assert scene.leg.pose == state.pose


def test_twins_follow_the_placement_of_a_movement_setting(scene_and_state):
    """In a movement's setting the leg is carried into the world: the twins are carried too."""
    scene, state = scene_and_state
    state.world = "wall_calf_stretch"  # the foot stays on the floor: a bent leg is carried
    scene.set_pixel_scale(0.5)
    state.pose = replace(state.pose, knee_flexion=40, ankle_dorsiflexion=15)
    assert not np.allclose(scene.placement(), np.eye(4)), "a setting that moves the leg"
    twin = np.asarray(scene.shown_meshes()["femur"].points).mean(axis=0)
    scene.set_pixel_scale(1.0)
    full = np.asarray(scene.leg.meshes["femur"].points).mean(axis=0)
    unplaced = np.asarray(scene.posed_leg.meshes["femur"].points).mean(axis=0)
    assert np.linalg.norm(full - unplaced) > 20.0, "the placement carries the femur"
    assert np.linalg.norm(twin - full) < 5.0


def test_written_points_are_the_meshes_own_and_leave_the_posed_arrays_alone():
    leg = build_leg(Pose(), COARSE_RESOLUTION)
    posed = PosedLeg(leg)
    target = leg.meshes["femur"].copy(deep=True)
    shift = np.eye(4)
    shift[:3, 3] = (10.0, 0.0, -5.0)
    before = np.array(posed.arrays["femur"][0])
    write_placed(target, posed.arrays["femur"], Placement.of(shift))
    assert np.allclose(np.asarray(target.points), before + np.array([10.0, 0.0, -5.0]), atol=1e-4)
    assert np.array_equal(posed.arrays["femur"][0], before)
    posed.set_pose(Pose(knee_flexion=60))
    assert posed.leg.pose == Pose(knee_flexion=60)
    assert np.allclose(
        posed.leg.meshes["tibia"].points,
        repose(leg, Pose(knee_flexion=60)).meshes["tibia"].points,
    )


def test_the_selection_rim_keeps_its_width_on_screen_in_smaller_pictures(scene_and_state):
    from viewer.render.appearance import OUTLINE_OFFSET_MM

    scene, state = scene_and_state
    state.select("semitendinosus")

    def rim_offset_mm() -> float:
        hull = scene._outlines["semitendinosus"][1].mapper.dataset
        mesh = scene.shown_meshes()["semitendinosus"]
        return float(np.median(np.linalg.norm(hull.points - mesh.points, axis=1)))

    assert rim_offset_mm() == pytest.approx(OUTLINE_OFFSET_MM, rel=1e-3)
    scene.set_pixel_scale(0.5)
    assert rim_offset_mm() == pytest.approx(2 * OUTLINE_OFFSET_MM, rel=1e-3)
    scene.set_pixel_scale(1.0)
    assert rim_offset_mm() == pytest.approx(OUTLINE_OFFSET_MM, rel=1e-3)
