"""Which OpenGL window VTK makes: EGL when there is no X display.

Shared by the 3D view (``gui/raster_view.py``) and the off-screen export
(``render/export.py``); kept apart from the export so the view does not load
the export machinery.
"""

from __future__ import annotations

import os
import sys


def use_egl_without_display() -> None:
    """With no X display, ask VTK for its EGL window directly (it would warn, then fall back).

    VTK reads the choice each time it makes a render window, so call this before that.
    """
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
        os.environ.setdefault("VTK_DEFAULT_OPENGL_WINDOW", "vtkEGLRenderWindow")
