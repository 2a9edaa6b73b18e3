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
from vtkmodules.util.numpy_support import numpy_to_vtk
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray

from meshes.bones import BONE_SEGMENTS, bone_templates
from meshes.foot_skin import foot_skin_shape
from meshes.frames import frame_transform
from meshes.muscles import (  # path_lengths_mm: re-exported, the length of every muscle part
    MUSCLES,
    fibre_shade,
    muscle_shape,
    path_lengths_mm,
    sweep_muscles,
)
from meshes.parts import PARTS
from meshes.pose import STANDING, Pose
from meshes.skin import skin_points, skin_shape
from meshes.skin_junction import joined_foot_skin_points
from meshes.sweep import tube_faces


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
    faces["skin"] = _skin_faces(resolution)
    return faces


def _skin_faces(resolution: float) -> np.ndarray:
    """The leg's skin tube then the foot's, as one part: the foot's indices follow the leg's."""
    leg_shape = skin_shape(resolution)
    foot = tube_faces(*foot_skin_shape(resolution)).reshape(-1, 4).copy()
    foot[:, 1:] += leg_shape[0] * leg_shape[1] + 2
    faces = np.concatenate([tube_faces(*leg_shape), foot.ravel()])
    faces.setflags(write=False)
    return faces


@lru_cache(maxsize=8)
def _cells(resolution: float) -> dict[str, vtkCellArray]:
    """One ``vtkCellArray`` per part, shared by every mesh of that part at one resolution."""
    return {
        part_id: pv.PolyData(np.zeros((1, 3)), faces).GetPolys()
        for part_id, faces in _faces(resolution).items()
    }


def _part_arrays(pose: Pose, resolution: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Points and normals of every part in a pose: one muscle batch, rigid bones, the skin."""
    arrays = sweep_muscles(pose, resolution)
    for bone, (points, normals, _) in bone_templates(resolution).items():
        transform = frame_transform(BONE_SEGMENTS[bone], pose)
        rotation = transform[:3, :3]
        arrays[bone] = (points @ rotation.T + transform[:3, 3], normals @ rotation.T)
    muscles = np.concatenate([arrays[part_id][0] for part_id in MUSCLES])
    leg_skin = skin_points(pose, resolution, muscles)
    foot_skin = joined_foot_skin_points(pose, resolution)
    arrays["skin"] = (
        np.concatenate([leg_skin[0], foot_skin[0]]),
        np.concatenate([leg_skin[1], foot_skin[1]]),
    )
    return arrays


def _vtk_array(values: np.ndarray, name: str | None = None):
    # A fresh single-precision copy is made here anyway, so VTK wraps it without copying again
    # (the wrapper keeps the array alive).
    array = numpy_to_vtk(np.array(values, dtype=np.float32, order="C"), deep=False)
    if name:
        array.SetName(name)
    return array


def _mesh(points: np.ndarray, normals: np.ndarray, cells: vtkCellArray) -> pv.PolyData:
    """A triangle mesh on shared cells; built with plain VTK calls (a re-pose makes 16)."""
    vtk_points = vtkPoints()
    vtk_points.SetData(_vtk_array(points))
    mesh = pv.PolyData()
    mesh.SetPoints(vtk_points)
    mesh.SetPolys(cells)
    mesh.GetPointData().AddArray(_vtk_array(normals, "Normals"))
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
    cells = _cells(resolution)
    arrays = _part_arrays(pose, resolution)
    meshes: dict[str, pv.PolyData] = {}
    for part in PARTS:
        mesh = _mesh(*arrays[part.id], cells[part.id])
        if part.kind == "muscle":
            mesh.GetPointData().AddArray(
                _vtk_array(fibre_shade(MUSCLES[part.id], resolution), "shade")
            )
        meshes[part.id] = mesh
    return Leg(pose, resolution, meshes)


def repose(leg: Leg, pose: Pose) -> Leg:
    """The same leg in another pose: new points and normals, identical topology.

    The returned meshes share their cell arrays (and the ``shade`` array) with
    ``leg``'s, so copying ``mesh.points`` into an existing actor is enough.
    """
    if not isinstance(pose, Pose):
        raise TypeError(f"pose must be a Pose, got {type(pose).__name__}")
    return leg_from_arrays(leg, pose, posed_arrays(pose, leg.resolution))


def posed_arrays(pose: Pose, resolution: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each part's points and normals in ``pose``, without making meshes: what a view that
    writes into meshes it already has needs from a re-pose (``repose`` makes meshes of them)."""
    return _part_arrays(pose, _check_resolution(resolution))


def leg_from_arrays(leg: Leg, pose: Pose, arrays: dict[str, tuple[np.ndarray, np.ndarray]]) -> Leg:
    """``leg`` with ``arrays`` (from ``posed_arrays`` at its resolution) as points and normals."""
    cells = _cells(leg.resolution)
    meshes: dict[str, pv.PolyData] = {}
    for part_id, old in leg.meshes.items():
        mesh = _mesh(*arrays[part_id], cells[part_id])
        shade = old.GetPointData().GetArray("shade")
        if shade is not None:
            mesh.GetPointData().AddArray(shade)
        meshes[part_id] = mesh
    return Leg(pose, leg.resolution, meshes)
