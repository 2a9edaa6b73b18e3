"""The window and its 3D view need no X display: Qt's own platform, VTK through EGL.

The view is a raster widget (VTK draws off screen, Qt paints the picture), so
a session with no X server at all (Wayland without XWayland; here Qt's
``offscreen`` platform with ``DISPLAY`` unset) still gets the leg. The real
entry point runs in a fresh interpreter; the window is grabbed once the view
has painted a frame, and the picture must hold a shaded leg.
"""

from __future__ import annotations

from PIL import Image

from tests.cli_helpers import run_probe

PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from viewer.gui import window as window_module
from viewer.__main__ import main

out = Path(sys.argv[1])
seen = {}

def grab(window):
    if "window" in seen:
        return
    seen["window"] = str(out)
    seen["render_window"] = type(window.view.ren_win).__name__
    seen["view"] = [window.view.x(), window.view.y(), window.view.width(), window.view.height()]
    window.grab().save(str(out))
    window.close()

original_init = window_module.AtlasWindow.__init__

def init(window, *args, **kwargs):
    original_init(window, *args, **kwargs)
    window.view_ready.connect(
        lambda: window.view.frameSwapped.connect(lambda: QTimer.singleShot(0, lambda: grab(window)))
    )
    QTimer.singleShot(120_000, window.close)

window_module.AtlasWindow.__init__ = init
main([])
print(json.dumps(seen))
"""

#: A flat Qt window has a few hundred colours; a shaded leg adds thousands.
MIN_COLOURS_OF_A_3D_VIEW = 3000


def test_the_window_shows_the_leg_with_no_x_display(tmp_path):
    seen = run_probe(
        PROBE,
        str(tmp_path / "window.png"),
        home=tmp_path / "home",
        env={"QT_QPA_PLATFORM": "offscreen"},
        without=("DISPLAY", "WAYLAND_DISPLAY", "VTK_DEFAULT_OPENGL_WINDOW"),
        timeout=180,
    )
    assert seen["render_window"] == "vtkEGLRenderWindow"
    x, y, width, height = seen["view"]
    with Image.open(seen["window"]) as picture:
        view = picture.convert("RGB").crop((x, y, x + width, y + height))
        colours = view.getcolors(maxcolors=1 << 22)
    assert colours is not None and len(colours) >= MIN_COLOURS_OF_A_3D_VIEW, "no leg drawn"
