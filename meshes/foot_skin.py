"""The skin of the foot: a closed tube from the ankle to the toes, carried by the foot.

The leg's skin is a stack of horizontal rings, which cannot turn forward into
the foot, so it ends round the heel. Without more, the tarsals, metatarsals and
toes would stand bare in front of it. This second closed surface runs along the
foot's long axis (+Y, anterior) from just inside the leg's skin at the ankle to
past the tips of the toes. Each ring is fitted round the foot bones with a thin
margin on the dorsum and the sides and a thicker one under the sole (the plantar
fat pad), and both ends are rounded. It rides rigidly on the foot segment, as
the foot bones do, so a pose costs one matrix product.

The two surfaces overlap at the ankle, where the foot's tube begins inside the
leg's: together they enclose the leg, and "inside the skin" means inside either.
What the foot's tube holds (``held_by_foot_skin``) the leg's is not fitted
round, so the leg's skin ends at the heel instead of reaching along the sole.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from meshes.bones import bone_templates
from meshes.frames import frame_transform
from meshes.pose import Pose
from meshes.sweep import smooth_keeping_ends, tube_normals

#: Bones the foot's skin is fitted round (their part ids).
FOOT_BONES: tuple[str, ...] = ("foot", "talus", "calcaneus")
#: Standing Y (mm) of the first and last ring: inside the leg's skin at the ankle, past the toes.
FOOT_SKIN_SPAN_MM = (-5.0, 215.0)
#: How far the rounded ends reach beyond their last ring.
END_CAP_MM = 8.0
#: Soft tissue over the dorsum and the sides of the foot, and under the sole.
DORSAL_MARGIN_MM = 7.0
PLANTAR_MARGIN_MM = 14.0
#: The smallest radius a ring has, so the toes' tips round off instead of pinching.
MIN_RADIUS_MM = 8.0
#: Lengths over which the back and the toe end round off.
BACK_ROUNDING_MM = 14.0
TOE_ROUNDING_MM = 34.0
#: How deep inside the foot's skin a point must lie to count as held by it.
HELD_DEPTH_MM = 2.0
FOOT_SKIN_RINGS = 30
FOOT_SKIN_AROUND = 28


def foot_skin_shape(resolution: float) -> tuple[int, int]:
    """``(n_rings, n_around)`` of the foot's skin tube at a resolution."""
    return max(12, round(FOOT_SKIN_RINGS * resolution)), max(
        12, round(FOOT_SKIN_AROUND * resolution)
    )


def _ring_centres(points: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """``(n_rings, 2)`` X and Z of each ring's centre: the middle of the bones near its plane."""
    centres = np.empty((len(ys), 2))
    for index, y in enumerate(ys):
        near = np.abs(points[:, 1] - y) < 12.0
        slab = (
            points[near] if near.sum() >= 3 else points[np.argsort(np.abs(points[:, 1] - y))[:20]]
        )
        centres[index] = 0.5 * (slab[:, [0, 2]].min(0) + slab[:, [0, 2]].max(0))
    return np.stack([smooth_keeping_ends(centres[:, k], 3) for k in (0, 1)], -1)


def _dilate(need: np.ndarray) -> np.ndarray:
    """Each bin takes the largest need of its neighbours: two bins round, one ring along."""
    around = need.copy()
    for step in (1, 2):
        for sign in (-1, 1):
            around = np.maximum(around, np.roll(need, sign * step, axis=1))
    along = around.copy()  # along the foot, without wrapping the toes round to the ankle
    along[1:] = np.maximum(along[1:], around[:-1])
    along[:-1] = np.maximum(along[:-1], around[1:])
    return along


def _end_rounding(ys: np.ndarray) -> np.ndarray:
    """Per ring, the factor that rounds both ends of the tube like a quarter ellipse."""
    back = np.clip((FOOT_SKIN_SPAN_MM[0] + BACK_ROUNDING_MM - ys) / BACK_ROUNDING_MM, 0.0, None)
    toe_start = FOOT_SKIN_SPAN_MM[1] - TOE_ROUNDING_MM
    toe = np.clip((ys - toe_start) / TOE_ROUNDING_MM, 0.0, None)
    return np.sqrt(np.clip(1.0 - back**2, 0.05, 1.0) * np.clip(1.0 - toe**2, 0.05, 1.0))


def _foot_bones() -> np.ndarray:
    """Standing points of the foot's bones within the tube's span."""
    templates = bone_templates(1.0)
    bones = np.concatenate([templates[bone][0] for bone in FOOT_BONES]).astype(float)
    first, last = FOOT_SKIN_SPAN_MM
    return bones[(bones[:, 1] >= first - 5.0) & (bones[:, 1] <= last + 5.0)]


@lru_cache(maxsize=8)
def _foot_rings(resolution: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(ring y, ring centres (x, z), radius per ring and angle)`` of the standing foot's skin."""
    n_rings, n_around = foot_skin_shape(resolution)
    points = _foot_bones()
    first, last = FOOT_SKIN_SPAN_MM
    ys = np.linspace(first, last, n_rings)
    centres = _ring_centres(points, ys)
    ring = np.clip(np.searchsorted(ys, points[:, 1]), 0, n_rings - 1)
    local = points[:, [0, 2]] - centres[ring]
    # Angle 0 is lateral (+X), a quarter turn is down (-Z): counter-clockwise seen from the toes
    # looking back along the foot, the winding meshes.sweep uses for outward faces.
    angle = np.linspace(0.0, 2.0 * np.pi, n_around, endpoint=False)
    bin_ = np.round(np.arctan2(-local[:, 1], local[:, 0]) / (2.0 * np.pi) * n_around).astype(int)
    need = np.full((n_rings, n_around), MIN_RADIUS_MM)
    np.maximum.at(need, (ring, bin_ % n_around), np.linalg.norm(local, axis=1))
    reach = need.copy()
    need = _dilate(need)
    for _ in range(3):  # soften the steps round each ring, then along the foot
        need = 0.5 * need + 0.25 * (np.roll(need, 1, 1) + np.roll(need, -1, 1))
        need = smooth_keeping_ends(need, 1)
    need = np.maximum(need, reach)  # softening never pulls a ring in past a bone
    downward = np.clip(np.sin(angle), 0.0, 1.0) ** 2
    need = need + DORSAL_MARGIN_MM + (PLANTAR_MARGIN_MM - DORSAL_MARGIN_MM) * downward[None]
    need = need * _end_rounding(ys)[:, None]
    for array in (ys, centres, need):
        array.setflags(write=False)
    return ys, centres, need


@lru_cache(maxsize=8)
def foot_skin_template(resolution: float) -> np.ndarray:
    """Standing points of the foot's skin: ``(cap, rings..., cap)`` like every tube."""
    ys, centres, need = _foot_rings(resolution)
    n_rings, n_around = need.shape
    angle = np.linspace(0.0, 2.0 * np.pi, n_around, endpoint=False)
    rings = np.empty((n_rings, n_around, 3))
    rings[..., 0] = centres[:, None, 0] + need * np.cos(angle)[None]
    rings[..., 1] = ys[:, None]
    rings[..., 2] = centres[:, None, 1] - need * np.sin(angle)[None]
    first, last = FOOT_SKIN_SPAN_MM
    caps = [
        [centres[0, 0], first - END_CAP_MM, centres[0, 1]],
        [centres[-1, 0], last + END_CAP_MM, centres[-1, 1]],
    ]
    points = np.concatenate([caps[:1], rings.reshape(-1, 3), caps[1:]])
    points.setflags(write=False)
    return points


def held_by_foot_skin(
    points: np.ndarray, resolution: float, depth_mm: float = HELD_DEPTH_MM
) -> np.ndarray:
    """Which points, in the foot's standing frame, lie at least ``depth_mm`` inside its skin.

    Each ring is a star round its centre, so a point is held when it lies
    between two rings and nearer the centre than the skin in its direction
    (read between the neighbouring rings and angles; the depth covers the
    difference between those curves and the flat facets).
    """
    ys, centres, need = _foot_rings(resolution)
    n_rings, n_around = need.shape
    place = (points[:, 1] - ys[0]) / (ys[1] - ys[0])
    ring = np.clip(np.floor(place).astype(int), 0, n_rings - 2)
    along = np.clip(place - ring, 0.0, 1.0)[:, None]
    centre = centres[ring] * (1.0 - along) + centres[ring + 1] * along
    local = points[:, [0, 2]] - centre
    turn = np.arctan2(-local[:, 1], local[:, 0]) / (2.0 * np.pi) * n_around % n_around
    bin_ = np.floor(turn).astype(int) % n_around
    share = turn - np.floor(turn)
    following = (bin_ + 1) % n_around

    def radius(index: np.ndarray) -> np.ndarray:
        return need[index, bin_] * (1.0 - share) + need[index, following] * share

    skin = radius(ring) * (1.0 - along[:, 0]) + radius(ring + 1) * along[:, 0]
    between = (place >= 0.0) & (place <= n_rings - 1)
    return between & (np.linalg.norm(local, axis=1) < skin - depth_mm)


def foot_skin_points(pose: Pose, resolution: float) -> tuple[np.ndarray, np.ndarray]:
    """Points and outward normals of the foot's skin in a pose (rigid with the foot)."""
    template = foot_skin_template(resolution)
    transform = frame_transform("foot", pose)
    points = template @ transform[:3, :3].T + transform[:3, 3]
    return points, tube_normals(points, *foot_skin_shape(resolution))
