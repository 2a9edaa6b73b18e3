"""Every claim the model can measure agrees with it: stretch targets lengthen, slack muscles do
not, prime movers cross the joints that move and change length. A failure names the item, the
muscle (or head) and the number."""

from __future__ import annotations

import pytest

from annotations import load_annotations
from annotations.crossrefs import (
    SLACK_MAX_PERCENT,
    STRETCH_MIN_PERCENT,
    exercise_disagreements,
    heads,
    moving_joints,
    stretch_disagreements,
)
from annotations.schema import Exercise, Stretch
from meshes.lengths import length_changes_percent
from meshes.pose import Pose

CATALOGUE = load_annotations()


def _only(catalogue, kind: str, item_id: str):
    """A catalogue view holding one exercise or stretch, so each is its own test case."""
    table = getattr(catalogue, kind)
    return type("One", (), {kind: {item_id: table[item_id]}, **_lookups(catalogue)})()


def _lookups(catalogue) -> dict:
    return {"card": catalogue.card, "get_part": catalogue.get_part}


@pytest.mark.parametrize("stretch_id", list(CATALOGUE.stretches))
def test_stretch_targets_lengthen_and_slack_muscles_do_not(stretch_id):
    found = stretch_disagreements(_only(CATALOGUE, "stretches", stretch_id), length_changes_percent)
    assert not found, "\n".join(map(str, found))


@pytest.mark.parametrize("exercise_id", list(CATALOGUE.exercises))
def test_prime_movers_cross_the_joints_that_move(exercise_id):
    found = exercise_disagreements(
        _only(CATALOGUE, "exercises", exercise_id), length_changes_percent
    )
    assert not found, "\n".join(map(str, found))


def test_every_muscle_stretch_reaches_its_targets_by_a_visible_amount():
    """The map's colour scale must show a stretch: each target's best head gains at least 2 %."""
    for stretch in CATALOGUE.stretches.values():
        changes = length_changes_percent(stretch.pose.to_pose())
        for muscle in stretch.targets:
            assert max(changes[part] for part in heads(muscle)) >= STRETCH_MIN_PERCENT


# --- the checker catches what the review found ----------------------------------------------


def _stretch(**fields) -> Stretch:
    base = {
        "id": "probe",
        "name": "Probe",
        "steps": ["Hold."],
        "hold_seconds": 30,
        "region": "back of leg",
        "side_note": "Right leg.",
    }
    return Stretch.model_validate({**base, **fields})


def test_a_whole_biceps_femoris_in_a_hip_flexion_stretch_is_caught_with_the_short_head():
    probe = _stretch(
        targets=["biceps_femoris"],
        pose={"hip_flexion": 80, "knee_flexion": 0, "ankle_dorsiflexion": 0},
    )
    catalogue = type("One", (), {"stretches": {"probe": probe}, **_lookups(CATALOGUE)})()
    found = stretch_disagreements(catalogue, length_changes_percent)
    assert [item.muscle for item in found] == ["biceps_femoris.short_head"]
    assert "stretch 'probe'" in str(found[0]) and "+0.0 %" in str(found[0])


def test_gastrocnemius_called_slack_in_the_old_bent_knee_pose_is_caught():
    probe = _stretch(
        targets=["soleus"],
        slack=["gastrocnemius"],
        pose={"hip_flexion": 10, "knee_flexion": 35, "ankle_dorsiflexion": 25},
    )
    catalogue = type("One", (), {"stretches": {"probe": probe}, **_lookups(CATALOGUE)})()
    found = stretch_disagreements(catalogue, length_changes_percent)
    assert {item.muscle for item in found} == {
        "gastrocnemius.medial_head",
        "gastrocnemius.lateral_head",
    }
    assert all("called slack" in str(item) for item in found)


def test_a_prime_mover_that_crosses_no_moving_joint_is_caught():
    bridge = Exercise.model_validate(
        {
            "id": "probe",
            "name": "Bridge",
            "steps": ["Lift the hips."],
            "primary": ["biceps_femoris"],
            "start": {"hip_flexion": 25, "knee_flexion": 30, "ankle_dorsiflexion": 0},
            "end": {"hip_flexion": 0, "knee_flexion": 30, "ankle_dorsiflexion": 0},
        }
    )
    catalogue = type("One", (), {"exercises": {"probe": bridge}, **_lookups(CATALOGUE)})()
    found = exercise_disagreements(catalogue, length_changes_percent)
    assert [item.muscle for item in found] == ["biceps_femoris.short_head"]
    assert "crosses ['knee'], while only ['hip'] move" in str(found[0])


def test_moving_joints_ignore_small_adjustments():
    assert moving_joints(Pose(0, 15, 0), Pose(85, 20, 3)) == {"hip"}


def test_the_silfverskiold_test_shows_what_it_claims_on_the_model():
    """Knee straight: both calf muscles lengthen. Knee bent: gastrocnemius slack, soleus not."""
    test = CATALOGUE.clinical_tests["silfverskiold_test"]
    straight = length_changes_percent(test.start.to_pose())
    bent = length_changes_percent(test.pose.to_pose())
    for head in heads("gastrocnemius"):
        assert straight[head] > SLACK_MAX_PERCENT and bent[head] <= 0.0, head
    assert bent["soleus"] > straight["soleus"] > SLACK_MAX_PERCENT
