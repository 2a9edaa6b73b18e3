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
from collections.abc import Callable
from importlib.machinery import PathFinder
from types import ModuleType

INTERPRETER_READY_AT = time.monotonic()

from benchmarks.probe import FrameCounter, emit, resident_memory_mb  # noqa: E402
from viewer.__main__ import main as legatlas_main  # noqa: E402

#: What the window must not wait for.
TOOLKITS = ("vtkmodules", "pyvista", "matplotlib")


def when_imported(module_name: str, then: Callable[[ModuleType], None]) -> None:
    """Call ``then(module)`` as soon as ``module_name`` has been imported by the app.

    The benchmark must not import the app's modules (nor Qt) itself before the
    app does: the app imports them with the garbage collector paused, in its
    own order, and PySide6 inspects the source of every module first imported
    after it; importing them early would change what is measured.
    """

    class Finder:
        @staticmethod
        def find_spec(name, path, target=None):
            if name != module_name:
                return None
            sys.meta_path.remove(Finder)
            spec = PathFinder.find_spec(name, path, target)
            load = spec.loader.exec_module

            def exec_module(module: ModuleType) -> None:
                load(module)
                then(module)

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, Finder)


def main() -> None:
    launched_at = float(sys.argv[1])
    marks: dict[str, float] = {"interpreter_ready": INTERPRETER_READY_AT}
    memory: dict[str, float] = {}
    loaded_at_window: list[str] = []
    alive: list[object] = []

    def window_usable() -> None:
        marks["first_window"] = time.monotonic()
        memory["first_window_mb"] = resident_memory_mb()
        loaded_at_window.extend(name for name in TOOLKITS if name in sys.modules)

    def instrument(window_module: ModuleType) -> None:
        # The app has imported Qt and its window by now.
        from PySide6.QtCore import QEvent, QObject, QTimer

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

        window_module.AtlasWindow.__init__ = instrumented_init
        alive.append(first_paint)  # an event filter Python would otherwise collect

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

    when_imported("viewer.gui.window", instrument)
    preloaded = [name for name in (*TOOLKITS, "PySide6") if name in sys.modules]
    if preloaded:
        raise RuntimeError(f"the benchmark itself loaded {preloaded}: the figures would be wrong")
    legatlas_main([])
    raise RuntimeError("the window closed before its first 3D frame")


if __name__ == "__main__":
    main()
