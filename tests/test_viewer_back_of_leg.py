"""The deeper structures in the real window: a nerve shows what it supplies, the fossa is
one click, a nerve is clickable in 3D, and the stretch map colours the nerves."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from meshes.lengths import length_changes_percent
from meshes.pose import Pose
from tests.gui_helpers import click, visible_point_of


def _click_tree_row(window, qtbot, item_id: str) -> None:
    tree = window.tree.tree
    item = window.tree.items[item_id]
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )


def test_a_nerve_chosen_in_the_tree_highlights_and_lists_the_muscles_it_supplies(window, qtbot):
    _click_tree_row(window, qtbot, "tibial_nerve")
    assert window.state.selected == "tibial_nerve"
    text = window.info.toPlainText()
    assert "Supplies" in text and "Tibialis posterior" in text and "Soleus" in text
    assert "What if it were injured" in text and "sole" in text
    outlined = set(window.scene.outlined_parts())
    assert {"tibial_nerve", "soleus", "gastrocnemius.medial_head"} <= outlined
    assert "biceps_femoris.long_head" not in outlined


def test_the_common_fibular_nerve_card_names_foot_drop_and_only_the_short_head(window, qtbot):
    _click_tree_row(window, qtbot, "common_fibular_nerve")
    text = window.info.toPlainText()
    assert "foot drop" in text.lower() and "eversion" in text.lower()
    outlined = set(window.scene.outlined_parts())
    assert (
        "biceps_femoris.short_head" in outlined
        or not window.scene.actors["biceps_femoris.short_head"].visibility
    )
    assert "biceps_femoris.long_head" not in outlined


def test_the_fossa_view_and_one_click_show_its_borders_and_contents(window, qtbot):
    window.actions_by_key["view_popliteal_fossa"].trigger()
    focal = np.array(window.view.camera.focal_point)
    assert -480.0 < focal[2] < -380.0  # the back of the knee, not the middle of the leg
    assert window.view.camera.position[1] < focal[1]  # seen from behind
    _click_tree_row(window, qtbot, "popliteal_fossa")
    assert window.state.selected == "popliteal_fossa"
    text = window.info.toPlainText()
    for word in ("Borders", "Roof", "Floor", "Contents", "semimembranosus", "tibial nerve"):
        assert word.lower() in text.lower(), word
    qtbot.keyClick(window, Qt.Key.Key_I)  # isolate: the fossa with its borders and contents
    hidden = window.state.hidden
    assert "soleus" in hidden and "tibial_nerve" not in hidden and "popliteus" not in hidden


def test_a_nerve_can_be_clicked_in_the_3d_view(window):
    window.state.set_layer_visible("skin", False)
    window.state.set_layer_visible("superficial", False)
    window.view.render()
    click(window.view, visible_point_of(window.view, "sciatic_nerve"))
    assert window.state.selected == "sciatic_nerve"


@pytest.mark.parametrize("ankle", (0.0, 20.0))
def test_the_stretch_map_colours_the_sciatic_nerve_in_a_straight_leg_raise(window, ankle):
    window.state.colour_mode = "stretch"
    window.state.pose = Pose(hip_flexion=70, ankle_dorsiflexion=ankle)
    change = length_changes_percent(window.state.pose)["sciatic_nerve"]
    assert change > 5.0
    lengthened = np.array(window.scene.actors["sciatic_nerve"].prop.color.float_rgb)
    window.state.pose = Pose()
    standing = np.array(window.scene.actors["sciatic_nerve"].prop.color.float_rgb)
    assert np.abs(lengthened - standing).max() > 0.05  # redder when lengthened
