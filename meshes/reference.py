"""The reference skeleton: the right-leg bones of Rajagopal et al. (2016).

The bone surfaces and the body tree that places them come from the PyPI
package ``myo-sim`` (MyoSuite's MuJoCo port of the model, Apache-2.0), read at
run time from where it is installed; nothing of it is copied into this
repository, and mujoco itself is never imported.

The model's frames follow OpenSim: metres, x anterior, y up, z to the right,
each bone in its own body frame. This module carries each bone into the atlas
convention (millimetres, +X lateral, +Y anterior, +Z up, origin at the hip
joint centre, standing) with one similarity transform per segment, which maps
the reference's joint centres onto ``meshes.anthropometry``'s: the reference
adult is scaled per segment, the way OpenSim scales a generic model.

References: A. Rajagopal, C. L. Dembia, M. S. DeMers, D. D. Delp, J. L. Hicks,
S. L. Delp, "Full-Body Musculoskeletal Model for Muscle-Driven Simulation of
Human Gait", IEEE Trans. Biomed. Eng. 63(10):2068-2079, 2016. V. Caggiano et
al., "MyoSuite", arXiv:2205.13600, 2022.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pyvista as pv

from meshes.reference_tree import (
    ReferenceModelError,
    body_origins,
    package_dir,
    patella_offset,
    segment_maps,
)

MESH_DIR = Path("models/meshes")


def read_mesh(name: str) -> pv.PolyData:
    """One of the package's STL surfaces, as stored (body frame, metres)."""
    path = package_dir() / MESH_DIR / f"{name}.stl"
    try:
        mesh = pv.read(path)
    except (OSError, ValueError) as error:
        raise ReferenceModelError(f"cannot read the reference bone {path}: {error}") from None
    if mesh.n_cells == 0:
        raise ReferenceModelError(f"the reference bone {path} is empty")
    return mesh.clean()


def _patella_in_pelvis(mesh: pv.PolyData) -> np.ndarray:
    slide, tilt = patella_offset()
    cos, sin = np.cos(tilt), np.sin(tilt)
    about_z = np.array([[cos, -sin, 0.0], [sin, cos, 0.0], [0.0, 0.0, 1.0]])
    return body_origins()["patella_r"] + slide + mesh.points @ about_z.T


def _regions(mesh: pv.PolyData) -> list[pv.PolyData]:
    """The separate shells of a surface (the foot's tarsals and metatarsals, one each)."""
    labelled = mesh.connectivity("all")
    return [
        labelled.extract_values(region, scalars="RegionId").extract_surface(
            algorithm="dataset_surface"
        )
        for region in range(int(labelled["RegionId"].max()) + 1)
    ]


def _placed(mesh: pv.PolyData, points_m: np.ndarray, segment: str) -> pv.PolyData:
    placed = mesh.copy()
    placed.points = segment_maps()[segment].apply(points_m)
    return placed


@lru_cache(maxsize=1)
def reference_bones() -> dict[str, pv.PolyData]:
    """Each atlas bone as the reference's surface, in atlas standing coordinates (mm).

    The calcaneus is the foot mesh's rearmost shell; the rest of the tarsals,
    the metatarsals and the phalanges make up ``foot``.
    """
    bodies = body_origins()
    bones = {}
    for bone, (name, body, segment) in {
        "hip_bone": ("r_pelvis", "pelvis", "pelvis"),
        "femur": ("r_femur", "femur_r", "thigh"),
        "tibia": ("r_tibia", "tibia_r", "shank"),
        "fibula": ("r_fibula", "tibia_r", "shank"),
        "talus": ("r_talus", "talus_r", "foot"),
    }.items():
        mesh = read_mesh(name)
        bones[bone] = _placed(mesh, bodies[body] + mesh.points, segment)
    patella = read_mesh("r_patella")
    bones["patella"] = _placed(patella, _patella_in_pelvis(patella), "patella")
    shells = _regions(read_mesh("r_foot"))
    heel = min(range(len(shells)), key=lambda k: shells[k].center[0])  # rearmost (OpenSim x)
    calcaneus = shells.pop(heel)
    bones["calcaneus"] = _placed(calcaneus, bodies["calcn_r"] + calcaneus.points, "foot")
    toes = read_mesh("r_bofoot")
    rest = pv.merge(shells)
    forefoot = pv.merge(
        [
            _placed(rest, bodies["calcn_r"] + rest.points, "foot"),
            _placed(toes, bodies["toes_r"] + toes.points, "foot"),
        ]
    )
    bones["foot"] = forefoot.extract_surface(algorithm="dataset_surface").clean()
    return bones
