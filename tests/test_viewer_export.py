"""Screenshot export from the window (dialog) and from the command line (headless)."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QApplication

from tests.cli_helpers import legatlas
from tests.gui_helpers import open_export_dialog, read_and_close_modal_later


def _export_from_dialog(qtbot, window, path, size=(640, 400), transparent=False):
    dialog = open_export_dialog(qtbot, window)
    dialog.path_field.setText(str(path))
    dialog.size_choice.setCurrentText("Custom")
    dialog.width_field.setValue(size[0])
    dialog.height_field.setValue(size[1])
    dialog.transparent.setChecked(transparent)
    return dialog


def test_dialog_exports_png_of_requested_size_with_alpha(window, qtbot, tmp_path):
    path = tmp_path / "calf.png"
    dialog = _export_from_dialog(qtbot, window, path, transparent=True)
    dialog.save_button.click()
    with Image.open(path) as image:
        assert image.size == (640, 400)
        assert image.mode == "RGBA"
        alpha = image.getchannel("A")
        assert alpha.getextrema() == (0, 255)  # transparent background, opaque leg
    assert window.last_export_dir == str(tmp_path)


def test_dialog_view_multiplier_doubles_the_view_size(window, qtbot, tmp_path):
    path = tmp_path / "double.jpg"
    dialog = open_export_dialog(qtbot, window)
    dialog.path_field.setText(str(path))
    dialog.size_choice.setCurrentText("2× window")
    assert not dialog.transparent.isEnabled()
    dialog.save_button.click()
    with Image.open(path) as image:
        assert image.size == (2 * window.view.width(), 2 * window.view.height())


def test_unwritable_path_shows_an_error_and_leaves_no_file(window, qtbot, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where a folder should be")
    path = blocker / "shot.png"
    dialog = _export_from_dialog(qtbot, window, path)
    seen = read_and_close_modal_later()
    dialog.save_button.click()
    assert "cannot write" in seen["text"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert dialog.isVisible()  # the person can fix the path and try again


def test_copy_view_puts_an_image_on_the_clipboard(window):
    window.actions_by_key["copy"].trigger()
    image = QApplication.clipboard().image()
    assert image.width() == window.view.width()


# -- command line, with no display -------------------------------------------------------


def test_cli_screenshot_renderslegatlas(tmp_path):
    path = tmp_path / "soleus.png"
    result = legatlas(
        "screenshot", str(path), "--size", "400x500", "--hide", "superficial",
        "--select", "soleus", "--view", "medial", "--transparent", "--labels",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with Image.open(path) as image:
        assert image.size == (400, 500)
        assert image.mode == "RGBA"


def test_cli_screenshot_scale_multiplies_size(tmp_path):
    path = tmp_path / "leg.tif"
    result = legatlas("screenshot", str(path), "--size", "200x150", "--scale", "2")
    assert result.returncode == 0, result.stderr
    with Image.open(path) as image:
        assert image.size == (400, 300)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--select", "quadriceps"],
        ["--hide", "muscles"],
        ["--view", "top"],
        ["--size", "big"],
        ["--knee-flexion", "200"],
    ],
)
def test_cli_screenshot_bad_arguments_exit_2_listing_choices(tmp_path, arguments):
    path = tmp_path / "x.png"
    result = legatlas("screenshot", str(path), *arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert not path.exists()
    if arguments[0] in ("--select", "--hide"):
        assert "soleus" in result.stderr  # lists the valid ids


def test_cli_screenshot_unwritable_path_exits_1_with_one_line(tmp_path):
    path = tmp_path / "no-such-folder" / "x.png"
    result = legatlas("screenshot", str(path), "--size", "100x100")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "cannot write" in result.stderr
    assert not path.parent.exists()


def test_gui_without_a_display_exits_1_with_a_hint():
    result = legatlas()
    assert result.returncode == 1
    assert "xvfb-run legatlas" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
