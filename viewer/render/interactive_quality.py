"""Cheaper frames while the view moves, and one full-quality frame when it stops.

Under software OpenGL (Mesa llvmpipe) a frame's cost grows with the pixels
drawn: the leg at 1280x800 takes two to three times as long as at 640x400.
So while a drag turns the camera or a pose slider moves, the render window
draws at a fraction of the view's size and the widget's blit stretches the
picture over the whole view: softer, but every part keeps its place, colour
and outline, so nothing jumps when the sharp frame comes back. When the last
reason for moving ends, the full size returns and exactly one render is asked
for (none if no cheap frame was ever shown, e.g. a plain click).

Pixel-sized things must keep their size on screen: text is drawn at the
render window's DPI, so the DPI is scaled with the picture; line widths,
point sizes and caption offsets of 2D actors are scaled here and put back
exactly; overlays that lay themselves out in pixels (the labels) are told the
scale through ``on_scale``, which is also when the scene swaps in its coarse
twins (``detail.py``): a frame's cost under llvmpipe grows with its vertices
as well as its pixels. Mouse positions handed to VTK and to the picker
must be multiplied by ``scale`` too (the interactor does that).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from vtkmodules.vtkRenderingAnnotation import vtkCaptionActor2D
from vtkmodules.vtkRenderingCore import vtkActor2D, vtkRenderWindow, vtkTextActor

#: Fraction of the view's width and height drawn while the view moves. Half the size
#: is a quarter of the pixels; measured under llvmpipe at 1280x800 it halves the render.
INTERACTIVE_SCALE = 0.5
#: How long the pose and the camera must rest, after the last frame that moved them,
#: before the view counts as still again and draws its sharp frame.
SETTLE_S = 0.15


def reduced_size(size: tuple[int, int], scale: float) -> tuple[int, int]:
    """The render window's size while moving: ``size`` times ``scale``, at least 1x1."""
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def scaled_dpi(dpi: int, scale: float) -> int:
    return max(1, round(dpi * scale))


class InteractiveQuality:
    """Reasons to draw cheaply (``"drag"``, ``"pose"``, ``"wheel"``...) and the switch they drive.

    ``begin`` and ``end`` may be called in any number; the cheap mode lasts while
    at least one reason is open. ``frame_drawn`` must be called for every frame
    shown, so that ``end`` knows whether a sharp frame is owed.
    """

    def __init__(
        self,
        render_window: vtkRenderWindow,
        request_render: Callable[[], None],
        scale: float = INTERACTIVE_SCALE,
        on_scale: Callable[[float], None] | None = None,
    ) -> None:
        if not 0.0 < scale <= 1.0:
            raise ValueError(f"the interactive scale must be in (0, 1], not {scale}")
        self._window = render_window
        self._request_render = request_render
        self._interactive_scale = scale
        self._on_scale = on_scale or (lambda _scale: None)
        self._reasons: set[str] = set()
        self._full_size: tuple[int, int] | None = None
        self._full_dpi: int | None = None
        self._saved_2d: dict = {}  # 2D actor -> its pixel sizes when sharp
        self._cheap_frame_shown = False
        self.still_frames_requested = 0  # sharp frames asked for on leaving the cheap mode

    # -- state ------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return bool(self._reasons)

    @property
    def reasons(self) -> frozenset[str]:
        return frozenset(self._reasons)

    @property
    def full_size(self) -> tuple[int, int] | None:
        """The render window's size when sharp, while cheap frames are drawn; else None."""
        return self._full_size

    @property
    def scale(self) -> float:
        """Render pixels per view pixel right now (1.0 when still)."""
        return self._interactive_scale if self._reasons else 1.0

    # -- the switch -------------------------------------------------------------------------
    def begin(self, reason: str) -> None:
        was_active = self.active
        self._reasons.add(reason)
        if not was_active and self._interactive_scale < 1.0:
            self._apply_reduced()

    def end(self, reason: str) -> None:
        if reason not in self._reasons:
            return
        self._reasons.discard(reason)
        if self._reasons:
            return
        if self._interactive_scale < 1.0:
            self._restore_full()
        if self._cheap_frame_shown:
            self._cheap_frame_shown = False
            self.still_frames_requested += 1
            self._request_render()

    def end_all(self) -> None:
        """Leave the cheap mode now, whatever is open (before a pick or an export)."""
        for reason in list(self._reasons):
            self.end(reason)

    def frame_drawn(self) -> None:
        """Call as a frame starts: notes the cheap frame, and scales 2D actors added since
        (pins redrawn on a pose step are made at full size)."""
        if self._reasons:
            self._cheap_frame_shown = True
            if self._full_size is not None:
                self._scale_new_props()

    def resized(self) -> None:
        """The view set the render window's full size and DPI; keep them and draw cheaply again."""
        if self._full_size is None:
            return
        self._full_size = tuple(self._window.GetSize())
        self._full_dpi = self._window.GetDPI()
        self._window.SetSize(*reduced_size(self._full_size, self._interactive_scale))
        self._window.SetDPI(scaled_dpi(self._full_dpi, self._interactive_scale))

    # -- what changes -----------------------------------------------------------------------
    def _apply_reduced(self) -> None:
        scale = self._interactive_scale
        self._full_size = tuple(self._window.GetSize())
        self._full_dpi = self._window.GetDPI()
        self._window.SetSize(*reduced_size(self._full_size, scale))
        self._window.SetDPI(scaled_dpi(self._full_dpi, scale))
        self._saved_2d = {}
        self._scale_new_props()
        self._on_scale(scale)

    def _scale_new_props(self) -> None:
        for prop in self._props_2d():
            if prop not in self._saved_2d:
                self._saved_2d[prop] = _pixel_sizes(prop)
                _set_pixel_sizes(prop, self._saved_2d[prop], self._interactive_scale)

    def _restore_full(self) -> None:
        if self._full_size is not None:
            self._window.SetSize(*self._full_size)
            self._window.SetDPI(self._full_dpi)
        self._full_size = self._full_dpi = None
        for prop, sizes in self._saved_2d.items():
            _set_pixel_sizes(prop, sizes, 1.0)
        self._saved_2d = {}
        self._on_scale(1.0)

    def _props_2d(self) -> list:
        props = []
        renderers = self._window.GetRenderers()
        renderers.InitTraversal()
        for _ in range(renderers.GetNumberOfItems()):
            renderer = renderers.GetNextItem()
            view_props = renderer.GetViewProps()
            for index in range(view_props.GetNumberOfItems()):
                prop = view_props.GetItemAsObject(index)
                if isinstance(prop, vtkActor2D) and not isinstance(prop, vtkTextActor):
                    props.append(prop)
        return props


def _pixel_sizes(prop) -> tuple:
    """A 2D actor's sizes in pixels: line width, point size, and a caption's offset."""
    offset = prop.GetPosition() if isinstance(prop, vtkCaptionActor2D) else None
    return prop.GetProperty().GetLineWidth(), prop.GetProperty().GetPointSize(), offset


def _set_pixel_sizes(prop, sizes: tuple, scale: float) -> None:
    line_width, point_size, offset = sizes
    prop.GetProperty().SetLineWidth(max(1.0, line_width * scale) if scale < 1 else line_width)
    prop.GetProperty().SetPointSize(max(1.0, point_size * scale) if scale < 1 else point_size)
    if offset is not None:
        prop.SetPosition(offset[0] * scale, offset[1] * scale)


class MotionWatch:
    """Tells a view that keeps moving (a pose slider, a motion, arrow keys, a tour's glide)
    from a single change (a view preset, a selection's framing, one typed angle).

    A frame moves if the pose changed since the last frame (``note_change``) or the
    camera stands elsewhere. A moving frame drawn within ``settle_s`` of the end of the
    previous moving frame continues a movement and may be cheap; the first one is drawn
    sharp, so a single change never flashes a soft frame. Rest is counted from the end
    of a frame, so slow frames do not break a movement into single changes.
    """

    def __init__(self, settle_s: float = SETTLE_S, clock: Callable[[], float] = time.monotonic):
        self._settle_s = settle_s
        self._clock = clock
        self._changed = False
        self._changed_at = 0.0
        self._camera: tuple | None = None
        self._frame_moves = False
        self._last_moving_end: float | None = None

    def note_change(self) -> None:
        """The pose changed: call before the slow work it causes (the re-pose), so that work
        does not count as rest on a slow machine."""
        if not self._changed:
            self._changed_at = self._clock()
        self._changed = True

    @property
    def change_waiting(self) -> bool:
        """A change was noted and its frame is not drawn yet (the movement goes on)."""
        return self._changed

    def frame_starting(self, camera: tuple, count_camera: bool = True) -> bool:
        """Whether the frame about to be drawn continues a movement (``camera``: where it
        stands; ``count_camera`` False while a drag moves it, which is cheap already)."""
        camera_moved = self._camera is not None and camera != self._camera
        self._frame_moves = self._changed or (camera_moved and count_camera)
        moved_at = self._changed_at if self._changed else self._clock()
        self._camera = camera
        self._changed = False
        last = self._last_moving_end
        return self._frame_moves and last is not None and moved_at - last < self._settle_s

    def frame_done(self) -> bool:
        """Call after the frame; True if it moved (the rest starts counting now)."""
        if self._frame_moves:
            self._last_moving_end = self._clock()
        return self._frame_moves
