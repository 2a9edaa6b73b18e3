"""Movements in the world: what stays fixed, the floor and props, the camera following."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from meshes.frames import frame_transform
from meshes.placement import (
    FLOOR_LYING_Z,
    SHOULDER_BLADES_MM,
    _foot_points,
    _heel,
    kneeling_floor_z,
    placement,
    sole_z,
)
from meshes.pose import Pose
from viewer.model.supports import SETTINGS, setting_for
from viewer.render.surroundings import ARM_RADIUS_MM


def _foot_in_world(support: str, pose: Pose) -> np.ndarray:
    transform = placement(support, pose) @ frame_transform("foot", pose)
    return _foot_points() @ transform[:3, :3].T + transform[:3, 3]


def test_every_card_movement_has_a_setting(catalogue):
    tests = [t.id for t in catalogue.clinical_tests.values() if t.pose is not None]
    for motion_id in (*catalogue.exercises, *catalogue.stretches, *tests):
        assert motion_id in SETTINGS, f"{motion_id} has no support: it would float in space"


def test_calf_raise_keeps_the_ball_of_the_foot_on_the_floor_and_lifts_the_heel():
    up = Pose(ankle_dorsiflexion=-35.0)
    foot = _foot_in_world("forefoot", up)
    assert foot[:, 2].min() == pytest.approx(sole_z(), abs=1.0)  # toes on the floor
    heel = foot[foot[:, 1] < foot[:, 1].min() + 25.0]
    assert heel[:, 2].min() > sole_z() + 40.0  # the heel is up
    shank = placement("forefoot", up) @ frame_transform("shank", up)
    assert shank[:3, :3] @ np.array([0, 0, 1.0]) == pytest.approx([0, 0, 1.0], abs=1e-6)


@pytest.mark.parametrize("motion_id", ["romanian_deadlift", "conventional_deadlift", "box_jump"])
def test_standing_lifts_keep_the_whole_foot_where_it_stands(catalogue, motion_id):
    exercise = catalogue.exercises[motion_id]
    support = setting_for(motion_id).support
    assert support == "foot"
    start = _foot_in_world(support, exercise.start.to_pose())
    end = _foot_in_world(support, exercise.end.to_pose())
    assert np.abs(start - end).max() < 0.5
    assert start[:, 2].min() == pytest.approx(sole_z(), abs=0.5)


def test_romanian_deadlift_hinges_the_trunk_forward_over_the_feet(catalogue):
    end = catalogue.exercises["romanian_deadlift"].end.to_pose()
    transform = placement("foot", end)
    shoulders = transform[:3, :3] @ np.array([0, 0, 500.0]) + transform[:3, 3]
    hip = transform[:3, 3]
    assert shoulders[1] > hip[1] + 300.0  # the chest goes forward
    assert hip[1] < -50.0  # the hips go back


def test_bridge_lifts_the_hips_between_shoulders_and_heel(catalogue):
    bridge = catalogue.exercises["hamstring_bridge"]
    hips = []
    for pose in (bridge.start.to_pose(), bridge.end.to_pose()):
        transform = placement("bridge", pose)
        shoulder = transform[:3, :3] @ SHOULDER_BLADES_MM + transform[:3, 3]
        heel = transform[:3, :3] @ _heel(pose) + transform[:3, 3]
        assert shoulder[2] == pytest.approx(FLOOR_LYING_Z, abs=1.0)
        assert heel[2] == pytest.approx(FLOOR_LYING_Z, abs=1.0)
        hips.append(transform[2, 3])
    assert hips[1] > hips[0] + 80.0


def test_nordic_curl_keeps_the_shin_on_the_floor(catalogue):
    nordic = catalogue.exercises["nordic_curl"]
    shins = []
    for pose in (nordic.start.to_pose(), nordic.end.to_pose()):
        shank = placement("kneeling", pose) @ frame_transform("shank", pose)
        shins.append(shank)
    assert np.allclose(shins[0], shins[1])
    upright = placement("kneeling", nordic.start.to_pose())
    leaning = placement("kneeling", nordic.end.to_pose())
    assert leaning[2, 3] < upright[2, 3] - 200.0  # the hips come down towards the floor
    assert kneeling_floor_z() < upright[2, 3]


def test_playing_a_calf_raise_stands_it_on_a_floor_with_a_body(window, qtbot):
    window.motion.play("exercise", "standing_calf_raise")
    try:
        assert window.state.world == "standing_calf_raise"
        assert window.state.view == "lateral"
        shown = window.scene.surroundings.shown
        assert {"floor", "trunk", "other_leg"} <= shown
        qtbot.waitUntil(lambda: window.state.pose.ankle_dorsiflexion < -30, timeout=5000)
        foot = np.asarray(window.scene.leg.meshes["foot"].points)
        assert foot[:, 2].min() > sole_z() - 15.0  # on the floor, not through it
        floor = window.scene.surroundings.actors["floor"]
        assert floor.visibility and floor.bounds[4] == pytest.approx(sole_z(), abs=0.5)
        assert window.scene.is_in_view(window.scene.visible_bounds())
    finally:
        window.motion.stop()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.state.world is None
    assert not window.scene.surroundings.shown


def test_a_slider_that_takes_the_leg_out_of_view_brings_the_camera(window, qtbot):
    window.state.world = "lying_hamstring_stretch"
    window.scene.frame(window.scene.bounds_of(["soleus"]))  # zoomed on the calf
    assert not window.scene.is_in_view(window.scene.visible_bounds())
    window.motion_dock.raise_()
    qtbot.waitUntil(lambda: not window.pose_panel.visibleRegion().isEmpty())
    slider = window.pose_panel.sliders["hip_flexion"]
    slider.setFocus()
    for _ in range(6):
        qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.state.pose.hip_flexion > 30
    assert window.scene.is_in_view(window.scene.visible_bounds())


def test_downward_dog_puts_the_hands_on_the_floor(window, qtbot):
    window.exercises.choose("downward_dog")
    window.show_end_position("stretch", "downward_dog")
    arms = window.scene.surroundings.actors["arms"]
    assert arms.visibility
    floor = window.scene.surroundings.actors["floor"].bounds[4]
    assert arms.bounds[4] == pytest.approx(floor, abs=ARM_RADIUS_MM + 2)


def test_heel_drop_keeps_the_ball_of_the_foot_on_the_step_and_drops_the_heel(catalogue):
    from meshes.placement import ball_of_foot

    drop = catalogue.exercises["eccentric_heel_drop"]
    for pose in (drop.start.to_pose(), drop.end.to_pose()):
        transform = placement("step_edge", pose) @ frame_transform("foot", pose)
        ball = transform[:3, :3] @ ball_of_foot() + transform[:3, 3]
        assert ball == pytest.approx(ball_of_foot(), abs=0.5)
    low = _foot_in_world("step_edge", drop.end.to_pose())
    assert low[:, 2].min() < sole_z() - 20.0  # the heel below the step's top
