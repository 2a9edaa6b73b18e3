"""Drives a MotionPlayer from a Qt timer and writes what it does to the state.

The poses go to ``state.pose`` and the player's status to ``state.motion``,
so the pose panel, the card and the status bar learn of a motion the way
they learn of everything else: by listening to the state. The pose panel's
buttons, the "Show on model" links and the Space/Esc keys land here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from meshes.pose import STANDING, Pose
from viewer.model.motion import MotionPlayer, motion_for
from viewer.model.state import AtlasState, MotionStatus

MOTION_FRAME_MS = 33  # about 30 poses a second; slower machines simply drop frames


class MotionController(QObject):
    def __init__(
        self,
        state: AtlasState,
        catalogue,
        frame_poses: Callable[[Sequence[Pose]], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self.frame_poses = frame_poses  # keeps the whole range of a motion in view
        self.player = MotionPlayer()
        self.clock = QElapsedTimer()
        self.timer = QTimer(self, interval=MOTION_FRAME_MS)
        self.timer.timeout.connect(self._advance)

    @property
    def is_active(self) -> bool:
        return self.player.motion is not None

    def play(self, kind: str, motion_id: str) -> None:
        """Play an exercise (looping) or a stretch (ease in and hold) on the leg."""
        motion = motion_for(self.catalogue, kind, motion_id, self.state.pose)
        self.state.world = motion_id  # its setting: what stays fixed, the floor, the props
        self.state.pose = self.player.start(motion)
        self.frame_poses((motion.start, motion.end))
        self.clock.start()
        self.timer.start()
        self._publish()

    def _advance(self) -> None:
        pose = self.player.advance(self.clock.restart() / 1000.0)
        if pose is not None:
            self.state.pose = pose
        if self.player.finished:
            self.timer.stop()
            self._publish()
            self.frame_poses((self.state.pose,))  # the held stretch, framed

    def toggle_pause(self) -> None:
        if not self.is_active:
            return
        self.player.toggle_pause()
        if self.player.playing and not self.player.finished:
            self.clock.start()
            self.timer.start()
        else:
            self.timer.stop()
        self._publish()

    def stop(self) -> None:
        if not self.is_active:
            return
        self.timer.stop()
        self.player.stop()
        self._publish()
        self.frame_poses((self.state.pose,))  # where the motion ended, all of it in view

    def reset_pose(self) -> None:
        self.stop()
        self.state.world = None  # back to the atlas: the leg alone
        self.state.pose = STANDING

    def set_speed(self, speed: float) -> None:
        self.player.speed = speed
        self._publish()

    def _publish(self) -> None:
        """Tell the state what the player is doing now."""
        player = self.player
        if player.motion is None:
            phase = "stopped"
        elif player.finished:
            phase = "holding"
        else:
            phase = "playing" if player.playing else "paused"
        name = player.motion.name if player.motion is not None else None
        self.state.motion = MotionStatus(name=name, phase=phase, speed=player.speed)
