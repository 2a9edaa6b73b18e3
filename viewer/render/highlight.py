"""How each part looks for the current selection and hover: fill colour and outline.

A clicked head is the one highlighted: it keeps its own hue, warmed a little,
with a gold rim; the other parts of its muscle turn a pale tint of theirs, so
a head can be told from its muscle; the rest of the muscles fade towards grey.
In the stretch map the fill stays the map's colour for every part (the
colour is the message there) and the selection shows by its rim alone. The
part under the pointer gets a pale rim, showing what a click would select.
Pure logic on ids and colours (no VTK), so the rules are tested without a
render window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from meshes.parts import PART_BY_ID
from viewer.model.state import AtlasState
from viewer.render import appearance

Outline = Literal["selected", "hover"] | None

SELECTED_WARMTH = 0.22  # how far the selected part moves towards the gold highlight
SIBLING_PALE = (0.97, 0.93, 0.90)
SIBLING_PALENESS = 0.55  # how far the selected muscle's other parts move towards pale


@dataclass(frozen=True)
class PartStyle:
    colour: tuple[float, float, float]
    outline: Outline = None


def highlighted_parts(state: AtlasState) -> tuple[set[str], set[str]]:
    """(parts highlighted, other parts of the selected structures)."""
    structures = set(state.selected_structures())
    members = {
        p for p, info in PART_BY_ID.items() if info.structure in structures or p in structures
    }
    if state.selected_part is not None:
        return {state.selected_part}, members - {state.selected_part}
    return members, set()


def part_styles(
    state: AtlasState,
    stretch_changes: Mapping[str, float] | None = None,
) -> dict[str, PartStyle]:
    """The fill and outline of every part for the state's selection, hover and colour mode."""
    stretch = state.colour_mode == "stretch"
    changes = stretch_changes or {}
    selected, siblings = highlighted_parts(state)
    anything_selected = bool(selected)
    hovered = getattr(state, "hovered", None)
    styles = {}
    for part_id, info in PART_BY_ID.items():
        colour = info.colour
        if stretch and part_id in changes:
            colour = appearance.stretch_colour(changes[part_id])
        outline: Outline = None
        if part_id in selected:
            outline = "selected"
            if not stretch:
                colour = appearance.blend(colour, appearance.HIGHLIGHT_COLOUR, SELECTED_WARMTH)
        elif part_id in siblings:
            if not stretch:
                colour = appearance.blend(colour, SIBLING_PALE, SIBLING_PALENESS)
        elif anything_selected and not stretch and info.kind in ("muscle", "tendon"):
            colour = appearance.blend(colour, appearance.DIM_TOWARDS, appearance.DIM_AMOUNT)
        if outline is None and hovered == part_id:
            outline = "hover"
        styles[part_id] = PartStyle(tuple(colour), outline)
    return styles
