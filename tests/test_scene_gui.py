"""Scene files, pins, tours and worksheets on the real window, driven like a person."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QCursor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.cli_helpers import legatlas
from tests.gui_helpers import (
    click,
    open_export_dialog,
    read_and_close_modal_later,
    visible_point_of,
)
from viewer.model.scene_file import read_scene_file


def place_pin(qtbot, window, part_id: str, note: str) -> None:
    """Press N, click the model, type the note and press Enter."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.scenes.pinboard.placing
    click(window.view, visible_point_of(window.view, part_id))
    dialog = window.scenes.note_dialog
    qtbot.waitUntil(dialog.isVisible)
    field = dialog.findChild(QLineEdit)
    qtbot.keyClicks(field, note)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_a_pin_is_placed_by_clicking_and_typing_its_note(window, qtbot):
    place_pin(qtbot, window, "gastrocnemius.medial_head", "Medial head: the bigger one")
    (pin,) = window.scenes.pinboard.pins
    assert pin.part == "gastrocnemius.medial_head" and pin.note == "Medial head: the bigger one"
    assert not window.scenes.pinboard.placing and window.state.selected is None
    assert len(window.scenes.layer.positions) == 1
    # The pin sits on the surface where the click met it.
    mesh = window.scene.leg.meshes[pin.part]
    distance = np.linalg.norm(np.asarray(mesh.points) - np.asarray(pin.position), axis=1).min()
    assert distance < 8.0
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.scenes.pinboard.pins == ()


def test_a_scene_saved_reopened_and_rendered_by_the_cli_matches_the_window_export(
    window, qtbot, tmp_path
):
    click(window.view, visible_point_of(window.view, "semitendinosus"))
    qtbot.keyClick(window, Qt.Key.Key_1)  # skin off
    window.rotate(20, 0)
    place_pin(qtbot, window, "gastrocnemius.lateral_head", "Lateral head")
    path = tmp_path / "lesson.legatlas"
    assert window.scenes.save(path)
    camera = tuple(window.view.camera.position)

    window.state.show_all()
    window.state.clear_selection()
    window.scenes.pinboard.clear()
    window.set_view("lateral")
    window.scenes.open(path)
    assert window.state.selected == "semitendinosus"
    assert "skin" not in window.state.layers_visible
    assert [pin.note for pin in window.scenes.pinboard.pins] == ["Lateral head"]
    assert tuple(window.view.camera.position) == pytest.approx(camera)
    assert str(path.resolve()) in window.scenes.recent()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the note's box had the focus
    dialog = open_export_dialog(qtbot, window)
    dialog.path_field.setText(str(tmp_path / "window.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (tmp_path / "window.png").exists(), timeout=60_000)
    result = legatlas("screenshot", "--scene", str(path), str(tmp_path / "cli.png"))
    assert result.returncode == 0, result.stderr
    ours = np.asarray(Image.open(tmp_path / "window.png").convert("RGB"), dtype=float)
    theirs = np.asarray(Image.open(tmp_path / "cli.png").convert("RGB"), dtype=float)
    assert ours.shape == theirs.shape == (window.view.height(), window.view.width(), 3)
    difference = np.abs(ours - theirs).mean(axis=2)
    assert difference.mean() < 1.0 and np.percentile(difference, 99.5) < 40


def drop_files(window, paths) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPoint(window.width() // 2, window.height() // 2)
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        centre, actions, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(centre), actions, data, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, drop)


def test_dropping_a_scene_with_bad_fields_opens_the_rest_and_names_them(window, qtbot, tmp_path):
    path = tmp_path / "odd.legatlas"
    path.write_text(
        '[scene]\nselection = "soleus"\nhidden = ["femur", "spleen"]\nview = "above"\n',
        encoding="utf-8",
    )
    drop_files(window, [path])
    assert window.state.selected == "soleus" and window.state.hidden == {"femur"}
    box = window.scenes.warning_box
    qtbot.waitUntil(box.isVisible)
    assert f"{path}: scene.hidden: unknown ids ['spleen']" in box.text()
    assert f"{path}: scene.view: unknown view 'above'" in box.text()
    box.close()


TOUR = """title = "The hamstrings"
[scene]
view = "posterior"
[[step]]
text = "Three muscles behind the thigh."
selection = "hamstrings"
[[step]]
text = "Semitendinosus, medial and superficial."
selection = "semitendinosus"
camera = { position = [600, -1500, -300], focal_point = [0, 0, -400], up = [0, 0, 1] }
pose = { hip_flexion = 40, knee_flexion = 30, ankle_dorsiflexion = 0 }
[[step]]
text = "Biceps femoris, lateral."
selection = "biceps_femoris"
"""


def test_a_tour_is_stepped_through_with_back_and_next(window, qtbot, tmp_path):
    path = tmp_path / "tour.legatlas"
    path.write_text(TOUR, encoding="utf-8")
    window.scenes.open(path)
    panel = window.tour.panel
    assert window.tour.dock.isVisible()
    assert panel.text.text() == "Three muscles behind the thigh."
    assert panel.counter.text() == "Step 1 of 3" and not panel.back.isEnabled()
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert window.state.selected == "semitendinosus"
    assert window.tour.gliding, "the camera moves smoothly, not in one jump"
    qtbot.waitUntil(lambda: not window.tour.gliding, timeout=20_000)
    assert tuple(window.view.camera.position) == pytest.approx((600.0, -1500.0, -300.0))
    assert window.state.pose.knee_flexion == pytest.approx(30.0)
    qtbot.mouseClick(panel.next, Qt.MouseButton.LeftButton)
    assert panel.text.text() == "Biceps femoris, lateral." and not panel.next.isEnabled()
    qtbot.mouseClick(panel.back, Qt.MouseButton.LeftButton)
    assert panel.counter.text() == "Step 2 of 3"
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not window.tour.dock.isVisible()


def test_tour_steps_made_in_the_window_are_saved(window, qtbot, tmp_path):
    for text in ("First look", "Closer"):
        dialog = window.scenes.add_tour_step()
        field = dialog.findChild(QLineEdit)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        window.rotate(30, 0)
    path = tmp_path / "made.legatlas"
    window.scenes.save(path)
    document = read_scene_file(path)
    assert [step.text for step in document.steps] == ["First look", "Closer"]
    assert document.steps[0].camera != document.steps[1].camera


def test_a_worksheet_has_the_picture_blanks_and_a_key(window, qtbot, tmp_path):
    place_pin(qtbot, window, "semitendinosus", "ST")
    place_pin(qtbot, window, "gastrocnemius.medial_head", "MG")
    out = tmp_path / "sheet.pdf"
    assert window.scenes.export_worksheet(out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 2
    seen = read_and_close_modal_later()
    assert not window.scenes.export_worksheet(tmp_path / "missing" / "sheet.pdf")
    assert "Cannot write" in seen["text"] and not (tmp_path / "missing").exists()


def test_a_shipped_tour_opens_from_the_learn_menu(window, qtbot):
    """Learn > Tours lists the tours when it opens (not at start) and one opens with a click."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    bar = window.menuBar()
    learn = next(action for action in bar.actions() if action.text() == "&Learn")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(learn).center())
    qtbot.waitUntil(learn.menu().isVisible)
    tours = window.tours_menu
    place = learn.menu().actionGeometry(tours.menuAction()).center()
    qtbot.mouseMove(learn.menu(), place)
    qtbot.mouseClick(learn.menu(), Qt.MouseButton.LeftButton, pos=place)
    qtbot.waitUntil(tours.isVisible)
    titles = [action.text() for action in tours.actions()]
    assert titles == ["Gastrocnemius versus soleus", "The hamstrings", "The popliteal fossa"]
    hamstrings = next(a for a in tours.actions() if a.text() == "The hamstrings")
    qtbot.mouseClick(
        tours, Qt.MouseButton.LeftButton, pos=tours.actionGeometry(hamstrings).center()
    )
    qtbot.waitUntil(lambda: not learn.menu().isVisible())
    # Leave the pointer off every window: where the menu was, the next window has its toolbar.
    QCursor.setPos(window.screen().geometry().bottomRight())
    assert window.tour.dock.isVisible() and window.state.selected == "hamstrings"
    assert window.tour.panel.title.text() == "The hamstrings"
    assert window.scenes.warning_box is None


def test_a_saved_scene_is_listed_under_open_recent(window, qtbot, tmp_path):
    path = tmp_path / "recent.legatlas"
    window.scenes.save(path)
    window.scenes.fill_recent_menu(window.recent_menu)
    (action,) = [a for a in window.recent_menu.actions() if a.text() == "recent.legatlas"]
    window.state.select("femur")
    action.trigger()
    assert window.state.selected is None


def test_a_pin_ends_on_its_part_after_the_knee_slider_is_dragged(window, qtbot):
    """While a slider moves, the view draws coarse twins and the full meshes wait; when it
    rests they catch up and the pins, held to the full meshes, are drawn there again."""
    from tests.gui_helpers import move_held, press, release

    place_pin(qtbot, window, "gastrocnemius.medial_head", "Medial head")
    qtbot.waitUntil(lambda: window.scene.has_coarse_twins, timeout=60_000)
    window.motion_dock.raise_()
    slider = window.pose_panel.sliders["knee_flexion"]
    qtbot.waitUntil(slider.isVisible)

    def handle(value: int) -> QPoint:
        fraction = (value - slider.minimum()) / (slider.maximum() - slider.minimum())
        return QPoint(round(8 + fraction * (slider.width() - 16)), slider.height() // 2)

    press(slider, handle(0))
    move_held(slider, handle(0), handle(90), steps=6)
    assert window.state.pose.knee_flexion > 45
    assert window.scene.drawing_coarse, "the slider's frames draw the twins"
    assert window.scene.leg.pose != window.state.pose, "the full meshes wait meanwhile"
    release(slider, handle(90))
    qtbot.waitUntil(lambda: not window.view.quality.active, timeout=10_000)
    (pin,) = window.scenes.pinboard.pins
    mesh = window.scene.leg.meshes[pin.part]
    assert window.scene.leg.pose == window.state.pose
    (position,) = window.scenes.layer.positions
    distance = np.linalg.norm(np.asarray(mesh.points) - np.asarray(position), axis=1).min()
    assert distance < 1e-3, "the pin sits on a vertex of its part in the new pose"
