"""Presentation mode (F11) and the tab a new session opens on."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_f11_shows_the_3d_view_alone_with_a_large_caption(window, qtbot):
    window.state.select("gastrocnemius", "gastrocnemius.medial_head")
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert not window.dock.isVisible()
    assert not window.toolbar.isVisible()
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    caption = window.presentation.caption
    assert caption.isVisible()
    assert caption.text() == "Medial head of gastrocnemius"
    assert caption.font().pointSize() >= 24
    window.state.select("soleus")
    assert caption.text() == "Soleus"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.dock.isVisible() and window.toolbar.isVisible()
    assert window.menuBar().isVisible()
    assert not caption.isVisible()
    assert window.state.selected == "soleus", "Esc left presentation and kept the selection"


def test_caption_names_the_exercise_while_it_plays(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    window.motion.play("exercise", "standing_calf_raise")
    assert window.presentation.caption.text() == "Standing calf raise"
    window.motion.stop()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_a_new_session_opens_on_the_atlas_tab(make_window, qtbot, settings_path):
    first = make_window()
    first.exercise_dock.raise_()
    qtbot.waitUntil(lambda: first.tree.search.visibleRegion().isEmpty())
    first.close()
    second = make_window(path=settings_path)
    qtbot.waitUntil(lambda: not second.tree.search.visibleRegion().isEmpty())
