"""Muscles and the calcaneal tendon: routed between landmarks, swept as fusiform tubes.

Each muscle is a path (origin -> via points -> distal end) through named
landmarks, re-evaluated for every pose, and a cross-section profile along that
path: a thin tendon at each end swelling into an elliptical belly. The profile
is a function of the fraction along the path, so the mesh topology never
changes with pose.

The gastrocnemius heads and the soleus end on the calcaneal tendon (their
musculotendinous junctions); their *path length* continues down the tendon to
the calcaneal tuberosity, because that is the length that changes with the
ankle. The free tendon is taken as inextensible, so the junction slides along
it: the belly takes up the whole change of that length (``belly_path``).

Bellies keep their volume: every pose scales a belly's widths and depths by
``sqrt(standing length / length now)`` (``thickness_factor``), so a belly
shortened by any joint it crosses is thicker, and a lengthened one thinner.
The calcaneal tendon keeps its profile.

The path is the line of action and sets the moment arms: it runs along the
deep side of the muscle, and where it crosses the knee it wraps round a
cylinder about the knee axis (the condyles). The belly is drawn behind it by
a per-ring offset, so muscles can be bulky without inflating their moment
arms; a sideways offset turns a gastrocnemius head's aponeurosis in to the
midline tendon. A muscle whose fleshy origin runs along a line of bone (the
short head of biceps) is drawn down that line (``MuscleSpec.drawn_path``)
while its line of action, and so its length, starts at the origin's centre.
Published targets this routing meets (see tests): hamstrings +15-22 % at 90
degrees of hip flexion; at 90 of knee flexion biceps long head -9 to -11 %,
short head -15 to -20 %, semitendinosus and semimembranosus -10 to -15 %
(semitendinosus with the largest knee arm, biceps the smallest);
gastrocnemius -6 to -8 % at 90 of knee flexion; calf +4-5 % at 20 of
dorsiflexion. Every end is rounded or tapered, never cut flat.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from meshes.anthropometry import ADULT
from meshes.bone_clearance import clear_bones
from meshes.frames import apply, frame_transform
from meshes.landmarks import LANDMARKS, landmark_positions
from meshes.muscle_spec import MuscleSpec
from meshes.parts import PARTS
from meshes.pose import STANDING, Pose
from meshes.posterior_paths import DEEP_MUSCLES, NERVES_AND_VESSELS
from meshes.superficial_paths import SUPERFICIAL_MUSCLES
from meshes.sweep import (
    X_AXIS,
    batched_tubes,
    cut_polyline,
    resample_path,
    ring_normals,
    smooth_keeping_ends,
    smooth_with_neighbours,
    smoothstep,
)

MUSCLES: dict[str, MuscleSpec] = {
    **SUPERFICIAL_MUSCLES,
    **DEEP_MUSCLES,
    **NERVES_AND_VESSELS,
}


def _landmark_names(path: tuple[str | tuple[str, str], ...]) -> tuple[str, ...]:
    names: list[str] = []
    for entry in path:
        names.extend(entry if isinstance(entry, tuple) else (entry,))
    return tuple(names)


#: Arc points inserted where a path wraps round the knee.
WRAP_ARC_POINTS = 7
#: Passes of the 1-2-1 filter along a swept part's centreline, ends held.
CENTRELINE_PASSES = 6
_PROXIMAL_FRAMES = ("pelvis", "thigh")


def knee_wrap(start: np.ndarray, end: np.ndarray, radius_mm: float, pose: Pose) -> np.ndarray:
    """Points of the arc a path from ``start`` (thigh) to ``end`` (shank) takes round the knee.

    The knee axis stays parallel to X in every pose (all joints here turn
    about X or, at the ankle, below the knee), so the wrap is solved in the
    Y-Z plane: tangent from each end to a circle of ``radius_mm`` about the
    axis, passing behind it. Returns ``(0, 3)`` when the straight line clears
    the circle, so the path and its length change smoothly and monotonically.
    """
    centre = apply(frame_transform("thigh", pose), ADULT.knee_centre[None])[0]
    a, b = start[1:] - centre[1:], end[1:] - centre[1:]
    distance_a, distance_b = np.hypot(*a), np.hypot(*b)
    if min(distance_a, distance_b) <= radius_mm:
        return np.empty((0, 3))
    angle_a = np.arctan2(a[1], a[0]) + np.arccos(radius_mm / distance_a)
    angle_b = np.arctan2(b[1], b[0]) - np.arccos(radius_mm / distance_b)
    sweep = (angle_b - angle_a) % (2.0 * np.pi)
    if sweep >= np.pi:
        return np.empty((0, 3))
    steps = np.linspace(0.0, 1.0, WRAP_ARC_POINTS)
    angles = angle_a + sweep * steps
    # X follows the 2-D distance travelled, so the path is the same whether it wraps or not.
    tangent_a = np.sqrt(distance_a**2 - radius_mm**2)
    tangent_b = np.sqrt(distance_b**2 - radius_mm**2)
    travelled = tangent_a + radius_mm * sweep * steps
    total = tangent_a + radius_mm * sweep + tangent_b
    arc = np.empty((WRAP_ARC_POINTS, 3))
    arc[:, 0] = start[0] + (end[0] - start[0]) * travelled / total
    arc[:, 1] = centre[1] + radius_mm * np.cos(angles)
    arc[:, 2] = centre[2] + radius_mm * np.sin(angles)
    return arc


def _path_frames(path: tuple[str | tuple[str, str], ...]) -> list[str]:
    return [LANDMARKS[entry[0] if isinstance(entry, tuple) else entry].frame for entry in path]


def control_points(spec: MuscleSpec, pose: Pose, drawn: bool = False) -> np.ndarray:
    """World positions of a muscle's path points (a pair of attachments averaged).

    With a knee wrap, the arc round the condyles is inserted between the last
    thigh point and the first shank point. ``drawn`` asks for the course the
    belly is swept along, which differs from the line of action only where the
    spec gives a ``drawn_path`` (a fleshy origin along a line of bone).
    """
    path = spec.drawn_path if drawn and spec.drawn_path else spec.path
    positions = landmark_positions(_landmark_names(path), pose)
    points, index = [], 0
    for entry in path:
        count = len(entry) if isinstance(entry, tuple) else 1
        points.append(positions[index : index + count].mean(axis=0))
        index += count
    if spec.knee_wrap_mm > 0.0:
        frames = _path_frames(path)
        split = max(k for k, frame in enumerate(frames) if frame in _PROXIMAL_FRAMES) + 1
        arc = knee_wrap(points[split - 1], points[split], spec.knee_wrap_mm, pose)
        points[split:split] = list(arc)
    return np.stack(points)


def path_length_mm(spec: MuscleSpec, pose: Pose) -> float:
    """Origin-to-insertion length along the routed path, tendon tail included."""
    return _polyline_length_mm(_unit_path(spec, pose))


#: Muscle part ids whose path length is reported, in display order.
LENGTH_IDS: tuple[str, ...] = tuple(
    part.id for part in PARTS if part.kind in ("muscle", "nerve")
)  # a nerve's bed lengthens with the joints it crosses, as a muscle does


def path_lengths_mm(pose: Pose) -> dict[str, float]:
    """Origin-to-insertion path length (mm) of every muscle part in a pose; no sweeping.

    Here rather than in ``leg`` so that lengths (the stretch map's numbers, the practice
    questions) need no VTK.

    Example
    -------
    >>> lengths = path_lengths_mm(Pose(knee_flexion=90))
    >>> lengths["semitendinosus"] < path_lengths_mm(STANDING)["semitendinosus"]
    True
    """
    return {part_id: path_length_mm(MUSCLES[part_id], pose) for part_id in LENGTH_IDS}


def _unit_path(spec: MuscleSpec, pose: Pose) -> np.ndarray:
    """The whole path: the undrawn head if any, control points, then the tendon tail if any."""
    points = control_points(spec, pose)
    if spec.length_head:
        points = np.concatenate([landmark_positions(spec.length_head, pose), points])
    if spec.length_tail:
        points = np.concatenate([points, landmark_positions(spec.length_tail, pose)])
    return points


def _polyline_length_mm(points: np.ndarray) -> float:
    return float(np.linalg.norm(np.diff(points, axis=0), axis=1).sum())


#: The belly is never drawn shorter than this fraction of its standing length.
SHORTEST_BELLY_FRACTION = 0.5


def belly_path(spec: MuscleSpec, pose: Pose) -> tuple[np.ndarray, float]:
    """The polyline a belly is swept along in a pose, and the belly's length (mm).

    Without a tendon tail that is the routed path. With one, the free tendon
    is inextensible: the belly takes up the whole change of the unit's length
    (``path_length_mm``), so its distal end (the musculotendinous junction)
    slides down the tendon when the ankle dorsiflexes and up it in plantar
    flexion. The path is the unit's polyline cut at that arc length.
    """
    if not spec.length_tail or not spec.tail_slides:
        points = control_points(spec, pose, drawn=True)
        return points, _polyline_length_mm(points)
    unit = _unit_path(spec, pose)
    length = _polyline_length_mm(unit) - _standing_free_tendon_mm(spec)
    length = max(length, SHORTEST_BELLY_FRACTION * _standing_length_mm(spec))
    return cut_polyline(unit, length), length


@lru_cache(maxsize=64)
def _standing_free_tendon_mm(spec: MuscleSpec) -> float:
    return path_length_mm(spec, STANDING) - _standing_length_mm(spec)


#: Limits of a belly's thickness factor, so an extreme pose never balloons or pinches it.
THICKNESS_FACTOR_RANGE = (0.8, 1.25)


def thickness_factor(standing_length_mm: float, length_mm: float) -> float:
    """How much a belly's half widths and depths scale so its volume stays about the same.

    Volume ~ length x width x depth, so both scale by ``sqrt(standing / now)``:
    a shortened belly is thicker, a lengthened one thinner; clipped to
    ``THICKNESS_FACTOR_RANGE``.

    Example
    -------
    >>> thickness_factor(300.0, 240.0) > 1.0 > thickness_factor(300.0, 330.0)
    True
    """
    low, high = THICKNESS_FACTOR_RANGE
    return min(max(math.sqrt(standing_length_mm / length_mm), low), high)


#: How strongly rings crowd towards the ends (0 = even), so rounded ends stay smooth.
END_CROWDING = 0.55


@lru_cache(maxsize=64)
def _ring_fractions(n_rings: int) -> np.ndarray:
    t = np.linspace(0.0, 1.0, n_rings)
    fractions = t - END_CROWDING * np.sin(2.0 * np.pi * t) / (2.0 * np.pi)
    fractions.setflags(write=False)
    return fractions


@lru_cache(maxsize=64)
def _standing_length_mm(spec: MuscleSpec) -> float:
    """Length of the swept part standing: the drawn path without any tendon tail."""
    return _polyline_length_mm(control_points(spec, STANDING, drawn=True))


def _end_rounding(distance_mm: np.ndarray, rounding_mm: float) -> np.ndarray:
    """Quarter-ellipse factor: 0 at an end, 1 once ``rounding_mm`` away from it."""
    s = np.clip(distance_mm / rounding_mm, 0.0, 1.0)
    return np.maximum(np.sqrt(1.0 - (1.0 - s) ** 2), 0.12)


@lru_cache(maxsize=64)
def _profile(spec: MuscleSpec, n_rings: int) -> tuple[np.ndarray, ...]:
    """Half widths, half depths, posterior and lateral offsets (mm) of every ring; ends rounded."""
    table = np.array(spec.profile, float)  # columns in Section's field order
    fraction = _ring_fractions(n_rings)
    widths, depths, offsets, lateral = (
        smooth_keeping_ends(np.interp(fraction, table[:, 0], table[:, k]), 4) for k in (1, 2, 3, 4)
    )
    length = _standing_length_mm(spec)
    for end, distance in ((0, fraction * length), (-1, (1.0 - fraction) * length)):
        section = spec.profile[end]
        rounding = spec.end_rounding_mm[end] or float(
            np.clip(max(section.half_width_mm, section.half_depth_mm), 3.0, 10.0)
        )
        factor = _end_rounding(distance, rounding)
        if not (end == 0 and spec.origin_footprint):  # a footprint keeps its whole width
            widths *= factor
        depths *= factor
    for array in (widths, depths, offsets, lateral):
        array.setflags(write=False)
    return widths, depths, offsets, lateral


def muscle_shape(spec: MuscleSpec, resolution: float) -> tuple[int, int]:
    """``(n_rings, n_around)`` of a muscle tube at a resolution."""
    return max(12, round(spec.rings * resolution)), max(6, round(spec.around * resolution))


class _BatchLayout(NamedTuple):
    """What the one-batch sweep needs that depends on the resolution only, not the pose.

    Per-ring arrays stack every muscle's rings in ``MUSCLES`` order; muscle
    ``k`` owns rings ``starts[k]:starts[k + 1]``. ``previous`` and
    ``following`` index each ring's neighbours along its own tube (itself at
    the ends), so no tangent mixes two muscles.
    """

    n_around: int
    starts: tuple[int, ...]
    ring_counts: np.ndarray
    keeps_volume: np.ndarray
    half_widths_mm: np.ndarray
    half_depths_mm: np.ndarray
    posterior_offsets_mm: np.ndarray
    lateral_offsets_mm: np.ndarray
    previous: np.ndarray
    following: np.ndarray
    tilts: np.ndarray
    footprints: np.ndarray  # per ring: 1 where the width follows a paired origin's line


def _batches() -> tuple[tuple[str, ...], ...]:
    """Part ids grouped by points around a ring: each group is swept in one batch."""
    by_around: dict[int, list[str]] = {}
    for part_id, spec in MUSCLES.items():
        by_around.setdefault(spec.around, []).append(part_id)
    return tuple(tuple(ids) for ids in by_around.values())


BATCHES = _batches()


@lru_cache(maxsize=16)
def _batch_layout(resolution: float, part_ids: tuple[str, ...]) -> _BatchLayout:
    """Stacked ring profiles of one batch, and each ring's neighbours along its own tube."""
    specs = [MUSCLES[part_id] for part_id in part_ids]
    shapes = [muscle_shape(spec, resolution) for spec in specs]
    n_around = shapes[0][1]
    profiles = [_profile(spec, n_rings) for spec, (n_rings, _) in zip(specs, shapes, strict=True)]
    starts = np.cumsum([0] + [n_rings for n_rings, _ in shapes])
    index = np.arange(starts[-1])
    first = np.repeat(starts[:-1], [n for n, _ in shapes])
    last = np.repeat(starts[1:] - 1, [n for n, _ in shapes])
    previous, following = np.maximum(index - 1, first), np.minimum(index + 1, last)
    widths, depths, offsets, lateral = (np.concatenate([p[k] for p in profiles]) for k in range(4))
    tilts = np.concatenate(
        [
            spec.top_tilt * (1.0 - smoothstep(_ring_fractions(n_rings), 0.0, TILT_FADE_FRACTION))
            for spec, (n_rings, _) in zip(specs, shapes, strict=True)
        ]
    )
    footprints = np.concatenate(
        [
            1.0 - smoothstep(_ring_fractions(n_rings), 0.0, spec.origin_footprint)
            if spec.origin_footprint
            else np.zeros(n_rings)
            for spec, (n_rings, _) in zip(specs, shapes, strict=True)
        ]
    )
    return _BatchLayout(
        n_around=n_around,
        starts=tuple(starts),
        ring_counts=np.diff(starts),
        keeps_volume=np.array([part_id not in _CONSTANT_PROFILE_IDS for part_id in part_ids]),
        half_widths_mm=widths,
        half_depths_mm=depths,
        posterior_offsets_mm=offsets,
        lateral_offsets_mm=lateral,
        previous=previous,
        following=following,
        tilts=tilts,
        footprints=footprints,
    )


TILT_FADE_FRACTION = 0.3

#: Parts that keep their profile in every pose (a tendon does not thicken as it slackens,
#: nor does a nerve or a vessel).
_CONSTANT_PROFILE_IDS = frozenset(
    part.id for part in PARTS if part.kind in ("tendon", "nerve", "vessel", "region")
)


def sweep_muscles(pose: Pose, resolution: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Points and outward normals of every swept part in a pose, one batch per ring size."""
    result: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for part_ids in BATCHES:
        result.update(_sweep_batch(pose, resolution, part_ids))
    return {part_id: result[part_id] for part_id in MUSCLES}


def _sweep_batch(
    pose: Pose, resolution: float, part_ids: tuple[str, ...]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    layout = _batch_layout(resolution, part_ids)
    starts = layout.starts
    specs = [MUSCLES[part_id] for part_id in part_ids]
    centres, factors, lines = [], np.ones(len(specs)), np.tile(X_AXIS, (len(specs), 1))
    for k, (spec, n_rings) in enumerate(zip(specs, layout.ring_counts, strict=True)):
        path, length = belly_path(spec, pose)
        # Smoothed below for the whole batch at once (the same 1-2-1 passes, ends held).
        centres.append(
            resample_path(path, n_rings, smoothing_passes=0, fractions=_ring_fractions(n_rings))
        )
        if layout.keeps_volume[k]:
            factors[k] = thickness_factor(_standing_length_mm(spec), length)
        if spec.origin_footprint:
            ends = landmark_positions(spec.path[0], pose)
            line = (ends[0] - ends[1]) / np.linalg.norm(ends[0] - ends[1])
            lines[k] = line if line[0] >= 0.0 else -line  # keep the width's sense: lateral +
    centres = smooth_with_neighbours(
        np.concatenate(centres), layout.previous, layout.following, CENTRELINE_PASSES
    )
    ring_factors = np.repeat(factors, layout.ring_counts)
    weight = layout.footprints[:, None]
    references = (1.0 - weight) * X_AXIS + weight * np.repeat(lines, layout.ring_counts, axis=0)
    rings, normals = batched_tubes(
        centres,
        half_widths=layout.half_widths_mm * ring_factors,
        half_depths=layout.half_depths_mm * ring_factors,
        depth_offsets=layout.posterior_offsets_mm,
        width_offsets=layout.lateral_offsets_mm,
        n_around=layout.n_around,
        previous=layout.previous,
        following=layout.following,
        tilts=layout.tilts,
        width_references=references,
    )
    cleared = clear_bones(rings, starts, pose, resolution)
    if cleared is rings:
        moved = np.zeros_like(centres)
    else:
        moved = cleared.mean(axis=1) - rings.mean(axis=1)  # each ring's push, carried by its cap
        rings, normals = cleared, ring_normals(cleared, layout.previous, layout.following)
    result = {}
    for part_id, start, end in zip(part_ids, starts[:-1], starts[1:], strict=True):
        ends = centres[[start, end - 1]] + moved[[start, end - 1]]
        points = np.concatenate([ends[:1], rings[start:end].reshape(-1, 3), ends[1:]])
        # Each cap's normal points out along the axis, away from its neighbouring ring.
        cap_normals = _unit_rows(
            ends - np.stack([rings[start + 1].mean(0), rings[end - 2].mean(0)])
        )
        result[part_id] = (
            points,
            np.concatenate([cap_normals[:1], normals[start:end].reshape(-1, 3), cap_normals[1:]]),
        )
    return result


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    return vectors / np.maximum(np.linalg.norm(vectors, axis=-1, keepdims=True), 1e-12)


def fibre_shade(spec: MuscleSpec, resolution: float) -> np.ndarray:
    """A subtle, deterministic light-dark banding across the fibres (0.85..1.0)."""
    n_rings, n_around = muscle_shape(spec, resolution)
    angle = np.linspace(0.0, 2.0 * np.pi, n_around, endpoint=False)
    along = np.linspace(0.0, 1.0, n_rings)
    bands = np.sin(7.0 * angle)[None, :] + 0.5 * np.sin(13.0 * angle + 3.0 * along[:, None])
    shade = 0.925 + 0.05 * bands / 1.5 + 0.02 * np.sin(np.pi * along)[:, None]
    shade = np.clip(shade, 0.85, 1.0).ravel()
    return np.concatenate([[shade[0]], shade, [shade[-1]]]).astype(np.float32)
