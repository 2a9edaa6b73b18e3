"""AtlasState on its own: no window, no Qt, no VTK. Fast, and the rules it guards."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from meshes.parts import GROUPS, LAYER_BY_ID, LAYERS, STRUCTURE_IDS, group_members
from meshes.pose import STANDING, Pose
from viewer.model.state import MIN_VISIBLE_OPACITY, AtlasState, MotionStatus


@pytest.fixture
def state() -> AtlasState:
    return AtlasState()


def _events(state: AtlasState, field: str) -> list:
    seen: list = []
    getattr(state.events, field).connect(lambda value: seen.append(value))
    return seen


# -- select ------------------------------------------------------------------------------------
def test_select_a_structure_then_a_part_of_it_then_clear(state):
    seen = _events(state, "selection")
    state.select("gastrocnemius")
    state.select("gastrocnemius", "gastrocnemius.medial_head")
    state.clear_selection()
    assert seen == [
        ("gastrocnemius", None),
        ("gastrocnemius", "gastrocnemius.medial_head"),
        (None, None),
    ]
    assert state.selected is None and state.selected_part is None


def test_selecting_a_group_stands_for_its_members(state):
    state.select("hamstrings")
    assert state.selected_structures() == group_members("hamstrings")
    assert set(state.selected_structures()) == {
        "biceps_femoris",
        "semitendinosus",
        "semimembranosus",
    }


def test_unknown_ids_are_refused(state):
    with pytest.raises(ValueError, match="unknown structure or group id 'quadriceps'"):
        state.select("quadriceps")
    with pytest.raises(ValueError, match="unknown id or layer"):
        state.hide("quadriceps")
    with pytest.raises(ValueError, match="unknown layer"):
        state.set_layer_opacity("muscles", 0.5)
    assert state.selection == (None, None)


def test_a_selected_part_must_belong_to_the_selected_structure(state):
    with pytest.raises(ValidationError, match="does not belong to 'soleus'"):
        state.select("soleus", "gastrocnemius.medial_head")
    with pytest.raises(ValidationError, match="without its structure"):
        state.selection = (None, "soleus")
    with pytest.raises(ValidationError):
        state.selection = ("biceps_femoris", "biceps_femoris.no_such_head")
    assert state.selection == (None, None)


# -- hide, isolate, show all -------------------------------------------------------------------
def test_hiding_a_structure_hides_its_parts_and_deselects_it(state):
    state.select("soleus")
    state.set_structure_visible("soleus", False)
    assert state.hidden == frozenset({"soleus"})
    assert not state.is_part_visible("soleus")
    assert state.selected is None


def test_hiding_a_group_hides_every_member(state):
    state.hide("triceps_surae")
    assert state.hidden == frozenset(group_members("triceps_surae"))
    state.set_structure_visible("triceps_surae", True)
    assert state.hidden == frozenset()


def test_hide_selected_and_isolate_selected(state):
    state.select("semitendinosus")
    state.isolate_selected()
    assert state.hidden == frozenset(s for s in STRUCTURE_IDS if s != "semitendinosus")
    assert state.is_part_visible("semitendinosus")
    state.hide_selected()
    assert "semitendinosus" in state.hidden
    assert state.selected is None
    state.show_all()
    assert state.hidden == frozenset()
    assert state.layers_visible == frozenset(LAYERS)


def test_isolating_switches_the_selections_layer_back_on(state):
    state.set_layer_visible("deep", False)
    state.select("soleus")
    state.isolate_selected()
    assert "deep" in state.layers_visible
    assert state.is_part_visible("soleus")


def test_nothing_selected_means_hide_and_isolate_do_nothing(state):
    state.hide_selected()
    state.isolate_selected()
    assert state.hidden == frozenset()


# -- layers and opacity ------------------------------------------------------------------------
def test_layers_toggle_and_hide_their_parts(state):
    seen = _events(state, "layers_visible")
    state.toggle_layer("superficial")
    assert not state.is_part_visible("gastrocnemius.medial_head")
    assert state.is_part_visible("soleus")  # the deep calf muscle shows through
    state.toggle_layer("superficial")
    assert len(seen) == 2 and "superficial" in state.layers_visible


def test_opacity_defaults_come_from_the_layer_table_and_clamp(state):
    for layer in LAYERS:
        assert state.opacity_of_layer(layer) == LAYER_BY_ID[layer].default_opacity
    state.set_layer_opacity("skin", 3.0)
    assert state.opacity_of_layer("skin") == 1.0
    state.set_layer_opacity("skin", -1.0)
    assert state.opacity_of_layer("skin") == 0.0


def test_a_faded_out_layer_counts_as_hidden_and_skin_is_never_pickable(state):
    state.set_layer_opacity("bones", MIN_VISIBLE_OPACITY / 2)
    assert not state.is_part_visible("femur")
    assert state.is_part_visible("skin")
    assert not state.is_part_pickable("skin")
    assert state.is_part_pickable("soleus")


# -- the state refuses bad values where they are made ------------------------------------------
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("view", "top"),
        ("colour_mode", "rainbow"),
        ("hidden", {"femur"}),  # a mutable set could change behind the state's back
        ("hidden", frozenset({"quadriceps"})),
        ("layers_visible", frozenset({"muscles"})),
        ("layer_opacity", (("skin", 0.5),)),
        ("layer_opacity", tuple((layer, 2.0) for layer in LAYERS)),
        ("pose", "bent"),
        ("pose", {"knee_flexion": 500}),
        ("motion", "playing"),
    ],
)
def test_bad_assignments_are_refused_and_change_nothing(state, field, value):
    before = getattr(state, field)
    seen = _events(state, field)
    with pytest.raises(ValidationError):
        setattr(state, field, value)
    assert getattr(state, field) == before
    assert seen == []


def test_good_assignments_emit_one_event_each(state):
    seen = _events(state, "view")
    state.view = "lateral"
    state.view = "lateral"  # no change, no event
    assert seen == ["lateral"]
    poses = _events(state, "pose")
    state.pose = Pose(knee_flexion=90)
    assert poses == [Pose(knee_flexion=90)]
    state.pose = STANDING


def test_motion_status_is_one_immutable_record(state):
    seen = _events(state, "motion")
    state.motion = MotionStatus(name="Standing calf raise", phase="playing")
    assert state.motion.active
    with pytest.raises(ValidationError):
        state.motion.phase = "paused"  # a record is replaced, never edited
    state.motion = MotionStatus()
    assert not state.motion.active
    assert [status.phase for status in seen] == ["playing", "stopped"]


def test_groups_and_structures_are_all_selectable(state):
    for item in (*GROUPS, *STRUCTURE_IDS):
        state.select(item)
        assert state.selected == item


# -- nerves and regions bring their muscles and contents along ---------------------------------
def test_selecting_a_nerve_highlights_every_muscle_it_supplies(state):
    state.select("tibial_nerve")
    highlighted = set(state.selected_structures())
    assert {"tibial_nerve", "gastrocnemius", "soleus", "popliteus", "plantaris"} <= highlighted
    assert {
        "tibialis_posterior",
        "flexor_digitorum_longus",
        "flexor_hallucis_longus",
    } <= highlighted
    assert "biceps_femoris" not in highlighted
    state.select("common_fibular_nerve")
    assert "biceps_femoris.short_head" in state.selected_structures()
    assert "biceps_femoris" not in state.selected_structures()  # not the long head
    state.select("sciatic_nerve")
    assert {"biceps_femoris", "semitendinosus", "adductor_magnus", "soleus"} <= set(
        state.selected_structures()
    )
    assert "gracilis" not in state.selected_structures()  # obturator nerve


def test_selecting_the_popliteal_fossa_shows_its_borders_and_contents(state):
    state.select("popliteal_fossa")
    shown = set(state.selected_structures())
    borders = {"biceps_femoris", "semimembranosus", "gastrocnemius"}
    contents = {"tibial_nerve", "common_fibular_nerve", "popliteal_artery", "popliteal_vein"}
    assert borders | contents | {"popliteus", "popliteal_fossa"} <= shown
    state.isolate_selected()  # one click more: only the fossa and what it holds
    assert "soleus" in state.hidden and "tibial_nerve" not in state.hidden
    assert {"nerves_vessels", "regions"} <= state.layers_visible


def test_hiding_a_nerve_hides_the_nerve_only(state):
    state.select("sciatic_nerve")
    state.hide_selected()
    assert state.hidden == frozenset({"sciatic_nerve"})
