"""The window opens before the 3D stack loads, works meanwhile, and then shows the leg."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.cli_helpers import run_probe

REPO_ROOT = Path(__file__).resolve().parent.parent

#: What the first window must not wait for (the 3D stack; matplotlib comes with pyvista).
TOOLKITS = ("vtkmodules", "pyvista", "pyvistaqt", "matplotlib")

#: A fresh interpreter runs ``legatlas`` (the real entry point, with the arguments given)
#: and reports what was loaded when the window was first shown and painted.
FIRST_PAINT_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from viewer.gui import window as window_module
from viewer.__main__ import main

WATCHED = ("vtkmodules", "pyvista", "pyvistaqt", "matplotlib", "numpy")
seen = {}

def at_first_paint(window):
    import gc
    seen["collector_on"] = gc.isenabled()  # paused only while the program starts
    seen["loaded"] = [m for m in WATCHED if m in sys.modules]
    seen["ready_at_paint"] = window.is_view_ready()
    seen["placeholder"] = type(window.centralWidget()).__name__

class Paint(QObject):
    def eventFilter(self, watched, event):
        window = self.window
        painting = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
        if painting and watched.window() is window and "painting" not in seen:
            seen["painting"] = True
            QTimer.singleShot(0, lambda: at_first_paint(window))
        return False

paint_filter = Paint()
original_init = window_module.AtlasWindow.__init__

def init(window, *args, **kwargs):
    original_init(window, *args, **kwargs)
    paint_filter.window = window
    QApplication.instance().installEventFilter(paint_filter)
    window.view_ready.connect(lambda: ready(window))
    QTimer.singleShot(120_000, window.close)

def ready(window):
    seen["view"] = type(window.view).__name__
    seen["actors"] = len(window.scene.actors)
    seen["tour_shown"] = window.tour.dock.isVisible()
    seen["practising"] = window.practice.active
    window.close()

window_module.AtlasWindow.__init__ = init
main(sys.argv[1:])
print(json.dumps(seen))
"""


def _first_paint(tmp_path, *arguments: str) -> dict:
    return run_probe(FIRST_PAINT_PROBE, *arguments, home=tmp_path / "home", timeout=180)


def test_first_paint_comes_before_vtk_pyvista_matplotlib_and_numpy_load(tmp_path):
    seen = _first_paint(tmp_path)
    assert seen["loaded"] == [], f"loaded before the window was usable: {seen['loaded']}"
    assert seen["ready_at_paint"] is False
    assert seen["collector_on"] is True
    assert seen["placeholder"] == "ViewPlaceholder"
    assert seen["view"] == "AtlasInteractor"  # and then the 3D view did arrive
    assert seen["actors"] > 10


def test_a_tour_and_practice_on_the_command_line_wait_for_the_view_too(tmp_path):
    """Opening a scene and starting practice at launch must not pull the 3D stack forward."""
    tour = REPO_ROOT / "annotations" / "tours" / "hamstrings.legatlas"
    seen = _first_paint(tmp_path, str(tour), "--practice")
    toolkits = [name for name in seen["loaded"] if name in TOOLKITS]
    assert toolkits == [], f"loaded before the window was usable: {toolkits}"
    assert seen["ready_at_paint"] is False
    assert seen["view"] == "AtlasInteractor" and seen["actors"] > 10
    assert seen["practising"] is True  # practice started (and put the tour away, as it does)


@pytest.fixture
def held_loader(monkeypatch):
    """The 3D view's loader waits until the test lets it go: the real import and build,
    only later, so "before the view exists" does not depend on the machine's speed."""
    from viewer.gui import view_loader

    release = threading.Event()
    real_load = view_loader.load_3d_stack

    def load_when_released(pose):
        release.wait(timeout=120)
        return real_load(pose)

    monkeypatch.setattr(view_loader, "load_3d_stack", load_when_released)
    yield release
    release.set()  # never leave the worker waiting


def _open_window_without_view(qtbot, catalogue, settings_path):
    from PySide6.QtCore import QSettings

    from viewer.gui.view_loader import ViewPlaceholder
    from viewer.gui.window import AtlasWindow

    window = AtlasWindow(catalogue, None, QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window._loader._thread is not None)  # the worker is running
    assert not window.is_view_ready()
    assert isinstance(window.centralWidget(), ViewPlaceholder)
    return window


def _close(qtbot, window) -> None:
    window.close()
    window.deleteLater()
    qtbot.wait(1)


def test_search_tree_and_menus_take_input_before_the_view_exists_and_it_then_shows_them(
    qtbot, catalogue, settings_path, held_loader
):
    from tests.gui_helpers import wait_for_view

    window = _open_window_without_view(qtbot, catalogue, settings_path)
    try:
        # A person starts typing a muscle before the leg is drawn.
        search = window.tree.search
        qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(search, "semitend")
        assert search.text() == "semitend"
        tree, item = window.tree.tree, window.tree.items["semitendinosus"]
        assert not item.isHidden() and window.tree.items["soleus"].isHidden()  # filtered
        # ...then clicks the row it found: the selection and its card come at once.
        tree.scrollToItem(item)
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
        )
        assert window.state.selected == "semitendinosus"
        assert "Semitendinosus" in window.info.toPlainText()
        # A menu opens from the menu bar with a click.
        bar = window.menuBar()
        selection_menu = next(a for a in bar.actions() if a.text() == "&Selection")
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(selection_menu).center()
        )
        qtbot.waitUntil(selection_menu.menu().isVisible)
        qtbot.keyClick(selection_menu.menu(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not selection_menu.menu().isVisible())
        assert not window.is_view_ready(), "none of this may build the 3D view"
        held_loader.set()
        wait_for_view(qtbot, window)
        assert window.centralWidget() is window.view
        assert window.scene.outlined_parts() == ["semitendinosus"]  # chosen before, shown now
        assert len(window.scene.actors) > 10
        search.setFocus()
        qtbot.waitUntil(search.hasFocus)
    finally:
        _close(qtbot, window)


def test_search_keeps_the_keys_when_the_view_arrives(qtbot, catalogue, settings_path, held_loader):
    from tests.gui_helpers import wait_for_view

    window = _open_window_without_view(qtbot, catalogue, settings_path)
    try:
        search = window.tree.search
        qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(search, "sol")
        held_loader.set()
        wait_for_view(qtbot, window)
        qtbot.keyClicks(search, "eus")
        assert search.text() == "soleus"
        assert search.hasFocus(), "the arriving 3D view must not take the keys from the search box"
    finally:
        _close(qtbot, window)


def test_a_command_that_needs_the_view_waits_for_it_instead_of_freezing_the_window(
    qtbot, catalogue, settings_path, held_loader
):
    """Ctrl+E before the leg is there: no view built on the spot, the dialog once it arrives."""
    from tests.gui_helpers import wait_for_view
    from viewer.gui.widgets.export_dialog import ExportDialog

    window = _open_window_without_view(qtbot, catalogue, settings_path)
    try:
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(window, Qt.Key.Key_F)  # frame the selection: nothing selected, no harm
        assert not window.is_view_ready()
        assert not window.findChildren(ExportDialog)
        held_loader.set()
        wait_for_view(qtbot, window)
        dialogs = window.findChildren(ExportDialog)
        assert len(dialogs) == 1
        qtbot.waitUntil(dialogs[0].isVisible)
        dialogs[0].reject()
    finally:
        _close(qtbot, window)


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


def test_the_search_box_sets_up_its_clear_button_with_the_first_text(qtbot, catalogue):
    """Not at start (its icon is looked up in the icon theme), yet there when there is text."""
    from PySide6.QtWidgets import QToolButton

    from viewer.gui.widgets.structure_tree import StructureTree
    from viewer.model.state import AtlasState

    tree = StructureTree(AtlasState(), catalogue)
    qtbot.addWidget(tree)
    with qtbot.waitExposed(tree):
        tree.show()
    search = tree.search
    assert not search.isClearButtonEnabled()
    qtbot.mouseClick(search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(search, "semitend")
    assert search.isClearButtonEnabled()
    assert tree.items["soleus"].isHidden()  # the search filtered the tree
    buttons = [b for b in search.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1
    qtbot.waitUntil(lambda: not buttons[0].visibleRegion().isEmpty())
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert search.text() == ""
    assert not tree.items["soleus"].isHidden()
