"""Sliders for hip, knee and ankle, the motion controls, and every muscle's length change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meshes.lengths import length_rows
from meshes.parts import PART_BY_ID
from meshes.pose import POSE_LABELS, POSE_RANGES_DEG, STANDING, Pose
from viewer.gui.widgets.tab_work import TabWork
from viewer.model.motion import SPEEDS
from viewer.model.state import AtlasState, MotionStatus
from viewer.render.appearance import stretch_colour

IDLE_MOTION_TEXT = "No motion playing. Pick one in the Exercises tab, or ▶ Show on model in a card."


class AngleSpinBox(QSpinBox):
    """An angle field that refuses an out-of-range number instead of keeping part of it.

    A plain QSpinBox drops the key that would leave its range, so typing 150
    into a 0..140 field quietly gives 15. Here any whole number may be typed;
    one outside the range is not accepted and the field goes back to its
    last value (``CorrectToPreviousValue``), and ``out_of_range`` says why.
    """

    out_of_range = Signal(str)

    def validate(self, text: str, position: int):
        state, text, position = super().validate(text, position)
        if state == QValidator.State.Invalid:
            number = text.removesuffix(self.suffix()).strip()
            if number.lstrip("-").isdigit() or number in ("", "-"):
                return QValidator.State.Intermediate, text, position
        return state, text, position

    def fixup(self, text: str) -> str:
        number = text.removesuffix(self.suffix()).strip()
        if number.lstrip("-").isdigit():
            self.out_of_range.emit(
                f"{number}° is outside {self.minimum()}..{self.maximum()}°; kept {self.value()}°"
            )
        return text


class PosePanel(QWidget):
    """Writes poses to the state; shows the state's pose, motion and the lengths they imply.

    The motion buttons only emit signals: the motion controller owns the player,
    and its status comes back through ``state.motion``.
    """

    reset_requested = Signal()
    pause_toggled = Signal()
    stop_requested = Signal()
    speed_changed = Signal(float)
    pose_edited = Signal()  # the person moved a slider or typed an angle

    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self._applying = False
        self.sliders: dict[str, QSlider] = {}
        self.fields: dict[str, QSpinBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        grid = QGridLayout()
        for row, (joint, (low, high)) in enumerate(POSE_RANGES_DEG.items()):
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(int(low), int(high))
            slider.setToolTip(f"{POSE_LABELS[joint]}, {low:g}° to {high:g}°")
            field = AngleSpinBox(minimum=int(low), maximum=int(high), suffix="°")
            field.setKeyboardTracking(False)
            slider.setAccessibleName(f"{POSE_LABELS[joint]} slider")
            field.setAccessibleName(f"{POSE_LABELS[joint]} in degrees")
            field.lineEdit().setAccessibleName(f"{POSE_LABELS[joint]} in degrees")
            field.setToolTip(f"{POSE_LABELS[joint]}, {low:g}° to {high:g}°; type and press Enter")
            grid.addWidget(QLabel(POSE_LABELS[joint]), 2 * row, 0, 1, 2)
            grid.addWidget(slider, 2 * row + 1, 0)
            grid.addWidget(field, 2 * row + 1, 1)
            slider.valueChanged.connect(lambda value, j=joint: self._set_angle(j, value))
            field.valueChanged.connect(lambda value, j=joint: self._set_angle(j, value))
            field.out_of_range.connect(self._refuse_angle)
            self.sliders[joint] = slider
            self.fields[joint] = field
        layout.addLayout(grid)
        self.angle_note = QLabel()
        self.angle_note.setWordWrap(True)
        self.angle_note.setStyleSheet("color: #f0b060;")
        self.angle_note.hide()
        layout.addWidget(self.angle_note)
        self.reset_button = QPushButton("Reset to standing")
        self.reset_button.setToolTip(
            "Stand the leg in the anatomical position (Esc stops a motion)"
        )
        self.reset_button.clicked.connect(self.reset_requested)
        layout.addWidget(self.reset_button)

        self.motion_label = QLabel(
            "No exercise or stretch playing. Pick one in the Exercises tab or a card."
        )
        self.motion_label.setWordWrap(True)
        self.pause_button = QPushButton("Pause")
        self.pause_button.setToolTip("Pause or resume the motion (Space)")
        self.pause_button.clicked.connect(self.pause_toggled)
        self.stop_button = QPushButton("Stop")
        self.stop_button.clicked.connect(self.stop_requested)
        self.speed = QComboBox()
        self.speed.addItems([f"{speed:g}×" for speed in SPEEDS])
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip("Playback speed")
        self.speed.setAccessibleName("Playback speed")
        self.speed.currentIndexChanged.connect(lambda i: self.speed_changed.emit(SPEEDS[i]))
        controls = QHBoxLayout()
        for widget in (self.pause_button, self.stop_button, QLabel("Speed"), self.speed):
            controls.addWidget(widget)
        layout.addWidget(self.motion_label)
        layout.addLayout(controls)
        self._show_motion(state.motion)

        layout.addWidget(QLabel("Length against standing"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Muscle", "Length", "Change"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setAccessibleName("Muscle lengths against standing")
        self.table.setToolTip("Click a row to select that muscle")
        self.table.cellClicked.connect(self._select_row)
        self._row_parts: list[str] = []
        self._table_work = TabWork(self._fill_table)  # the window says when it is in front
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        state.events.pose.connect(self.refresh)
        state.events.motion.connect(self._show_motion)
        self.refresh()

    def _set_angle(self, joint: str, value: int) -> None:
        if self._applying:
            return
        self.angle_note.hide()
        angles = self.state.pose.as_dict()
        angles[joint] = float(value)
        self.pose_edited.emit()  # a motion in progress gives way to the person's own pose
        self.state.pose = Pose(**angles)

    def _show_motion(self, status: MotionStatus) -> None:
        """Show what plays: nothing, a motion playing or paused, or a stretch being held."""
        self.pause_button.setEnabled(status.phase in ("playing", "paused"))
        self.stop_button.setEnabled(status.active)
        self.pause_button.setText("Play" if status.phase == "paused" else "Pause")
        if not status.active:
            self.motion_label.setText(
                "No motion playing. Pick one in the Exercises tab or a card (▶ Show on model)."
            )
        else:
            self.motion_label.setText(f"{status.phase.capitalize()}: <b>{status.name}</b>")

    def refresh(self, *_: object) -> None:
        pose = self.state.pose
        self._applying = True
        try:
            for joint, value in pose.as_dict().items():
                self.sliders[joint].setValue(round(value))
                self.fields[joint].setValue(round(value))
        finally:
            self._applying = False
        self.reset_button.setEnabled(pose != STANDING)
        self._refresh_table()

    @property
    def shown(self) -> bool:
        return self._table_work.shown

    def set_shown(self, shown: bool) -> None:
        """The tab holding the panel came to the front (True) or went behind another."""
        self._table_work.set_shown(shown)

    def _refresh_table(self) -> None:
        """The lengths of the pose, worked out only while the table can be seen.

        The tab sits behind the Atlas tab at start and during most motions, so
        the muscle paths (and numpy) wait until it is first shown.
        """
        self._table_work.request()

    def _fill_table(self) -> None:
        rows = length_rows(self.state.pose)
        self._row_parts = [row.part_id for row in rows]
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = self._name(row.part_id)
            change = row.change_percent
            cells = (name, f"{row.length_mm:.0f} mm", f"{change:+.1f} %")
            for column, text in enumerate(cells):
                item = self.table.item(index, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(index, column, item)
                item.setText(text)
                if column == 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    red, green, blue = stretch_colour(change)
                    item.setBackground(QColor.fromRgbF(red, green, blue))
                    item.setForeground(QColor("black"))

    def _refuse_angle(self, message: str) -> None:
        self.angle_note.setText(message)
        self.angle_note.show()

    def _select_row(self, row: int, _column: int) -> None:
        """A click on a row of the length table selects that muscle (or head)."""
        part = PART_BY_ID[self._row_parts[row]]
        self.state.select(part.structure, part.id if part.part else None)

    def _name(self, part_id: str) -> str:
        return self.catalogue.display_name(part_id)
