"""Pins: numbered notes a teacher sticks on the model, saved with a scene.

A pin remembers the part it was placed on and the point (mm, in the pose it
was placed in); the renderer keeps it on that part's nearest vertex, so a pin
on the soleus follows the soleus when the leg moves.
"""

from __future__ import annotations

from psygnal import EventedModel
from pydantic import BaseModel, ConfigDict, field_validator

from meshes.parts import PART_BY_ID

MAX_NOTE_LENGTH = 500


class Pin(BaseModel):
    model_config = ConfigDict(frozen=True, allow_inf_nan=False)

    part: str
    position: tuple[float, float, float]
    note: str = ""

    @field_validator("part")
    @classmethod
    def _known_part(cls, value: str) -> str:
        if value not in PART_BY_ID:
            raise ValueError(f"unknown part {value!r}; valid: {', '.join(PART_BY_ID)}")
        return value

    @field_validator("note")
    @classmethod
    def _short_note(cls, value: str) -> str:
        value = value.strip()
        if len(value) > MAX_NOTE_LENGTH:
            raise ValueError(f"a pin's note is at most {MAX_NOTE_LENGTH} characters")
        return value


class PinBoard(EventedModel):
    """The open scene's pins, in order (pin 1 first); ``placing`` while the teacher adds one."""

    pins: tuple[Pin, ...] = ()
    placing: bool = False

    def add(self, pin: Pin) -> int:
        """Add a pin; its number (1-based)."""
        self.pins = (*self.pins, pin)
        return len(self.pins)

    def remove(self, number: int) -> None:
        self.pins = tuple(pin for index, pin in enumerate(self.pins, 1) if index != number)

    def clear(self) -> None:
        self.pins = ()
