"""The whole atlas from the keyboard: search, the tree, accessible names, the layout keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from annotations import load_annotations
from viewer.model.search import build_index, search


def _index():
    return build_index(load_annotations())


def test_misspelled_names_are_found_with_did_you_mean():
    index = _index()
    for typed, wanted in (("solius", "soleus"), ("semitendinosis", "semitendinosus")):
        result = search(index, typed)
        assert result.structures[0] == wanted
        assert "Did you mean" in result.message


def test_nonsense_gives_a_no_match_line_and_nothing_else():
    result = search(_index(), "xyzzy")
    assert result.empty
    assert result.message.startswith("No match for")


def test_search_covers_exercises_stretches_actions_and_nerves():
    index = _index()
    assert ("exercise", "romanian_deadlift", "Romanian deadlift") in search(
        index, "romanian"
    ).motions
    assert any(kind == "stretch" for kind, _, _ in search(index, "downward dog").motions)
    assert "gastrocnemius" in search(index, "knee flexion").structures
    assert "soleus" not in search(index, "knee flexion").structures
    assert "biceps_femoris.short_head" in search(index, "fibular").structures


def test_keyboard_only_search_and_select(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.search.hasFocus()
    qtbot.keyClicks(window.tree.search, "solius")
    assert window.tree.message.isVisible()
    assert "Did you mean Soleus" in window.tree.message.text()
    assert window.tree.visible_structure_ids() == ["soleus"]
    qtbot.keyClick(window.tree.search, Qt.Key.Key_Return)
    assert window.state.selected == "soleus"


def test_nothing_found_says_so(window, qtbot):
    window.focus_search()
    qtbot.keyClicks(window.tree.search, "qqqq")
    assert window.tree.message.text().startswith("No match")
    assert window.tree.visible_structure_ids() == []


def test_tab_into_the_tree_then_enter_and_space_select_rows(window, qtbot):
    window.focus_search()
    qtbot.keyClick(window.tree.search, Qt.Key.Key_Tab)
    tree = window.tree.tree
    qtbot.waitUntil(tree.hasFocus)
    tree.setCurrentItem(window.tree.items["hamstrings"])
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the first member of the group
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert window.state.selected == "biceps_femoris"
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # its long head
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert window.state.selection == ("biceps_femoris", "biceps_femoris.long_head")
    assert not window.state.hidden, "Space selects; it no longer hides"


def test_ctrl_space_shows_and_hides_the_current_row(window, qtbot):
    tree = window.tree.tree
    tree.setFocus()
    tree.setCurrentItem(window.tree.items["soleus"])
    qtbot.keyClick(tree, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert "soleus" in window.state.hidden
    assert window.state.selected is None
    qtbot.keyClick(tree, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert "soleus" not in window.state.hidden


def test_search_enter_on_an_exercise_plays_it(window, qtbot):
    window.focus_search()
    qtbot.keyClicks(window.tree.search, "romanian")
    assert window.tree.motion_hits.isVisible()
    assert "Romanian deadlift" in window.tree.motion_hits.text()
    qtbot.keyClick(window.tree.search, Qt.Key.Key_Return)
    assert window.state.motion.name == "Romanian deadlift"
    window.motion.stop()


def test_ctrl_f_brings_the_atlas_tab_back_whatever_the_layout(window, qtbot):
    window.motion_dock.raise_()
    # A dock behind another tab keeps isVisible(); what a person sees is its visible region.
    qtbot.waitUntil(lambda: window.tree.search.visibleRegion().isEmpty())
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.tree.search.visibleRegion().isEmpty())
    assert window.tree.search.hasFocus()


def test_the_splitter_cannot_collapse_the_tree_and_search(window):
    splitter = window.dock.widget()
    assert not splitter.isCollapsible(0)
    splitter.setSizes([0, 10_000])
    assert splitter.sizes()[0] >= 150


def _shows_its_content(dock) -> bool:
    """The dock's tab is in front and its content (made on first show for some) is on screen."""
    content = dock.widget()
    if content is None or dock.visibleRegion().isEmpty():
        return False
    return any(not w.visibleRegion().isEmpty() for w in [content, *content.findChildren(QWidget)])


def test_every_focusable_control_has_an_accessible_name(window, qtbot):
    nameless = []
    for dock in (window.dock, window.motion_dock, window.exercise_dock):
        dock.raise_()
        qtbot.waitUntil(lambda dock=dock: _shows_its_content(dock))
        for widget in window.findChildren(QWidget):
            if widget.visibleRegion().isEmpty() or not widget.isVisible():
                continue
            if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isEnabled():
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface else ""
            if not name.strip():
                parent = type(widget.parent()).__name__
                nameless.append(f"{type(widget).__name__} {widget.objectName()} in {parent}")
    assert not nameless, sorted(set(nameless))


def test_tab_reaches_the_3d_view_search_and_tree(window, qtbot):
    reached = set()
    for _ in range(60):
        focus = QApplication.focusWidget()
        reached.add(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert window.view in reached
    assert window.tree.search in reached
    assert window.tree.tree in reached


def test_larger_text_and_high_contrast_is_a_remembered_option(window, qtbot, settings_path):
    from PySide6.QtGui import QPalette

    app = QApplication.instance()
    size = app.font().pointSizeF()
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    try:
        assert window.actions_by_key["high_contrast"].isChecked()
        assert app.font().pointSizeF() > size * 1.2
        assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
        assert window.settings.value("view/high_contrast") in (True, "true")
    finally:
        window.actions_by_key["high_contrast"].trigger()
    assert app.font().pointSizeF() == size


def test_f6_gives_the_keys_back_to_the_3d_view(window, qtbot):
    window.focus_search()
    assert window.tree.search.hasFocus()
    qtbot.keyClick(window.tree.search, Qt.Key.Key_F6)
    assert window.view.hasFocus()
    before = tuple(window.view.camera.position)
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert tuple(window.view.camera.position) != before
