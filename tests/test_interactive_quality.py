"""Cheap frames while the view moves, and the sharp frame when it stops.

The switch itself is tested on a real VTK render window without Qt; the
window tests drive the real 3D view and pose slider with real mouse events
and compare the picture after a drag with one that never drew a cheap frame.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from vtkmodules.vtkRenderingAnnotation import vtkCaptionActor2D
from vtkmodules.vtkRenderingCore import vtkActor2D, vtkRenderer, vtkRenderWindow

from tests.gui_helpers import move_held, press, release
from viewer.render.interactive_quality import (
    InteractiveQuality,
    MotionWatch,
    reduced_size,
    scaled_dpi,
)

# -- the switch, without Qt -------------------------------------------------------------------


def _window(size=(1280, 800), dpi=72):
    window = vtkRenderWindow()
    window.OffScreenRenderingOn()
    window.SetSize(*size)
    window.SetDPI(dpi)
    renderer = vtkRenderer()
    window.AddRenderer(renderer)
    return window, renderer


def test_reduced_size_and_dpi_scale_and_never_reach_zero():
    assert reduced_size((1280, 800), 0.5) == (640, 400)
    assert reduced_size((1281, 801), 0.5) == (640, 400)
    assert reduced_size((1, 1), 0.1) == (1, 1)
    assert scaled_dpi(72, 0.5) == 36
    assert scaled_dpi(1, 0.1) == 1


def test_cheap_mode_lasts_while_any_reason_is_open_and_puts_everything_back():
    window, renderer = _window()
    leader = vtkActor2D()
    leader.GetProperty().SetLineWidth(1.4)
    leader.GetProperty().SetPointSize(5)
    caption = vtkCaptionActor2D()
    caption.SetPosition(30, -12)
    caption.GetProperty().SetLineWidth(1.5)
    renderer.AddViewProp(leader)
    renderer.AddViewProp(caption)
    renders, scales = [], []
    quality = InteractiveQuality(window, lambda: renders.append(1), 0.5, scales.append)

    quality.begin("drag")
    quality.begin("pose")
    assert quality.active and quality.scale == 0.5
    assert window.GetSize() == (640, 400) and window.GetDPI() == 36
    assert leader.GetProperty().GetLineWidth() == pytest.approx(1.0)  # never below a pixel
    assert leader.GetProperty().GetPointSize() == pytest.approx(2.5)
    assert caption.GetPosition() == pytest.approx((15, -6))
    quality.frame_drawn()
    quality.end("drag")
    assert quality.active and window.GetSize() == (640, 400) and renders == []
    quality.end("pose")
    assert not quality.active and quality.scale == 1.0
    assert window.GetSize() == (1280, 800) and window.GetDPI() == 72
    assert leader.GetProperty().GetLineWidth() == pytest.approx(1.4)
    assert leader.GetProperty().GetPointSize() == pytest.approx(5)
    assert caption.GetPosition() == pytest.approx((30, -12))
    assert renders == [1], "exactly one sharp frame when the last reason ends"
    assert scales == [0.5, 1.0]
    quality.end("pose")  # ending again changes nothing
    assert renders == [1]


def test_a_2d_actor_added_while_cheap_is_scaled_at_the_next_frame_and_put_back():
    """Pins are redrawn on every pose step of a slider drag, at their full sizes."""
    window, renderer = _window()
    quality = InteractiveQuality(window, lambda: None)
    quality.begin("moving")
    assert quality.full_size == (1280, 800)
    caption = vtkCaptionActor2D()
    caption.SetPosition(40, 10)
    caption.GetProperty().SetLineWidth(3)
    renderer.AddViewProp(caption)
    quality.frame_drawn()
    assert caption.GetPosition() == pytest.approx((20, 5))
    assert caption.GetProperty().GetLineWidth() == pytest.approx(1.5)
    quality.frame_drawn()  # scaled once, not again
    assert caption.GetPosition() == pytest.approx((20, 5))
    quality.end("moving")
    assert caption.GetPosition() == pytest.approx((40, 10))
    assert caption.GetProperty().GetLineWidth() == pytest.approx(3)
    assert quality.full_size is None


def test_no_sharp_frame_is_owed_when_no_cheap_frame_was_shown():
    window, _ = _window()
    renders = []
    quality = InteractiveQuality(window, lambda: renders.append(1))
    quality.frame_drawn()  # a sharp frame, before
    quality.begin("drag")
    quality.end("drag")  # a click: press and release, nothing drawn between
    assert renders == [] and window.GetSize() == (1280, 800)


def test_a_resize_while_moving_keeps_the_new_full_size():
    window, _ = _window()
    quality = InteractiveQuality(window, lambda: None)
    quality.begin("drag")
    window.SetSize(1000, 600)  # what the view does when it is resized
    window.SetDPI(72)
    quality.resized()
    assert window.GetSize() == (500, 300) and window.GetDPI() == 36
    quality.end_all()
    assert window.GetSize() == (1000, 600) and window.GetDPI() == 72


def test_a_scale_outside_zero_to_one_is_refused():
    window, _ = _window()
    with pytest.raises(ValueError, match="interactive scale"):
        InteractiveQuality(window, lambda: None, scale=1.5)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_single_change_is_sharp_and_a_second_before_the_rest_is_cheap():
    clock = FakeClock()
    watch = MotionWatch(settle_s=0.15, clock=clock)
    here, there, further = (0, 0, 1), (0, 1, 1), (1, 1, 1)
    assert not watch.frame_starting(here)  # the first frame: nothing to compare
    assert not watch.frame_done()
    watch.note_change()
    assert not watch.frame_starting(here), "one pose change is drawn sharp"
    clock.now += 0.3  # a slow frame: the rest counts from its end
    assert watch.frame_done()
    clock.now += 0.1
    watch.note_change()
    assert watch.frame_starting(there), "a second change before the rest continues a movement"
    watch.frame_done()
    clock.now += 0.5
    assert not watch.frame_starting(further), "after the rest a change is single again"
    watch.frame_done()
    clock.now += 0.05
    assert not watch.frame_starting(here, count_camera=False), "a drag's camera does not count"
    assert not watch.frame_done()
    clock.now += 0.05
    assert not watch.frame_starting(here), "a frame where nothing moved is not a movement"
    watch.frame_done()


def test_the_rest_ends_when_the_pose_changes_not_when_its_slow_frame_starts():
    clock = FakeClock()
    watch = MotionWatch(settle_s=0.15, clock=clock)
    watch.frame_starting((0,))
    watch.note_change()
    watch.frame_starting((0,))
    watch.frame_done()
    clock.now += 0.1
    watch.note_change()  # the slider moved again, then its re-pose takes long
    assert watch.change_waiting
    clock.now += 0.3
    assert watch.frame_starting((0,)), "the movement goes on"
    assert not watch.change_waiting


# -- the real window --------------------------------------------------------------------------


def _picture(view) -> np.ndarray:
    """The view's picture as rendered now (RGB), read back from its framebuffer."""
    image = view.grabFramebuffer().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = data.reshape(height, image.bytesPerLine())[:, : width * 3]
    return rows.reshape(height, width, 3).copy()  # the QImage's memory goes with it


def _frames(view) -> list[int]:
    shown = [0]
    view.frameSwapped.connect(lambda: shown.__setitem__(0, shown[0] + 1))
    return shown


def test_a_drag_draws_cheap_frames_and_a_sharp_one_on_release(window, qtbot):
    view = window.view
    full = view.ren_win.GetSize()
    shown = _frames(view)
    start, end = QPoint(400, 400), QPoint(520, 420)
    press(view, start)
    assert not view.quality.active, "a press alone may still be a click: nothing changes yet"
    before = shown[0]
    move_held(view, start, end, steps=6)
    qtbot.waitUntil(lambda: shown[0] > before)
    assert view.quality.reasons == {"drag"}
    assert view.ren_win.GetSize() == reduced_size(full, view.quality.scale)
    owed = view.quality.still_frames_requested
    before = shown[0]
    release(view, end)
    assert not view.quality.active
    assert view.ren_win.GetSize() == full
    assert view.quality.still_frames_requested == owed + 1
    qtbot.waitUntil(lambda: shown[0] > before)  # the sharp frame is shown
    settled = shown[0]
    qtbot.wait(300)
    assert shown[0] == settled, "an idle view draws nothing more"


def test_the_still_frame_after_a_drag_matches_a_view_that_never_moved(make_window, qtbot):
    """Labels and a selection outline on, so the overlay's pixel sizes are checked too."""
    moved, untouched = make_window(), make_window()
    for window in (moved, untouched):
        window.state.labels = True
        window.state.select("semitendinosus")
    assert moved.view.size() == untouched.view.size()
    start, end = QPoint(420, 420), QPoint(560, 380)
    position_before = moved.view.camera.position
    press(moved.view, start)
    move_held(moved.view, start, end, steps=8)
    assert moved.view.quality.active
    release(moved.view, end)
    assert not moved.view.quality.active
    untouched.view.camera = moved.view.camera.copy()
    untouched.view.renderer.ResetCameraClippingRange()
    moved.view.renderer.ResetCameraClippingRange()
    after_drag, never_moved = _picture(moved.view), _picture(untouched.view)
    assert untouched.view.quality.still_frames_requested == 0
    assert after_drag.shape == never_moved.shape
    differing = np.any(np.abs(after_drag.astype(int) - never_moved.astype(int)) > 2, axis=2)
    assert differing.mean() < 0.001, f"{differing.sum()} pixels differ after the drag"
    # the drag did turn the leg (else the comparison would prove nothing)
    assert np.linalg.norm(np.subtract(moved.view.camera.position, position_before)) > 50


def test_moving_the_knee_slider_draws_cheap_frames_until_it_rests(window, qtbot):
    window.motion_dock.raise_()
    qtbot.waitUntil(window.pose_panel.isVisible)
    slider = window.pose_panel.sliders["knee_flexion"]
    view = window.view
    full = view.ren_win.GetSize()

    def handle(value: int) -> QPoint:
        fraction = (value - slider.minimum()) / (slider.maximum() - slider.minimum())
        return QPoint(round(8 + fraction * (slider.width() - 16)), slider.height() // 2)

    owed = view.quality.still_frames_requested
    press(slider, handle(0))
    move_held(slider, handle(0), handle(60), steps=6)
    assert window.state.pose.knee_flexion > 30
    assert "moving" in view.quality.reasons
    assert view.ren_win.GetSize() == reduced_size(full, view.quality.scale)
    release(slider, handle(60))
    qtbot.waitUntil(lambda: not view.quality.active)
    assert view.ren_win.GetSize() == full
    assert view.quality.still_frames_requested == owed + 1


@pytest.mark.parametrize("change", ["pose", "view preset"])
def test_one_pose_change_or_view_preset_is_drawn_sharp_at_once(window, qtbot, change):
    view = window.view
    shown = _frames(view)
    before = shown[0]
    if change == "pose":
        window.state.pose = replace(window.state.pose, knee_flexion=40)
    else:
        window.set_view("lateral")
    qtbot.waitUntil(lambda: shown[0] > before)
    assert not view.quality.active
    assert view.quality.still_frames_requested == 0


def test_held_arrow_keys_turn_the_leg_cheaply_then_sharp(window, qtbot):
    from PySide6.QtCore import Qt

    view = window.view
    shown = _frames(view)
    seen_cheap = []
    for _ in range(6):
        before = shown[0]
        qtbot.keyClick(view, Qt.Key.Key_Right)
        qtbot.waitUntil(lambda before=before: shown[0] > before)
        seen_cheap.append(view.quality.active)
    assert seen_cheap[0] is False, "the first turn is drawn sharp"
    assert all(seen_cheap[1:]), seen_cheap
    qtbot.waitUntil(lambda: not view.quality.active)
    assert view.quality.still_frames_requested == 1


def test_culling_the_back_of_opaque_parts_leaves_the_picture_unchanged(catalogue):
    """The scene culls back faces of opaque parts for speed; drawing them changes no pixel."""
    import pyvista as pv

    from meshes.leg import build_leg
    from viewer.model.state import AtlasState
    from viewer.render.scene import LegScene

    state = AtlasState()
    state.view = "lateral"
    state.pose = replace(state.pose, knee_flexion=70, hip_flexion=40)
    plotter = pv.Plotter(off_screen=True, window_size=(640, 400))
    try:
        plotter.disable_anti_aliasing()
        scene = LegScene(plotter, state, build_leg(state.pose), name_of=catalogue.display_name)
        for part_id, actor in scene.actors.items():
            opaque = actor.prop.opacity >= 1.0
            assert actor.prop.GetBackfaceCulling() == (opaque or part_id == "skin"), part_id
        fast = plotter.screenshot(return_img=True).copy()
        for actor in scene.actors.values():
            actor.prop.SetBackfaceCulling(False)
        full = plotter.screenshot(return_img=True).copy()
        state.set_layer_opacity("superficial", 0.5)
        assert not scene.actors["semitendinosus"].prop.GetBackfaceCulling()
    finally:
        plotter.close()
    assert np.array_equal(fast, full)


def test_a_click_never_resizes_the_render_window(window, qtbot):
    """A click is not a drag: no cheap frame, no reallocated buffers, no extra render."""
    view = window.view
    sizes = []
    observer = view.ren_win.AddObserver("WindowResizeEvent", lambda *_: sizes.append(1))
    owed = view.quality.still_frames_requested
    try:
        for x in (300, 420, 520):
            press(view, QPoint(x, 400))
            move_held(view, QPoint(x, 400), QPoint(x + 2, 401), steps=2)  # a hand's jitter
            assert not view.quality.active
            release(view, QPoint(x + 2, 401))
    finally:
        view.ren_win.RemoveObserver(observer)
    assert not sizes and view.quality.still_frames_requested == owed


def test_a_drag_draws_the_coarse_twins_and_the_full_meshes_again_on_release(window, qtbot):
    """Once the coarse leg has arrived from its worker thread, a real drag draws far fewer
    triangles; the release puts every part's full mesh back before the sharp frame."""
    view, scene = window.view, window.scene
    qtbot.waitUntil(lambda: scene.has_coarse_twins, timeout=60_000)

    def drawn() -> int:
        return sum(a.mapper.dataset.n_cells for a in scene.actors.values() if a.visibility)

    full = drawn()
    shown = _frames(view)
    start, end = QPoint(400, 400), QPoint(520, 420)
    press(view, start)
    before = shown[0]
    move_held(view, start, end, steps=6)
    qtbot.waitUntil(lambda: shown[0] > before)
    assert scene.drawing_coarse
    assert drawn() < 0.4 * full
    release(view, end)
    assert not scene.drawing_coarse
    assert all(a.mapper is scene.leg_mapper(p) for p, a in scene.actors.items())
    assert drawn() == full


def test_a_drag_whose_release_went_elsewhere_ends_at_the_next_plain_move(window, qtbot):
    """A dialog may take the mouse mid-drag: the next move without a button is sharp again."""
    from tests.gui_helpers import hover

    view = window.view
    full = view.ren_win.GetSize()
    start, end = QPoint(400, 400), QPoint(520, 420)
    press(view, start)
    move_held(view, start, end, steps=6)
    assert view.quality.reasons == {"drag"}
    hover(view, QPoint(530, 420))  # no release ever reached the view
    assert not view.quality.active
    assert view.ren_win.GetSize() == full
    camera = view.camera.position
    hover(view, QPoint(700, 300))
    assert view.camera.position == camera, "a plain move no longer turns the leg"


def test_labels_keep_their_sides_and_places_when_a_drag_ends(window, qtbot):
    """While a drag draws the coarse twins at half size the labels still hang on the full
    meshes (they show the same pose), so the sharp frame moves no label: before, labels
    near the leg's middle could change sides on the release."""
    window.state.labels = True
    view = window.view
    start, end = QPoint(300, 300), QPoint(380, 300)
    press(view, start)
    move_held(view, start, end, steps=8)
    shown = _frames(view)
    qtbot.waitUntil(lambda: window.scene.drawing_coarse)
    view.request_render()
    qtbot.waitUntil(lambda: shown[0] > 0)
    width = view.ren_win.GetSize()[0]
    cheap = {p: (b.x + b.width / 2) / width for p, b in window.scene.label_boxes().items()}
    release(view, end)
    view.render()
    width = view.ren_win.GetSize()[0]
    sharp = {p: (b.x + b.width / 2) / width for p, b in window.scene.label_boxes().items()}
    assert cheap.keys() == sharp.keys() and len(sharp) >= 10
    moved = {
        p: round(abs(cheap[p] - sharp[p]), 3) for p in sharp if abs(cheap[p] - sharp[p]) > 0.01
    }
    assert not moved, f"labels moved across the view on release: {moved}"
