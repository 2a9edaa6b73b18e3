"""Parts told apart from their muscle: palette, part highlight, hover rim, stretch map."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import Qt

from meshes.palette import KIND_COLOURS
from meshes.parts import PART_BY_ID, PARTS
from tests.gui_helpers import hover, visible_point_of
from viewer.model.state import AtlasState
from viewer.render.highlight import part_styles

MUSCLE_PARTS = [p.id for p in PARTS if p.kind == "muscle"]


def _distance(a, b) -> float:
    return float(np.linalg.norm(np.subtract(a, b)))


def test_every_muscle_part_has_its_own_hue_and_the_tendon_is_not_bone_coloured():
    for a, b in itertools.combinations(MUSCLE_PARTS, 2):
        assert _distance(PART_BY_ID[a].colour, PART_BY_ID[b].colour) > 0.08, (a, b)
    tendon = PART_BY_ID["calcaneal_tendon"].colour
    assert _distance(tendon, PART_BY_ID["tibia"].colour) > 0.2
    assert tendon[2] > tendon[0]  # cool (bluish) white, where bone is warm ivory


def test_nerves_and_vessels_have_their_conventional_colours():
    nerve, artery, vein = KIND_COLOURS["nerve"], KIND_COLOURS["artery"], KIND_COLOURS["vein"]
    assert nerve[0] > 0.8 and nerve[1] > 0.7 and nerve[2] < 0.4  # yellow
    assert artery[0] > 0.7 and max(artery[1:]) < 0.3  # red
    assert vein[2] > 0.7 and max(vein[:2]) < 0.45  # blue


def test_a_selected_head_is_highlighted_alone_and_its_sibling_paler():
    state = AtlasState()
    state.select("biceps_femoris", "biceps_femoris.short_head")
    styles = part_styles(state)
    assert styles["biceps_femoris.short_head"].outline == "selected"
    assert styles["biceps_femoris.long_head"].outline is None
    long_head = styles["biceps_femoris.long_head"].colour
    assert sum(long_head) > sum(PART_BY_ID["biceps_femoris.long_head"].colour) + 0.5  # pale tint
    assert _distance(long_head, styles["biceps_femoris.short_head"].colour) > 0.2


def test_a_whole_muscle_selected_outlines_both_heads():
    state = AtlasState()
    state.select("gastrocnemius")
    styles = part_styles(state)
    assert styles["gastrocnemius.medial_head"].outline == "selected"
    assert styles["gastrocnemius.lateral_head"].outline == "selected"


def test_the_stretch_map_keeps_its_colours_on_the_selection():
    state = AtlasState(colour_mode="stretch")
    changes = {p: 6.0 for p in MUSCLE_PARTS}
    before = part_styles(state, changes)
    state.select("semitendinosus")
    after = part_styles(state, changes)
    for part_id in MUSCLE_PARTS:
        assert after[part_id].colour == before[part_id].colour
    assert after["semitendinosus"].outline == "selected"


def test_choosing_a_head_in_the_tree_highlights_that_head_only(window, qtbot):
    tree = window.tree.tree
    item = window.tree.items["biceps_femoris.short_head"]
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection == ("biceps_femoris", "biceps_femoris.short_head")
    assert window.scene.outlined_parts() == ["biceps_femoris.short_head"]
    short = window.scene.actors["biceps_femoris.short_head"].prop.color
    long = window.scene.actors["biceps_femoris.long_head"].prop.color
    assert _distance(tuple(short), tuple(long)) > 0.2


def test_hovering_outlines_what_a_click_would_select(window, qtbot):
    window.view.set_hover_delay(0)
    point = visible_point_of(window.view, "semitendinosus")
    hover(window.view, point)
    qtbot.waitUntil(lambda: window.state.hovered == "semitendinosus")
    assert window.scene.outlined_parts("hover") == ["semitendinosus"]
    assert "Semitendinosus" in window.statusBar().currentMessage()


def test_hover_name_goes_when_the_part_is_hidden(window, qtbot):
    window.view.set_hover_delay(0)
    hover(window.view, visible_point_of(window.view, "semitendinosus"))
    qtbot.waitUntil(lambda: window.state.hovered == "semitendinosus")
    window.state.select("semitendinosus")
    qtbot.keyClick(window, Qt.Key.Key_H)
    assert window.state.hovered is None
    assert "Semitendinosus" not in window.statusBar().currentMessage()
    assert window.scene.outlined_parts("hover") == []


@pytest.mark.parametrize("part_id", ["biceps_femoris.long_head", "gastrocnemius.lateral_head"])
def test_palette_colour_reaches_the_actor(window, part_id):
    colour = window.scene.actors[part_id].prop.color
    assert tuple(colour)[:3] == pytest.approx(PART_BY_ID[part_id].colour, abs=0.01)
