"""Muscles shaped as the anatomy texts draw them, measured on the standing meshes.

Fleshy origins along a line of bone, membranous and cord-like tendons where the
names say so, the gastrocnemius heads ending on a central tendon about mid-calf,
and the soleus showing on both sides of that tendon (gray1918; Kenhub's pages on
each muscle, cited in ``meshes.muscles``).
"""

from __future__ import annotations

import numpy as np
import pytest
import pyvista as pv

from meshes import build_leg
from meshes.anthropometry import ADULT
from tests.test_meshes_anatomy import first_hit_depth

MID_CALF_Z = float((ADULT.knee_centre[2] + ADULT.ankle_centre[2]) / 2.0)


@pytest.fixture(scope="module")
def leg():
    return build_leg()


def section(mesh: pv.PolyData, z: float) -> np.ndarray:
    """Points where a horizontal plane at height ``z`` cuts a mesh (empty if it misses)."""
    return np.asarray(mesh.slice(normal="z", origin=(0.0, 0.0, z)).points)


def extent(points: np.ndarray) -> tuple[float, float]:
    """Width (X) and depth (Y) of a cross-section, in mm; zero when there is none."""
    if not len(points):
        return 0.0, 0.0
    return float(np.ptp(points[:, 0])), float(np.ptp(points[:, 1]))


def test_the_short_head_arises_fleshy_along_the_linea_aspera(leg):
    """Its deep face lies on the femur from mid-shaft to the lateral supracondylar line."""
    points = np.asarray(leg.meshes["biceps_femoris.short_head"].points, dtype=float)
    _, closest = leg.meshes["femur"].find_closest_cell(points, return_closest_point=True)
    on_bone = points[np.linalg.norm(closest - points, axis=1) < 6.0]
    bands = np.arange(-340.0, -200.0, 10.0)
    covered = [bool(((on_bone[:, 2] >= z) & (on_bone[:, 2] < z + 10.0)).any()) for z in bands]
    assert all(covered), dict(zip(bands.tolist(), covered, strict=True))


def _fleshy_border_z(mesh: pv.PolyData) -> float:
    """Lowest height at which a belly is still fleshy (over 14 mm wide and 5 mm deep)."""
    for z in np.arange(-560.0, -760.0, -2.0):
        width, depth = extent(section(mesh, z))
        if width < 14.0 or depth < 5.0:
            return float(z)
    return -760.0


def test_the_gastrocnemius_heads_end_about_mid_calf_the_medial_lower(leg):
    medial = _fleshy_border_z(leg.meshes["gastrocnemius.medial_head"])
    lateral = _fleshy_border_z(leg.meshes["gastrocnemius.lateral_head"])
    assert abs(medial - MID_CALF_Z) <= 40.0 and abs(lateral - MID_CALF_Z) <= 40.0, (
        medial,
        lateral,
        MID_CALF_Z,
    )
    assert medial < lateral - 15.0, (medial, lateral)


@pytest.mark.parametrize("head", ("gastrocnemius.medial_head", "gastrocnemius.lateral_head"))
def test_below_its_belly_a_gastrocnemius_head_joins_the_central_tendon(leg, head):
    """Under the fleshy border the head is only its aponeurosis, inside the tendon it forms."""
    border = _fleshy_border_z(leg.meshes[head])
    tendon = leg.meshes["calcaneal_tendon"]
    heights = np.arange(border - 6.0, leg.meshes[head].bounds[4] + 8.0, -4.0)
    assert len(heights) >= 5
    for z in heights:
        head_points, tendon_points = section(leg.meshes[head], z), section(tendon, z)
        assert len(tendon_points), f"no tendon at z = {z:.0f} below the {head} belly"
        low, high = tendon_points[:, 0].min(), tendon_points[:, 0].max()
        assert low - 1.0 <= head_points[:, 0].min() and head_points[:, 0].max() <= high + 1.0, (
            z,
            extent(head_points),
            (low, high),
        )


def _first_part_hit(leg, parts: tuple[str, ...], origins: np.ndarray) -> np.ndarray:
    """Which of ``parts`` each ray from behind meets first (-1 for none)."""
    depths = np.stack([first_hit_depth(leg.meshes[part], origins) for part in parts])
    first = np.nanargmin(np.where(np.isnan(depths), np.inf, depths), axis=0)
    return np.where(np.isnan(depths).all(axis=0), -1, first)


def test_the_calcaneal_tendon_shows_from_mid_calf_down_the_midline(leg):
    parts = (
        "calcaneal_tendon",
        "soleus",
        "gastrocnemius.medial_head",
        "gastrocnemius.lateral_head",
    )
    tendon = leg.meshes["calcaneal_tendon"]
    zs = np.arange(-680.0, -800.0, -10.0)
    centres = [section(tendon, z)[:, 0].mean() for z in zs]
    origins = np.array([(x, -300.0, z) for x, z in zip(centres, zs, strict=True)])
    assert (_first_part_hit(leg, parts, origins) == 0).all()


def test_the_soleus_shows_on_both_sides_of_the_calcaneal_tendon_in_the_lower_calf(leg):
    parts = (
        "soleus",
        "calcaneal_tendon",
        "gastrocnemius.medial_head",
        "gastrocnemius.lateral_head",
        "plantaris",
    )
    tendon = leg.meshes["calcaneal_tendon"]
    for z in np.arange(-680.0, -780.0, -20.0):
        cut = section(tendon, z)
        low, high = cut[:, 0].min(), cut[:, 0].max()
        for side in (
            np.arange(low - 24.0, low - 4.0, 4.0),
            np.arange(high + 4.0, high + 24.0, 4.0),
        ):
            origins = np.array([(x, -300.0, z) for x in side])
            assert (_first_part_hit(leg, parts, origins) == 0).mean() >= 0.6, (z, side)


def test_the_soleus_is_broad_and_flat(leg):
    for z in (-620.0, -680.0, -740.0):
        width, depth = extent(section(leg.meshes["soleus"], z))
        assert width >= 3.0 * depth and width >= 50.0, (z, width, depth)


def test_semitendinosus_is_a_cord_like_tendon_in_the_lower_thigh(leg):
    muscle = leg.meshes["semitendinosus"]
    belly = max(extent(section(muscle, z))[0] for z in np.arange(-100.0, -240.0, -10.0))
    assert belly >= 35.0, belly
    for z in np.arange(-310.0, -420.0, -10.0):
        width, depth = extent(section(muscle, z))
        assert 0.0 < width <= 10.0 and depth <= 9.0, (z, width, depth)


def test_semimembranosus_is_a_flat_membrane_above_and_a_thick_belly_below(leg):
    muscle = leg.meshes["semimembranosus"]
    for z in np.arange(-90.0, -220.0, -10.0):
        width, depth = extent(section(muscle, z))
        assert depth <= 7.0 and width >= 4.0 * depth, (z, width, depth)
    thickest = max(extent(section(muscle, z))[1] for z in np.arange(-280.0, -420.0, -10.0))
    assert thickest >= 25.0, thickest
