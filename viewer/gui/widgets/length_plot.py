"""Length curves of the selected muscle: path length against each joint angle.

Drawn with matplotlib, imported only when the plot is first shown, so it
costs nothing at start-up. Each panel sweeps one joint through its range
with the other two held at the current pose, and marks where the pose sits.
The canvas keeps a readable minimum height and scrolls in a short dock;
"Save PNG…" draws the same figure at a fixed 1200 × 1500 pixels with a title
and labelled axes, and "Save CSV…" writes the curves of every muscle.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from meshes.lengths import length_curves, standing_lengths_mm
from meshes.parts import parts_of
from meshes.pose import POSE_RANGES_DEG
from viewer.gui.widgets.tab_work import TabWork
from viewer.model.atomic import atomic_write
from viewer.model.curves import (
    FIGURE_DPI,
    FIGURE_SIZE_IN,
    curves_csv,
    draw_curves,
    write_text,
)
from viewer.model.state import AtlasState

REFRESH_DELAY_MS = 250
#: The plot's own posted refresh, handled after the repaints Qt posts at ``LowEventPriority``.
REFRESH_EVENT = QEvent.Type(QEvent.registerEventType())
AFTER_REPAINTS_PRIORITY = Qt.EventPriority.LowEventPriority.value - 1
MIN_CANVAS_HEIGHT_PX = 480  # three readable panels; the tab scrolls when it is shorter


class LengthPlot(QWidget):
    """``saved(path)`` reports each file written."""

    saved = Signal(Path)

    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self.curves: dict = {}
        self.parts: list[str] = []
        # Redrawn only while its tab is in front (the window says, ``set_shown``).
        self._curves_work = TabWork(self._draw, shown=True)
        self.figure = Figure(figsize=(4, 5), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(MIN_CANVAS_HEIGHT_PX)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        self.scroll.setAccessibleName("Length curves")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.save_png = QPushButton("Save PNG…")
        self.save_csv = QPushButton("Save CSV…")
        self.save_png.setToolTip("The curves as a 1200 × 1500 picture with title and axes")
        self.save_csv.setToolTip("Length curves of every muscle against each joint")
        self.save_png.clicked.connect(self._ask_png)
        self.save_csv.clicked.connect(self._ask_csv)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_csv)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        # Sweeping three joints costs ~0.2 s: during a motion, redraw a few times a second.
        self._refresh_soon = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_soon.timeout.connect(self.refresh)
        # A click's highlight comes first: the curves' redraw (~0.1 s of matplotlib on the CPU)
        # is posted below Qt's repaint requests, so the 3D view paints its frame before it.
        self._refresh_posted = False
        state.events.selection.connect(self._refresh_after_frame)
        state.events.pose.connect(self._schedule_refresh)
        self.refresh()

    def _schedule_refresh(self, *_: object) -> None:
        self._refresh_soon.start()

    def _refresh_after_frame(self, *_: object) -> None:
        if not self._refresh_posted:
            self._refresh_posted = True
            QCoreApplication.postEvent(self, QEvent(REFRESH_EVENT), AFTER_REPAINTS_PRIORITY)

    def customEvent(self, event) -> None:
        if event.type() == REFRESH_EVENT:
            self._refresh_posted = False
            self.refresh()
            return
        super().customEvent(event)

    @property
    def shown(self) -> bool:
        return self._curves_work.shown

    @property
    def stale(self) -> bool:
        """The pose or selection changed while the plot could not be seen."""
        return self._curves_work.stale

    def set_shown(self, shown: bool) -> None:
        """The tab holding the plot came to the front (True) or went behind another."""
        self._curves_work.set_shown(shown)

    def refresh(self, *_: object) -> None:
        if not self.isVisible() and self.curves:  # its dock is closed or not yet shown
            self._curves_work.stale = True
            return
        self._curves_work.request()

    def _draw(self) -> None:
        selected = self.state.selected
        muscles = standing_lengths_mm()
        self.parts = [p.id for p in parts_of(selected) if p.id in muscles] if selected else []
        pose = self.state.pose
        self.curves = (
            {joint: length_curves(joint, pose) for joint in POSE_RANGES_DEG} if self.parts else {}
        )
        self.save_png.setEnabled(bool(self.parts))
        self.save_csv.setEnabled(bool(self.parts))
        if not self.parts:
            self.figure.clear()
            self.title.setText("Select a muscle to see how its length changes with each joint.")
            self.canvas.draw_idle()
            return
        self.title.setText(f"<b>{self.catalogue.card(selected).name}</b>: path length (mm)")
        draw_curves(self.figure, self.curves, self.parts, self.state.pose, self._name, title="")
        self.canvas.draw_idle()

    def _name(self, part_id: str) -> str:
        return self.catalogue.display_name(part_id)

    def figure_title(self) -> str:
        name = self.catalogue.card(self.state.selected).name
        angles = ", ".join(
            f"{k.replace('_', ' ')} {v:g}°" for k, v in self.state.pose.as_dict().items()
        )
        return f"{name}: path length against each joint\n(others held at {angles})"

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def save_png_to(self, path: Path) -> Path:
        """The curves at a fixed 1200 × 1500 px, titled, whatever the tab's size."""
        figure = Figure(figsize=FIGURE_SIZE_IN, dpi=FIGURE_DPI, layout="constrained")
        FigureCanvasAgg(figure)
        draw_curves(
            figure, self.curves, self.parts, self.state.pose, self._name, self.figure_title()
        )
        return atomic_write(
            Path(path), lambda stream: figure.savefig(stream, dpi=FIGURE_DPI, format="png")
        )

    def save_csv_to(self, path: Path) -> Path:
        """Every muscle's curves (not only the selection's): one file for a spreadsheet."""
        return write_text(path, curves_csv(self.curves))

    def _ask_png(self) -> None:
        self._ask("PNG image (*.png)", self.save_png_to, ".png")

    def _ask_csv(self) -> None:
        self._ask("CSV table (*.csv)", self.save_csv_to, ".csv")

    def _ask(self, file_filter: str, save, suffix: str) -> None:
        name = f"{self.state.selected}-length-curves{suffix}"
        if suffix == ".csv":
            name = "all-muscles-length-curves.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Save length curves", name, file_filter)
        if path:
            self.save_to(Path(path), save)

    def save_to(self, path: Path, save) -> None:
        """Write, then say so where the person is looking; or show why it failed."""
        try:
            written = save(path)
        except OSError as error:
            QMessageBox.critical(self, "Save failed", f"cannot write {path}: {error.strerror}")
            return
        self.note.setText(f"Saved {written}")
        self.saved.emit(written)
