"""The Exercises tab: every exercise and stretch, search, the stretch map at the end, compare."""

from __future__ import annotations

from PySide6.QtCore import Qt

from viewer.model.movements import compare, movements


def _show_tab(window, qtbot):
    window.exercise_dock.raise_()
    qtbot.waitUntil(lambda: not window.exercises.visibleRegion().isEmpty())


def test_every_exercise_and_stretch_is_listed(window, catalogue):
    ids = {window.exercises.list.item(i).data(Qt.ItemDataRole.UserRole)
           for i in range(window.exercises.list.count())}  # fmt: skip
    assert ids == set(catalogue.exercises) | set(catalogue.stretches)


def test_searching_and_choosing_shows_what_it_trains_and_the_length_changes(window, qtbot):
    _show_tab(window, qtbot)
    browser = window.exercises
    browser.search.setFocus()
    qtbot.keyClicks(browser.search, "calf raise")
    visible = [browser.list.item(i).text() for i in range(browser.list.count())
               if not browser.list.item(i).isHidden()]  # fmt: skip
    assert any(text.startswith("Standing calf raise") for text in visible)
    assert not any(text.startswith("Romanian deadlift") for text in visible)
    qtbot.keyClick(browser.search, Qt.Key.Key_Return)
    assert browser.current().id == "standing_calf_raise"
    text = browser.details.toPlainText()
    assert "Trains" in text and "ball of the foot on the floor" in text
    assert "Soleus" in text and "%" in text


def test_misspelled_search_offers_the_closest(window, qtbot):
    _show_tab(window, qtbot)
    qtbot.keyClicks(window.exercises.search, "dedlift")
    assert "Did you mean" in window.exercises.message.text()


def test_stretch_map_at_the_end_poses_the_leg_in_its_setting(window, qtbot):
    _show_tab(window, qtbot)
    browser = window.exercises
    browser.choose("wall_calf_stretch")
    qtbot.mouseClick(browser.end_button, Qt.MouseButton.LeftButton)
    assert window.state.world == "wall_calf_stretch"
    assert window.state.colour_mode == "stretch"
    assert window.state.pose == browser.items["wall_calf_stretch"].end
    assert "wall" in window.scene.surroundings.shown
    soleus = tuple(window.scene.actors["soleus"].prop.color)[:3]
    assert soleus[0] > soleus[2]  # lengthened: the red side of the map


def test_compare_two_calf_stretches_muscle_by_muscle(window, qtbot):
    _show_tab(window, qtbot)
    browser = window.exercises
    browser.choose("wall_calf_stretch")
    browser.compare_choice.setCurrentIndex(
        browser.compare_choice.findData("bent_knee_calf_stretch")
    )
    text = browser.details.toPlainText()
    assert "vs" in text and "Difference" in text
    assert "Medial head of gastrocnemius" in text


def test_comparison_numbers_follow_the_model(catalogue):
    items = {m.id: m for m in movements(catalogue)}
    rows = {r.part_id: r for r in compare(items["wall_calf_stretch"],
                                          items["bent_knee_calf_stretch"])}  # fmt: skip
    straight = rows["gastrocnemius.medial_head"]
    assert straight.first_percent > 1.0  # the straight-knee stretch lengthens gastrocnemius
    assert rows["soleus"].first_percent > 1.0  # and soleus
    # Bending the knee gives gastrocnemius slack: less lengthened than with a straight knee.
    assert straight.second_percent < straight.first_percent


def _click_tab(qtbot, window, title: str) -> None:
    from PySide6.QtWidgets import QTabBar

    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.isVisible() and bar.tabText(index) == title:
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no tab {title!r}")


def test_the_tabs_made_on_first_show_work_when_a_person_clicks_them(window, qtbot):
    """Pose & motion and Exercises are built when first clicked, not for the first window."""
    assert window._pose_panel is None and window._exercises is None  # not made at start
    _click_tab(qtbot, window, "Pose && motion")
    qtbot.waitUntil(lambda: window._pose_panel is not None)
    panel = window.pose_panel
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    assert window.motion_dock.widget().isAncestorOf(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() > 0)  # lengths worked out once in front
    field = panel.fields["knee_flexion"]
    qtbot.mouseClick(field.lineEdit(), Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field.lineEdit(), "60")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert window.state.pose.knee_flexion == 60.0
    assert panel.sliders["knee_flexion"].value() == 60
    assert window._exercises is None  # still behind its tab
    _click_tab(qtbot, window, "Exercises")
    qtbot.waitUntil(lambda: window._exercises is not None)
    browser = window.exercises
    qtbot.waitUntil(lambda: not browser.visibleRegion().isEmpty())
    row = next(
        i for i in range(browser.list.count())
        if browser.list.item(i).data(Qt.ItemDataRole.UserRole) == "standing_calf_raise"
    )  # fmt: skip
    rect = browser.list.visualItemRect(browser.list.item(row))
    qtbot.mouseClick(browser.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Trains" in browser.details.toPlainText()
    qtbot.mouseClick(browser.play_button, Qt.MouseButton.LeftButton)
    assert window.state.motion.active and window.state.world == "standing_calf_raise"
    window.motion.stop()
