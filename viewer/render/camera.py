"""Camera framing: fit a box snugly in view from a named direction.

VTK's own ``reset_camera`` fits the bounding sphere, which leaves a tall,
thin leg small in a wide window; these functions fit the box as the camera
sees it. They move a VTK camera and know nothing of the state, the leg or Qt,
so the window, the motion framing and the off-screen export share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pyvista as pv

FRAME_MARGIN = 1.08  # room around the framed box, as a factor of its half size

Bounds = Sequence[float]  # (xmin, xmax, ymin, ymax, zmin, zmax)


def box_corners(bounds: Bounds) -> np.ndarray:
    """The eight corners of a (xmin, xmax, ymin, ymax, zmin, zmax) box."""
    return np.array([(x, y, z) for x in bounds[0:2] for y in bounds[2:4] for z in bounds[4:6]])


def union_bounds(boxes: Iterable[Bounds]) -> np.ndarray:
    """The box around several boxes."""
    array = np.array(list(boxes), dtype=float)
    bounds = np.empty(6)
    bounds[0::2] = array[:, 0::2].min(axis=0)
    bounds[1::2] = array[:, 1::2].max(axis=0)
    return bounds


def frame(
    renderer: pv.Renderer,
    bounds: Bounds,
    direction: Sequence[float] | None = None,
    up: Sequence[float] | None = None,
    window_size: tuple[int, int] = (1, 1),
    reserve_bottom: float = 0.0,
) -> None:
    """Point the renderer's camera at ``bounds``, optionally from a new direction.

    ``reserve_bottom`` is the fraction of the view kept free along the bottom
    (for the stretch map's colour bar): the view is made taller and shifted down.
    """
    camera = renderer.camera  # pyvista's camera: its setters mark it set, so no reset follows
    if direction is None:
        direction = np.subtract(camera.position, camera.focal_point)
        up = camera.up
    direction = np.asarray(direction, dtype=float) / np.linalg.norm(direction)
    up = np.asarray(up, dtype=float)
    up = up - direction * (up @ direction)
    up /= np.linalg.norm(up)
    right = np.cross(direction, up)
    corners = box_corners(bounds)
    centre = corners.mean(axis=0)
    half_width = np.abs((corners - centre) @ right).max()
    half_height = np.abs((corners - centre) @ up).max()
    half_depth = np.abs((corners - centre) @ direction).max()
    width, height = window_size
    aspect = width / height if width > 1 and height > 1 else 1.0  # not laid out yet
    half_angle = np.radians(camera.view_angle) / 2
    needed = max(half_height, half_width / aspect) * FRAME_MARGIN
    if reserve_bottom:
        taller = needed / (1.0 - reserve_bottom)
        centre = centre + up * (needed - taller)
        needed = taller
    distance = needed / np.tan(half_angle) + half_depth
    camera.focal_point = tuple(centre)
    camera.position = tuple(centre + direction * distance)
    camera.up = tuple(up)
    renderer.reset_camera_clipping_range()


def rotate(renderer: pv.Renderer, azimuth_deg: float = 0.0, elevation_deg: float = 0.0) -> None:
    """Turn the camera about the focal point (the arrow keys)."""
    camera = renderer.camera
    camera.Azimuth(azimuth_deg)
    camera.Elevation(elevation_deg)
    camera.OrthogonalizeViewUp()
    renderer.reset_camera_clipping_range()
