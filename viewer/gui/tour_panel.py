"""Guided tours: a scene file's steps shown one at a time, with Back and Next.

Each step is a whole scene (state, pins, camera) and a short text. Going to a
step puts its state in at once and then glides the camera (and the pose)
from where they were to the step's, so the student sees where the view went.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model.motion import ease_in_out
from viewer.model.scene_file import SavedCamera, Scene, SceneDocument

GLIDE_MS = 700
GLIDE_FRAME_MS = 35


def blend_camera(start: SavedCamera, end: SavedCamera, fraction: float) -> SavedCamera:
    def mix(a, b):
        return tuple(x + (y - x) * fraction for x, y in zip(a, b, strict=True))

    return SavedCamera(
        mix(start.position, end.position),
        mix(start.focal_point, end.focal_point),
        mix(start.up, end.up),
        start.view_angle + (end.view_angle - start.view_angle) * fraction,
    )


class TourPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #b8b3a8;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setStyleSheet("font-size: 12pt; line-height: 130%;")
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.back = QPushButton("◀ Back")
        self.next = QPushButton("Next ▶")
        self.close_button = QPushButton("End tour")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.counter)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addWidget(self.next)
        layout.addLayout(row)
        layout.addWidget(self.close_button)


class TourPlayer(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.panel = TourPanel()
        self.dock = QDockWidget("Tour", window)
        self.dock.setObjectName("tour-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()
        self.document: SceneDocument | None = None
        self.index = 0
        self._glide_from: tuple[SavedCamera, object] | None = None
        self._glide_to: Scene | None = None
        self._glide_started = 0.0
        self._timer = QTimer(self, interval=GLIDE_FRAME_MS)
        self._timer.timeout.connect(self._glide)
        self.panel.back.clicked.connect(lambda: self.go(self.index - 1))
        self.panel.next.clicked.connect(lambda: self.go(self.index + 1))
        self.panel.close_button.clicked.connect(self.stop)

    @property
    def steps(self) -> list[Scene]:
        return self.document.steps if self.document else []

    @property
    def gliding(self) -> bool:
        return self._timer.isActive()

    def start(self, document: SceneDocument) -> None:
        self.document = document
        self.panel.title.setText(document.title or "Tour")
        self.dock.show()
        self.go(0)

    def stop(self) -> None:
        self._finish_glide()
        self.document = None
        self.dock.hide()

    def go(self, index: int) -> None:
        if not self.steps or not 0 <= index < len(self.steps):
            return
        self._finish_glide()
        self.index = index
        step = self.steps[index]
        scenes = self.window.scenes
        if self.window.is_view_ready():
            start = (scenes.current_camera(), self.window.state.pose)
            pose = step.state.get("pose")
            scenes.show_scene(step, move_camera=False)
            if pose is not None and pose != start[1]:
                self.window.state.pose = start[1]  # glide into the step's pose too
            self._glide_from, self._glide_to = start, step
            self._glide_started = time.monotonic()
            self._timer.start()
        else:  # nothing to glide from yet: the view opens on the step
            scenes.show_scene(step)
        self.panel.counter.setText(f"Step {index + 1} of {len(self.steps)}")
        self.panel.text.setText(step.text)
        self.panel.back.setEnabled(index > 0)
        self.panel.next.setEnabled(index < len(self.steps) - 1)

    def _glide(self) -> None:
        # Real time, not frames counted: a slow frame (a re-pose) must not stretch the glide.
        elapsed_ms = 1000.0 * (time.monotonic() - self._glide_started)
        fraction = ease_in_out(elapsed_ms / GLIDE_MS)
        self._apply(fraction)
        if fraction >= 1.0:
            self._timer.stop()

    def _finish_glide(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._apply(1.0)

    def _apply(self, fraction: float) -> None:
        (camera, pose), step = self._glide_from, self._glide_to
        target_pose = step.state.get("pose")
        if target_pose is not None:
            self.window.state.pose = pose.blend(target_pose, fraction)
        if step.camera is not None:
            self.window.scenes.set_camera(blend_camera(camera, step.camera, fraction))
        elif fraction >= 1.0:
            self.window.scene.apply_view(self.window.state.view)
            self.window.view.request_render()
