"""Coarse twins of the leg, drawn while the view moves, and posed points written in place.

Under Mesa llvmpipe a frame of the leg pays per vertex (the vertex stage runs
on one core) as well as per pixel: at half size the 76k triangles still cost
about two thirds of the render. So while the view draws its cheap frames
(``interactive_quality.py``) each part's actor draws a twin built at
``COARSE_RESOLUTION`` through a second mapper. The full mesh's mapper keeps its
buffers meanwhile, so switching back uploads nothing; a pose that changes
while the view moves re-poses only the twins (a cheaper re-pose too), and the
full meshes catch up once, before the sharp frame.

Points go into each mesh's own VTK arrays, not new ones: VTK then re-uploads
the vertices of a mesh it already knows, and no wrapper objects are made per
frame.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np
import pyvista as pv
from vtkmodules.util.numpy_support import vtk_to_numpy

from meshes.leg import Leg, build_leg, leg_from_arrays, posed_arrays
from meshes.placement import Placement
from meshes.pose import Pose

#: Mesh density of the twins: half the rings and half the points round each, so about a
#: quarter of the triangles of each swept part and of the bones (~22k for the whole leg).
COARSE_RESOLUTION = 0.5


def build_coarse_leg(pose: Pose) -> Leg:
    """The leg at the twins' density (its bones and skin come from the disk cache after the
    first time, like the full leg's)."""
    return build_leg(pose, COARSE_RESOLUTION)


class PosedLeg:
    """A leg's posed points and normals (about the pelvis), and the ``Leg`` of them on demand.

    A re-pose that only feeds existing meshes needs the arrays; the meshes are made when
    something asks for ``leg`` (the other leg of a movement's setting, an export).
    """

    def __init__(self, leg: Leg) -> None:
        self._leg = leg
        self.pose = leg.pose
        self.resolution = leg.resolution
        self.arrays = {part_id: _arrays_of(mesh) for part_id, mesh in leg.meshes.items()}

    def set_pose(self, pose: Pose) -> None:
        if pose != self.pose:
            self.arrays = posed_arrays(pose, self.resolution)
            self.pose = pose

    @property
    def leg(self) -> Leg:
        if self._leg.pose != self.pose:
            self._leg = leg_from_arrays(self._leg, self.pose, self.arrays)
        return self._leg


def _arrays_of(mesh: pv.PolyData) -> tuple[np.ndarray, np.ndarray | None]:
    normals = mesh.GetPointData().GetArray("Normals")
    points = vtk_to_numpy(mesh.GetPoints().GetData())
    return points, (vtk_to_numpy(normals) if normals is not None else None)


def write_placed(dataset: pv.PolyData, posed: tuple, placement: Placement) -> None:
    """Copy posed ``(points, normals)`` into ``dataset``'s own arrays, carried by ``placement``.

    ``dataset``'s arrays are never shared with the posed ones, so writing moves nothing else.
    """
    points, normals = posed
    target = vtk_to_numpy(dataset.GetPoints().GetData())
    if placement.moved:
        np.matmul(points, placement.rotation, out=target, casting="unsafe")
        target += placement.offset
    else:
        target[:] = points
    dataset.GetPoints().Modified()
    own = dataset.GetPointData().GetArray("Normals")
    if normals is not None and own is not None:
        own_values = vtk_to_numpy(own)
        if placement.moved:
            np.matmul(normals, placement.rotation, out=own_values, casting="unsafe")
        else:
            own_values[:] = normals
        own.Modified()


def own_copy(mesh: pv.PolyData) -> pv.PolyData:
    """A mesh whose points and normals are its own arrays (cells and other arrays shared)."""
    copy = pv.PolyData()
    copy.ShallowCopy(mesh)
    points = mesh.GetPoints().NewInstance()
    points.DeepCopy(mesh.GetPoints())
    copy.SetPoints(points)
    normals = mesh.GetPointData().GetArray("Normals")
    if normals is not None:
        own = normals.NewInstance()
        own.DeepCopy(normals)
        copy.GetPointData().RemoveArray("Normals")
        copy.GetPointData().AddArray(own)
        copy.GetPointData().SetActiveNormals("Normals")
    return copy


def twin_mapper(mapper, mesh: pv.PolyData) -> pv.DataSetMapper:
    """A mapper drawing ``mesh`` exactly as ``mapper`` draws its own (colours, scalars...)."""
    twin = pv.DataSetMapper()
    twin.ShallowCopy(mapper)
    twin.SetInputData(mesh)
    return twin


class CoarseTwins:
    """The coarse leg: posed about the pelvis, and placed in meshes the twins' mappers draw."""

    def __init__(self, posed: Leg, mappers: Mapping[str, object]) -> None:
        self.posed = PosedLeg(posed)
        self.meshes = {part_id: own_copy(posed.meshes[part_id]) for part_id in mappers}
        self.mappers = {p: twin_mapper(mapper, self.meshes[p]) for p, mapper in mappers.items()}
        self.key: Hashable | None = None  # what the placed meshes show: (pose, world)

    def show(self, pose: Pose, transform: np.ndarray, key: Hashable) -> None:
        """Pose and place the twins, unless they already show ``key``."""
        if key == self.key:
            return
        self.posed.set_pose(pose)
        placement = Placement.of(transform)
        for part_id, mesh in self.meshes.items():
            write_placed(mesh, self.posed.arrays[part_id], placement)
        self.key = key

    def triangles(self) -> int:
        return sum(mesh.n_cells for mesh in self.meshes.values())
