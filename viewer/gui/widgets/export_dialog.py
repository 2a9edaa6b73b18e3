"""The Export screenshot dialog: file, size, transparency, labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from viewer.model.pins import Pin
from viewer.model.state import AtlasState
from viewer.render.export import MAX_SIDE_PX, CameraPose, ExportError, export_screenshot

SIZE_CHOICES = ("View size", "2x view", "4x view", "Custom")


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
        pins: Sequence[Pin] = (),
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.pins = tuple(pins)  # drawn in the picture as the view shows them
        self.view = view
        self.name_of = name_of
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Export screenshot")
        folder = Path(folder or Path.home())
        self.path_field = QLineEdit(str(folder / "leg-atlas.png"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QWidget()
        row = QHBoxLayout(path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_field)
        row.addWidget(browse)
        self.size_choice = QComboBox()
        self.size_choice.addItems(SIZE_CHOICES)
        self.width_field = QSpinBox(minimum=1, maximum=MAX_SIDE_PX, value=1920)
        self.height_field = QSpinBox(minimum=1, maximum=MAX_SIDE_PX, value=1080)
        custom = QWidget()
        custom_row = QHBoxLayout(custom)
        custom_row.setContentsMargins(0, 0, 0, 0)
        custom_row.addWidget(self.width_field)
        custom_row.addWidget(self.height_field)
        self.transparent = QCheckBox("Transparent background (PNG only)")
        self.labels = QCheckBox("Show labels")
        self.labels.setChecked(state.labels)
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
        form.addRow("", self.transparent)
        form.addRow("", self.labels)
        form.addRow(buttons)
        self.size_choice.currentIndexChanged.connect(self._sync)
        self.path_field.textChanged.connect(self._sync)
        self._sync()

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

    def chosen_size(self) -> tuple[int, int]:
        view = self.view
        multiplier = {"View size": 1, "2x view": 2, "4x view": 4}.get(
            self.size_choice.currentText()
        )
        if multiplier is None:
            return self.width_field.value(), self.height_field.value()
        width, height = view.width(), view.height()
        return min(MAX_SIDE_PX, width * multiplier), min(MAX_SIDE_PX, height * multiplier)

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
                pins=self.pins,
            )
        except ExportError as error:
            QMessageBox.critical(self, "Export failed", str(error))
            return
        self.saved.emit(path)
        self.accept()
