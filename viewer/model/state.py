"""AtlasState: the one source of truth of what the atlas shows.

Widgets change the state; the 3D scene, the tree and the panels listen to it
and redraw themselves. Nothing here knows about Qt or VTK, so the same state
drives the window and the headless export, and tests can reason about it
without a display.

Each field emits ``state.events.<field>`` when it changes (psygnal's evented
pydantic model). Collections are immutable (frozenset, tuple of pairs) so
that every change is a reassignment, and so an event.
"""

from __future__ import annotations

from psygnal import EventedModel
from pydantic import ConfigDict

from meshes.parts import GROUPS, LAYERS, PART_BY_ID, PARTS, STRUCTURE_IDS, group_members
from meshes.pose import STANDING, Pose

VIEWS: tuple[str, ...] = ("posterior", "anterior", "lateral", "medial")
COLOUR_MODES: tuple[str, ...] = ("anatomy", "stretch")
#: A layer faded below this opacity counts as hidden: not drawn, picked or labelled.
MIN_VISIBLE_OPACITY = 0.05

DEFAULT_LAYER_OPACITY: dict[str, float] = {
    "skin": 0.22,
    "superficial": 1.0,
    "deep": 1.0,
    "tendons": 1.0,
    "bones": 1.0,
}


def members_of(selection_id: str) -> tuple[str, ...]:
    """Structure ids a selection stands for: a group's members, or the structure itself."""
    if selection_id in GROUPS:
        return group_members(selection_id)
    return (selection_id,)


class AtlasState(EventedModel):
    """What is selected, hidden, posed and how it is coloured."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    #: (structure or group id, part id or None); one field so one click is one event.
    selection: tuple[str | None, str | None] = (None, None)
    hidden: frozenset[str] = frozenset()  # structure ids hidden one by one
    layers_visible: frozenset[str] = frozenset(LAYERS)
    layer_opacity: tuple[tuple[str, float], ...] = tuple(DEFAULT_LAYER_OPACITY.items())
    pose: Pose = STANDING
    colour_mode: str = "anatomy"
    labels: bool = False
    view: str = "posterior"

    # -- derived questions ------------------------------------------------------------------
    @property
    def selected(self) -> str | None:
        """The selected structure or group id."""
        return self.selection[0]

    @property
    def selected_part(self) -> str | None:
        """The clicked part ("biceps_femoris.short_head"), when a part was clicked."""
        return self.selection[1]

    def opacity_of_layer(self, layer: str) -> float:
        return dict(self.layer_opacity)[layer]

    def is_part_visible(self, part_id: str) -> bool:
        """Shown on screen: its layer is on and not faded out, and it is not hidden."""
        part = PART_BY_ID[part_id]
        return (
            part.layer in self.layers_visible
            and self.opacity_of_layer(part.layer) >= MIN_VISIBLE_OPACITY
            and part.structure not in self.hidden
        )

    def is_part_pickable(self, part_id: str) -> bool:
        """Skin is a see-through veil: clicks go through it to the muscles below."""
        return self.is_part_visible(part_id) and PART_BY_ID[part_id].kind != "skin"

    def selected_structures(self) -> tuple[str, ...]:
        return members_of(self.selected) if self.selected else ()

    # -- user intentions --------------------------------------------------------------------
    def select(self, selection_id: str | None, part_id: str | None = None) -> None:
        if selection_id is not None and selection_id not in STRUCTURE_IDS + tuple(GROUPS):
            raise ValueError(f"unknown structure or group id {selection_id!r}")
        self.selection = (selection_id, part_id if selection_id else None)

    def clear_selection(self) -> None:
        self.select(None)

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        layers = set(self.layers_visible)
        layers.add(layer) if visible else layers.discard(layer)
        self.layers_visible = frozenset(layers)

    def toggle_layer(self, layer: str) -> None:
        self.set_layer_visible(layer, layer not in self.layers_visible)

    def set_layer_opacity(self, layer: str, opacity: float) -> None:
        opacities = dict(self.layer_opacity)
        opacities[layer] = min(1.0, max(0.0, float(opacity)))
        self.layer_opacity = tuple(opacities.items())

    def set_structure_visible(self, structure_id: str, visible: bool) -> None:
        hidden = set(self.hidden)
        members = set(members_of(structure_id))
        hidden = hidden - members if visible else hidden | members
        self.hidden = frozenset(hidden)
        if not visible and self.selected and set(members_of(self.selected)) <= hidden:
            self.clear_selection()  # a hidden structure cannot stay selected

    def hide_selected(self) -> None:
        if self.selected:
            self.set_structure_visible(self.selected, False)
            self.clear_selection()

    def isolate_selected(self) -> None:
        """Hide everything but the selection (its layers are switched on too)."""
        if not self.selected:
            return
        keep = set(members_of(self.selected))
        self.hidden = frozenset(s for s in STRUCTURE_IDS if s not in keep)
        self.layers_visible = self.layers_visible | {p.layer for p in PARTS if p.structure in keep}

    def show_all(self) -> None:
        self.hidden = frozenset()
        self.layers_visible = frozenset(LAYERS)

    def hide(self, id_or_layer: str) -> None:
        """Hide a layer or a structure (or group) by id, as ``--hide`` does."""
        if id_or_layer in LAYERS:
            self.set_layer_visible(id_or_layer, False)
        else:
            self.set_structure_visible(id_or_layer, False)


def hideable_ids() -> tuple[str, ...]:
    """Everything ``--hide`` accepts: layers, groups and structures."""
    return LAYERS + tuple(GROUPS) + STRUCTURE_IDS


def selectable_ids() -> tuple[str, ...]:
    """Everything ``--select`` accepts: groups and structures."""
    return tuple(GROUPS) + STRUCTURE_IDS
