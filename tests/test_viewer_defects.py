"""The small defects found on first use, each driven as a person meets it."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _show_motion_tab(window, qtbot):
    window.motion_dock.raise_()
    qtbot.waitUntil(lambda: not window.pose_panel.visibleRegion().isEmpty())


def test_typing_an_out_of_range_angle_is_refused_not_cut_short(window, qtbot):
    _show_motion_tab(window, qtbot)
    field = window.pose_panel.fields["knee_flexion"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field.lineEdit(), "150")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert window.state.pose.knee_flexion == 0.0, "150 must not become 15"
    assert window.pose_panel.angle_note.isVisible()
    assert "outside 0..140" in window.pose_panel.angle_note.text()
    field.selectAll()
    qtbot.keyClicks(field.lineEdit(), "45")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert window.state.pose.knee_flexion == 45.0
    assert not window.pose_panel.angle_note.isVisible()


def test_clicking_a_row_of_the_length_table_selects_that_muscle(window, qtbot):
    _show_motion_tab(window, qtbot)
    table = window.pose_panel.table
    row = window.pose_panel._row_parts.index("soleus")
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selected == "soleus"


def test_isolate_says_how_to_get_the_rest_back(window, qtbot):
    window.state.select("soleus")
    qtbot.keyClick(window, Qt.Key.Key_I)
    assert "Shift+H" in window.statusBar().currentMessage()
    assert "bones" in window.statusBar().currentMessage()


def test_tab_bar_and_buttons_do_not_overlap_at_640x480(window, qtbot):
    from PySide6.QtWidgets import QPushButton, QTabBar

    window.resize(640, 480)
    window.motion_dock.raise_()
    qtbot.waitUntil(lambda: not window.pose_panel.visibleRegion().isEmpty())
    panel = window.pose_panel
    assert panel.height() >= panel.minimumSizeHint().height(), "sliders are not squashed"
    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible()]
    assert bars
    for bar in bars:
        bar_rect = bar.rect().translated(bar.mapTo(window, bar.rect().topLeft()))
        for button in window.findChildren(QPushButton):
            if not button.isVisible() or button.visibleRegion().isEmpty():
                continue
            rect = button.rect().translated(button.mapTo(window, button.rect().topLeft()))
            assert not rect.intersects(bar_rect), button.text()
