"""Anatomical quality bars: containment, no bone penetration, attachments, depth order, lengths."""

from __future__ import annotations

import numpy as np
import pytest
import pyvista as pv
import vtk

from meshes import PARTS, STANDING, Pose, build_leg, path_lengths_mm
from meshes.landmarks import landmark_position
from meshes.muscles import MUSCLES, _landmark_names, belly_path

#: Everything swept along a path must stay inside the skin and out of the bones.
MUSCLE_PARTS = tuple(
    part.id for part in PARTS if part.kind in ("muscle", "tendon", "nerve", "vessel", "region")
)
BONE_PARTS = tuple(part.id for part in PARTS if part.kind == "bone")

#: Poses where the skin and bones are checked against the muscles: each joint at both ends of
#: its range and combinations of them, the hip's full flexion with the knee straight, at right
#: angles and fully bent among them.
CONTAINMENT_POSES = (
    STANDING,
    Pose(hip_flexion=120),
    Pose(hip_flexion=-30),
    Pose(knee_flexion=70),
    Pose(knee_flexion=110),
    Pose(knee_flexion=140),
    Pose(ankle_dorsiflexion=30),
    Pose(ankle_dorsiflexion=-50),
    Pose(hip_flexion=60, knee_flexion=60, ankle_dorsiflexion=-20),
    Pose(hip_flexion=90, knee_flexion=90, ankle_dorsiflexion=-50),
    Pose(hip_flexion=-30, knee_flexion=140),
    Pose(knee_flexion=140, ankle_dorsiflexion=30),
    Pose(hip_flexion=120, knee_flexion=90),
    Pose(hip_flexion=120, knee_flexion=140),
    Pose(hip_flexion=120, knee_flexion=130),  # semimembranosus beside the knee's crease
    Pose(hip_flexion=110, knee_flexion=110),
    Pose(hip_flexion=60, knee_flexion=140, ankle_dorsiflexion=-50),
)
#: A coarse grid between the extremes: every hip angle of -30, 45 and 120 degrees with every knee
#: angle of 0, 70 and 140 and the ankle at both ends of its range.
GRID_POSES = tuple(
    Pose(hip_flexion=hip, knee_flexion=knee, ankle_dorsiflexion=ankle)
    for hip in (-30.0, 45.0, 120.0)
    for knee in (0.0, 70.0, 140.0)
    for ankle in (-50.0, 30.0)
)
#: Bone penetration is checked over the same poses and grid, to the end of the knee's range: with
#: a hinge knee the tibial head swings into the popliteal fossa past about 110 degrees, and the
#: swept parts there are moved out of the bones (``meshes.bone_clearance``); 125 degrees is where
#: that clearance is still growing.
PENETRATION_POSES = tuple(
    dict.fromkeys(
        (
            *CONTAINMENT_POSES,
            *GRID_POSES,
            Pose(knee_flexion=125),
            Pose(hip_flexion=90, knee_flexion=125, ankle_dorsiflexion=-50),
        )
    )
)


@pytest.fixture(scope="module")
def standing_leg():
    return build_leg()


def _locator(mesh: pv.PolyData) -> vtk.vtkOBBTree:
    tree = vtk.vtkOBBTree()
    tree.SetDataSet(mesh)
    tree.BuildLocator()
    return tree


def first_hit_depth(mesh: pv.PolyData, origins: np.ndarray) -> np.ndarray:
    """Y of the first surface a ray from behind (-Y, looking +Y) meets; nan if none."""
    tree = _locator(mesh)
    hits = vtk.vtkPoints()
    depths = np.full(len(origins), np.nan)
    for index, origin in enumerate(origins):
        end = origin + np.array([0.0, 600.0, 0.0])
        if tree.IntersectWithLine(origin, end, hits, None) and hits.GetNumberOfPoints():
            depths[index] = min(hits.GetPoint(k)[1] for k in range(hits.GetNumberOfPoints()))
    return depths


def ray_grid(x_range, z_range, step_mm) -> np.ndarray:
    xs = np.arange(x_range[0], x_range[1], step_mm)
    zs = np.arange(z_range[0], z_range[1], step_mm)
    grid = np.array([(x, -300.0, z) for z in zs for x in xs])
    return grid


def winding_numbers(points: np.ndarray, surface: pv.PolyData) -> np.ndarray:
    """Generalised winding number of each point about a triangle surface (Van Oosterom-Strackee).

    About 1 inside a closed outward surface and 0 outside, and 2 where two closed
    surfaces overlap, whatever the rays or the nearest facet would say. Exact but
    slow, so it settles only the points a ray count calls outside; single
    precision (off by well under 1e-3) makes it several times faster.
    """
    corners = np.asarray(surface.points, dtype=np.float32)[surface.faces.reshape(-1, 4)[:, 1:]]
    numbers = np.empty(len(points))
    for start in range(0, len(points), 32):
        batch = np.asarray(points[start : start + 32], dtype=np.float32)
        a, b, c = np.moveaxis(corners[None] - batch[:, None, None], -2, 0)
        la, lb, lc = (np.sqrt(np.einsum("ptk,ptk->pt", v, v)) for v in (a, b, c))
        numerator = np.einsum("ptk,ptk->pt", a, np.cross(b, c))
        denominator = (
            la * lb * lc
            + np.einsum("ptk,ptk->pt", a, b) * lc
            + np.einsum("ptk,ptk->pt", a, c) * lb
            + np.einsum("ptk,ptk->pt", b, c) * la
        )
        turns = np.arctan2(numerator, denominator).sum(axis=1, dtype=np.float64)
        numbers[start : start + 32] = turns / (2 * np.pi)
    return numbers


def inside_skin(skin: pv.PolyData, points: np.ndarray) -> np.ndarray:
    """Which points the skin encloses.

    The leg's and the foot's closed tubes overlap at the ankle, so a point is
    inside when either tube holds it: a ray count through both would be even.
    Each tube is asked with a ray count; a ray that grazes an edge can miscount,
    so every point called outside is settled by its winding number.
    """
    points = np.asarray(points, dtype=float)
    probe = pv.PolyData(points)
    inside = np.zeros(len(points), bool)
    components = skin.connectivity("all")
    regions = components.cell_data["RegionId"]
    for region in np.unique(regions):
        tube = components.extract_cells(regions == region).extract_surface(
            algorithm="dataset_surface"
        )
        enclosed = probe.select_enclosed_points(tube, check_surface=False)["SelectedPoints"]
        inside |= enclosed.astype(bool)
    if not inside.all():  # where a tube overlaps itself (the bent knee's crease) parity fails
        inside[~inside] = crossings_say_inside(skin, points[~inside])
    if not inside.all():
        inside[~inside] = winding_numbers(points[~inside], skin) > 0.5
    return inside


#: Two skew directions for rays that count signed crossings.
RAY_DIRECTIONS = np.array([[0.31, 0.52, 0.80], [-0.62, 0.27, -0.74]]) * 3000.0


def crossings_say_inside(surface: pv.PolyData, points: np.ndarray) -> np.ndarray:
    """Points whose rays leave the surface more often than they enter it, along both directions.

    Exits minus entries along a ray is the winding number, so this holds where
    a closed surface overlaps itself, as a plain ray count does not. A ray
    through an edge counts that edge twice, so a point is called inside only
    when both rays agree (the rest go on to the exact winding number).
    """
    tree = _locator(surface)
    corners = np.asarray(surface.points, dtype=float)[surface.faces.reshape(-1, 4)[:, 1:]]
    normals = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
    cells = vtk.vtkIdList()
    inside = np.ones(len(points), bool)
    for ray in RAY_DIRECTIONS:
        signs = np.sign(normals @ ray)
        for index, point in enumerate(points):
            if not inside[index]:
                continue
            tree.IntersectWithLine(point, point + ray, None, cells)
            hits = [cells.GetId(k) for k in range(cells.GetNumberOfIds())]
            inside[index] = signs[hits].sum() > 0
    return inside


@pytest.mark.parametrize("pose", tuple(dict.fromkeys(CONTAINMENT_POSES + GRID_POSES)), ids=str)
def test_no_muscle_vertex_lies_outside_the_skin(pose):
    leg = build_leg(pose)
    points = [np.asarray(leg.meshes[part_id].points, dtype=float) for part_id in MUSCLE_PARTS]
    # One question for every vertex: splitting the skin into its tubes is done once per pose.
    held = inside_skin(leg.meshes["skin"], np.concatenate(points))
    parts = np.split(held, np.cumsum([len(part) for part in points])[:-1])
    outside = {
        part_id: int((~inside).sum())
        for part_id, inside in zip(MUSCLE_PARTS, parts, strict=True)
        if not inside.all()
    }
    assert not outside, f"vertices outside the skin: {outside}"


@pytest.mark.parametrize(
    "pose", (STANDING, Pose(ankle_dorsiflexion=-50), Pose(ankle_dorsiflexion=30)), ids=str
)
def test_the_skin_covers_the_whole_foot_and_leaves_no_gap_at_the_ankle(pose):
    """Tarsals, metatarsals and toes lie inside the skin, and so does the ankle's front."""
    leg = build_leg(pose)
    skin = leg.meshes["skin"]
    for bone in ("foot", "talus", "calcaneus"):
        inside = inside_skin(skin, leg.meshes[bone].points)
        assert inside.all(), f"{bone}: {int((~inside).sum())} vertices outside skin"
    # Just in front of the talus, where the leg's tube ends and the foot's begins.
    talus = np.asarray(leg.meshes["talus"].points)
    front = talus[talus[:, 1] > np.percentile(talus[:, 1], 90)]
    assert inside_skin(skin, front + np.array([0.0, 6.0, 0.0])).all()


@pytest.mark.parametrize("pose", PENETRATION_POSES, ids=str)
def test_no_muscle_penetrates_a_bone_by_more_than_2_mm(pose):
    # Inside is decided by casting rays through the closed bone (robust far from it, where a
    # signed distance can take the wrong side of a sharp edge) and confirmed by the winding
    # number; depth is the distance back out.
    leg = build_leg(pose)
    for bone in BONE_PARTS:
        surface = leg.meshes[bone]
        for part_id in MUSCLE_PARTS:
            probe = pv.PolyData(np.asarray(leg.meshes[part_id].points, dtype=float))
            inside = probe.select_enclosed_points(surface, check_surface=False)["SelectedPoints"]
            if not inside.any():
                continue
            points = np.asarray(probe.points)[inside.astype(bool)]
            # A ray that grazes an edge of the foot's many shells can call a point inside
            # that is not: each point called inside is confirmed by its winding number.
            points = points[winding_numbers(points, surface) > 0.5]
            if not len(points):
                continue
            _, closest = surface.find_closest_cell(points, return_closest_point=True)
            depth = float(np.linalg.norm(closest - points, axis=1).max())
            assert depth <= 2.0, f"{part_id} is {depth:.1f} mm inside {bone}"


@pytest.mark.parametrize("pose", (STANDING, Pose(knee_flexion=90), Pose(60, 45, -30)), ids=str)
def test_each_muscle_end_lies_within_10_mm_of_its_landmark(pose):
    """Origins and insertions; a belly ending on a tendon ends where its junction now is.

    A belly that arises from two landmarks (soleus: fibula and soleal line)
    starts at their middle and must reach within 10 mm of the middle and within
    half their distance plus 10 mm of each.
    """
    leg = build_leg(pose)
    for part_id, spec in MUSCLES.items():
        points = np.asarray(leg.meshes[part_id].points)

        def gap(target, points=points) -> float:
            return float(np.linalg.norm(points - target, axis=1).min())

        first = spec.path[0] if isinstance(spec.path[0], tuple) else (spec.path[0],)
        starts = np.array([landmark_position(name, pose) for name in first])
        middle = starts.mean(axis=0)
        assert gap(middle) <= 10.0, f"{part_id} starts {gap(middle):.1f} mm from its origin"
        for name, start in zip(first, starts, strict=True):
            allowed = 10.0 + np.linalg.norm(start - middle)
            assert gap(start) <= allowed, f"{part_id} starts {gap(start):.1f} mm from {name}"
        end = (
            belly_path(spec, pose)[0][-1]
            if spec.length_tail and spec.tail_slides
            else landmark_position(spec.path[-1], pose)
        )
        assert gap(end) <= 10.0, f"{part_id} ends {gap(end):.1f} mm from its insertion"


def _fraction_in_front(leg, front: str, behind: str, x_range, z_range) -> tuple[float, int]:
    origins = ray_grid(x_range, z_range, 3.0)
    front_depth = first_hit_depth(leg.meshes[front], origins)
    behind_depth = first_hit_depth(leg.meshes[behind], origins)
    both = ~np.isnan(front_depth) & ~np.isnan(behind_depth)
    return float((front_depth[both] < behind_depth[both]).mean()), int(both.sum())


def test_gastrocnemius_is_in_front_of_soleus_from_behind(standing_leg):
    for head in ("gastrocnemius.medial_head", "gastrocnemius.lateral_head"):
        fraction, rays = _fraction_in_front(standing_leg, head, "soleus", (-70, 70), (-800, -450))
        assert rays > 50
        assert fraction >= 0.95, f"{head} in front of soleus on only {fraction:.0%} of rays"


def test_semitendinosus_is_in_front_of_semimembranosus_in_the_thigh(standing_leg):
    fraction, rays = _fraction_in_front(
        standing_leg, "semitendinosus", "semimembranosus", (-80, 40), (-400, -100)
    )
    assert rays > 50
    assert fraction >= 0.95


def _soleus_visibility(leg, hidden_layers: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """Rays that hit the soleus from behind, and which of them see it first."""
    soleus = leg.meshes["soleus"]
    x0, x1, _, _, z0, z1 = soleus.bounds
    origins = ray_grid((x0, x1), (z0, z1), 2.0)
    soleus_depth = first_hit_depth(soleus, origins)
    hit = ~np.isnan(soleus_depth)
    occluders = [
        leg.meshes[part.id]
        for part in PARTS
        if part.id != "soleus" and part.layer not in hidden_layers | {"skin"}
    ]
    blocker_depth = first_hit_depth(pv.merge(occluders), origins[hit])
    visible = np.isnan(blocker_depth) | (blocker_depth > soleus_depth[hit])
    return origins[hit], visible


def test_gastrocnemius_hides_most_of_soleus_but_not_all(standing_leg):
    origins, visible = _soleus_visibility(standing_leg, set())
    # Anatomy plates show the soleus on both sides of the lower calf: up to about 45 %.
    assert 0.05 <= visible.mean() <= 0.45
    medial_head = standing_leg.meshes["gastrocnemius.medial_head"].center[0]
    lateral_head = standing_leg.meshes["gastrocnemius.lateral_head"].center[0]
    seen_x = origins[visible, 0]
    assert (seen_x < medial_head - 15).sum() > 20, "soleus not visible medial to gastrocnemius"
    assert (seen_x > lateral_head + 15).sum() > 20, "soleus not visible lateral to gastrocnemius"


def test_soleus_is_mostly_visible_with_the_superficial_layer_hidden(standing_leg):
    # From mid-calf down the calcaneal tendon lies on the back of soleus (it begins as the
    # broad aponeurosis the gastrocnemius heads end on), so it covers the middle of the lower
    # belly; nothing else may.
    assert _soleus_visibility(standing_leg, {"superficial"})[1].mean() >= 0.70
    assert _soleus_visibility(standing_leg, {"superficial", "tendons"})[1].mean() >= 0.85


def test_soleus_extends_lower_than_gastrocnemius(standing_leg):
    soleus_bottom = standing_leg.meshes["soleus"].bounds[4]
    for head in ("gastrocnemius.medial_head", "gastrocnemius.lateral_head"):
        assert soleus_bottom < standing_leg.meshes[head].bounds[4] - 50


def _change(pose: Pose) -> dict[str, float]:
    base, moved = path_lengths_mm(STANDING), path_lengths_mm(pose)
    return {part_id: moved[part_id] / base[part_id] - 1.0 for part_id in base}


def test_path_lengths_cover_every_muscle_part():
    lengths = path_lengths_mm(STANDING)
    assert set(lengths) == {part.id for part in PARTS if part.kind in ("muscle", "nerve")}
    kinds = {part.id: part.kind for part in PARTS}
    muscles = {key: value for key, value in lengths.items() if kinds[key] == "muscle"}
    assert all(150 < value < 700 for key, value in muscles.items() if key != "popliteus")
    assert 80 < lengths["popliteus"] < 130  # a short muscle across the back of the knee
    assert 800 < lengths["sciatic_nerve"] < 1000  # foramen to the sole, down the tibial nerve


def test_knee_flexion_shortens_hamstrings_and_gastrocnemius_not_soleus():
    for angle in (30, 90, 140):
        change = _change(Pose(knee_flexion=angle))
        for part_id in ("biceps_femoris.long_head", "biceps_femoris.short_head", "semitendinosus",
                        "semimembranosus", "gastrocnemius.medial_head",
                        "gastrocnemius.lateral_head"):  # fmt: skip
            assert change[part_id] < -0.01, (angle, part_id, change[part_id])
        assert abs(change["soleus"]) <= 0.01


def test_dorsiflexion_lengthens_the_calf_muscles():
    for angle in (10, 30):
        change = _change(Pose(ankle_dorsiflexion=angle))
        for part_id in ("gastrocnemius.medial_head", "gastrocnemius.lateral_head", "soleus"):
            assert change[part_id] > 0.01
    plantar = _change(Pose(ankle_dorsiflexion=-50))
    assert plantar["soleus"] < -0.01


def test_hip_flexion_lengthens_the_long_hamstrings_but_not_the_short_head():
    for angle in (30, 90, 120):
        change = _change(Pose(hip_flexion=angle))
        for part_id in ("biceps_femoris.long_head", "semitendinosus", "semimembranosus"):
            assert change[part_id] > 0.01, (angle, part_id)
        assert abs(change["biceps_femoris.short_head"]) <= 0.01


def test_leg_lengths_match_the_pose(standing_leg):
    assert standing_leg.path_lengths_mm() == path_lengths_mm(STANDING)
    assert _landmark_names(MUSCLES["soleus"].path)[0] == "posterior_proximal_fibula"


def test_hip_flexion_90_lengthens_the_long_hamstrings_as_published_models_do():
    # Visser 1990, Arnold 2010: hip moment arm ~5-7 cm, about +15-22 % at 90 degrees.
    change = _change(Pose(hip_flexion=90))
    for part_id in ("biceps_femoris.long_head", "semitendinosus", "semimembranosus"):
        assert 0.15 <= change[part_id] <= 0.23, (part_id, change[part_id])


def test_knee_flexion_90_changes_lengths_by_published_amounts():
    # Knee moment arms (Spoor 1990): biceps long head ~2-3 cm, short head ~1.5-3 cm,
    # semimembranosus 2-4 cm, semitendinosus 3-5.5 cm.
    change = _change(Pose(knee_flexion=90))
    assert -0.11 <= change["biceps_femoris.long_head"] <= -0.09, change
    assert -0.20 <= change["biceps_femoris.short_head"] <= -0.15, change
    for part_id in ("semitendinosus", "semimembranosus"):
        assert -0.15 <= change[part_id] <= -0.10, (part_id, change[part_id])
    for part_id in ("gastrocnemius.medial_head", "gastrocnemius.lateral_head"):
        # Gastrocnemius knee moment arm ~1.5-2.5 cm: about -6 to -8 % at 90 degrees.
        assert -0.085 <= change[part_id] <= -0.055, (part_id, change[part_id])


@pytest.mark.parametrize("angle", (30, 60, 90, 120))
def test_semitendinosus_has_a_larger_knee_moment_arm_than_biceps(angle):
    # Spoor 1990: semitendinosus has the largest knee arm of the hamstrings. Compare the
    # shortening in mm (the average moment arm times the angle), not in percent.
    base, bent = path_lengths_mm(STANDING), path_lengths_mm(Pose(knee_flexion=angle))
    shortening = {part_id: base[part_id] - bent[part_id] for part_id in base}
    for part_id in ("biceps_femoris.long_head", "biceps_femoris.short_head"):
        assert shortening["semitendinosus"] > shortening[part_id], (part_id, shortening)


def test_knee_flexion_shortens_two_joint_muscles_all_the_way_to_140():
    angles = np.arange(0.0, 141.0, 5.0)
    lengths = [path_lengths_mm(Pose(knee_flexion=angle)) for angle in angles]
    for part_id in ("biceps_femoris.long_head", "biceps_femoris.short_head", "semitendinosus",
                    "semimembranosus", "gastrocnemius.medial_head",
                    "gastrocnemius.lateral_head"):  # fmt: skip
        steps = np.diff([length[part_id] for length in lengths])
        assert (steps < 0).all(), (part_id, angles[1:][steps >= 0])


def test_ankle_dorsiflexion_20_stretches_the_calf_by_a_few_percent():
    change = _change(Pose(ankle_dorsiflexion=20))
    for part_id in ("gastrocnemius.medial_head", "gastrocnemius.lateral_head", "soleus"):
        assert 0.03 <= change[part_id] <= 0.07, (part_id, change[part_id])


def test_the_calcaneal_tendon_is_narrowest_about_4_cm_above_the_heel(standing_leg):
    tendon = standing_leg.meshes["calcaneal_tendon"]
    insertion_z = landmark_position("calcaneal_tuberosity")[2]
    heights = np.arange(15.0, 120.0, 5.0)
    widths = []
    for height in heights:
        section = np.asarray(tendon.slice(normal="z", origin=(0, 0, insertion_z + height)).points)
        widths.append(np.ptp(section[:, 0]))
    waist = heights[int(np.argmin(widths))]
    assert 30.0 <= waist <= 55.0, np.round(widths, 1).tolist()


def test_the_soleus_arises_along_a_line_from_the_fibula_to_the_soleal_line(standing_leg):
    """A fleshy footprint, not a point: the top of the belly spans the line of origin."""
    fibula, tibia = landmark_position("posterior_proximal_fibula"), landmark_position("soleal_line")
    line = (fibula - tibia) / np.linalg.norm(fibula - tibia)
    points = np.asarray(standing_leg.meshes["soleus"].points)
    top = points[points[:, 2] > min(fibula[2], tibia[2]) - 5.0]
    span = np.ptp((top - tibia) @ line)
    assert span >= 0.7 * np.linalg.norm(fibula - tibia), (span, np.linalg.norm(fibula - tibia))


@pytest.mark.parametrize(
    "deep", ("tibialis_posterior", "flexor_digitorum_longus", "flexor_hallucis_longus")
)
def test_the_deep_compartment_lies_in_front_of_soleus(standing_leg, deep):
    fraction, rays = _fraction_in_front(standing_leg, "soleus", deep, (-40, 50), (-760, -560))
    assert rays > 20 and fraction >= 0.95, (deep, fraction, rays)


@pytest.mark.parametrize("head", ("gastrocnemius.medial_head", "gastrocnemius.lateral_head"))
def test_popliteus_lies_in_front_of_the_gastrocnemius_heads(standing_leg, head):
    fraction, rays = _fraction_in_front(standing_leg, head, "popliteus", (-40, 50), (-520, -440))
    assert rays > 10 and fraction >= 0.95, (head, fraction, rays)


@pytest.mark.parametrize(
    ("front", "behind"),
    (
        ("tibial_nerve", "popliteal_vein"),
        ("popliteal_vein", "popliteal_artery"),
        ("popliteal_artery", "popliteus"),
        ("popliteal_vein", "popliteus"),
    ),
)
def test_from_behind_the_fossa_holds_nerve_then_vein_then_artery_then_popliteus(
    standing_leg, front, behind
):
    fraction, rays = _fraction_in_front(standing_leg, front, behind, (-30, 40), (-540, -340))
    assert rays >= 3 and fraction >= 0.9, (front, behind, fraction, rays)


def test_the_sciatic_nerve_divides_at_the_apex_of_the_popliteal_fossa():
    division = landmark_position("sciatic.division")
    apex = landmark_position("fossa.apex")
    assert abs(division[2] - apex[2]) < 30.0
    for branch in ("tibial_nerve", "common_fibular_nerve"):
        assert MUSCLES[branch].path[0] == "sciatic.division"


def test_the_common_fibular_nerve_winds_round_the_fibular_neck(standing_leg):
    fibula = standing_leg.meshes["fibula"]
    neck = landmark_position("common_fibular.neck")
    _, closest = fibula.find_closest_cell(neck[None], return_closest_point=True)
    assert np.linalg.norm(closest[0] - neck) < 12.0
    assert neck[0] > closest[0][0]  # on the lateral side of the bone
    front = landmark_position("common_fibular.front")
    assert front[1] > neck[1]  # it ends in front of the neck


def test_straight_leg_raise_dorsiflexion_lengthens_the_nerve_not_biceps():
    raised = path_lengths_mm(Pose(hip_flexion=70))
    dorsiflexed = path_lengths_mm(Pose(hip_flexion=70, ankle_dorsiflexion=20))
    standing = path_lengths_mm(STANDING)
    assert raised["sciatic_nerve"] > standing["sciatic_nerve"] * 1.05
    assert dorsiflexed["sciatic_nerve"] - raised["sciatic_nerve"] > 8.0
    assert dorsiflexed["tibial_nerve"] - raised["tibial_nerve"] > 8.0
    for head in ("biceps_femoris.long_head", "biceps_femoris.short_head"):
        assert dorsiflexed[head] == pytest.approx(raised[head], abs=0.01)


def test_behind_the_medial_malleolus_the_tendons_run_tom_dick_and_harry():
    """Front to back: tibialis posterior, flexor digitorum longus, tibial nerve, FHL."""
    names = (
        "via.tibialis_posterior.malleolus",
        "via.flexor_digitorum_longus.malleolus",
        "tibial.malleolus",
        "via.flexor_hallucis_longus.malleolus",
    )
    depths = [landmark_position(name)[1] for name in names]
    assert depths == sorted(depths, reverse=True)
