"""Shared fixtures: an isolated settings file, the real window, and a leak check."""

from __future__ import annotations

import gc
import os

os.environ["QT_API"] = "pyside6"

import pytest


@pytest.fixture(scope="session")
def catalogue():
    from annotations import load_annotations

    return load_annotations()


@pytest.fixture
def settings_path(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, catalogue, settings_path):
    """Factory for real AtlasWindows, shown at 1280x800 and closed after the test."""
    from PySide6.QtCore import QSettings

    from tests.gui_helpers import wait_for_view
    from viewer.gui.window import AtlasWindow

    windows = []

    def make(state=None, path=settings_path):
        settings = QSettings(str(path), QSettings.Format.IniFormat)
        window = AtlasWindow(catalogue, state, settings)
        window.resize(1280, 800)
        # waitExposed and waitActive are context managers: called bare they wait for nothing.
        with qtbot.waitExposed(window):
            window.show()
        window.activateWindow()
        # A loaded machine (CI, other test runs) can take seconds to activate and focus.
        qtbot.waitUntil(window.isActiveWindow, timeout=20_000)  # shortcuts need the active window
        wait_for_view(qtbot, window)  # the 3D view is built after the window is shown
        qtbot.waitUntil(window.view.hasFocus, timeout=20_000)  # keys start on the 3D view
        window.view.render()
        # The coarse twins drawn while the view moves are built on a worker thread after the
        # first frame: a test starts once that is done, so no background work (and no memory
        # it allocates) overlaps what the test does or measures.
        qtbot.waitUntil(lambda: window.scene.has_coarse_twins, timeout=60_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture(autouse=True)
def no_plotter_survives(request):
    """Every plotter a test opens must be closed by its end (pyvistaqt's own check)."""
    if "qtbot" not in request.fixturenames:
        yield  # pure tests open no plotter; skip importing pyvista for them
        return
    from pyvista.plotting import plotter as plotter_module

    before = set(plotter_module._ALL_PLOTTERS)
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    alive = [
        key
        for key, plotter in plotter_module._ALL_PLOTTERS.items()
        if key not in before and not getattr(plotter, "_closed", True)
    ]
    assert not alive, f"plotters left open: {alive}"
