"""Selecting by clicking in the 3D view, with real mouse events on the real widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from meshes.parts import PART_BY_ID
from tests.gui_helpers import click, drag, visible_point_of

MUSCLE_PARTS_VISIBLE_FROM_BEHIND = [
    "biceps_femoris.long_head",
    "semitendinosus",
    "gastrocnemius.medial_head",
    "gastrocnemius.lateral_head",
    "calcaneal_tendon",
]


@pytest.mark.parametrize("part_id", MUSCLE_PARTS_VISIBLE_FROM_BEHIND)
def test_clicking_a_muscle_selects_it_highlights_it_and_shows_its_card(window, part_id):
    part = PART_BY_ID[part_id]
    click(window.view, visible_point_of(window.view, part_id))
    assert window.state.selected == part.structure
    name = window.catalogue.card(part.structure).name
    assert name in window.info.toPlainText()
    colour = window.scene.actors[part_id].prop.color
    assert tuple(colour) != pytest.approx(part.colour)  # tinted towards the highlight
    assert part_id in window.scene.outlined_parts(), "the selection has an outline"
    assert (
        window.tree.tree.currentItem()
        is window.tree.items[part_id if part.part else part.structure]
    )


def test_clicking_a_head_notes_the_part_on_the_card(window):
    click(window.view, visible_point_of(window.view, "gastrocnemius.lateral_head"))
    assert window.state.selected == "gastrocnemius"
    assert window.state.selected_part == "gastrocnemius.lateral_head"
    assert "lateral head" in window.info.toPlainText().lower()


def test_other_muscles_dim_while_one_is_selected(window):
    click(window.view, visible_point_of(window.view, "semitendinosus"))
    dimmed = window.scene.actors["biceps_femoris.long_head"].prop.color
    assert tuple(dimmed) != pytest.approx(PART_BY_ID["biceps_femoris.long_head"].colour)


def test_with_superficial_hidden_a_click_on_the_calf_selects_the_soleus(window, qtbot):
    calf = visible_point_of(window.view, "gastrocnemius.medial_head")
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert "superficial" not in window.state.layers_visible
    click(window.view, calf)
    assert window.state.selected == "soleus"
    assert "Soleus" in window.info.toPlainText()


def test_a_drag_rotates_and_does_not_select(window):
    start = visible_point_of(window.view, "semitendinosus")
    before = tuple(window.view.camera.position)
    drag(window.view, start, start + QPoint(160, 20))
    assert window.state.selected is None
    assert tuple(window.view.camera.position) != pytest.approx(before)


def test_clicking_the_background_clears_the_selection(window):
    click(window.view, visible_point_of(window.view, "semitendinosus"))
    assert window.state.selected == "semitendinosus"
    click(window.view, QPoint(12, 12))
    assert window.state.selected is None
    assert window.catalogue.overview.title in window.info.toPlainText()
    assert not window.scene.outlined_parts()


def test_skin_is_not_pickable_but_muscles_under_it_are(window):
    assert "skin" in window.state.layers_visible
    assert "skin" not in window.scene.pickable_actors()
    click(window.view, visible_point_of(window.view, "semitendinosus"))
    assert window.state.selected == "semitendinosus"


def test_hovering_names_the_structure_in_the_status_bar(window, qtbot):
    from tests.gui_helpers import hover

    hover(window.view, visible_point_of(window.view, "semitendinosus"))
    qtbot.waitUntil(lambda: "Semitendinosus" in window.statusBar().currentMessage(), timeout=2000)


def test_double_click_frames_the_selection(window, qtbot):
    position = visible_point_of(window.view, "calcaneal_tendon")
    before = window.view.camera.focal_point
    qtbot.mouseDClick(window.view, Qt.MouseButton.LeftButton, pos=position)
    assert window.state.selected == "calcaneal_tendon"
    assert tuple(window.view.camera.focal_point) != pytest.approx(before)
