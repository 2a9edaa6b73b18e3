"""The bones: the reference skeleton's surfaces, refined and smoothed for display.

The reference meshes (``meshes.reference``) are low-polygon: the hip bone has
246 triangles. Each is split once (every triangle into four, which works on
the non-manifold shells the package ships, where VTK's subdivision filters
refuse) and smoothed with a windowed-sinc (Taubin) filter, which rounds the
facets without shrinking the bone or moving its silhouette. The small bones
of the forefoot keep their own triangles, only smoothed: a split would add
more triangles than everything else together.

Preparing the templates takes a few hundred milliseconds, so the result is
kept in the user's cache folder (``meshes.cache``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyvista as pv

from meshes import cache
from meshes.reference import reference_bones

#: The segment each bone moves with.
BONE_SEGMENTS: dict[str, str] = {
    "hip_bone": "pelvis",
    "femur": "thigh",
    "patella": "patella",
    "tibia": "shank",
    "fibula": "shank",
    "talus": "foot",
    "calcaneus": "foot",
    "foot": "foot",
}
#: Bones left unsplit at every resolution (many small shells: toes, metatarsals, tarsals).
UNSPLIT = frozenset({"foot"})
SMOOTHING_ITERATIONS = 30
SMOOTHING_PASS_BAND = 0.08
REPAIR_ROUNDS = 3
MAX_HOLE_EDGES = 200
SLICE_MM = 12.0

Template = tuple[np.ndarray, np.ndarray, np.ndarray]  # points, normals, triangles


def split_triangles(points: np.ndarray, triangles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every triangle into four through its edge midpoints; shared edges share a midpoint."""
    edges = _edges(triangles)
    unique, inverse = np.unique(edges, axis=0, return_inverse=True)
    middle = len(points) + inverse.reshape(-1, 3)
    a, b, c = triangles.T
    ab, bc, ca = middle.T
    split = np.stack(
        [
            np.stack([a, ab, ca], 1),
            np.stack([ab, b, bc], 1),
            np.stack([ca, bc, c], 1),
            np.stack([ab, bc, ca], 1),
        ]
    ).reshape(-1, 3)
    return np.vstack([points, points[unique].mean(axis=1)]), split


def _triangles(mesh: pv.PolyData) -> np.ndarray:
    return mesh.triangulate().faces.reshape(-1, 4)[:, 1:]


def _edges(triangles: np.ndarray) -> np.ndarray:
    """The three edges of every triangle as sorted vertex pairs, triangle by triangle."""
    return np.sort(triangles[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2), axis=1)


def _faces(triangles: np.ndarray) -> np.ndarray:
    return np.hstack([np.full((len(triangles), 1), 3), triangles]).ravel()


def repair(mesh: pv.PolyData) -> pv.PolyData:
    """A closed, manifold, outward surface from a reference shell.

    The package's hip bone and tibia carry duplicated triangles (one copy
    stays), small holes and a few edges shared by three or four triangles.
    Triangles on such edges are dropped, each patch is turned outwards, and
    every hole left is capped; a second round catches what a cap uncovers.
    """
    clean = mesh.clean()
    points, triangles = np.asarray(clean.points, float), _triangles(clean)
    _, first = np.unique(np.sort(triangles, axis=1), axis=0, return_index=True)
    triangles = triangles[np.sort(first)]
    for _ in range(REPAIR_ROUNDS):
        edges = _edges(triangles)
        _, inverse, counts = np.unique(edges, axis=0, return_inverse=True, return_counts=True)
        non_manifold = (counts[inverse] > 2).reshape(-1, 3).any(axis=1)
        triangles = face_outwards(points, triangles[~non_manifold])
        points, triangles = close_holes(points, triangles)
        if not non_manifold.any():
            break
    return pv.PolyData(points, _faces(triangles))


def close_holes(points: np.ndarray, triangles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cap every simple open loop of edges with a fan round its centre.

    The caps follow the surface's winding: a border edge runs one way, its cap the other.
    """
    directed = triangles[:, [0, 1, 1, 2, 2, 0]].reshape(-1, 2)
    present = {tuple(edge) for edge in directed.tolist()}
    following = {b: a for a, b in directed.tolist() if (b, a) not in present}
    caps, extra = [], []
    while following:
        start = next(iter(following))
        loop, vertex = [start], following.pop(start)
        while vertex != start and vertex in following and len(loop) < MAX_HOLE_EDGES:
            loop.append(vertex)
            vertex = following.pop(vertex)
        if vertex != start or len(loop) < 3:
            continue  # not a simple loop: leave it for the next round
        centre = len(points) + len(extra)
        extra.append(points[loop].mean(axis=0))
        caps += [(loop[k], loop[(k + 1) % len(loop)], centre) for k in range(len(loop))]
    if not caps:
        return points, triangles
    return np.vstack([points, extra]), np.vstack([triangles, np.array(caps)])


def _patches(triangles: np.ndarray) -> np.ndarray:
    """A label per triangle: triangles joined through edges that exactly two of them share.

    VTK orients each such patch consistently but cannot carry the orientation
    across a non-manifold edge, so each patch is turned outwards on its own.
    """
    edges = _edges(triangles)
    owner = np.repeat(np.arange(len(triangles)), 3)
    _, inverse, counts = np.unique(edges, axis=0, return_inverse=True, return_counts=True)
    shared = counts[inverse] == 2
    order = np.argsort(inverse[shared], kind="stable")
    pairs = owner[shared][order].reshape(-1, 2)
    labels = np.arange(len(triangles))
    while True:
        lowest = np.minimum(labels[pairs[:, 0]], labels[pairs[:, 1]])
        before = labels.copy()
        np.minimum.at(labels, pairs[:, 0], lowest)
        np.minimum.at(labels, pairs[:, 1], lowest)
        labels = labels[labels]  # jump to each label's own label: converges in few rounds
        if np.array_equal(labels, before):
            return labels


def face_outwards(points: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """Triangles re-wound so each patch faces away from the bone's middle at its height.

    "Outwards" for a patch is where its area-weighted normals point, measured
    from the centre of the bone's points level with each triangle (within
    ``SLICE_MM``): right for long bones and for the compact ones alike.
    """
    corners = points[triangles]
    normals = np.cross(corners[:, 1] - corners[:, 0], corners[:, 2] - corners[:, 0])
    centres = corners.mean(axis=1)
    level = np.abs(centres[:, None, 2] - points[None, :, 2]) < SLICE_MM
    middle = (level[:, :, None] * points[None]).sum(1) / np.maximum(level.sum(1), 1)[:, None]
    facing = np.einsum("ij,ij->i", normals, centres - middle)
    labels = _patches(triangles)
    score = np.zeros(len(triangles))
    np.add.at(score, labels, facing)
    inward = score[labels] < 0
    wound = triangles.copy()
    wound[inward] = wound[inward][:, ::-1]
    return wound


def prepare_bone(mesh: pv.PolyData, split: bool) -> Template:
    """Smooth display surface of one reference bone, with outward point normals."""
    mesh = repair(mesh)
    points, triangles = np.asarray(mesh.points, float), _triangles(mesh)
    if split:
        points, triangles = split_triangles(points, triangles)
    smooth = pv.PolyData(points, _faces(triangles)).smooth_taubin(
        n_iter=SMOOTHING_ITERATIONS,
        pass_band=SMOOTHING_PASS_BAND,
        non_manifold_smoothing=True,
    )
    normals = smooth.compute_normals(
        cell_normals=False, split_vertices=False, consistent_normals=False
    )
    return (
        np.asarray(normals.points, np.float32),
        np.asarray(normals.point_data["Normals"], np.float32),
        _triangles(normals).astype(np.int32),
    )


@lru_cache(maxsize=8)
def bone_templates(resolution: float) -> dict[str, Template]:
    """Standing ``(points, normals, triangles)`` of every bone; split at resolution >= 1."""

    def prepare() -> dict[str, np.ndarray]:
        bones = reference_bones()
        arrays = {}
        for bone in BONE_SEGMENTS:
            split = resolution >= 1.0 and bone not in UNSPLIT
            points, normals, triangles = prepare_bone(bones[bone], split)
            arrays |= {
                f"{bone}/points": points,
                f"{bone}/normals": normals,
                f"{bone}/tri": triangles,
            }
        return arrays

    arrays = cache.cached("bones", resolution, prepare)
    templates = {}
    for bone in BONE_SEGMENTS:
        template = (arrays[f"{bone}/points"], arrays[f"{bone}/normals"], arrays[f"{bone}/tri"])
        for array in template:
            array.setflags(write=False)
        templates[bone] = template
    return templates
