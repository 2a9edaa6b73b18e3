"""Slide-ready pictures: overlay grows with the picture, light style on white, dialog presets."""

from __future__ import annotations

import numpy as np
from PIL import Image

from tests.cli_helpers import legatlas
from tests.gui_helpers import open_export_dialog
from viewer.render.style import overlay_style, scale_for_size, style_for_export


def _on_white(path) -> np.ndarray:
    with Image.open(path) as image:
        rgba = image.convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    white.alpha_composite(rgba)
    return np.asarray(white.convert("L"), dtype=float)


def _tallest_dark_run(grey: np.ndarray, columns: slice, threshold: float = 90) -> int:
    """Height of the tallest block of consecutive rows with dark pixels in ``columns``:
    a line of label text (leader lines are a few pixels and sit inside a text line)."""
    rows = (grey[:, columns] < threshold).any(axis=1)
    best = run = 0
    for dark in rows:
        run = run + 1 if dark else 0
        best = max(best, run)
    return best


def _ink_share_of_tallest_line(grey: np.ndarray, columns: slice, threshold: float = 90) -> float:
    """Share of dark pixels across the tallest text line: low for dark text on a light
    ground, high for a dark label box (unreadable as such on a white slide's design)."""
    grey = grey[:, columns]
    rows = [*(grey < threshold).any(axis=1), False]
    best, start = (0, 0), None
    for index, dark in enumerate(rows):
        if dark and start is None:
            start = index
        elif not dark and start is not None:
            if index - start > best[1] - best[0]:
                best = (start, index)
            start = None
    band = grey[best[0] : best[1]]
    inked = np.where((band < threshold).any(axis=0))[0]
    line = band[:, inked.min() : inked.max() + 1]
    return float((line < threshold).mean())


def test_the_overlay_grows_with_the_picture():
    assert scale_for_size(1200, 800) == 1.0
    assert scale_for_size(3840, 2160) > 2.5
    assert overlay_style("dark", 2.7).label_px == 38
    assert style_for_export(800, 600, transparent=True).name == "light"
    assert style_for_export(800, 600, name="dark", transparent=True).name == "dark"


def test_4k_transparent_labels_are_dark_and_legible_on_white(tmp_path):
    path = tmp_path / "slide.png"
    result = legatlas(
        "screenshot", str(path), "--size", "3840x2160", "--transparent", "--labels",
        "--stretch-map",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    grey = _on_white(path)
    assert grey.shape == (2160, 3840)
    # Labels of the medial muscles sit in a column left of the leg; their text must be
    # dark on white and at least 25 px tall (about 19 pt on a 1080p-high projected slide).
    assert _tallest_dark_run(grey, slice(0, 1700)) >= 25
    assert _ink_share_of_tallest_line(grey, slice(0, 1700)) < 0.4  # dark text, light ground
    # The colour bar's numbers are dark too, in the strip along the bottom.
    assert (grey[1900:, :] < 90).sum() > 2000


def test_scale_really_scales_labels_and_changes_the_file(tmp_path):
    small, scaled = tmp_path / "small.png", tmp_path / "scaled.png"
    common = ("--labels", "--style", "light")
    assert legatlas("screenshot", str(small), "--size", "900x700", *common).returncode == 0
    result = legatlas("screenshot", str(scaled), "--size", "900x700", "--scale", "2", *common)
    assert result.returncode == 0, result.stderr
    assert small.read_bytes() != scaled.read_bytes()
    small_text = _tallest_dark_run(_on_white(small), slice(0, 380))
    scaled_text = _tallest_dark_run(_on_white(scaled), slice(0, 760))
    assert 1.6 * small_text <= scaled_text <= 2.4 * small_text


def test_label_size_option_sets_the_text_height(tmp_path):
    path = tmp_path / "big-labels.png"
    result = legatlas(
        "screenshot", str(path), "--size", "1200x800", "--labels", "--style", "light",
        "--label-size", "30",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _tallest_dark_run(_on_white(path), slice(0, 480)) >= 20


def test_select_takes_part_ids_in_any_case_and_positions_by_name(tmp_path):
    path = tmp_path / "part.png"
    result = legatlas(
        "screenshot", str(path), "--size", "300x300", "--select", "Biceps_Femoris.Short_Head",
        "--position", "wall_calf_stretch",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    miss = legatlas("screenshot", str(path), "--select", "solius")
    assert miss.returncode == 2
    assert "did you mean soleus" in miss.stderr
    position = legatlas("screenshot", str(path), "--position", "wall_calf_strech")
    assert position.returncode == 2
    assert "did you mean wall_calf_stretch" in position.stderr


def test_cli_errors_name_the_flag_and_list_hide_choices_once(tmp_path):
    path = tmp_path / "x.png"
    angle = legatlas("screenshot", str(path), "--knee-flexion", "200")
    assert angle.returncode == 2
    assert "--knee-flexion 200 is out of range" in angle.stderr
    hide = legatlas("screenshot", str(path), "--hide", "muscle")
    valid = hide.stderr.split("valid:")[1]
    assert [item.strip() for item in valid.split(",")].count("skin") == 1


def test_dialog_presets_show_and_write_the_real_size_and_are_remembered(window, qtbot, tmp_path):
    dialog = open_export_dialog(qtbot, window)
    dialog.size_choice.setCurrentText("Window size")
    ratio = window.view.devicePixelRatioF()
    real = (round(window.view.width() * ratio), round(window.view.height() * ratio))
    assert f"{real[0]} × {real[1]} px" in dialog.size_note.text()
    dialog.size_choice.setCurrentText("1080p slide (1920×1080)")
    assert "1920 × 1080 px" in dialog.size_note.text()
    path = tmp_path / "slide.png"
    dialog.path_field.setText(str(path))
    dialog.transparent.setChecked(True)
    assert "light labels" in dialog.size_note.text()
    dialog.save_button.click()
    with Image.open(path) as image:
        assert image.size == (1920, 1080)
    again = open_export_dialog(qtbot, window)
    assert again.size_choice.currentText() == "1080p slide (1920×1080)"
    assert again.transparent.isChecked()
    assert again.path_field.text() == str(path)
    again.reject()


def test_screenshot_into_a_missing_folder_names_that_folder(tmp_path):
    path = tmp_path / "slides" / "leg.png"
    result = legatlas("screenshot", str(path), "--size", "100x100")
    assert result.returncode == 1
    assert f"folder {tmp_path / 'slides'} does not exist" in result.stderr
    assert not path.parent.exists()
