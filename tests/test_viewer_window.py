"""The dock, the keyboard, search, views, settings and the About box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from meshes.parts import LAYERS
from tests.gui_helpers import open_export_dialog
from viewer.model.state import AtlasState


def test_window_opens_with_overview_and_posterior_view(window):
    assert window.state.view == "posterior"
    assert window.catalogue.overview.title in window.info.toPlainText()
    camera = window.view.camera
    assert camera.position[1] < camera.focal_point[1]  # looking from behind (-Y)


def test_tree_click_selects_in_3d_without_moving_the_camera(window, qtbot):
    item = window.tree.items["soleus"]
    before = tuple(window.view.camera.position)
    window.tree.tree.scrollToItem(item)  # the tree is taller than its dock
    rect = window.tree.tree.visualItemRect(item)
    qtbot.mouseClick(window.tree.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selected == "soleus"
    assert "Soleus" in window.info.toPlainText()
    assert tuple(window.view.camera.position) == pytest.approx(before)


def test_unticking_a_muscle_hides_it_without_selecting_it(window, qtbot):
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    window.state.select("soleus")  # the tree scrolls to it: measure the rows afterwards
    tree = window.tree.tree
    item = window.tree.items["semitendinosus"]
    tree.scrollToItem(item)
    option = QStyleOptionViewItem()
    option.rect = tree.visualItemRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    indicator = tree.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
    )
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=indicator.center())
    assert "semitendinosus" in window.state.hidden
    assert not window.scene.actors["semitendinosus"].visibility
    assert window.state.selected == "soleus"


def test_search_filters_the_tree_by_synonym(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.search.hasFocus()
    qtbot.keyClicks(window.tree.search, "Achilles")
    assert window.tree.visible_structure_ids() == ["calcaneal_tendon"]
    window.tree.search.clear()
    assert "soleus" in window.tree.visible_structure_ids()


@pytest.mark.parametrize(("key", "layer"), list(zip("1234567", LAYERS, strict=True)))
def test_number_keys_toggle_layers(window, qtbot, key, layer):
    qtbot.keyClick(window, key)
    assert layer not in window.state.layers_visible
    qtbot.keyClick(window, key)
    assert layer in window.state.layers_visible


def test_hide_isolate_show_all_and_escape_from_the_keyboard(window, qtbot):
    window.state.select("gastrocnemius")
    qtbot.keyClick(window, Qt.Key.Key_I)
    visible = [p for p, actor in window.scene.actors.items() if actor.visibility]
    assert visible == ["gastrocnemius.medial_head", "gastrocnemius.lateral_head"]
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert all(actor.visibility for actor in window.scene.actors.values())
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert "gastrocnemius" in window.state.hidden
    window.state.select("soleus")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.state.selected is None


def test_arrow_keys_rotate_and_view_actions_turn_the_camera(window, qtbot):
    before = tuple(window.view.camera.position)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert tuple(window.view.camera.position) != pytest.approx(before)
    window.actions_by_key["view_lateral"].trigger()
    camera = window.view.camera
    assert camera.position[0] > camera.focal_point[0]  # lateral of a right leg is +X
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.view.camera.position[1] < window.view.camera.focal_point[1]


def test_every_action_with_a_shortcut_names_it_in_its_tooltip(window):
    for action in window.actions_by_key.values():
        shortcut = action.shortcut().toString()
        if shortcut:
            assert f"({shortcut})" in action.toolTip()


def test_labels_name_every_visible_muscle_without_overlapping_at_each_view(window, qtbot):
    from viewer.render.labels import LABELLED_PARTS

    qtbot.keyClick(window, Qt.Key.Key_L)
    assert window.state.labels
    for view in ("posterior", "anterior", "lateral", "medial"):
        window.actions_by_key[f"view_{view}"].trigger()
        window.view.render()
        boxes = window.scene.label_boxes()
        assert set(boxes) == set(LABELLED_PARTS), view
        width, height = window.view.width(), window.view.height()
        for part_id, box in boxes.items():
            assert box.x >= 0 and box.x + box.width <= width, (view, part_id)
            assert box.y >= 0 and box.y + box.height <= height, (view, part_id)
            for other_id, other in boxes.items():
                if other_id != part_id:
                    assert not box.overlaps(other), (view, part_id, other_id)
    qtbot.keyClick(window, Qt.Key.Key_2)  # hide the superficial layer: its labels go
    assert "semitendinosus" not in window.scene.label_boxes()
    assert "soleus" in window.scene.label_boxes()
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert window.scene.label_boxes() == {}


def test_layer_strip_slider_changes_opacity(window):
    window.layers.sliders["skin"].setValue(60)
    assert window.state.opacity_of_layer("skin") == pytest.approx(0.6)
    assert window.scene.actors["skin"].prop.opacity == pytest.approx(0.6)


def test_layer_state_persists_between_sessions(make_window, settings_path):
    first = make_window()
    first.state.set_layer_visible("bones", False)
    first.state.set_layer_opacity("skin", 0.4)
    first.close()
    second = make_window()
    assert "bones" not in second.state.layers_visible
    assert second.state.opacity_of_layer("skin") == pytest.approx(0.4)


def test_corrupt_settings_fall_back_to_defaults_with_a_note(make_window, settings_path):
    settings_path.write_text('[layers]\nvisible="[not json\nopacity=@@@\n[window]\ngeometry=zzz\n')
    window = make_window(path=settings_path)
    assert window.state.layers_visible == AtlasState().layers_visible
    assert "reset" in window.statusBar().currentMessage()


def test_about_lists_version_note_and_references(window, qtbot):
    from tests.gui_helpers import read_and_close_modal_later

    seen = read_and_close_modal_later(200)
    window.actions_by_key["about"].trigger()
    assert "Leg Atlas" in seen["text"]
    assert window.catalogue.disclaimer in seen["text"]


def test_settings_fixture_is_isolated(settings_path):
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert not settings.contains("window/geometry")


def test_launch_options_open_the_window_in_that_state(make_window, settings_path):
    from viewer.cli import build_parser
    from viewer.commands.common import apply_hides
    from viewer.commands.gui import initial_state

    parser = build_parser()
    arguments = parser.parse_args(
        ["--view", "medial", "--select", "soleus", "--hide", "superficial"]
    )
    # Last session showed every layer: the launch option must still win.
    settings_path.write_text(
        '[layers]\nvisible="[\\"bones\\", \\"deep\\", \\"skin\\", \\"superficial\\", '
        '\\"tendons\\"]"\n'
    )
    window = make_window(initial_state(arguments, parser))
    apply_hides(window.state, arguments.hide)  # as run_app does, after the saved layers
    assert window.state.selected == "soleus"
    assert "Soleus" in window.info.toPlainText()
    assert not window.scene.actors["gastrocnemius.medial_head"].visibility
    camera = window.view.camera
    assert camera.position[0] < camera.focal_point[0]  # medial of a right leg is -X


def test_last_export_folder_persists(make_window, qtbot, tmp_path):
    first = make_window()
    first.last_export_dir = str(tmp_path)
    first.close()
    second = make_window()
    dialog = open_export_dialog(qtbot, second)
    assert dialog.path_field.text().startswith(str(tmp_path))
    dialog.reject()


def test_broken_user_cards_stop_the_app_with_a_message_naming_the_file(qtbot, tmp_path, capsys):
    from tests.gui_helpers import read_and_close_modal_later
    from viewer.cli import run

    (tmp_path / "mine.toml").write_text("[card]\nid = 'soleus'\nname = [\n")
    seen = read_and_close_modal_later(300)
    status = run(["--annotations", str(tmp_path)])
    assert status == 1
    assert "mine.toml" in seen["text"]
    assert "mine.toml" in capsys.readouterr().err
