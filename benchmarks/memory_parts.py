"""Child process: what each part of the app costs in resident memory, added one at a time.

The parts come in the order the app loads them, each measured as the growth of
this process's RSS: the interpreter, Qt (PySide6 and a QApplication), the
content and state (cards, pydantic, psygnal), the window shown without its 3D
view, numpy, matplotlib (as much of it as pyvista's plotting runs: ``matplotlib.pyplot``
waits as a stand-in, as in the app), VTK with pyvista and the view's widget module, the
leg's meshes, and the 3D view (the interactor, the scene's actors, OpenGL
buffers) up to its first frame. The meshes are also given as the exact size of
their VTK arrays. Last, the (negative) part the app hands back to the system
after its first frame (``release_free_memory``).

Usage: ``python -m benchmarks.memory_parts SETTINGS``.
"""

from __future__ import annotations

import sys
from itertools import pairwise

from benchmarks.probe import resident_memory_mb

STEPS: list[tuple[str, float]] = [("interpreter", resident_memory_mb())]


def step(name: str) -> None:
    STEPS.append((name, resident_memory_mb()))


def main() -> None:
    settings_path = sys.argv[1]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    application = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    step("qt")

    from annotations import load_annotations
    from viewer.model.state import AtlasState

    catalogue = load_annotations()
    step("content_and_state")

    from benchmarks.probe import FrameCounter, emit, process_events
    from viewer.gui.app import make_application
    from viewer.gui.view_loader import ViewLoader, release_free_memory
    from viewer.gui.window import AtlasWindow

    ViewLoader.start = lambda self: None  # the parts below are loaded by hand, one at a time
    make_application()
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    window = AtlasWindow(catalogue, AtlasState(), settings)
    window.resize(1280, 800)
    window.show()
    for _ in range(20):
        process_events()
    step("window_without_3d")

    import numpy  # noqa: F401

    step("numpy")

    from viewer.render import deferred_modules

    deferred_modules.defer()  # as the view loader does before pyvista comes
    import matplotlib.backends.backend_agg  # pyvista's charts import it
    import matplotlib.colors  # noqa: F401

    step("matplotlib")

    from meshes.leg import build_leg
    from viewer.gui import interactor  # noqa: F401
    from viewer.render import scene  # noqa: F401

    step("vtk_pyvista")

    leg = build_leg(window.state.pose)
    step("meshes")
    mesh_bytes = sum(mesh.actual_memory_size for mesh in leg.meshes.values()) * 1024
    del leg

    view = window.view  # builds the interactor and the scene (and its own leg)
    counter = FrameCounter(view)
    view.request_render()
    counter.wait_for_frame(0)
    step("view_first_frame")
    release_free_memory()  # what the app does after its first frame
    step("returned_to_the_system")

    parts = {name: after - before for (_, before), (name, after) in pairwise(STEPS)}
    parts = {"interpreter": STEPS[0][1], **parts}
    emit(
        {
            "parts_mb": parts,
            "total_mb": STEPS[-1][1],
            "mesh_arrays_mb": mesh_bytes / 2**20,
        }
    )


if __name__ == "__main__":
    main()
