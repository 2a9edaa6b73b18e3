"""Posing the leg and playing exercises and stretches in the real window."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from meshes.lengths import length_rows
from meshes.pose import STANDING
from tests.gui_helpers import click_link, drag


def _handle_position(slider, value: int) -> QPoint:
    fraction = (value - slider.minimum()) / (slider.maximum() - slider.minimum())
    return QPoint(round(8 + fraction * (slider.width() - 16)), slider.height() // 2)


def test_dragging_the_knee_slider_bends_the_knee_live(window, qtbot):
    window.motion_dock.raise_()
    qtbot.waitUntil(window.pose_panel.isVisible)
    slider = window.pose_panel.sliders["knee_flexion"]
    before = np.array(window.scene.actors["tibia"].mapper.dataset.center)
    drag(slider, _handle_position(slider, 0), _handle_position(slider, 90), steps=10)
    assert window.state.pose.knee_flexion > 45
    # What is drawn while the slider moves (the coarse twin, once it exists) has moved...
    after = np.array(window.scene.actors["tibia"].mapper.dataset.center)
    assert np.linalg.norm(after - before) > 50.0
    # ...and the full mesh follows once the view is still.
    qtbot.waitUntil(lambda: not window.view.quality.active, timeout=10_000)
    assert window.scene.actors["tibia"].mapper is window.scene.leg_mapper("tibia")
    settled = np.array(window.scene.leg.meshes["tibia"].center)
    assert np.linalg.norm(settled - after) < 5.0
    table = window.pose_panel.table
    changes = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert changes["Semitendinosus"].startswith("-")
    assert changes["Soleus"] in ("+0.0 %", "-0.0 %")


def test_typing_an_angle_poses_the_leg_and_reset_stands_it_up(window, qtbot):
    window.motion_dock.raise_()
    field = window.pose_panel.fields["hip_flexion"]
    field.selectAll()
    qtbot.keyClicks(field, "90")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.pose.hip_flexion == 90
    qtbot.mouseClick(window.pose_panel.reset_button, Qt.MouseButton.LeftButton)
    assert window.state.pose == STANDING


def _open_exercises(window, qtbot, structure_id: str, section: str = "exercises") -> None:
    window.state.select(structure_id)
    click_link(qtbot, window.info, f"toggle:{section}")
    assert section in window.info.expanded


def test_show_on_model_plays_an_exercise_in_a_loop_until_escape(window, qtbot):
    _open_exercises(window, qtbot, "gastrocnemius")
    click_link(qtbot, window.info, "play:exercise:standing_calf_raise")
    qtbot.waitUntil(lambda: window.state.pose.ankle_dorsiflexion < -20, timeout=5000)
    assert "Standing calf raise" in window.pose_panel.motion_label.text()
    window.state.select("soleus")  # selecting something else does not stop it
    qtbot.waitUntil(lambda: window.state.pose.ankle_dorsiflexion > -5, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.motion.is_active
    assert window.state.selected == "soleus"  # Esc stopped the motion first
    paused_at = window.state.pose
    qtbot.wait(200)
    assert window.state.pose == paused_at


def test_space_pauses_and_resumes(window, qtbot):
    _open_exercises(window, qtbot, "hamstrings")
    click_link(qtbot, window.info, "play:exercise:leg_curl")
    qtbot.waitUntil(lambda: window.state.pose.knee_flexion > 10, timeout=5000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    held = window.state.pose
    qtbot.wait(250)
    assert window.state.pose == held
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state.pose != held, timeout=3000)


def test_a_stretch_eases_into_its_pose_and_holds_it(window, qtbot, catalogue):
    _open_exercises(window, qtbot, "gastrocnemius", "stretches")
    window.pose_panel.speed.setCurrentText("2×")
    click_link(qtbot, window.info, "play:stretch:wall_calf_stretch")
    target = catalogue.stretches["wall_calf_stretch"].pose.to_pose()
    qtbot.waitUntil(lambda: window.state.pose == target, timeout=5000)
    qtbot.waitUntil(lambda: "Holding" in window.pose_panel.motion_label.text(), timeout=2000)
    assert not window.pose_panel.pause_button.isEnabled()
    # The card follows the held pose: both heads lengthened, by the model's own numbers.
    shown = window.info.toPlainText()
    for row in length_rows(target):
        if row.part_id.startswith("gastrocnemius."):
            assert row.change_percent > 0
            assert f"{row.length_mm:.0f} mm ({row.change_percent:+.1f} %)" in shown


def test_stretch_map_colours_muscles_by_length_change(window, qtbot):
    from meshes.pose import Pose

    window.state.pose = Pose(ankle_dorsiflexion=25)
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert window.state.colour_mode == "stretch"
    assert window.scene.has_colour_bar()
    soleus = tuple(window.scene.actors["soleus"].prop.color)[:3]
    hamstring = tuple(window.scene.actors["semitendinosus"].prop.color)[:3]
    assert soleus[0] > soleus[2]  # lengthened: red side
    assert hamstring == pytest.approx((0.90, 0.88, 0.85), abs=0.03)  # unchanged: neutral
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert not window.scene.has_colour_bar()


def test_length_curves_plot_and_export(window, qtbot, tmp_path):
    window.motion_dock.raise_()
    qtbot.waitUntil(lambda: window.length_plot is not None, timeout=3000)
    window.state.select("gastrocnemius")
    plot = window.length_plot
    qtbot.waitUntil(
        lambda: plot.parts == ["gastrocnemius.medial_head", "gastrocnemius.lateral_head"]
    )
    assert plot.canvas.height() >= 480, "three readable panels, not a sliver"
    plot.save_to(tmp_path / "curves.csv", plot.save_csv_to)
    assert plot.note.text() == f"Saved {tmp_path / 'curves.csv'}"
    plot.save_png_to(tmp_path / "curves.png")
    lines = (tmp_path / "curves.csv").read_text().splitlines()
    assert lines[0] == "muscle,joint,angle_deg,length_mm"
    muscles = {line.split(",")[0] for line in lines[1:]}
    assert {"soleus", "semitendinosus", "gastrocnemius.medial_head"} <= muscles  # all of them
    with Image.open(tmp_path / "curves.png") as image:
        assert image.size == (1200, 1500)


def test_arrow_keys_in_a_pose_field_change_the_angle_not_the_view(window, qtbot):
    window.motion_dock.raise_()
    field = window.pose_panel.fields["knee_flexion"]
    field.setFocus()
    camera_before = tuple(window.view.camera.position)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert window.state.pose.knee_flexion == 1
    assert tuple(window.view.camera.position) == pytest.approx(camera_before)


def test_moving_a_slider_during_a_motion_takes_over_from_it(window, qtbot):
    _open_exercises(window, qtbot, "hamstrings")
    click_link(qtbot, window.info, "play:exercise:leg_curl")
    qtbot.waitUntil(lambda: window.state.pose.knee_flexion > 10, timeout=5000)
    window.motion_dock.raise_()
    window.pose_panel.fields["hip_flexion"].setValue(45)
    assert not window.motion.is_active
    held = window.state.pose
    qtbot.wait(200)
    assert window.state.pose == held
    assert window.state.pose.hip_flexion == 45


def test_the_length_plot_rests_while_its_tab_is_behind_another(window, qtbot):
    """A tab behind another still counts as visible to Qt: the plot must not sweep three
    joints and redraw on every click while the Atlas tab covers it (~0.2 s a click)."""
    from tests.test_viewer_exercises import _click_tab

    _click_tab(qtbot, window, "Pose && motion")
    qtbot.waitUntil(lambda: window.length_plot is not None, timeout=5000)
    plot = window.length_plot
    window.state.select("gastrocnemius")
    qtbot.waitUntil(
        lambda: plot.parts == ["gastrocnemius.medial_head", "gastrocnemius.lateral_head"]
    )
    _click_tab(qtbot, window, "Atlas")
    qtbot.waitUntil(lambda: not plot.shown)
    window.state.select("semitendinosus")
    qtbot.waitUntil(lambda: plot.stale)  # the posted refresh ran, and found its tab behind
    assert plot.parts == ["gastrocnemius.medial_head", "gastrocnemius.lateral_head"], "rested"
    _click_tab(qtbot, window, "Pose && motion")
    qtbot.waitUntil(lambda: plot.parts == ["semitendinosus"])


def test_a_click_shows_its_highlight_before_the_length_curves_redraw(window, qtbot):
    """The curves' redraw (~0.1 s of matplotlib) must not hold back the clicked muscle's
    highlight while the Pose & motion tab, and so the plot, is in front."""
    from tests.gui_helpers import click, visible_point_of
    from tests.test_viewer_exercises import _click_tab

    _click_tab(qtbot, window, "Pose && motion")
    qtbot.waitUntil(lambda: window.length_plot is not None and window.length_plot.shown)
    plot = window.length_plot
    position = visible_point_of(window.view, "semitendinosus")
    parts_at_frames = []
    window.view.frameSwapped.connect(lambda: parts_at_frames.append(list(plot.parts)))
    click(window.view, position)
    qtbot.waitUntil(lambda: plot.parts == ["semitendinosus"])
    assert window.state.selected == "semitendinosus"
    assert parts_at_frames, "the click drew a frame"
    assert parts_at_frames[0] == [], "the highlight was painted before the curves were redrawn"
