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

import importlib.util
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyvista as pv

from meshes.anthropometry import ADULT
from meshes.frames import HIP_CENTRE

PACKAGE = "myo-sim"
CHAIN_FILE = Path("models/leg/assets/myolegs_chain.xml")
ASSETS_FILE = Path("models/leg/assets/myolegs_assets.xml")
MESH_DIR = Path("models/meshes")

#: OpenSim axes (x anterior, y up, z right) to the atlas's (X right, Y anterior, Z up).
OSIM_TO_ATLAS = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


class ReferenceModelError(RuntimeError):
    """The reference model is missing or unreadable; the message says how to fix it."""


@lru_cache(maxsize=1)
def package_dir() -> Path:
    """Where ``myo_sim`` is installed (found without importing it)."""
    spec = importlib.util.find_spec("myo_sim")
    if spec is None or not spec.submodule_search_locations:
        raise ReferenceModelError(
            f"the reference bone model is missing: install it with `pip install {PACKAGE}`"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _vector(text: str | None) -> np.ndarray:
    return np.array([float(value) for value in (text or "0 0 0").split()])


@lru_cache(maxsize=1)
def body_origins() -> dict[str, np.ndarray]:
    """Origin of every body in the pelvis frame (OpenSim axes, metres), all joints at zero.

    The right-leg bodies carry no rotation in the chain file, so an origin is
    the sum of the ``pos`` of the body and its ancestors.
    """
    path = package_dir() / CHAIN_FILE
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise ReferenceModelError(f"cannot read the reference model {path}: {error}") from None
    origins: dict[str, np.ndarray] = {}

    def walk(element, origin: np.ndarray) -> None:
        for body in element.findall("body"):
            here = origin + _vector(body.get("pos"))
            origins[body.get("name")] = here
            walk(body, here)

    pelvis = root.find(".//body[@name='pelvis']")
    if pelvis is None:
        raise ReferenceModelError(f"{path}: no pelvis body")
    origins["pelvis"] = np.zeros(3)
    walk(pelvis, np.zeros(3))
    return origins


@lru_cache(maxsize=1)
def patella_offset() -> tuple[np.ndarray, float]:
    """The patella's slide (m) and tilt (rad) at knee angle 0.

    The model couples the patella to the knee by polynomials of the knee
    angle (``<equality><joint polycoef>``); at 0 each is its constant term.
    Left at zero the patella would sit inside the condyles.
    """
    path = package_dir() / ASSETS_FILE
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise ReferenceModelError(f"cannot read the reference model {path}: {error}") from None
    constant = {}
    for joint in root.iter("joint"):
        name = joint.get("joint1") or ""
        if name.startswith("knee_angle_beta_") and name.endswith("_r"):
            constant[name] = float(joint.get("polycoef", "0").split()[0])
    try:
        slide = np.array(
            [
                constant["knee_angle_beta_translation1_r"],
                constant["knee_angle_beta_translation2_r"],
                0.0,
            ]
        )
        return slide, constant["knee_angle_beta_rotation1_r"]
    except KeyError as error:
        raise ReferenceModelError(f"{path}: no patella coupling {error}") from None


@dataclass(frozen=True)
class SegmentMap:
    """Reference pelvis frame (m) -> atlas standing frame (mm): ``atlas = centre + A @ (x - P)``."""

    reference_joint: np.ndarray
    atlas_joint: np.ndarray
    matrix: np.ndarray  # rotation x uniform scale x axis change x 1000

    def apply(self, points_m: np.ndarray) -> np.ndarray:
        return self.atlas_joint + (np.asarray(points_m) - self.reference_joint) @ self.matrix.T

    @property
    def scale(self) -> float:
        return float(np.cbrt(np.linalg.det(self.matrix)) / 1000.0)


def _x_rotation(angle: float) -> np.ndarray:
    cos, sin = np.cos(angle), np.sin(angle)
    return np.array([[1.0, 0.0, 0.0], [0.0, cos, -sin], [0.0, sin, cos]])


def _segment_map(
    reference: tuple[np.ndarray, np.ndarray], atlas: tuple[np.ndarray, np.ndarray]
) -> SegmentMap:
    """Scale and turn (about the medio-lateral axis only) so both joints land on the atlas's."""
    proximal, distal = reference
    step = OSIM_TO_ATLAS @ (distal - proximal) * 1000.0
    target = atlas[1] - atlas[0]
    scale = np.linalg.norm(target) / np.linalg.norm(step)
    turn = np.arctan2(target[1], -target[2]) - np.arctan2(step[1], -step[2])
    matrix = scale * _x_rotation(-turn) @ OSIM_TO_ATLAS * 1000.0
    return SegmentMap(proximal, atlas[0], matrix)


@lru_cache(maxsize=1)
def segment_maps() -> dict[str, SegmentMap]:
    """One map per atlas segment: pelvis and thigh scale hip-to-knee, shank knee-to-ankle.

    The foot keeps the shank's scale and is only moved, so its sole stays level.
    """
    bodies = body_origins()
    hip, knee, ankle = bodies["femur_r"], bodies["tibia_r"], bodies["talus_r"]
    thigh = _segment_map((hip, knee), (HIP_CENTRE, ADULT.knee_centre))
    shank = _segment_map((knee, ankle), (ADULT.knee_centre, ADULT.ankle_centre))
    foot = SegmentMap(ankle, ADULT.ankle_centre, shank.scale * OSIM_TO_ATLAS * 1000.0)
    return {"pelvis": thigh, "thigh": thigh, "patella": thigh, "shank": shank, "foot": foot}


def reference_point(body: str, local_m, segment: str) -> np.ndarray:
    """A point given in a reference body's frame (m), in atlas standing coordinates (mm).

    How the model's muscle sites become atlas landmarks.
    """
    return segment_maps()[segment].apply(body_origins()[body] + np.asarray(local_m, float))


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
