"""Muscles and the calcaneal tendon: routed between landmarks, swept as fusiform tubes.

Each muscle is a path (origin -> via points -> distal end) through named
landmarks, re-evaluated for every pose, and a cross-section profile along that
path: a thin tendon at each end swelling into an elliptical belly. The profile
is a function of the fraction along the path, so the mesh topology never
changes with pose.

The gastrocnemius heads and the soleus end on the calcaneal tendon (their
musculotendinous junctions); their *path length* continues down the tendon to
the calcaneal tuberosity, because that is the length that changes with the
ankle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from meshes.landmarks import landmark_positions
from meshes.pose import Pose
from meshes.sweep import resample_path, tube_normals, tube_points

TENDON_TAIL = (
    "via.calcaneal_tendon.lower",
    "via.calcaneal_tendon.heel_wrap",
    "calcaneal_tuberosity",
)


@dataclass(frozen=True)
class MuscleSpec:
    """How one part is routed and how thick it is along its path.

    ``path`` names landmarks; an entry that is a pair of names starts the path
    midway between two attachments (the soleus arches between fibula and
    tibia). ``profile`` rows are ``(fraction along path, half width, half
    depth)`` in mm; width lies across the leg (X), depth front-to-back.
    ``length_tail`` continues the path for the length only (down the tendon).
    """

    path: tuple[str | tuple[str, str], ...]
    profile: tuple[tuple[float, float, float], ...]
    length_tail: tuple[str, ...] = ()
    rings: int = 56


MUSCLES: dict[str, MuscleSpec] = {
    "biceps_femoris.long_head": MuscleSpec(
        (
            "ischial_tuberosity",
            "via.hamstrings.hip_wrap",
            "via.biceps_long_head.upper",
            "via.biceps_long_head.middle",
            "via.biceps_long_head.lower",
            "via.biceps.knee_wrap",
            "fibular_head",
        ),
        (
            (0, 4, 4),
            (0.08, 9, 8),
            (0.3, 21, 16),
            (0.5, 22, 17),
            (0.7, 14, 11),
            (0.82, 7, 5.5),
            (0.92, 5, 4),
            (1, 4, 3),
        ),
    ),
    "biceps_femoris.short_head": MuscleSpec(
        (
            "linea_aspera_lateral_lip",
            "via.biceps_short_head.lower",
            "via.biceps.knee_wrap",
            "fibular_head",
        ),
        ((0, 6, 3), (0.15, 11, 6), (0.45, 14, 9), (0.75, 7, 5), (1, 4, 3)),
        rings=40,
    ),
    "semitendinosus": MuscleSpec(
        (
            "ischial_tuberosity",
            "via.hamstrings.hip_wrap",
            "via.semitendinosus.upper",
            "via.semitendinosus.middle",
            "via.semitendinosus.lower",
            "via.semitendinosus.knee_wrap",
            "via.semitendinosus.below_knee",
            "pes_anserinus",
        ),
        (
            (0, 4, 4),
            (0.07, 9, 8),
            (0.2, 17, 14),
            (0.38, 18, 14),
            (0.52, 9, 7.5),
            (0.62, 4.5, 4),
            (1, 3.5, 2.5),
        ),
        rings=64,
    ),
    "semimembranosus": MuscleSpec(
        (
            "ischial_tuberosity_superolateral",
            "via.semimembranosus.hip_wrap",
            "via.semimembranosus.upper",
            "via.semimembranosus.middle",
            "via.semimembranosus.lower",
            "via.semimembranosus.knee_wrap",
            "posterior_medial_tibial_condyle",
        ),
        (
            (0, 5, 3),
            (0.12, 11, 4),
            (0.3, 17, 8),
            (0.55, 23, 13),
            (0.72, 21, 12),
            (0.86, 10, 7),
            (1, 6, 4),
        ),
    ),
    "gastrocnemius.medial_head": MuscleSpec(
        (
            "medial_femoral_condyle_posterior",
            "via.gastrocnemius_medial.knee_wrap",
            "via.gastrocnemius_medial.belly",
            "gastrocnemius_medial_junction",
        ),
        ((0, 5, 3), (0.1, 12, 8), (0.35, 23, 16), (0.55, 22, 15), (0.8, 14, 8), (1, 6, 2.5)),
        TENDON_TAIL,
    ),
    "gastrocnemius.lateral_head": MuscleSpec(
        (
            "lateral_femoral_condyle_posterior",
            "via.gastrocnemius_lateral.knee_wrap",
            "via.gastrocnemius_lateral.belly",
            "gastrocnemius_lateral_junction",
        ),
        ((0, 5, 3), (0.1, 10, 7), (0.35, 21, 14), (0.55, 20, 13), (0.8, 12, 7), (1, 5, 2.5)),
        TENDON_TAIL,
    ),
    "soleus": MuscleSpec(
        (
            ("posterior_proximal_fibula", "soleal_line"),
            "via.soleus.upper",
            "via.soleus.lower",
            "soleus_junction",
        ),
        (
            (0, 24, 5),
            (0.1, 32, 8),
            (0.3, 40, 12.5),
            (0.5, 38, 12.5),
            (0.72, 27, 9.5),
            (0.88, 18, 6),
            (1, 9, 4),
        ),
        TENDON_TAIL[1:],
    ),
    "calcaneal_tendon": MuscleSpec(
        ("calcaneal_tendon_origin", *TENDON_TAIL),
        (
            (0, 8, 1.5),
            (0.08, 13, 2.5),
            (0.25, 10, 3.5),
            (0.5, 6.5, 4.5),
            (0.75, 6.5, 5),
            (0.9, 8.5, 5),
            (1, 10, 4),
        ),
        rings=40,
    ),
}

MUSCLE_AROUND = 28


def _landmark_names(path: tuple[str | tuple[str, str], ...]) -> tuple[str, ...]:
    names: list[str] = []
    for entry in path:
        names.extend(entry if isinstance(entry, tuple) else (entry,))
    return tuple(names)


def control_points(spec: MuscleSpec, pose: Pose) -> np.ndarray:
    """World positions of a muscle's path points (a pair of attachments averaged)."""
    positions = landmark_positions(_landmark_names(spec.path), pose)
    points, index = [], 0
    for entry in spec.path:
        count = len(entry) if isinstance(entry, tuple) else 1
        points.append(positions[index : index + count].mean(axis=0))
        index += count
    return np.stack(points)


def path_length_mm(spec: MuscleSpec, pose: Pose) -> float:
    """Origin-to-insertion length along the routed path, tendon tail included."""
    points = control_points(spec, pose)
    if spec.length_tail:
        points = np.concatenate([points, landmark_positions(spec.length_tail, pose)])
    return float(np.linalg.norm(np.diff(points, axis=0), axis=1).sum())


def _profile(spec: MuscleSpec, n_rings: int) -> tuple[np.ndarray, np.ndarray]:
    table = np.asarray(spec.profile, float)
    fraction = np.linspace(0.0, 1.0, n_rings)
    widths = np.interp(fraction, table[:, 0], table[:, 1])
    depths = np.interp(fraction, table[:, 0], table[:, 2])
    for _ in range(4):
        widths[1:-1] = 0.25 * widths[:-2] + 0.5 * widths[1:-1] + 0.25 * widths[2:]
        depths[1:-1] = 0.25 * depths[:-2] + 0.5 * depths[1:-1] + 0.25 * depths[2:]
    return widths, depths


def muscle_shape(spec: MuscleSpec, resolution: float) -> tuple[int, int]:
    """``(n_rings, n_around)`` of a muscle tube at a resolution."""
    return max(12, round(spec.rings * resolution)), max(8, round(MUSCLE_AROUND * resolution))


def sweep_muscle(spec: MuscleSpec, pose: Pose, resolution: float) -> tuple[np.ndarray, np.ndarray]:
    """Points and outward normals of a muscle swept along its path in a pose."""
    n_rings, n_around = muscle_shape(spec, resolution)
    widths, depths = _profile(spec, n_rings)
    centres = resample_path(control_points(spec, pose), n_rings)
    points = tube_points(centres, widths, depths, n_around)
    return points, tube_normals(points, n_rings, n_around)


def fibre_shade(spec: MuscleSpec, resolution: float) -> np.ndarray:
    """A subtle, deterministic light-dark banding across the fibres (0.85..1.0)."""
    n_rings, n_around = muscle_shape(spec, resolution)
    angle = np.linspace(0.0, 2.0 * np.pi, n_around, endpoint=False)
    along = np.linspace(0.0, 1.0, n_rings)
    bands = np.sin(7.0 * angle)[None, :] + 0.5 * np.sin(13.0 * angle + 3.0 * along[:, None])
    shade = 0.925 + 0.05 * bands / 1.5 + 0.02 * np.sin(np.pi * along)[:, None]
    shade = np.clip(shade, 0.85, 1.0).ravel()
    return np.concatenate([[shade[0]], shade, [shade[-1]]]).astype(np.float32)
