"""Muscle path lengths move the way anatomy says they should (directions, rough sizes)."""

from __future__ import annotations

import itertools

import pytest

from meshes.lengths import length_changes_percent, length_curve
from meshes.pose import Pose
from viewer.model.motion import Motion, MotionPlayer, ease_in_out

HAMSTRING_PARTS = (
    "biceps_femoris.long_head",
    "biceps_femoris.short_head",
    "semitendinosus",
    "semimembranosus",
)
TWO_JOINT_HAMSTRINGS = ("biceps_femoris.long_head", "semitendinosus", "semimembranosus")
GASTROCNEMIUS = ("gastrocnemius.medial_head", "gastrocnemius.lateral_head")


def test_knee_flexion_shortens_hamstrings_and_gastrocnemius_but_not_soleus():
    change = length_changes_percent(Pose(knee_flexion=90))
    for part in HAMSTRING_PARTS + GASTROCNEMIUS:
        assert change[part] < -3.0, part
    assert abs(change["soleus"]) < 1.0


def test_ankle_dorsiflexion_lengthens_and_plantar_flexion_shortens_the_calf():
    up = length_changes_percent(Pose(ankle_dorsiflexion=20))
    down = length_changes_percent(Pose(ankle_dorsiflexion=-30))
    for part in (*GASTROCNEMIUS, "soleus"):
        assert up[part] > 1.0, part
        assert down[part] < -1.0, part
    for part in HAMSTRING_PARTS:
        assert abs(up[part]) < 1.0, part


def test_hip_flexion_lengthens_two_joint_hamstrings_but_not_the_short_head():
    change = length_changes_percent(Pose(hip_flexion=90))
    for part in TWO_JOINT_HAMSTRINGS:
        assert change[part] > 5.0, part
    assert abs(change["biceps_femoris.short_head"]) < 1.0
    for part in (*GASTROCNEMIUS, "soleus"):
        assert abs(change[part]) < 1.0, part


def test_seated_calf_raise_slackens_gastrocnemius_against_standing_calf_raise(catalogue):
    seated = catalogue.exercises["seated_soleus_raise"]
    standing = catalogue.exercises["standing_calf_raise"]
    for keyframe in ("start", "end"):
        seated_change = length_changes_percent(getattr(seated, keyframe).to_pose())
        standing_change = length_changes_percent(getattr(standing, keyframe).to_pose())
        for part in GASTROCNEMIUS:
            assert seated_change[part] < standing_change[part] - 3.0, (keyframe, part)
    # Same ankle angle at the start: the one-joint soleus does not care about the bent knee.
    seated_start = length_changes_percent(seated.start.to_pose())
    standing_start = length_changes_percent(standing.start.to_pose())
    assert seated_start["soleus"] == pytest.approx(standing_start["soleus"], abs=1.0)


def _target_parts(catalogue, structure_id):
    return [p for p in length_changes_percent(Pose()) if p.split(".")[0] == structure_id]


def test_each_stretch_lengthens_its_targets_by_a_plausible_amount(catalogue):
    checked = 0
    for stretch in catalogue.stretches.values():
        change = length_changes_percent(stretch.pose.to_pose())
        for target in stretch.targets:
            for part in _target_parts(catalogue, target):
                if part == "biceps_femoris.short_head":
                    continue  # one-joint: hip flexion cannot stretch it
                assert 1.0 < change[part] < 45.0, (stretch.id, part, change[part])
                checked += 1
    assert checked >= 10


def test_straight_knee_stretch_favours_gastrocnemius_bent_knee_favours_soleus(catalogue):
    straight = length_changes_percent(catalogue.stretches["wall_calf_stretch"].pose.to_pose())
    bent = length_changes_percent(catalogue.stretches["bent_knee_calf_stretch"].pose.to_pose())
    assert straight["gastrocnemius.medial_head"] > bent["gastrocnemius.medial_head"]
    assert bent["soleus"] > straight["soleus"]


def test_length_curve_sweeps_the_joint_range_and_knee_flexion_shortens_to_110_degrees():
    angles, lengths = length_curve("semitendinosus", "knee_flexion", Pose(), samples=15)
    assert angles[0] == 0 and angles[-1] == 140
    working_range = lengths[angles <= 110]
    assert all(b < a for a, b in itertools.pairwise(working_range))


def test_exercise_loops_between_keyframes_and_stretch_eases_and_holds():
    start, end = Pose(), Pose(ankle_dorsiflexion=-30)
    exercise = Motion("exercise", "calf", "Calf raise", start, end)
    assert exercise.pose_at(0.0) == start
    assert exercise.pose_at(1.6).ankle_dorsiflexion == pytest.approx(-30)
    assert exercise.pose_at(2 * (1.6 + 0.35)).ankle_dorsiflexion == pytest.approx(0)
    stretch = Motion("stretch", "wall", "Wall stretch", start, Pose(ankle_dorsiflexion=20))
    assert stretch.pose_at(100.0).ankle_dorsiflexion == pytest.approx(20)
    player = MotionPlayer()
    player.start(stretch)
    player.speed = 2.0
    assert player.advance(1.0).ankle_dorsiflexion == pytest.approx(20)
    assert player.finished
    assert ease_in_out(0.5) == pytest.approx(0.5)
