"""The posable leg: every part as a ``pyvista.PolyData`` for one pose.

``build_leg`` makes the meshes; ``repose`` moves them to another pose keeping
each mesh's topology (same points count, same faces), so a viewer can copy the
new points into the actors it already has. Faces, bone templates and the skin
template are cached per resolution; a re-pose is rigid transforms for bones
and vectorised sweeps for muscles and skin.

Example
-------
>>> leg = build_leg(Pose(knee_flexion=90))
>>> sorted(leg.meshes)[:2]
['biceps_femoris.long_head', 'biceps_femoris.short_head']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pyvista as pv

from meshes.bones import BONE_SEGMENTS, bone_templates
from meshes.frames import frame_transform
from meshes.muscles import MUSCLES, fibre_shade, muscle_shape, path_length_mm, sweep_muscle
from meshes.parts import PARTS
from meshes.pose import STANDING, Pose
from meshes.skin import skin_points, skin_shape
from meshes.sweep import tube_faces

#: Muscle part ids whose path length is reported, in display order.
LENGTH_IDS: tuple[str, ...] = tuple(part.id for part in PARTS if part.kind == "muscle")


def path_lengths_mm(pose: Pose) -> dict[str, float]:
    """Origin-to-insertion path length (mm) of every muscle part in a pose; no sweeping.

    Example
    -------
    >>> lengths = path_lengths_mm(Pose(knee_flexion=90))
    >>> lengths["semitendinosus"] < path_lengths_mm(STANDING)["semitendinosus"]
    True
    """
    return {part_id: path_length_mm(MUSCLES[part_id], pose) for part_id in LENGTH_IDS}


@dataclass
class Leg:
    """Meshes of every part (in ``meshes.parts.PARTS`` order) for one pose."""

    pose: Pose
    resolution: float
    meshes: dict[str, pv.PolyData] = field(repr=False)

    def path_lengths_mm(self) -> dict[str, float]:
        return path_lengths_mm(self.pose)


@lru_cache(maxsize=8)
def _faces(resolution: float) -> dict[str, np.ndarray]:
    """VTK face arrays per part; shared by every pose at one resolution."""
    faces = {}
    for part_id, spec in MUSCLES.items():
        faces[part_id] = tube_faces(*muscle_shape(spec, resolution))
    for bone, (_, _, triangles) in bone_templates(resolution).items():
        flat = np.hstack([np.full((len(triangles), 1), 3), triangles]).ravel()
        flat.setflags(write=False)
        faces[bone] = flat
    faces["skin"] = tube_faces(*skin_shape(resolution))
    return faces


def _part_arrays(part_id: str, pose: Pose, resolution: float) -> tuple[np.ndarray, np.ndarray]:
    if part_id in MUSCLES:
        return sweep_muscle(MUSCLES[part_id], pose, resolution)
    if part_id == "skin":
        return skin_points(pose, resolution)
    points, normals, _ = bone_templates(resolution)[part_id]
    transform = frame_transform(BONE_SEGMENTS[part_id], pose)
    rotation = transform[:3, :3]
    return points @ rotation.T + transform[:3, 3], normals @ rotation.T


def _mesh(points: np.ndarray, normals: np.ndarray, faces: np.ndarray) -> pv.PolyData:
    mesh = pv.PolyData(np.ascontiguousarray(points, dtype=np.float32), faces)
    mesh.point_data["Normals"] = np.ascontiguousarray(normals, dtype=np.float32)
    return mesh


def _check_resolution(resolution: float) -> float:
    resolution = float(resolution)
    if not 0.25 <= resolution <= 4.0:
        raise ValueError(f"resolution = {resolution:g} is outside 0.25..4")
    return resolution


def build_leg(pose: Pose = STANDING, resolution: float = 1.0) -> Leg:
    """Build every part of the leg in a pose; ``resolution`` scales mesh density."""
    if not isinstance(pose, Pose):
        raise TypeError(f"pose must be a Pose, got {type(pose).__name__}")
    resolution = _check_resolution(resolution)
    faces = _faces(resolution)
    meshes: dict[str, pv.PolyData] = {}
    for part in PARTS:
        points, normals = _part_arrays(part.id, pose, resolution)
        mesh = _mesh(points, normals, faces[part.id])
        if part.id in MUSCLES and part.kind == "muscle":
            mesh.point_data["shade"] = fibre_shade(MUSCLES[part.id], resolution)
        meshes[part.id] = mesh
    return Leg(pose, resolution, meshes)


def repose(leg: Leg, pose: Pose) -> Leg:
    """The same leg in another pose: new points and normals, identical topology.

    The returned meshes share their face arrays (and the ``shade`` array) with
    ``leg``'s, so copying ``mesh.points`` into an existing actor is enough.
    """
    if not isinstance(pose, Pose):
        raise TypeError(f"pose must be a Pose, got {type(pose).__name__}")
    faces = _faces(leg.resolution)
    meshes: dict[str, pv.PolyData] = {}
    for part_id, old in leg.meshes.items():
        points, normals = _part_arrays(part_id, pose, leg.resolution)
        mesh = _mesh(points, normals, faces[part_id])
        if "shade" in old.point_data:
            mesh.point_data["shade"] = old.point_data["shade"]
        meshes[part_id] = mesh
    return Leg(pose, leg.resolution, meshes)
