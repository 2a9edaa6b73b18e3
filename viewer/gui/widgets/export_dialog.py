"""The Export screenshot dialog: file, size presets, style, labels; remembers its choices.

It shows the exact pixel size it will write before Save, offers the sizes
slides use (1080p, 4K) beside the window's own, and keeps every choice in
QSettings so the next export starts where the last one left off.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from viewer.gui.theme import outline_tick_boxes
from viewer.model.pins import Pin
from viewer.model.state import AtlasState
from viewer.render.export import MAX_SIDE_PX, CameraPose, ExportError, export_screenshot
from viewer.render.style import style_for_export

#: Size presets: (title, fixed size or a multiple of the 3D view's pixels, or None for custom).
SIZE_PRESETS: tuple[tuple[str, tuple[int, int] | int | None], ...] = (
    ("Window size", 1),
    ("2× window", 2),
    ("1080p slide (1920×1080)", (1920, 1080)),
    ("4K slide (3840×2160)", (3840, 2160)),
    ("Custom", None),
)
SIZE_CHOICES = tuple(title for title, _ in SIZE_PRESETS)
STYLE_CHOICES = (
    ("auto", "Automatic (light when transparent)"),
    ("dark", "Dark: light text on dark"),
    ("light", "Light: dark text and lines, for white slides"),
)
SETTINGS_GROUP = "export_dialog"


class ExportDialog(QDialog):
    """Renders the state as the 3D ``view`` shows it; ``saved`` reports the file written."""

    saved = Signal(Path)

    def __init__(
        self,
        parent: QWidget,
        state: AtlasState,
        view,
        name_of: Callable[[str], str],
        folder: str = "",
        settings: QSettings | None = None,
        pins: Sequence[Pin] = (),
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.pins = tuple(pins)  # drawn in the picture as the view shows them
        self.view = view
        self.name_of = name_of
        self.settings = settings
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Export screenshot")
        folder = Path(folder or Path.home())
        self.path_field = QLineEdit(str(folder / "leg-atlas.png"))
        self.path_field.setAccessibleName("File to write")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_field)
        row.addWidget(browse)
        self.size_choice = QComboBox()
        self.size_choice.addItems(SIZE_CHOICES)
        self.size_choice.setAccessibleName("Picture size")
        self.width_field = QSpinBox(minimum=1, maximum=MAX_SIDE_PX, value=1920)
        self.height_field = QSpinBox(minimum=1, maximum=MAX_SIDE_PX, value=1080)
        self.width_field.setAccessibleName("Width in pixels")
        self.height_field.setAccessibleName("Height in pixels")
        custom = QWidget()
        custom_row = QHBoxLayout(custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        custom_row.addWidget(self.width_field)
        custom_row.addWidget(QLabel("×"))
        custom_row.addWidget(self.height_field)
        self.size_note = QLabel()
        self.size_note.setAccessibleName("Size that will be written")
        self.style_choice = QComboBox()
        for key, title in STYLE_CHOICES:
            self.style_choice.addItem(title, key)
        self.style_choice.setAccessibleName("Label style")
        self.transparent = QCheckBox("Transparent background (PNG only)")
        self.labels = QCheckBox("Show labels")
        self.labels.setChecked(state.labels)
        for box in (self.transparent, self.labels):
            outline_tick_boxes(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow("File", path_row)
        form.addRow("Size", self.size_choice)
        form.addRow("Width × height", custom)
        form.addRow("Writes", self.size_note)
        form.addRow("Labels and lines", self.style_choice)
        form.addRow("", self.transparent)
        form.addRow("", self.labels)
        form.addRow(buttons)
        self._restore()
        for signal in (
            self.size_choice.currentIndexChanged,
            self.path_field.textChanged,
            self.width_field.valueChanged,
            self.height_field.valueChanged,
            self.transparent.toggled,
            self.style_choice.currentIndexChanged,
        ):
            signal.connect(self._sync)
        self._sync()

    # -- remembered choices ----------------------------------------------------------------
    def _restore(self) -> None:
        if self.settings is None:
            return
        settings = self.settings
        settings.beginGroup(SETTINGS_GROUP)
        try:
            size = str(settings.value("size", ""))
            if size in SIZE_CHOICES:
                self.size_choice.setCurrentText(size)
            for field, key in ((self.width_field, "width"), (self.height_field, "height")):
                with contextlib.suppress(TypeError, ValueError):  # a hand-edited file
                    field.setValue(int(settings.value(key, field.value())))
            style = self.style_choice.findData(str(settings.value("style", "auto")))
            self.style_choice.setCurrentIndex(max(0, style))
            self.transparent.setChecked(settings.value("transparent", False) in (True, "true"))
            labels = settings.value("labels")
            if labels is not None:
                self.labels.setChecked(labels in (True, "true"))
            name = str(settings.value("file_name", ""))
            if name:
                self.path_field.setText(str(Path(self.path_field.text()).parent / name))
        finally:
            settings.endGroup()

    def _remember(self) -> None:
        if self.settings is None:
            return
        values = {
            "size": self.size_choice.currentText(),
            "width": self.width_field.value(),
            "height": self.height_field.value(),
            "style": self.style_choice.currentData(),
            "transparent": self.transparent.isChecked(),
            "labels": self.labels.isChecked(),
            "file_name": Path(self.path_field.text()).name,
        }
        self.settings.beginGroup(SETTINGS_GROUP)
        for key, value in values.items():
            self.settings.setValue(key, value)
        self.settings.endGroup()
        self.settings.sync()

    # -- reactions -------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export screenshot", self.path_field.text(), "Images (*.png *.jpg *.tif)"
        )
        if path:
            self.path_field.setText(path)

    def _sync(self, *_: object) -> None:
        custom = self.size_choice.currentText() == "Custom"
        self.width_field.setEnabled(custom)
        self.height_field.setEnabled(custom)
        is_png = self.path_field.text().lower().endswith(".png")
        self.transparent.setEnabled(is_png)
        if not is_png:
            self.transparent.setChecked(False)
        width, height = self.chosen_size()
        style = style_for_export(width, height, self.chosen_style(), self.transparent.isChecked())
        self.size_note.setText(
            f"{width} × {height} px, {style.name} labels {style.label_px} px high"
        )

    def chosen_style(self) -> str | None:
        key = self.style_choice.currentData()
        return None if key == "auto" else key

    def chosen_size(self) -> tuple[int, int]:
        """The pixels the file will have: the 3D view's real pixels for the window presets."""
        preset = dict(SIZE_PRESETS)[self.size_choice.currentText()]
        if preset is None:
            return self.width_field.value(), self.height_field.value()
        if isinstance(preset, tuple):
            return preset
        ratio = self.view.devicePixelRatioF()
        width, height = round(self.view.width() * ratio), round(self.view.height() * ratio)
        return min(MAX_SIDE_PX, width * preset), min(MAX_SIDE_PX, height * preset)

    def save(self) -> None:
        path = Path(self.path_field.text()).expanduser()
        state = self.state.model_copy(update={"labels": self.labels.isChecked()}, deep=True)
        try:
            export_screenshot(
                state,
                path,
                self.chosen_size(),
                self.name_of,
                CameraPose.of(self.view.camera),
                self.transparent.isChecked(),
                style=self.chosen_style(),
                pins=self.pins,
            )
        except ExportError as error:
            QMessageBox.critical(self, "Export failed", str(error))
            return
        self._remember()
        self.saved.emit(path)
        self.accept()
