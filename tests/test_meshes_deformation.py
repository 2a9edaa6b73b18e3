"""Bellies change shape with every joint they cross, keeping their volume.

A belly that shortens gets thicker and one that lengthens gets thinner; the
calf bellies' junctions slide along the calcaneal tendon, so the ankle changes
the bellies, not only the tendon. Everything is measured on the real meshes
of ``build_leg``: ring centres for length, ring polygons for cross-section.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest

from meshes import STANDING, Pose, build_leg, path_lengths_mm
from meshes.landmarks import landmark_position, landmark_positions
from meshes.muscles import MUSCLES, control_points, muscle_shape

CALF_BELLIES = ("gastrocnemius.medial_head", "gastrocnemius.lateral_head", "soleus")


@lru_cache(maxsize=32)
def _leg(pose: Pose):
    return build_leg(pose)


def _rings(part_id: str, pose: Pose) -> np.ndarray:
    """``(n_rings, n_around, 3)`` ring points of a part's mesh (the two cap points dropped)."""
    n_rings, n_around = muscle_shape(MUSCLES[part_id], 1.0)
    points = np.asarray(_leg(pose).meshes[part_id].points, dtype=float)
    return points[1:-1].reshape(n_rings, n_around, 3)


def belly_length_mm(part_id: str, pose: Pose) -> float:
    """Length of the belly along the line through its ring centres."""
    centres = _rings(part_id, pose).mean(axis=1)
    return float(np.linalg.norm(np.diff(centres, axis=0), axis=1).sum())


def largest_section_mm2(part_id: str, pose: Pose) -> float:
    """Area of the belly's largest ring (a polygon round its centre)."""
    rings = _rings(part_id, pose)
    spokes = rings - rings.mean(axis=1, keepdims=True)
    doubled = np.cross(spokes, np.roll(spokes, -1, axis=1)).sum(axis=1)
    return float(0.5 * np.linalg.norm(doubled, axis=1).max())


def volume_mm3(part_id: str, pose: Pose) -> float:
    return float(_leg(pose).meshes[part_id].clean().triangulate().volume)


@pytest.mark.parametrize("part_id", CALF_BELLIES)
def test_plantar_flexion_shortens_and_thickens_a_calf_belly_dorsiflexion_lengthens_and_thins_it(
    part_id,
):
    plantar, dorsal = Pose(ankle_dorsiflexion=-40), Pose(ankle_dorsiflexion=25)
    lengths = [belly_length_mm(part_id, pose) for pose in (plantar, STANDING, dorsal)]
    sections = [largest_section_mm2(part_id, pose) for pose in (plantar, STANDING, dorsal)]
    assert lengths[0] < 0.93 * lengths[1] and lengths[2] > 1.05 * lengths[1], lengths
    assert sections[0] > 1.08 * sections[1] and sections[2] < 0.95 * sections[1], sections


@pytest.mark.parametrize("part_id", CALF_BELLIES)
def test_the_ankle_slides_a_calf_belly_junction_along_its_tendon(part_id):
    """The belly's distal end stays on the tendon's line, higher in plantar flexion."""
    spec = MUSCLES[part_id]
    heights = {}
    for pose in (Pose(ankle_dorsiflexion=-40), STANDING, Pose(ankle_dorsiflexion=25)):
        end = np.asarray(_leg(pose).meshes[part_id].points[-1], dtype=float)
        unit = np.concatenate(
            [control_points(spec, pose), landmark_positions(spec.length_tail, pose)]
        )
        assert _distance_to_polyline(end, unit) < 1.0
        heights[pose.ankle_dorsiflexion] = end[2]
    junction = landmark_position(spec.path[-1], STANDING)
    assert abs(heights[0.0] - junction[2]) < 1.0
    assert heights[-40.0] > heights[0.0] + 20.0
    assert heights[25.0] < heights[0.0] - 15.0


def _distance_to_polyline(point: np.ndarray, polyline: np.ndarray) -> float:
    starts, ends = polyline[:-1], polyline[1:]
    along = ends - starts
    t = np.clip(((point - starts) * along).sum(1) / (along * along).sum(1), 0.0, 1.0)
    return float(np.linalg.norm(starts + t[:, None] * along - point, axis=1).min())


@pytest.mark.parametrize("part_id", CALF_BELLIES)
def test_calf_belly_volume_stays_within_8_percent_through_ankle_and_knee(part_id):
    standing = volume_mm3(part_id, STANDING)
    for ankle in (-50.0, -25.0, 15.0, 30.0, 0.0):
        for knee in (0.0, 45.0, 90.0, 140.0):
            pose = Pose(knee_flexion=knee, ankle_dorsiflexion=ankle)
            change = volume_mm3(part_id, pose) / standing - 1.0
            assert abs(change) <= 0.08, f"{part_id} at {pose}: volume {100 * change:+.1f} %"


def test_hip_flexion_lengthens_and_thins_the_long_head_of_biceps_femoris():
    part_id, flexed = "biceps_femoris.long_head", Pose(hip_flexion=90)
    assert belly_length_mm(part_id, flexed) > 1.15 * belly_length_mm(part_id, STANDING)
    assert largest_section_mm2(part_id, flexed) < 0.88 * largest_section_mm2(part_id, STANDING)
    assert volume_mm3(part_id, flexed) == pytest.approx(volume_mm3(part_id, STANDING), rel=0.03)


def test_knee_flexion_shortens_and_thickens_semitendinosus():
    part_id, flexed = "semitendinosus", Pose(knee_flexion=90)
    assert belly_length_mm(part_id, flexed) < 0.9 * belly_length_mm(part_id, STANDING)
    assert largest_section_mm2(part_id, flexed) > 1.1 * largest_section_mm2(part_id, STANDING)
    assert volume_mm3(part_id, flexed) == pytest.approx(volume_mm3(part_id, STANDING), rel=0.03)


def test_the_calcaneal_tendon_keeps_its_thickness():
    sections = [
        largest_section_mm2("calcaneal_tendon", Pose(ankle_dorsiflexion=a)) for a in (-40, 0, 25)
    ]
    assert max(sections) == pytest.approx(min(sections), rel=0.02)


@pytest.mark.parametrize(
    "pose", (STANDING, Pose(ankle_dorsiflexion=-50), Pose(60, 140, 30), Pose(120, 0, -20)), ids=str
)
def test_a_path_length_is_still_the_whole_line_of_action_not_the_belly(pose):
    """Origin, via points and knee wrap, then on down the tendon tail: the sliding junction
    changes where the belly ends, never the length reported."""
    lengths = path_lengths_mm(pose)
    for part_id, length in lengths.items():
        spec = MUSCLES[part_id]
        line = np.concatenate(
            [
                landmark_positions(spec.length_head, pose),
                control_points(spec, pose),
                landmark_positions(spec.length_tail, pose),
            ]
        )
        assert length == pytest.approx(
            np.linalg.norm(np.diff(line, axis=0), axis=1).sum(), rel=1e-12
        )
