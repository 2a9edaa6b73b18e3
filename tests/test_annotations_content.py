"""The built-in cards: one per mesh, every fact of the seed article, standard anatomy.

Facts are checked by id and field (a word or an id in the right place), never
by comparing sentences, so the wording can be improved freely.
"""

from __future__ import annotations

import pytest

from annotations import load_annotations
from meshes.parts import GROUPS, MUSCLE_IDS, PARTS, STRUCTURE_IDS, parts_of
from meshes.pose import POSE_RANGES_DEG

HAMSTRING_IDS = ["biceps_femoris", "semitendinosus", "semimembranosus"]


@pytest.fixture(scope="module")
def catalogue():
    return load_annotations()


def text_of(items) -> str:
    """All strings of a list (or one string), lower-cased, for word checks."""
    return " ".join([items] if isinstance(items, str) else items).lower()


def exercise_ids(catalogue, structure_id):
    return [exercise.id for exercise in catalogue.exercises_for(structure_id)]


def stretch_ids(catalogue, structure_id):
    return [stretch.id for stretch in catalogue.stretches_for(structure_id)]


def structures(ids) -> set[str]:
    """Muscle or head ids -> the muscles they belong to."""
    return {item.split(".")[0] for item in ids}


def actions(card) -> set[tuple[str, str]]:
    return {(action.joint, action.movement) for action in card.actions}


# --- every mesh part has a card, every card a mesh ---------------------------------------


def test_every_structure_and_group_has_a_card_of_the_right_kind(catalogue):
    assert set(catalogue.cards) == set(STRUCTURE_IDS) | set(GROUPS)
    for structure_id in STRUCTURE_IDS:
        assert catalogue.card(structure_id).kind == parts_of(structure_id)[0].kind
        assert catalogue.card(structure_id).id == structure_id
    for group_id in GROUPS:
        assert catalogue.card(group_id).kind == "group"
        assert catalogue.card(group_id).name


def test_every_mesh_part_has_a_part_card_and_every_part_card_a_mesh(catalogue):
    for part in PARTS:
        if part.part is None:
            assert catalogue.get_part(part.id) is None
        else:
            assert catalogue.get_part(part.id).name
    part_cards = {f"{card.id}.{name}" for card in catalogue.cards.values() for name in card.parts}
    assert part_cards == {part.id for part in PARTS if part.part}


def test_part_ids_give_the_structure_card_and_unknown_ids_raise(catalogue):
    assert catalogue.card("biceps_femoris.short_head").id == "biceps_femoris"
    with pytest.raises(KeyError):
        catalogue.card("quadriceps")
    with pytest.raises(KeyError):
        catalogue.get_part("biceps_femoris.middle_head")


def test_group_members_follow_the_meshes(catalogue):
    assert catalogue.card("hamstrings").members == HAMSTRING_IDS
    assert catalogue.card("triceps_surae").members[:2] == ["gastrocnemius", "soleus"]
    assert catalogue.card("soleus").group == "triceps_surae"
    assert catalogue.card("femur").group == ""


def test_muscle_cards_are_complete(catalogue):
    for muscle_id in MUSCLE_IDS:
        card = catalogue.card(muscle_id)
        for field in ("latin_name", "summary", "origin", "insertion", "references"):
            assert getattr(card, field), (muscle_id, field)
        assert card.innervation.nerve and card.innervation.roots
        assert card.actions and card.joints_crossed and card.functions and card.injuries
        assert exercise_ids(catalogue, muscle_id), muscle_id
        assert stretch_ids(catalogue, muscle_id), muscle_id


def test_every_card_cites_a_reputable_reference(catalogue):
    for card in catalogue.cards.values():
        titles = [reference.title for reference in catalogue.card_references(card.id)]
        assert any("Gray's Anatomy" in title for title in titles), card.id
    ids = [reference.id for reference in catalogue.references()]
    assert len(ids) == len(set(ids)) > 5


# --- the seed article -----------------------------------------------------------------


def test_hamstrings_are_three_muscles_at_the_back_of_the_thigh(catalogue):
    card = catalogue.card("hamstrings")
    assert card.members == HAMSTRING_IDS
    assert "back of the thigh" in card.location.lower()
    assert "below the knee" in card.location.lower()
    assert {("knee", "flexion"), ("hip", "extension")} <= actions(card)
    for muscle_id in HAMSTRING_IDS:
        assert {("knee", "flexion"), ("hip", "extension")} <= actions(catalogue.card(muscle_id))


def test_hamstrings_work_in_sprinting_and_changes_of_direction(catalogue):
    functions = text_of(catalogue.card("hamstrings").functions)
    assert "sprint" in functions
    assert "change direction" in functions


def test_hamstrings_are_trained_by_deadlifts_and_leg_curls(catalogue):
    assert {"romanian_deadlift", "leg_curl"} <= set(exercise_ids(catalogue, "hamstrings"))
    for exercise_id in ("romanian_deadlift", "leg_curl"):
        assert set(HAMSTRING_IDS) <= structures(catalogue.exercises[exercise_id].primary)
    # Only the knee-bending curl names the whole biceps: the hinge moves the long head alone.
    assert "biceps_femoris.long_head" in catalogue.exercises["romanian_deadlift"].primary


def test_dynamic_stretches_prepare_the_hamstrings_before_workouts(catalogue):
    assert "dynamic" in text_of(catalogue.card("hamstrings").training_tips)
    dynamic = [s for s in catalogue.stretches_for("hamstrings") if s.style == "dynamic"]
    assert {"leg_swings", "walking_leg_kicks"} <= {stretch.id for stretch in dynamic}


def test_hamstring_strain_signs_causes_prevention_and_recovery(catalogue):
    strain = next(i for i in catalogue.card("hamstrings").injuries if "strain" in i.name.lower())
    signs = text_of(strain.signs)
    assert "sharp pain" in signs and "back of the thigh" in signs
    assert "swelling" in signs and "difficulty walking" in signs
    causes = text_of(strain.causes)
    for word in ("sudden", "overexertion", "soccer", "basketball", "weakness", "tightness"):
        assert word in causes, word
    prevention = text_of(strain.prevention)
    for word in ("warm up", "dynamic stretches", "strengthen"):
        assert word in prevention, word
    recovery = text_of(strain.recovery)
    for word in ("rest", "ice", "anti-inflammatory", "gradually", "stretching", "strengthening"):
        assert word in recovery, word


def test_gastrocnemius_is_superficial_and_shapes_the_calf(catalogue):
    card = catalogue.card("gastrocnemius")
    summary = card.summary.lower()
    assert "under the skin" in summary and "larger" in summary and "shape" in summary
    assert "from behind" in summary
    assert set(card.parts) == {"medial_head", "lateral_head"}
    assert "above the knee" in card.origin and "either side" in card.origin
    assert "medial condyle" in card.parts["medial_head"].origin
    assert "lateral condyle" in card.parts["lateral_head"].origin
    assert {("knee", "flexion"), ("ankle", "plantar flexion")} <= actions(card)
    assert {"standing_calf_raise", "box_jump"} <= set(exercise_ids(catalogue, "gastrocnemius"))
    functions = text_of(card.functions)
    for word in ("tiptoe", "walking", "running", "jump"):
        assert word in functions, word


def test_soleus_lies_beneath_from_below_the_knee_into_the_achilles_tendon(catalogue):
    card = catalogue.card("soleus")
    assert "beneath the gastrocnemius" in card.summary
    assert "below the knee" in card.origin.lower()
    assert "fibula" in card.origin and "soleal line" in card.origin
    assert "calcaneus" in card.insertion and "Achilles" in card.insertion
    plantar = next(a for a in card.actions if a.movement == "plantar flexion")
    assert "knee is bent" in plantar.note
    assert card.joints_crossed == ["ankle", "subtalar"]  # not the knee
    functions = text_of(card.functions)
    assert "flat ground" in functions and "stairs" in functions
    assert {"seated_soleus_raise", "stair_climbing"} <= set(exercise_ids(catalogue, "soleus"))
    assert catalogue.exercises["seated_soleus_raise"].primary == ["soleus"]


def test_calf_muscles_push_off_stabilise_and_balance(catalogue):
    for card_id in ("triceps_surae", "gastrocnemius", "soleus"):
        functions = text_of(catalogue.card(card_id).functions)
        assert "push" in functions and "forward" in functions, card_id
        assert "stabilis" in functions and "uneven ground" in functions, card_id
        assert "hiking" in functions, card_id
    assert "balanced" in text_of(catalogue.card("triceps_surae").functions)
    tips = text_of(catalogue.card("triceps_surae").training_tips)
    assert "calf raises" in tips and "risk" in tips


def test_regular_stretching_and_what_sitting_really_does(catalogue):
    """The seed's advice is kept, its myth corrected: sitting lengthens the two-joint hamstrings."""
    tips = text_of(catalogue.card("hamstrings").training_tips)
    assert "stretch regularly" in tips and "sitting" in tips and "desk" in tips
    assert "does not hold the hamstrings short" in tips and "longer than in standing" in tips
    assert "shortened position" not in tips
    overview = text_of(catalogue.overview.paragraphs)
    assert (
        "sitting at a desk" in overview
        and "does not actually hold the hamstrings short" in overview
    )


def test_the_article_stretches_are_present_with_honest_targets(catalogue):
    assert set(HAMSTRING_IDS) <= structures(catalogue.stretches["seated_forward_bend"].targets)
    assert "biceps_femoris.short_head" in catalogue.stretches["seated_forward_bend"].slack
    assert catalogue.stretches["wall_calf_stretch"].targets == ["gastrocnemius", "soleus"]
    assert "percentage" in text_of(catalogue.stretches["wall_calf_stretch"].notes)
    assert "bench" in text_of(catalogue.stretches["wall_calf_stretch"].equipment)
    assert catalogue.stretches["bent_knee_calf_stretch"].targets == ["soleus"]
    assert catalogue.stretches["bent_knee_calf_stretch"].slack == ["gastrocnemius"]
    dog = structures(catalogue.stretches["downward_dog"].targets)
    assert dog == {*HAMSTRING_IDS, "gastrocnemius"}
    warrior = catalogue.stretches["warrior_two"]
    assert "back leg" in warrior.side_note
    quadriceps = catalogue.stretches["standing_quadriceps_stretch"]
    assert quadriceps.region == "front of thigh"
    assert quadriceps.targets == []
    assert "quadriceps" in text_of(quadriceps.other_muscles)


def test_when_to_seek_help_and_physiotherapy(catalogue):
    for card_id in (*MUSCLE_IDS, *GROUPS):
        advice = text_of(catalogue.card(card_id).when_to_seek_help)
        assert "swelling" in advice and "bruising" in advice, card_id
        assert "two weeks" in advice, card_id
        assert "physiotherapist" in advice and "rehabilitation" in advice, card_id


def test_group_cards_carry_the_comparison_table(catalogue):
    for group_id in GROUPS:
        assert catalogue.card(group_id).comparison, group_id
    for group_id in ("hamstrings", "triceps_surae"):  # the seed article's table
        rows = {row.muscle: row for row in catalogue.card(group_id).comparison}
        assert list(rows) == ["hamstrings", "gastrocnemius", "soleus"]
        assert rows["hamstrings"].primary_function == "Knee flexion and hip extension"
        assert rows["hamstrings"].common_exercises == ["Deadlifts", "Leg curls"]
        assert "plantar flexion" in rows["gastrocnemius"].primary_function
        assert "knee flexion" in rows["gastrocnemius"].primary_function
        assert rows["gastrocnemius"].common_exercises == ["Calf raises", "Box jumps"]
        assert "knee bent" in rows["soleus"].primary_function
        assert rows["soleus"].common_exercises[0] == "Seated soleus raises"
        assert any("Stair climbing" in item for item in rows["soleus"].common_exercises)


def test_overview_explains_the_controls_and_says_it_is_not_medical_advice(catalogue):
    how = text_of([f"{item.action}: {item.how}" for item in catalogue.overview.how_to])
    for word in ("click", "rotate", "left mouse", "wheel", "middle mouse", "shift", "1 to 5"):
        assert word in how, word
    for key in ("h", "i", "shift + h", "ctrl + f", "f", "ctrl + e"):
        assert any(item.how.lower().startswith(key) for item in catalogue.overview.how_to), key
    assert "not medical advice" in catalogue.disclaimer


# --- anatomy beyond the seed ---------------------------------------------------------


@pytest.mark.parametrize("muscle_id", ["semitendinosus", "semimembranosus"])
def test_medial_hamstrings_are_supplied_by_the_tibial_division(catalogue, muscle_id):
    innervation = catalogue.card(muscle_id).innervation
    assert "Tibial division of the sciatic nerve" in innervation.nerve
    assert innervation.roots == "L5, S1, S2"


def test_biceps_femoris_heads_differ_in_nerve_and_joints(catalogue):
    long_head = catalogue.get_part("biceps_femoris.long_head")
    short_head = catalogue.get_part("biceps_femoris.short_head")
    assert "Tibial division" in long_head.innervation.nerve
    assert "Common fibular" in short_head.innervation.nerve
    assert long_head.innervation.roots == short_head.innervation.roots == "L5, S1, S2"
    assert long_head.joints_crossed == ["hip", "knee"]
    assert short_head.joints_crossed == ["knee"]
    assert "does not cross the hip" in short_head.note
    assert "ischial tuberosity" in long_head.origin and "linea aspera" in short_head.origin
    assert "fibula" in catalogue.card("biceps_femoris").insertion


def test_calf_muscles_are_supplied_by_the_tibial_nerve(catalogue):
    for muscle_id in ("gastrocnemius", "soleus"):
        innervation = catalogue.card(muscle_id).innervation
        assert innervation.nerve == "Tibial nerve"
        assert innervation.roots == "S1, S2"


def test_achilles_tendon_names_and_search(catalogue):
    tendon = catalogue.card("calcaneal_tendon")
    assert {"Achilles tendon", "tendo calcaneus"} <= set(tendon.synonyms)
    assert catalogue.search("achilles")[0] == "calcaneal_tendon"
    assert catalogue.search("ACHILLES")[0] == "calcaneal_tendon"
    assert catalogue.search("thompson") == ["calcaneal_tendon", "triceps_surae"]
    assert set(catalogue.search("straight-leg raise")) == {
        "hamstrings",
        "sciatic_nerve",
        "tibial_nerve",
    }
    assert catalogue.search("calf muscles") == ["triceps_surae"]
    assert catalogue.search("short head") == ["biceps_femoris"]
    assert catalogue.search("kneecap") == ["patella"]
    assert catalogue.search("no such thing") == []


# --- poses are real and in range -----------------------------------------------------


def poses(catalogue):
    for exercise in catalogue.exercises.values():
        yield exercise.id, exercise.start
        yield exercise.id, exercise.end
    for stretch in catalogue.stretches.values():
        yield stretch.id, stretch.pose


def test_every_pose_converts_to_a_mesh_pose(catalogue):
    for item_id, keyframe in poses(catalogue):
        pose = keyframe.to_pose()
        for name, (low, high) in POSE_RANGES_DEG.items():
            assert low <= getattr(pose, name) <= high, item_id


def test_exercise_poses_move_the_joints_the_muscles_cross(catalogue):
    calf_raise = catalogue.exercises["standing_calf_raise"]
    assert calf_raise.start.ankle_dorsiflexion == 0 and calf_raise.end.ankle_dorsiflexion <= -30
    assert calf_raise.end.knee_flexion == 0
    soleus_raise = catalogue.exercises["seated_soleus_raise"]
    assert 80 <= soleus_raise.start.knee_flexion <= 100
    assert soleus_raise.end.ankle_dorsiflexion < soleus_raise.start.ankle_dorsiflexion
    leg_curl = catalogue.exercises["leg_curl"]
    assert leg_curl.start.knee_flexion == 0 and leg_curl.end.knee_flexion >= 90
    assert leg_curl.start.hip_flexion == leg_curl.end.hip_flexion == 0
    deadlift = catalogue.exercises["romanian_deadlift"]
    assert deadlift.start.hip_flexion == 0 and 80 <= deadlift.end.hip_flexion <= 90
    assert 15 <= deadlift.end.knee_flexion <= 25


def test_stretch_poses_lengthen_their_targets(catalogue):
    straight = catalogue.stretches["wall_calf_stretch"].pose
    bent = catalogue.stretches["bent_knee_calf_stretch"].pose
    assert straight.knee_flexion == 0 and straight.ankle_dorsiflexion >= 15
    assert 45 <= bent.knee_flexion <= 70 and bent.ankle_dorsiflexion >= 20
    # Straight-knee hamstring stretches stay within a typical straight-leg raise (about 80-90).
    for stretch_id in (
        "seated_forward_bend",
        "downward_dog",
        "inchworm",
        "lying_hamstring_stretch",
    ):
        pose = catalogue.stretches[stretch_id].pose
        assert 70 <= pose.hip_flexion <= 90 and pose.knee_flexion <= 5, stretch_id
    dog = catalogue.stretches["downward_dog"].pose
    assert dog.ankle_dorsiflexion > 0
    quadriceps = catalogue.stretches["standing_quadriceps_stretch"].pose
    assert quadriceps.hip_flexion < 0 and quadriceps.knee_flexion >= 120
    for stretch in catalogue.stretches.values():
        assert stretch.side_note, stretch.id
        assert (stretch.style == "dynamic") == (stretch.start is not None), stretch.id


def test_every_id_renders_as_wrapped_text_and_as_json(catalogue):
    import json

    from annotations.text import card_as_dict, card_as_text, describable_ids

    for item_id in describable_ids(catalogue):
        text = card_as_text(catalogue, item_id)
        assert "not medical advice" in text, item_id
        assert max(len(line) for line in text.splitlines()) <= 80, item_id
        json.dumps(card_as_dict(catalogue, item_id))
    with pytest.raises(KeyError):
        card_as_text(catalogue, "quadriceps")
