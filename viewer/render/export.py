"""Off-screen rendering of the atlas to an image file, for the GUI and the CLI.

Both paths build the same ``LegScene`` into an off-screen plotter (EGL when
there is no display), render it larger than asked and shrink it
(supersampling, the anti-aliasing the interactive view cannot afford), then
write the file atomically: to a temporary file beside the target, renamed
over it only once complete, so a failure never leaves a partial image.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

from viewer.model.atomic import atomic_write
from viewer.model.pins import Pin
from viewer.model.state import AtlasState
from viewer.render import deferred_modules
from viewer.render.gl_window import use_egl_without_display
from viewer.render.style import style_for_export

if TYPE_CHECKING:
    from meshes.leg import Leg

IMAGE_FORMATS: dict[str, str] = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".tif": "TIFF"}
IMAGE_FORMATS[".tiff"] = "TIFF"
MAX_SIDE_PX = 8192
#: Render at this many times the size and shrink, for smooth edges.
SUPERSAMPLE = 2
#: Supersampling stops once the render would exceed this many pixels (a 4K frame): past
#: it, pixels are small enough for jaggies to vanish, and software rendering time and
#: memory grow with the pixel count.
MAX_RENDER_PIXELS = 3840 * 2160


class ExportError(Exception):
    """An export that could not be done; the message is one line for a person."""


@dataclass(frozen=True)
class CameraPose:
    position: tuple[float, float, float]
    focal_point: tuple[float, float, float]
    up: tuple[float, float, float]
    view_angle: float = 30.0

    @classmethod
    def of(cls, camera) -> CameraPose:
        return cls(
            tuple(camera.position), tuple(camera.focal_point), tuple(camera.up), camera.view_angle
        )


def image_format(path: Path) -> str:
    """Pillow format name from the extension, or ExportError listing the valid ones."""
    try:
        return IMAGE_FORMATS[path.suffix.lower()]
    except KeyError:
        valid = ", ".join(sorted(IMAGE_FORMATS))
        raise ExportError(f"{path.name}: unknown image type; use one of {valid}") from None


def check_size(width: int, height: int) -> None:
    if not (1 <= width <= MAX_SIDE_PX and 1 <= height <= MAX_SIDE_PX):
        raise ExportError(f"size {width}x{height} is out of range 1..{MAX_SIDE_PX} per side")


def render_image(
    state: AtlasState,
    size: tuple[int, int],
    name_of: Callable[[str], str],
    camera: CameraPose | None = None,
    transparent: bool = False,
    leg: Leg | None = None,
    style: str | None = None,
    label_px: int | None = None,
    scale: int = 1,
    pins: Sequence[Pin] = (),
    pin_notes: bool = True,
) -> np.ndarray:
    """Render the state off-screen; returns an (height, width, 3 or 4) uint8 array.

    Labels, leader lines and the colour bar grow with the picture (see
    ``viewer.render.style``); ``style`` is "dark" or "light" (light by default
    when ``transparent``), ``label_px`` the label text height in the picture.
    ``scale`` says the picture is a ``size / scale`` one drawn ``scale`` times
    finer: everything in it, text included, is ``scale`` times larger.
    ``pins`` are drawn as the window draws them; a worksheet leaves out their notes.
    """
    use_egl_without_display()
    # Imported after the EGL choice above: VTK reads it when its render window is made,
    # and the command line should not pay for VTK before a usage error is reported.
    deferred_modules.defer()  # matplotlib.pyplot, which pyvista imports and no export uses
    import pyvista as pv  # noqa: PLC0415

    from meshes.leg import build_leg  # noqa: PLC0415
    from viewer.render.pins import PinLayer  # noqa: PLC0415
    from viewer.render.scene import LegScene  # noqa: PLC0415

    width, height = size
    check_size(width, height)
    factor = supersample_factor(width, height)
    overlay = style_for_export(width // scale, height // scale, style, transparent)
    label_px = label_px or overlay.label_px * scale
    # Drawn ``factor`` times larger, then shrunk: the overlay grows by the same factor.
    overlay = replace(overlay, scale=overlay.scale * scale * factor, label_px=label_px * factor)
    plotter = pv.Plotter(off_screen=True, window_size=(width * factor, height * factor))
    try:
        plotter.disable_anti_aliasing()
        scene = LegScene(
            plotter,
            state.model_copy(deep=True),
            leg or build_leg(state.pose),
            name_of=name_of,
            style=overlay,
        )
        if transparent:
            # A gradient would ignore the alpha channel; edges blend towards this colour.
            plotter.set_background(overlay.background or "black")
        if camera is not None:
            plotter.camera.position = camera.position
            plotter.camera.focal_point = camera.focal_point
            plotter.camera.up = camera.up
            plotter.camera.view_angle = camera.view_angle
            plotter.renderer.reset_camera_clipping_range()
        scene.update_labels()  # labels face the final camera
        if pins:
            # Callouts keep clear of the labels', laid out first before each render.
            obstacles = lambda: scene.label_boxes().values()  # noqa: E731
            layer = PinLayer(plotter, overlay.scale, pin_notes, obstacles=obstacles)
            layer.show(pins, scene.leg, scene.visible_parts())
        image = plotter.screenshot(transparent_background=transparent, return_img=True)
    finally:
        plotter.close()
    if factor > 1:
        image = _shrink(image, factor)
    return image


def supersample_factor(width: int, height: int) -> int:
    """How many times larger to render: 2 for ordinary sizes, 1 for very large ones."""
    factor = SUPERSAMPLE
    while factor > 1 and (width * factor) * (height * factor) > MAX_RENDER_PIXELS:
        factor -= 1
    return factor


def _shrink(image: np.ndarray, factor: int) -> np.ndarray:
    """Box-filter downsampling by an integer factor (Pillow's C ``reduce``: fast, exact mean)."""
    return np.asarray(Image.fromarray(image).reduce(factor))


def write_image(image: np.ndarray, path: Path) -> Path:
    """Write atomically; ExportError (and no file left behind) when that fails."""
    path = Path(path)
    fmt = image_format(path)
    if fmt == "JPEG" and image.shape[2] == 4:
        image = image[:, :, :3]
    try:
        options = {"compress_level": 1} if fmt == "PNG" else {}  # fast; files ~10 % larger
        return atomic_write(
            path, lambda stream: Image.fromarray(image).save(stream, format=fmt, **options)
        )
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None


def export_screenshot(
    state: AtlasState,
    path: Path,
    size: tuple[int, int],
    name_of: Callable[[str], str],
    camera: CameraPose | None = None,
    transparent: bool = False,
    style: str | None = None,
    label_px: int | None = None,
    scale: int = 1,
    pins: Sequence[Pin] = (),
) -> Path:
    """Render and write in one go; checks the file name before spending time rendering."""
    path = Path(path)
    if transparent and image_format(path) != "PNG":
        raise ExportError("a transparent background needs a .png file")
    image_format(path)
    image = render_image(
        state, size, name_of, camera, transparent, style=style, label_px=label_px, pins=pins
    )
    return write_image(image, path)
