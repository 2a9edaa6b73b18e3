"""Small measuring tools shared by the benchmark's child processes.

Every child prints one line ``BENCH_RESULT {json}`` on stdout; the runner
reads that line and ignores whatever else (VTK or Qt warnings) was printed.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable

RESULT_PREFIX = "BENCH_RESULT "
PAGE_SIZE_BYTES = os.sysconf("SC_PAGE_SIZE")
#: Longest wait for one frame before a measurement gives up (a hung GL would otherwise stall).
FRAME_TIMEOUT_S = 20.0


def resident_memory_mb() -> float:
    """Resident set size of this process in MiB, from /proc/self/statm."""
    with open("/proc/self/statm") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * PAGE_SIZE_BYTES / 2**20


def none_refcount() -> int:
    return sys.getrefcount(None)


def guard_none_refcount() -> bool:
    """Keep PySide6 6.12's lost ``None`` references from killing a long benchmark.

    On Python 3.11 (where ``None`` is not immortal) PySide6 6.12.0 drops one
    reference to ``None`` on every call of a method that returns nothing
    (``update()``, ``QTimer.singleShot``, ``processEvents()``...), and the
    process aborts with "none_dealloc" once the count reaches zero: after a few
    tens of thousands of such calls. The benchmark adds references up front so
    that it can measure a long session; it reports how many were lost per
    operation, since the app itself has no such guard. Returns True if applied.
    """
    if sys.version_info >= (3, 12):
        return False
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 2**40
    return True


_EVENT_LOOP = []


def process_events() -> None:
    """Handle pending Qt events; via a QEventLoop, whose ``processEvents`` loses no ``None``."""
    if not _EVENT_LOOP:
        from PySide6.QtCore import QEventLoop

        _EVENT_LOOP.append(QEventLoop())
    _EVENT_LOOP[0].processEvents()


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def emit(result: dict) -> None:
    """Hand the result to the runner and leave at once (skips slow, crash-prone GL teardown)."""
    sys.stdout.write(RESULT_PREFIX + json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


class FrameCounter:
    """Counts frames shown by a pyvistaqt view and VTK renders done for them.

    A *frame* is one ``frameSwapped`` of the view's QOpenGLWidget: the top-level
    window finished composing and swapped buffers, so the picture is on screen.
    A *render* is one VTK ``vtkRenderWindow::Render`` (its ``EndEvent``).
    """

    def __init__(self, view) -> None:
        self.frames = 0
        self.renders = 0
        self.first_frame_at: float | None = None
        self.first_render_at: float | None = None
        view.frameSwapped.connect(self._on_frame)
        view.ren_win.AddObserver("EndEvent", self._on_render)

    def _on_frame(self) -> None:
        self.frames += 1
        if self.first_frame_at is None:
            self.first_frame_at = time.monotonic()

    def _on_render(self, *_: object) -> None:
        self.renders += 1
        if self.first_render_at is None:
            self.first_render_at = time.monotonic()

    def wait_for_frame(self, after: int, condition: Callable[[], bool] | None = None) -> None:
        """Process events until a frame later than ``after`` was shown (and ``condition`` holds)."""
        deadline = time.perf_counter() + FRAME_TIMEOUT_S
        while self.frames <= after or (condition is not None and not condition()):
            process_events()
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no frame after {after} within {FRAME_TIMEOUT_S:.0f} s")


def time_frames(counter: FrameCounter, steps: list[Callable[[], None]]) -> dict:
    """Run each step, then wait for the frame it causes; per-frame times in milliseconds.

    Returns the median and 90th percentile frame times and the VTK renders per frame.
    """
    times_ms = []
    renders_before = counter.renders
    for step in steps:
        frames_before = counter.frames
        start = time.perf_counter()
        step()
        counter.wait_for_frame(frames_before)
        times_ms.append((time.perf_counter() - start) * 1000.0)
    ordered = sorted(times_ms)
    return {
        "median_ms": median(times_ms),
        "p90_ms": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
        "renders_per_frame": (counter.renders - renders_before) / len(steps),
    }


def _send_mouse(view, kind, x: int, y: int, button, buttons) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    local = QPointF(x, y)
    event = QMouseEvent(
        kind, local, QPointF(view.mapToGlobal(QPoint(x, y))), button, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(view, event)


def drag_steps(view, count: int, step_px: int = 6) -> list[Callable[[], None]]:
    """A real left-button drag across the view, one mouse move per step: the user's rotation.

    The press comes with the first step and the release after the last, so the moves
    go through VTK's trackball camera style exactly as a person's drag does.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    y = view.height() // 2
    start_x = view.width() // 2 - count * step_px // 2

    def step(index: int) -> None:
        if index == 0:
            _send_mouse(view, QMouseEvent.Type.MouseButtonPress, start_x, y, left, left)
        x = start_x + (index + 1) * step_px
        _send_mouse(view, QMouseEvent.Type.MouseMove, x, y, none, left)
        if index == count - 1:
            _send_mouse(view, QMouseEvent.Type.MouseButtonRelease, x, y, left, none)

    return [lambda index=index: step(index) for index in range(count)]


def rotation_steps(view, count: int, degrees: float = 2.0) -> list[Callable[[], None]]:
    """``count`` steps that each turn the camera a little and ask the view to render."""

    def step() -> None:
        view.camera.Azimuth(degrees)
        view.renderer.ResetCameraClippingRange()
        view.render()

    return [step] * count
