"""AtlasState: the one source of truth of what the atlas shows.

Widgets change the state; the 3D scene, the tree and the panels listen to it
and redraw themselves. Nothing here knows about Qt or VTK, so the same state
drives the window and the headless export, and tests can reason about it
without a display.

Each field emits ``state.events.<field>`` when it changes (psygnal's evented
pydantic model). Collections are immutable (frozenset, tuple of pairs) so
that every change is a reassignment, and so an event. Every assignment is
validated (``validate_assignment``), so a bad value (an unknown view, a
mutable set, a part of another structure) is refused where it is made, not
later inside a scene callback.

The camera's exact position is the deliberate exception: VTK's interactor
moves it many times a second while the mouse drags, so it lives in the
render layer. The state holds only the named ``view`` preset last chosen.
"""

from __future__ import annotations

from typing import Annotated, Literal

from psygnal import EventedModel
from pydantic import BaseModel, ConfigDict, Strict, ValidationInfo, field_validator

from meshes.parts import (
    GROUPS,
    LAYER_BY_ID,
    LAYERS,
    PART_BY_ID,
    PARTS,
    STRUCTURE_IDS,
    associated_with,
    group_members,
)
from meshes.pose import STANDING, Pose
from viewer.model.views import DEFAULT_VIEW, ViewId

ColourMode = Literal["anatomy", "stretch"]
MotionPhase = Literal["stopped", "playing", "paused", "holding"]
#: A layer faded below this opacity counts as hidden: not drawn, picked or labelled.
MIN_VISIBLE_OPACITY = 0.05

DEFAULT_LAYER_OPACITY: tuple[tuple[str, float], ...] = tuple(
    (layer, LAYER_BY_ID[layer].default_opacity) for layer in LAYERS
)
_SELECTABLE = frozenset(STRUCTURE_IDS) | frozenset(GROUPS)


def members_of(selection_id: str) -> tuple[str, ...]:
    """Structure ids a selection stands for: a group's members, or the structure itself."""
    if selection_id in GROUPS:
        return group_members(selection_id)
    return (selection_id,)


def hideable_ids() -> tuple[str, ...]:
    """Everything ``--hide`` accepts: layers, groups and structures, each once
    (``skin`` is a layer and a structure)."""
    return tuple(dict.fromkeys(LAYERS + GROUPS + STRUCTURE_IDS))


def selectable_ids() -> tuple[str, ...]:
    """Everything ``--select`` accepts: groups and structures."""
    return GROUPS + STRUCTURE_IDS


class MotionStatus(BaseModel):
    """What the motion player is doing, for the pose panel and the status bar to show.

    Immutable, so each change is a reassignment of ``AtlasState.motion`` and one event.
    """

    model_config = ConfigDict(frozen=True)

    name: str | None = None
    phase: MotionPhase = "stopped"
    speed: float = 1.0

    @property
    def active(self) -> bool:
        return self.phase != "stopped"


class AtlasState(EventedModel):
    """What is selected, hidden, posed and how it is coloured."""

    model_config = ConfigDict(arbitrary_types_allowed=True, validate_assignment=True)

    #: (structure or group id, part id or None); one field so one click is one event.
    selection: tuple[str | None, str | None] = (None, None)
    #: Structure ids hidden one by one.
    hidden: Annotated[frozenset[str], Strict()] = frozenset()
    layers_visible: Annotated[frozenset[str], Strict()] = frozenset(LAYERS)
    layer_opacity: tuple[tuple[str, float], ...] = DEFAULT_LAYER_OPACITY
    pose: Pose = STANDING
    colour_mode: ColourMode = "anatomy"
    labels: bool = False
    view: ViewId = DEFAULT_VIEW
    motion: MotionStatus = MotionStatus()
    #: The exercise or stretch whose setting places the leg in the world (what stays
    #: fixed, the floor, props, the faint body); None: the leg alone, the pelvis fixed.
    world: str | None = None
    #: The part under the pointer (what a click would select), outlined faintly; or None.
    hovered: str | None = None

    # -- rules ------------------------------------------------------------------------------
    @field_validator("hidden", "layers_visible")
    @classmethod
    def _known_ids(cls, value: frozenset[str], info: ValidationInfo) -> frozenset[str]:
        valid = STRUCTURE_IDS if info.field_name == "hidden" else LAYERS
        unknown = sorted(value - frozenset(valid))
        if unknown:
            raise ValueError(
                f"unknown ids {unknown} in {info.field_name}; valid: {', '.join(valid)}"
            )
        return value

    @field_validator("hovered")
    @classmethod
    def _known_part(cls, value: str | None) -> str | None:
        if value is not None and value not in PART_BY_ID:
            raise ValueError(f"unknown part id {value!r}")
        return value

    @field_validator("layer_opacity")
    @classmethod
    def _every_layer_once_in_range(
        cls, value: tuple[tuple[str, float], ...]
    ) -> tuple[tuple[str, float], ...]:
        layers = [layer for layer, _ in value]
        if sorted(layers) != sorted(LAYERS):
            raise ValueError(f"layer_opacity must name each layer once: {', '.join(LAYERS)}")
        if not all(0.0 <= opacity <= 1.0 for _, opacity in value):
            raise ValueError("layer opacity must be between 0 and 1")
        return value

    @field_validator("selection")
    @classmethod
    def _part_of_the_selected_structure(
        cls, value: tuple[str | None, str | None]
    ) -> tuple[str | None, str | None]:
        selected, part = value
        if selected is None:
            if part is not None:
                raise ValueError("a part cannot be selected without its structure")
            return value
        if selected not in _SELECTABLE:
            raise ValueError(f"unknown structure or group id {selected!r}")
        if part is not None and (part not in PART_BY_ID or PART_BY_ID[part].structure != selected):
            raise ValueError(f"part {part!r} does not belong to {selected!r}")
        return value

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
        """What the selection highlights: its members, plus the muscles a selected nerve
        supplies or a selected region's borders and contents (structure or part ids)."""
        if not self.selected:
            return ()
        return members_of(self.selected) + associated_with(self.selected)

    # -- user intentions --------------------------------------------------------------------
    def select(self, selection_id: str | None, part_id: str | None = None) -> None:
        """Select a structure or group, optionally one part of it (ValueError if unknown)."""
        if selection_id is not None and selection_id not in _SELECTABLE:
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
        """Fade a layer; values outside 0..1 are clamped (a slider or a settings file)."""
        if layer not in LAYERS:
            raise ValueError(f"unknown layer {layer!r}; valid: {', '.join(LAYERS)}")
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
        keep = {item.split(".")[0] for item in self.selected_structures()}
        self.hidden = frozenset(s for s in STRUCTURE_IDS if s not in keep)
        self.layers_visible = self.layers_visible | {p.layer for p in PARTS if p.structure in keep}

    def show_all(self) -> None:
        self.hidden = frozenset()
        self.layers_visible = frozenset(LAYERS)

    def hide(self, id_or_layer: str) -> None:
        """Hide a layer or a structure (or group) by id, as ``--hide`` does."""
        if id_or_layer in LAYERS:
            self.set_layer_visible(id_or_layer, False)
        elif id_or_layer in _SELECTABLE:
            self.set_structure_visible(id_or_layer, False)
        else:
            raise ValueError(f"unknown id or layer {id_or_layer!r}")
