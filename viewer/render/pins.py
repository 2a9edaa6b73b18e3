"""Pins drawn on the leg: a numbered marker on the surface and a callout with its note.

A pin is held to the vertex of its part nearest the point where it was
placed, found once, so it moves with that part when the leg takes another
pose. The same layer draws into the window and into exports, so a saved
picture or a worksheet shows the pins exactly where the window does;
worksheets show the numbers without the notes (the notes are the answers).

A callout sits up and to the outer side of its pin, unless that spot is taken:
by a label's callout (``obstacles``, the label layer's boxes) or by an earlier
pin's. Then it slides up or down beside the pin, or moves out past the label
column. It is placed again before every render, after the labels (which lay
themselves out on the same event), so it stays clear while the leg turns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pyvista as pv
from vtkmodules.vtkRenderingAnnotation import vtkCaptionActor2D

from viewer.model.pins import Pin
from viewer.render.labels import Box

PIN_COLOUR = (0.96, 0.42, 0.18)
PIN_RADIUS_MM = 5.0
PIN_FONT_SIZE = 15
#: The callout box sits this far (display pixels) up and to the side of its pin.
CALLOUT_OFFSET_PX = (36, 24)
MAX_NOTE_CHARS_PER_LINE = 28
#: Space kept between a callout and anything it moved away from (display pixels).
CALLOUT_GAP_PX = 6
#: How many slides up and down beside the pin are tried before moving out past the labels.
MAX_SLIDES = 8
#: Below the label layer's observer (priority 0): pins are placed once the labels are.
AFTER_LABELS_PRIORITY = -1.0


def wrapped(note: str, width: int = MAX_NOTE_CHARS_PER_LINE) -> str:
    """Break a note into short lines, so a callout stays narrow beside the leg."""
    lines, line = [], ""
    for word in note.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line] if line else lines)


def callout_size_px(text: str, text_scale: float = 1.0) -> tuple[float, float]:
    """A callout's box for ``text`` (lines split on newlines), in display pixels."""
    size = PIN_FONT_SIZE * text_scale
    lines = text.split("\n")
    width = 0.62 * size * max(len(line) for line in lines) + 10 * text_scale
    height = 1.4 * size * len(lines) + 6 * text_scale
    return width, height


def place_callout(
    anchor: tuple[float, float],
    size: tuple[float, float],
    on_left: bool,
    obstacles: list[Box],
    viewport: tuple[float, float],
    offset: tuple[float, float] = CALLOUT_OFFSET_PX,
    gap: float = CALLOUT_GAP_PX,
) -> Box:
    """Where a pin's callout goes: the first free spot of a few, nearest its pin first.

    Tried in order: up and to the outer side of the pin (``offset``; the outer side is
    the left for a pin on the left half); the same column slid up, then down, a box
    height at a time; past the farthest obstacle on that side, at the same heights; last,
    the inner side of the pin (a pin near the view's edge). A spot is free if it overlaps
    no obstacle and lies inside the viewport. With no free spot, the first one is kept.
    """
    width, height = size
    dx, dy = offset
    x = anchor[0] - dx - width if on_left else anchor[0] + dx
    y = anchor[1] + dy
    heights = [y]
    for step in range(1, MAX_SLIDES + 1):
        heights += [y + step * (height + gap), y - step * (height + gap)]
    columns = [x]
    if obstacles:
        if on_left:
            columns.append(min(box.x for box in obstacles) - gap - width)
        else:
            columns.append(max(box.x + box.width for box in obstacles) + gap)
    columns.append(anchor[0] + dx if on_left else anchor[0] - dx - width)  # the inner side
    for column in columns:
        for level in heights:
            spot = Box(column, level, width, height)
            inside = (
                spot.x >= 0
                and spot.y >= 0
                and spot.x + width <= viewport[0]
                and spot.y + height <= viewport[1]
            )
            if inside and not any(spot.overlaps(box) for box in obstacles):
                return spot
    return Box(x, y, width, height)


class PinLayer:
    """The pins' actors in one plotter; ``show`` redraws them for a list of pins and a leg.

    ``obstacles`` gives the boxes (display pixels) the callouts must keep clear of: the
    label layer's, when labels are shown.
    """

    def __init__(
        self,
        plotter,
        text_scale: float = 1.0,
        show_notes: bool = True,
        obstacles: Callable[[], Iterable[Box]] | None = None,
    ) -> None:
        self.plotter = plotter
        self.text_scale = text_scale
        self.show_notes = show_notes
        self.obstacles = obstacles or (lambda: ())
        self._vertex: dict[tuple[Pin, str], int] = {}
        self._actors: list = []
        self._callouts: list[tuple[vtkCaptionActor2D, np.ndarray, tuple[float, float]]] = []
        self.positions: list[np.ndarray] = []  # where each pin is drawn, pin 1 first
        self.boxes: list[Box] = []  # each shown callout's box at the last render
        plotter.renderer.AddObserver("StartEvent", self._before_render, AFTER_LABELS_PRIORITY)

    def vertex_of(self, pin: Pin, leg) -> int:
        key = (pin, pin.part)
        if key not in self._vertex:
            points = np.asarray(leg.meshes[pin.part].points)
            distances = np.linalg.norm(points - np.asarray(pin.position), axis=1)
            self._vertex[key] = int(np.argmin(distances))
        return self._vertex[key]

    def show(self, pins: Iterable[Pin], leg, visible_parts: Iterable[str]) -> None:
        self.remove()
        visible = set(visible_parts)
        for number, pin in enumerate(pins, start=1):
            # A copy: the view writes each pose's points into the same arrays.
            position = np.array(leg.meshes[pin.part].points[self.vertex_of(pin, leg)])
            self.positions.append(position)
            if pin.part not in visible:
                continue
            self._add_marker(position)
            self._add_callout(number, pin, position)

    def _add_marker(self, position: np.ndarray) -> None:
        sphere = pv.Sphere(radius=PIN_RADIUS_MM, center=position, theta_resolution=16)
        actor = self.plotter.add_mesh(
            sphere, color=PIN_COLOUR, pickable=False, reset_camera=False, specular=0.4
        )
        self._actors.append(actor)

    def _add_callout(self, number: int, pin: Pin, position: np.ndarray) -> None:
        """A caption joined to the pin by a leader, on the side of the view the pin is on."""
        caption = vtkCaptionActor2D()
        text = f"{number}"
        if self.show_notes and pin.note:
            text += f"  {wrapped(pin.note)}"
        caption.SetCaption(text)
        caption.SetAttachmentPoint(*position)
        caption.BorderOff()
        caption.LeaderOn()
        caption.ThreeDimensionalLeaderOff()
        caption.GetProperty().SetColor(*PIN_COLOUR)
        caption.GetProperty().SetLineWidth(1.5 * self.text_scale)
        size = PIN_FONT_SIZE * self.text_scale
        width_px, height_px = callout_size_px(text, self.text_scale)
        view_width, view_height = self.plotter.window_size
        caption.SetWidth(width_px / view_width)
        caption.SetHeight(height_px / view_height)
        style = caption.GetCaptionTextProperty()
        style.SetFontSize(round(size))
        style.SetColor(0.98, 0.96, 0.92)
        style.SetBackgroundColor(0.13, 0.14, 0.16)
        style.SetBackgroundOpacity(0.85)
        style.SetFrame(True)
        style.SetFrameColor(*PIN_COLOUR)
        style.BoldOff()
        style.ItalicOff()
        style.ShadowOff()
        style.SetJustificationToLeft()
        style.SetVerticalJustificationToCentered()
        caption.GetTextActor().SetTextScaleModeToNone()
        self.plotter.renderer.AddViewProp(caption)
        self._actors.append(caption)
        self._callouts.append((caption, position, (width_px, height_px)))  # placed at render

    def _before_render(self, *_: object) -> None:
        if self._callouts:
            self.place_callouts()

    def place_callouts(self) -> None:
        """Put each callout on a free spot near its pin, clear of the labels and earlier pins."""
        renderer = self.plotter.renderer
        viewport = renderer.GetSize()
        # Render pixels per view pixel: below 1 while the view draws its cheap frames.
        scale = viewport[0] / max(1, self.plotter.window_size[0])
        taken = list(self.obstacles())
        self.boxes = []
        for caption, position, (width, height) in self._callouts:
            renderer.SetWorldPoint(*position, 1.0)
            renderer.WorldToDisplay()
            anchor = renderer.GetDisplayPoint()[:2]
            box = place_callout(
                anchor,
                (width * scale, height * scale),
                anchor[0] < viewport[0] / 2,
                taken,
                viewport,
                offset=tuple(value * self.text_scale * scale for value in CALLOUT_OFFSET_PX),
                gap=CALLOUT_GAP_PX * scale,
            )
            caption.SetPosition(box.x - anchor[0], box.y - anchor[1])  # from the pin
            taken.append(box)
            self.boxes.append(box)

    def remove(self) -> None:
        for actor in self._actors:
            self.plotter.renderer.RemoveActor(actor)
        self._actors = []
        self._callouts = []
        self.positions = []
        self.boxes = []

    def forget(self, pins: Iterable[Pin]) -> None:
        """Drop remembered vertices of pins no longer shown (a scene was opened)."""
        keep = {(pin, pin.part) for pin in pins}
        self._vertex = {key: value for key, value in self._vertex.items() if key in keep}
