"""Pins drawn on the leg: a numbered marker on the surface and a callout with its note.

A pin is held to the vertex of its part nearest the point where it was
placed, found once, so it moves with that part when the leg takes another
pose. The same layer draws into the window and into exports, so a saved
picture or a worksheet shows the pins exactly where the window does;
worksheets show the numbers without the notes (the notes are the answers).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyvista as pv
from vtkmodules.vtkRenderingAnnotation import vtkCaptionActor2D

from viewer.model.pins import Pin

PIN_COLOUR = (0.96, 0.42, 0.18)
PIN_RADIUS_MM = 5.0
PIN_FONT_SIZE = 15
#: The callout box sits this far (display pixels) up and to the side of its pin.
CALLOUT_OFFSET_PX = (36, 24)
MAX_NOTE_CHARS_PER_LINE = 28


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


class PinLayer:
    """The pins' actors in one plotter; ``show`` redraws them for a list of pins and a leg."""

    def __init__(self, plotter, text_scale: float = 1.0, show_notes: bool = True) -> None:
        self.plotter = plotter
        self.text_scale = text_scale
        self.show_notes = show_notes
        self._vertex: dict[tuple[Pin, str], int] = {}
        self._actors: list = []
        self.positions: list[np.ndarray] = []  # where each pin is drawn, pin 1 first

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
        lines = text.split("\n")
        width_px = 0.62 * size * max(len(line) for line in lines) + 10 * self.text_scale
        height_px = 1.4 * size * len(lines) + 6 * self.text_scale
        view_width, view_height = self.plotter.window_size
        dx, dy = (value * self.text_scale for value in CALLOUT_OFFSET_PX)
        if self._on_left_half(position):
            dx = -dx - width_px
        caption.SetPosition(dx, dy)  # display pixels from the pin
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

    def _on_left_half(self, position: np.ndarray) -> bool:
        renderer = self.plotter.renderer
        renderer.SetWorldPoint(*position, 1.0)
        renderer.WorldToDisplay()
        return renderer.GetDisplayPoint()[0] < renderer.GetSize()[0] / 2

    def remove(self) -> None:
        for actor in self._actors:
            self.plotter.renderer.RemoveActor(actor)
        self._actors = []
        self.positions = []

    def forget(self, pins: Iterable[Pin]) -> None:
        """Drop remembered vertices of pins no longer shown (a scene was opened)."""
        keep = {(pin, pin.part) for pin in pins}
        self._vertex = {key: value for key, value in self._vertex.items() if key in keep}
