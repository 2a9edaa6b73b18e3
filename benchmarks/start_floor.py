"""Child process: the bare floor — a plain pyvistaqt window showing the same meshes.

No app around it: a default ``QtInteractor`` (pyvistaqt's own defaults for
anti-aliasing and its 5 Hz auto-update timer), the leg's exported ``.vtp``
files added with their part colours (the skin at the app's default 22 %
opacity, so the same pixels are blended), a 1280x800 view. It reports the
cold start (process start to the first composed frame) and, when asked, the
rotation frame time measured exactly as for the app.

Usage: ``python -m benchmarks.start_floor LAUNCHED_AT MESH_DIR [ROTATION_FRAMES]``.
"""

from __future__ import annotations

import sys
import time

INTERPRETER_READY_AT = time.monotonic()
VIEW_SIZE_PX = (1280, 800)
SKIN_OPACITY = 0.22


def main() -> None:
    launched_at = float(sys.argv[1])
    mesh_dir = sys.argv[2]
    rotation_frames = int(sys.argv[3]) if len(sys.argv) > 3 else 0

    import json
    from pathlib import Path

    import pyvista as pv
    from pyvistaqt import QtInteractor
    from qtpy.QtWidgets import QApplication

    from benchmarks.probe import (
        FrameCounter,
        drag_steps,
        emit,
        resident_memory_mb,
        rotation_steps,
        time_frames,
    )

    application = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    view = QtInteractor()
    counter = FrameCounter(view)
    manifest = json.loads((Path(mesh_dir) / "manifest.json").read_text())
    for part in manifest["parts"]:
        mesh = pv.read(Path(mesh_dir) / part["file"])
        opacity = SKIN_OPACITY if part["layer"] == "skin" else 1.0
        view.add_mesh(mesh, color=part["colour"], opacity=opacity)
    view.view_xz(negative=False)
    view.resize(*VIEW_SIZE_PX)
    view.show()
    counter.wait_for_frame(0)
    result = {
        "cold_start_s": counter.first_frame_at - launched_at,
        "memory_after_start_mb": resident_memory_mb(),
        "marks_s": {
            "interpreter_ready": INTERPRETER_READY_AT - launched_at,
            "first_render": counter.first_render_at - launched_at,
            "first_frame": counter.first_frame_at - launched_at,
        },
        "view_size_px": [view.width(), view.height()],
        "multi_samples": view.ren_win.GetMultiSamples(),
    }
    if rotation_frames:
        warm_up = min(3, rotation_frames)
        time_frames(counter, drag_steps(view, warm_up))
        result["rotation"] = time_frames(counter, drag_steps(view, rotation_frames))
        result["rotation_by_render_call"] = time_frames(counter, rotation_steps(view, warm_up))
    emit(result)


if __name__ == "__main__":
    main()
