"""The window opens before the 3D stack loads, works meanwhile, and then shows the leg."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

REPO_ROOT = Path(__file__).resolve().parent.parent

#: A fresh interpreter opens the window and reports what was loaded at its first paint.
FIRST_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QWidget
from annotations import load_annotations
from viewer.gui.app import make_application
from viewer.gui.window import AtlasWindow

app = make_application()
window = AtlasWindow(load_annotations(), None, QSettings(sys.argv[1], QSettings.Format.IniFormat))
seen = {}

def at_first_paint():
    seen["loaded"] = [m for m in ("vtkmodules", "pyvista", "matplotlib") if m in sys.modules]
    seen["ready_at_paint"] = window.is_view_ready()
    seen["placeholder"] = type(window.centralWidget()).__name__

class Paint(QObject):
    def eventFilter(self, watched, event):
        painting = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
        if painting and watched.window() is window and not seen:
            seen["painting"] = True
            QTimer.singleShot(0, at_first_paint)
        return False

def ready():
    seen["view"] = type(window.view).__name__
    seen["actors"] = len(window.scene.actors)
    app.quit()

paint_filter = Paint()
app.installEventFilter(paint_filter)
window.view_ready.connect(ready)
QTimer.singleShot(120_000, app.quit)
window.show()
app.exec()
print(json.dumps(seen))
"""


def test_first_paint_comes_before_vtk_pyvista_and_matplotlib_load(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(tmp_path / "settings.ini")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    seen = json.loads(completed.stdout.strip().splitlines()[-1])
    assert seen["loaded"] == [], f"loaded before the window was usable: {seen['loaded']}"
    assert seen["ready_at_paint"] is False
    assert seen["placeholder"] == "ViewPlaceholder"
    assert seen["view"] == "AtlasInteractor"  # and then the 3D view did arrive
    assert seen["actors"] > 10


def test_search_and_tree_work_while_the_view_loads_and_keep_the_focus(
    qtbot, catalogue, settings_path
):
    from PySide6.QtCore import QSettings

    from tests.gui_helpers import wait_for_view
    from viewer.gui.view_loader import ViewPlaceholder
    from viewer.gui.window import AtlasWindow

    window = AtlasWindow(catalogue, None, QSettings(str(settings_path), QSettings.Format.IniFormat))
    try:
        window.resize(1280, 800)
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert not window.is_view_ready()
        assert isinstance(window.centralWidget(), ViewPlaceholder)
        # A person starts typing a muscle before the leg is drawn.
        search = window.tree.search
        qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(search, "soleus")
        assert search.text() == "soleus"
        wait_for_view(qtbot, window)
        assert window.centralWidget() is window.view
        assert search.hasFocus(), "the arriving 3D view must not take the keys from the search box"
        assert len(window.scene.actors) > 10
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(1)


def test_view_asked_for_before_it_loaded_is_built_on_the_spot(qtbot, catalogue, settings_path):
    from PySide6.QtCore import QSettings

    from viewer.gui.window import AtlasWindow

    window = AtlasWindow(catalogue, None, QSettings(str(settings_path), QSettings.Format.IniFormat))
    ready = []
    window.view_ready.connect(lambda: ready.append(True))
    try:
        assert not window.is_view_ready()
        view = window.view  # an older caller that never waited for view_ready
        assert window.is_view_ready() and ready == [True]
        assert window.centralWidget() is view
        assert window.scene is view.scene
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.waitUntil(view.hasFocus)  # keys still start on the 3D view
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(1)


def test_closing_the_window_while_the_view_loads_leaves_nothing_behind(
    qtbot, catalogue, settings_path
):
    from PySide6.QtCore import QCoreApplication, QSettings

    from viewer.gui.window import AtlasWindow

    window = AtlasWindow(catalogue, None, QSettings(str(settings_path), QSettings.Format.IniFormat))
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window._loader._thread is not None)  # the worker has started
    window.close()  # waits for the worker; the view is never built
    assert not window.is_view_ready()
    assert window._loader._thread is not None and not window._loader._thread.is_alive()
    QCoreApplication.sendPostedEvents()  # a queued "worker done" must not build a view now
    assert not window.is_view_ready()
    window.deleteLater()
    qtbot.wait(1)
