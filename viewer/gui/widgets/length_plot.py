"""Length curves of the selected muscle: path length against each joint angle.

Drawn with matplotlib (already installed with PyVista), imported only when
the plot is first shown, so it costs nothing at start-up. Each panel sweeps
one joint through its range with the other two held at the current pose,
and marks where the current pose sits.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meshes.lengths import length_curve, standing_lengths_mm
from meshes.parts import parts_of
from meshes.pose import POSE_LABELS, POSE_RANGES_DEG
from viewer.model.atomic import atomic_write
from viewer.model.state import AtlasState

CURVE_COLOURS = ("#c0392b", "#2e86c1")
REFRESH_DELAY_MS = 250


def curves_for(structure_id: str, pose):
    """{part_id: {joint: (angles, lengths)}} for the muscle parts of a structure."""
    muscle_parts = [p.id for p in parts_of(structure_id) if p.id in standing_lengths_mm()]
    return {
        part_id: {joint: length_curve(part_id, joint, pose) for joint in POSE_RANGES_DEG}
        for part_id in muscle_parts
    }


def write_curves_csv(curves, path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["muscle", "joint", "angle_deg", "length_mm"])
    for part_id, by_joint in curves.items():
        for joint, (angles, lengths) in by_joint.items():
            for angle, length in zip(angles, lengths, strict=True):
                writer.writerow([part_id, joint, f"{angle:.1f}", f"{length:.2f}"])
    atomic_write(path, lambda stream: stream.write(buffer.getvalue().encode()))


class LengthPlot(QWidget):
    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self.curves: dict = {}
        self._stale = False  # the pose or selection changed while the tab was hidden
        self.figure = Figure(figsize=(4, 5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.title = QLabel()
        self.save_png = QPushButton("Save PNG…")
        self.save_csv = QPushButton("Save CSV…")
        self.save_png.clicked.connect(self._ask_png)
        self.save_csv.clicked.connect(self._ask_csv)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_csv)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(buttons)
        # Sweeping three joints costs ~0.2 s: during a motion, redraw a few times a second.
        self._refresh_soon = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_soon.timeout.connect(self.refresh)
        state.events.selection.connect(self.refresh)
        state.events.pose.connect(self._schedule_refresh)
        self.refresh()

    def _schedule_refresh(self, *_: object) -> None:
        self._refresh_soon.start()

    def refresh(self, *_: object) -> None:
        if not self.isVisible() and self.curves:
            self._stale = True
            return
        self._stale = False
        selected = self.state.selected
        self.figure.clear()
        self.curves = curves_for(selected, self.state.pose) if selected else {}
        has_curves = bool(self.curves)
        self.save_png.setEnabled(has_curves)
        self.save_csv.setEnabled(has_curves)
        if not has_curves:
            self.title.setText("Select a muscle to see how its length changes with each joint.")
            self.canvas.draw_idle()
            return
        self.title.setText(f"<b>{self.catalogue.card(selected).name}</b>: path length (mm)")
        axes = self.figure.subplots(len(POSE_RANGES_DEG), 1)
        pose = self.state.pose.as_dict()
        for ax, joint in zip(axes, POSE_RANGES_DEG, strict=True):
            for colour, (part_id, by_joint) in zip(
                CURVE_COLOURS, self.curves.items(), strict=False
            ):
                angles, lengths = by_joint[joint]
                label = self.catalogue.display_name(part_id) if len(self.curves) > 1 else None
                ax.plot(angles, lengths, color=colour, label=label)
                current = lengths[abs(angles - pose[joint]).argmin()]
                ax.plot([pose[joint]], [current], "o", color=colour, markersize=6)
            ax.axvline(pose[joint], color="#888888", linewidth=0.8, linestyle="--")
            ax.set_xlabel(f"{POSE_LABELS[joint]} (°)", fontsize=8)
            ax.tick_params(labelsize=7)
            ax.grid(alpha=0.3)
        if len(self.curves) > 1:
            axes[0].legend(fontsize=7)
        self.canvas.draw_idle()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def save_png_to(self, path: Path) -> None:
        atomic_write(path, lambda stream: self.figure.savefig(stream, dpi=150, format="png"))

    def save_csv_to(self, path: Path) -> None:
        write_curves_csv(self.curves, path)

    def _ask_png(self) -> None:
        self._ask("PNG image (*.png)", self.save_png_to, ".png")

    def _ask_csv(self) -> None:
        self._ask("CSV table (*.csv)", self.save_csv_to, ".csv")

    def _ask(self, file_filter: str, save, suffix: str) -> None:
        name = f"{self.state.selected}-length-curves{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, "Save length curves", name, file_filter)
        if not path:
            return
        try:
            save(Path(path))
        except OSError as error:
            QMessageBox.critical(self, "Save failed", f"cannot write {path}: {error.strerror}")
