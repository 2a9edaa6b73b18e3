"""The reference model's body tree, read from the installed ``myo-sim`` package as XML.

Only the standard library and numpy: ``meshes.frames`` needs the patella's
glide from here, and the command line must not load VTK to get it. The bone
surfaces themselves are read in ``meshes.reference``.
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from meshes.anthropometry import ADULT

PACKAGE = "myo-sim"
CHAIN_FILE = Path("models/leg/assets/myolegs_chain.xml")
ASSETS_FILE = Path("models/leg/assets/myolegs_assets.xml")


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
def patella_coupling() -> dict[str, np.ndarray]:
    """The polynomials (of the knee angle in radians) that move the patella with the knee.

    The model couples the patella to the knee by ``<equality><joint polycoef>``:
    a slide forward (``translation1``, x), a slide up (``translation2``, y) and
    a tilt about the medio-lateral axis (``rotation1``), each a quartic.
    """
    path = package_dir() / ASSETS_FILE
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise ReferenceModelError(f"cannot read the reference model {path}: {error}") from None
    coupling = {}
    for joint in root.iter("joint"):
        name = joint.get("joint1") or ""
        if name.startswith("knee_angle_beta_") and name.endswith("_r"):
            key = name.removeprefix("knee_angle_beta_").removesuffix("_r")
            coupling[key] = np.array([float(c) for c in joint.get("polycoef", "0").split()])
    missing = {"translation1", "translation2", "rotation1"} - set(coupling)
    if missing:
        raise ReferenceModelError(f"{path}: no patella coupling {sorted(missing)}")
    return coupling


#: The coupling polynomials are fitted over the model's knee range, 0 to 120 degrees.
KNEE_FIT_LIMIT_RAD = np.radians(120.0)


def patella_glide_m(knee_rad: float) -> tuple[np.ndarray, float]:
    """The patella's slide (m, OpenSim axes) and tilt (rad) at a knee angle.

    Beyond the fitted range the patella keeps its 120-degree place.
    """
    angle = float(np.clip(knee_rad, 0.0, KNEE_FIT_LIMIT_RAD))
    powers = angle ** np.arange(5)
    value = {key: float(coefficients @ powers[: len(coefficients)])
             for key, coefficients in patella_coupling().items()}  # fmt: skip
    return np.array([value["translation1"], value["translation2"], 0.0]), value["rotation1"]


def patella_offset() -> tuple[np.ndarray, float]:
    """The patella's slide and tilt at knee angle 0: left at zero it would sit in the condyles."""
    return patella_glide_m(0.0)


#: OpenSim axes (x anterior, y up, z right) to the atlas's (X right, Y anterior, Z up).
OSIM_TO_ATLAS = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


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
    thigh = _segment_map((hip, knee), (np.zeros(3), ADULT.knee_centre))
    shank = _segment_map((knee, ankle), (ADULT.knee_centre, ADULT.ankle_centre))
    foot = SegmentMap(ankle, ADULT.ankle_centre, shank.scale * OSIM_TO_ATLAS * 1000.0)
    return {"pelvis": thigh, "thigh": thigh, "patella": thigh, "shank": shank, "foot": foot}
