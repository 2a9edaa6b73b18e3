"""Drives a MotionPlayer from a Qt timer and writes its poses to the state.

Kept apart from the window so the window only wires things: the pose panel's
buttons, the "Show on model" links and the Space/Esc keys all land here.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from meshes.pose import STANDING
from viewer.model.motion import MotionPlayer, motion_for

MOTION_FRAME_MS = 33  # about 30 poses a second; slower machines simply drop frames


class MotionController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.player = MotionPlayer()
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=MOTION_FRAME_MS)
        self.timer.timeout.connect(self._advance)
        panel = window.pose_panel
        panel.reset_requested.connect(self.reset_pose)
        panel.pause_toggled.connect(self.toggle_pause)
        panel.stop_requested.connect(self.stop)
        panel.speed_changed.connect(self.set_speed)
        panel.pose_edited.connect(self.stop)

    @property
    def is_active(self) -> bool:
        return self.player.motion is not None

    def play(self, kind: str, motion_id: str) -> None:
        """Play an exercise (looping) or a stretch (ease in and hold) on the leg."""
        motion = motion_for(self.window.catalogue, kind, motion_id, self.state.pose)
        self.state.pose = self.player.start(motion)
        self._frame_range(motion)
        self.clock.start()
        self.timer.start()
        self.window.pose_panel.set_motion(motion.name, playing=True)
        self.window.statusBar().showMessage(
            f"Showing {motion.name}. Space pauses, Esc stops.", 5000
        )

    def _frame_range(self, motion) -> None:
        """Frame the whole range of the motion once, so the leg stays in view throughout."""
        self.window.scene.frame_poses((motion.start, motion.end))

    def _advance(self) -> None:
        pose = self.player.advance(self.clock.restart() / 1000.0)
        if pose is not None:
            self.state.pose = pose
        if self.player.finished:
            self.timer.stop()
            self.window.pose_panel.set_motion(self.player.motion.name, holding=True)

    def toggle_pause(self) -> None:
        if not self.is_active:
            return
        self.player.toggle_pause()
        if self.player.playing and not self.player.finished:
            self.clock.start()
            self.timer.start()
        else:
            self.timer.stop()
        self.window.pose_panel.set_motion(self.player.motion.name, self.player.playing)

    def stop(self) -> None:
        if not self.is_active:
            return
        self.timer.stop()
        self.player.stop()
        self.window.pose_panel.set_motion(None)

    def reset_pose(self) -> None:
        self.stop()
        self.state.pose = STANDING

    def set_speed(self, speed: float) -> None:
        self.player.speed = speed
