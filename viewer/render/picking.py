"""Telling a click from a drag, and finding the structure under the cursor.

A left-drag rotates the leg and must never select, so a click is a press and
release of the left button that stayed within a few pixels. The pick itself
uses a ``vtkCellPicker`` restricted to the actors that are pickable right
now (visible and not the see-through skin): a CPU ray cast of about a
millisecond, with no extra render, which matters under software OpenGL.
"""

from __future__ import annotations

from dataclasses import dataclass

from vtkmodules.vtkRenderingCore import vtkCellPicker

#: A press and release this close (in logical pixels) is a click, not a drag.
CLICK_TOLERANCE_PX = 4


@dataclass
class ClickFilter:
    """Remembers where the left button went down; says whether its release is a click."""

    tolerance_px: int = CLICK_TOLERANCE_PX
    _pressed_at: tuple[int, int] | None = None
    _moved_too_far: bool = False

    def press(self, x: int, y: int) -> None:
        self._pressed_at = (x, y)
        self._moved_too_far = False

    def move(self, x: int, y: int) -> None:
        if self._pressed_at and not self._within_tolerance(x, y):
            # Once the drag has left the tolerance it stays a drag, even if it comes back.
            self._moved_too_far = True

    def release(self, x: int, y: int) -> bool:
        """True when this release completes a click."""
        if self._pressed_at is None:
            return False
        is_click = not self._moved_too_far and self._within_tolerance(x, y)
        self._pressed_at = None
        return is_click

    def _within_tolerance(self, x: int, y: int) -> bool:
        start_x, start_y = self._pressed_at or (x, y)
        return abs(x - start_x) <= self.tolerance_px and abs(y - start_y) <= self.tolerance_px


class PartPicker:
    """Ray-casts from a display position to the nearest pickable actor."""

    def __init__(self) -> None:
        self._picker = vtkCellPicker()
        self._picker.SetTolerance(0.0005)
        self._picker.PickFromListOn()
        #: World point (mm) of the last hit, for placing a pin where the ray met the surface.
        self.last_position: tuple[float, float, float] | None = None

    def pick(self, renderer, display_x: float, display_y: float, actors_by_id: dict) -> str | None:
        """Id of the part under display coordinates (VTK's: origin bottom-left), or None.

        ``actors_by_id`` holds only the actors that may be picked.
        """
        if not actors_by_id:
            return None
        self._picker.InitializePickList()
        for actor in actors_by_id.values():
            self._picker.AddPickList(actor)
        if not self._picker.Pick(display_x, display_y, 0, renderer):
            return None
        picked = self._picker.GetActor()
        self.last_position = tuple(self._picker.GetPickPosition())
        for part_id, actor in actors_by_id.items():
            if actor is picked:
                return part_id
        return None
