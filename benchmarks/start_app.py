"""Child process: start Leg Atlas through its real entry point and time the first frame.

Run by ``run.py`` as ``python -m benchmarks.start_app LAUNCHED_AT``, where
LAUNCHED_AT is the runner's ``time.monotonic()`` just before it started this
process (CLOCK_MONOTONIC is shared by all processes on Linux), so the figure
covers interpreter start, imports, mesh build, window construction and the
first composed frame. The runner points XDG_CONFIG_HOME at an empty temporary
folder, so saved preferences of a real user never change the figure.
"""

from __future__ import annotations

import sys
import time

INTERPRETER_READY_AT = time.monotonic()


def main() -> None:
    launched_at = float(sys.argv[1])
    marks: dict[str, float] = {"interpreter_ready": INTERPRETER_READY_AT}

    from benchmarks.probe import FrameCounter, emit, resident_memory_mb
    from viewer.gui import interactor

    original_init = interactor.AtlasInteractor.__init__

    def instrumented_init(view, *args, **kwargs) -> None:
        original_init(view, *args, **kwargs)
        marks["view_created"] = time.monotonic()
        counter = FrameCounter(view)
        view.frameSwapped.connect(lambda: report(counter))

    def report(counter: FrameCounter) -> None:
        if counter.frames != 1:
            return
        if counter.renders < 1:
            raise RuntimeError("a frame was shown before VTK rendered the scene")
        marks["first_render"] = counter.first_render_at
        marks["first_frame"] = counter.first_frame_at
        emit(
            {
                "cold_start_s": counter.first_frame_at - launched_at,
                "memory_after_start_mb": resident_memory_mb(),
                "marks_s": {name: at - launched_at for name, at in marks.items()},
            }
        )

    interactor.AtlasInteractor.__init__ = instrumented_init
    from viewer.__main__ import main as legatlas_main

    legatlas_main([])
    raise RuntimeError("the window closed before its first frame")


if __name__ == "__main__":
    main()
