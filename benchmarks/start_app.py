"""Child process: start Leg Atlas through its real entry point; time the window and the 3D frame.

Run by ``run.py`` as ``python -m benchmarks.start_app LAUNCHED_AT``, where
LAUNCHED_AT is the runner's ``time.monotonic()`` just before it started this
process (CLOCK_MONOTONIC is shared by all processes on Linux), so the figures
cover interpreter start, imports, window construction and painting. Two
moments are reported:

- *first window*: the window's first paint has been handed to the window
  system and the event loop is free again, so the menus, the tree, the search
  box and the cards answer input (the 3D view is still a placeholder);
- *first 3D frame*: the 3D view, built after that, shows its first rendered
  frame.

The runner points XDG_CONFIG_HOME at an empty temporary folder, so saved
preferences of a real user never change the figures.
"""

from __future__ import annotations

import sys
import time

INTERPRETER_READY_AT = time.monotonic()
#: What the window must not wait for.
TOOLKITS = ("vtkmodules", "pyvista", "matplotlib")


def main() -> None:
    launched_at = float(sys.argv[1])
    marks: dict[str, float] = {"interpreter_ready": INTERPRETER_READY_AT}
    memory: dict[str, float] = {}

    from PySide6.QtCore import QEvent, QObject, QTimer

    from benchmarks.probe import FrameCounter, emit, resident_memory_mb
    from viewer.gui import window as window_module

    preloaded = [name for name in TOOLKITS if name in sys.modules]
    if preloaded:
        raise RuntimeError(f"the benchmark itself loaded {preloaded}: the figures would be wrong")

    loaded_at_window: list[str] = []

    def window_usable() -> None:
        marks["first_window"] = time.monotonic()
        memory["first_window_mb"] = resident_memory_mb()
        loaded_at_window.extend(name for name in TOOLKITS if name in sys.modules)

    class FirstPaint(QObject):
        """Marks the first paint of the window, once the event loop is free again."""

        seen = False

        def eventFilter(self, watched, event) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, window_usable)
            return False

    first_paint = FirstPaint()
    original_init = window_module.AtlasWindow.__init__

    def instrumented_init(window, *args, **kwargs) -> None:
        # Imports, the cards and the QApplication are done by now; the rest is the window.
        marks["window_init"] = time.monotonic()
        original_init(window, *args, **kwargs)
        marks["window_created"] = time.monotonic()
        window.installEventFilter(first_paint)
        window.view_ready.connect(lambda: watch_view(window))

    def watch_view(window) -> None:
        marks["view_built"] = time.monotonic()
        counter = FrameCounter(window.view)
        window.view.frameSwapped.connect(lambda: report(counter))

    def report(counter: FrameCounter) -> None:
        if counter.frames != 1:
            return
        if counter.renders < 1:
            raise RuntimeError("a frame was shown before VTK rendered the scene")
        marks["first_render"] = counter.first_render_at
        marks["first_frame"] = counter.first_frame_at
        emit(
            {
                "first_window_s": marks["first_window"] - launched_at,
                "cold_start_s": counter.first_frame_at - launched_at,
                "memory_at_first_window_mb": memory["first_window_mb"],
                "memory_after_start_mb": resident_memory_mb(),
                "toolkits_loaded_at_first_window": loaded_at_window,
                "marks_s": {name: at - launched_at for name, at in marks.items()},
            }
        )

    window_module.AtlasWindow.__init__ = instrumented_init
    from viewer.__main__ import main as legatlas_main

    legatlas_main([])
    raise RuntimeError("the window closed before its first 3D frame")


if __name__ == "__main__":
    main()
