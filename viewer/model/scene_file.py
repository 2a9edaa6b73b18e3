"""Scene files (``.legatlas``, TOML): a saved view of the atlas, its pins, and tour steps.

A scene holds what the state shows (view, layers and opacities, hidden
structures, selection, pose, colour mode, labels, the movement whose setting
places the leg in the world), the exact camera and the pins. A tour is a
file with ``[[step]]`` tables: each step starts from the one before it (the
first from ``[scene]``) and changes only what it names, plus a short ``text``
for the student.

Reading is forgiving on purpose, because a file handed round a class will
meet older and newer versions of the program: a field with an unknown id or a
bad value is reported (file and field named) and left out, and the rest
loads. Only a file that is not TOML at all fails as a whole. The format is
documented in README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from annotations.files import AnnotationError, read_toml
from meshes.parts import LAYERS, PART_BY_ID, STRUCTURE_IDS
from viewer.model.atomic import atomic_write
from viewer.model.pins import Pin
from viewer.model.scene_fields import FIELDS, SavedCamera, read_camera, read_text, reason
from viewer.model.state import AtlasState

SUFFIX = ".legatlas"
#: The tours that ship with the atlas (Learn > Tours).
TOURS_DIR = Path(__file__).resolve().parents[2] / "annotations" / "tours"
FORMAT_VERSION = 1


class SceneFileError(Exception):
    """The file cannot be read at all (missing, not text, not TOML)."""


@dataclass(frozen=True)
class Scene:
    """Everything one picture of the atlas needs; ``state`` holds AtlasState field values."""

    state: dict[str, Any] = field(default_factory=dict)
    camera: SavedCamera | None = None
    pins: tuple[Pin, ...] = ()
    text: str = ""  # a tour step's words

    def apply_to(self, state: AtlasState) -> None:
        """Put the scene's fields into a state (one event per field that changes)."""
        values = dict(self.state)
        selection = values.pop("selection", None)
        for name, value in values.items():
            setattr(state, name, value)
        if selection is not None:
            state.selection = selection


@dataclass
class SceneDocument:
    title: str = ""
    scene: Scene = field(default_factory=Scene)
    steps: list[Scene] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_tour(self) -> bool:
        return bool(self.steps)


def scene_of(state: AtlasState, camera: SavedCamera | None, pins=(), text: str = "") -> Scene:
    values = {
        "view": state.view,
        "layers_visible": state.layers_visible,
        "layer_opacity": state.layer_opacity,
        "hidden": state.hidden,
        "selection": state.selection,
        "pose": state.pose,
        "colour_mode": state.colour_mode,
        "labels": state.labels,
        "world": state.world,
    }
    return Scene(values, camera, tuple(pins), text)


def shipped_tours() -> list[tuple[str, Path]]:
    """(title, file) of each tour in ``annotations/tours``, in file-name order."""
    tours = []
    for path in sorted(TOURS_DIR.glob(f"*{SUFFIX}")):
        try:
            title = read_scene_file(path).title or path.stem
        except SceneFileError:
            continue  # a broken file is reported when opened, not in the menu
        tours.append((title, path))
    return tours


# -- writing -------------------------------------------------------------------------------
def scene_table(scene: Scene) -> dict[str, Any]:
    values = scene.state
    table: dict[str, Any] = {}
    if "view" in values:
        table["view"] = values["view"]
    if scene.camera is not None:
        camera = scene.camera
        table["camera"] = {
            "position": list(camera.position),
            "focal_point": list(camera.focal_point),
            "up": list(camera.up),
            "view_angle": camera.view_angle,
        }
        if camera.window_size:
            table["camera"]["window_size"] = list(camera.window_size)
    if "layers_visible" in values:
        table["layers"] = [layer for layer in LAYERS if layer in values["layers_visible"]]
    if "layer_opacity" in values:
        table["opacity"] = {layer: round(value, 4) for layer, value in values["layer_opacity"]}
    if "hidden" in values:
        table["hidden"] = [s for s in STRUCTURE_IDS if s in values["hidden"]]
    if "selection" in values:
        selected, part = values["selection"]
        table["selection"] = selected or ""
        if part:
            table["selected_part"] = part
    if "pose" in values:
        table["pose"] = values["pose"].as_dict()
    for name in ("colour_mode", "labels"):
        if name in values:
            table[name] = values[name]
    if "world" in values:
        table["world"] = values["world"] or ""
    if scene.pins:
        table["pins"] = [
            {"part": pin.part, "position": [round(v, 3) for v in pin.position], "note": pin.note}
            for pin in scene.pins
        ]
    if scene.text:
        table["text"] = scene.text
    return table


def write_scene_file(path: Path, document: SceneDocument) -> Path:
    """Write atomically; OSError (and no partial file) when the folder cannot be written."""
    data: dict[str, Any] = {"format": FORMAT_VERSION}
    if document.title:
        data["title"] = document.title
    data["scene"] = scene_table(document.scene)
    if document.steps:
        data["step"] = [scene_table(step) for step in document.steps]
    text = tomli_w.dumps(data).encode("utf-8")
    return atomic_write(Path(path), lambda stream: stream.write(text))


# -- reading -------------------------------------------------------------------------------
def read_scene_file(path: Path) -> SceneDocument:
    path = Path(path)
    try:
        raw = read_toml(path)
    except AnnotationError as error:
        raise SceneFileError(str(error)) from None
    reader = _Reader(path)
    document = SceneDocument()
    for key, value in raw.items():
        if key == "format":
            if value != FORMAT_VERSION:
                reader.warn("format", f"version {value!r}; this program reads {FORMAT_VERSION}")
        elif key == "title":
            document.title = str(value)
        elif key == "scene":
            document.scene = reader.scene(value, Scene(), "scene")
        elif key == "step":
            if not isinstance(value, list):
                reader.warn("step", "must be a list of [[step]] tables")
                continue
            previous = document.scene
            for index, item in enumerate(value):
                previous = reader.scene(item, replace(previous, text=""), f"step[{index}]")
                document.steps.append(previous)
        else:
            reader.warn(key, "unknown field (ignored)")
    document.warnings = reader.warnings
    return document


class _Reader:
    """Reads field by field, keeping every good value and a message for each bad one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []

    def warn(self, where: str, reason: str) -> None:
        self.warnings.append(f"{self.path}: {where}: {reason}")

    def scene(self, table: Any, base: Scene, where: str) -> Scene:
        if not isinstance(table, dict):
            self.warn(where, "must be a table")
            return base
        values = dict(base.state)
        # A step that names a view without a camera looks from that view, not the last camera.
        camera = None if "view" in table and "camera" not in table else base.camera
        pins, text = base.pins, ""
        for key, value in table.items():
            name = f"{where}.{key}"
            try:
                if key == "camera":
                    camera = read_camera(value)
                elif key == "pins":
                    pins = self.pins(value, name)
                elif key == "text":
                    text = read_text(value)
                elif key in FIELDS:
                    field_name, converted = FIELDS[key](value, self, name)
                    values[field_name] = converted
                elif key == "selected_part":
                    continue  # read with "selection"
                else:
                    self.warn(name, "unknown field (ignored)")
            except (ValueError, TypeError, KeyError) as error:
                self.warn(name, reason(error))
        if "selected_part" in table and "selection" in values:
            values["selection"] = self.selection_with_part(values["selection"], table, where)
        return Scene(values, camera, pins, text)

    def pins(self, value: Any, where: str) -> tuple[Pin, ...]:
        if not isinstance(value, list):
            raise ValueError("must be a list of [[...pins]] tables")
        pins = []
        for index, item in enumerate(value):
            try:
                pins.append(Pin.model_validate(item))
            except ValidationError as error:
                problem = error.errors(include_url=False)[0]
                location = ".".join(str(part) for part in problem["loc"])
                self.warn(f"{where}[{index}].{location}", f"{problem['msg']} (pin left out)")
        return tuple(pins)

    def selection_with_part(self, selection, table: dict, where: str):
        selected, _ = selection
        part = table["selected_part"]
        if part in PART_BY_ID and PART_BY_ID[part].structure == selected:
            return (selected, part)
        self.warn(f"{where}.selected_part", f"{part!r} is not a part of {selected!r}")
        return selection
