"""Reading one field of a scene file: each value checked, with a reason a person can act on.

Each converter returns the AtlasState field and the value to put there, or
raises ValueError with the reason; a list with some unknown ids keeps the
known ones and reports the rest through ``reader.warn``. Kept apart from
``scene_file`` so the file's shape and each field's rules read separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from meshes.parts import LAYERS, STRUCTURE_IDS
from meshes.pose import POSE_RANGES_DEG, Pose
from viewer.model.state import AtlasState, selectable_ids
from viewer.model.views import VIEWS

MAX_STEP_TEXT = 2000
#: Movement ids are lower-case words joined by underscores (an id this version does not
#: know still places the leg: it stands on the other leg, the default setting).
_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class SavedCamera:
    position: tuple[float, float, float]
    focal_point: tuple[float, float, float]
    up: tuple[float, float, float]
    view_angle: float = 30.0
    #: The 3D view's size (pixels) when saved: a picture of that size frames it the same.
    window_size: tuple[int, int] | None = None


def reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return error.errors(include_url=False)[0]["msg"]
    if isinstance(error, KeyError):
        return f"missing {error}"
    return str(error)


def _known_ids(value: Any, valid: tuple[str, ...], reader: Any, where: str) -> frozenset:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("must be a list of ids")
    unknown = [item for item in value if item not in valid]
    if unknown:
        reader.warn(where, f"unknown ids {unknown} left out; valid: {', '.join(valid)}")
    return frozenset(item for item in value if item in valid)


def read_text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    if len(value) > MAX_STEP_TEXT:
        raise ValueError(f"at most {MAX_STEP_TEXT} characters")
    return value.strip()


def _vector(value: Any) -> tuple[float, float, float]:
    if not isinstance(value, list) or len(value) != 3:
        raise ValueError("must be three numbers [x, y, z]")
    numbers = tuple(float(v) for v in value)
    if any(v != v or abs(v) == float("inf") for v in numbers):
        raise ValueError("must be finite numbers")
    return numbers  # type: ignore[return-value]


def read_camera(value: Any) -> SavedCamera:
    if not isinstance(value, dict):
        raise ValueError("must be a table with position, focal_point and up")
    unknown = set(value) - {"position", "focal_point", "up", "view_angle", "window_size"}
    if unknown:
        raise ValueError(f"unknown keys {sorted(unknown)}")
    angle = float(value.get("view_angle", 30.0))
    if not 1.0 <= angle <= 120.0:
        raise ValueError(f"view_angle {angle:g} is outside 1..120 degrees")
    position, focal = _vector(value["position"]), _vector(value["focal_point"])
    if position == focal:
        raise ValueError("position and focal_point must differ")
    size = value.get("window_size")
    if size is not None:
        if not (isinstance(size, list) and len(size) == 2 and all(_pixels(v) for v in size)):
            raise ValueError("window_size must be [width, height] in pixels (1..8192)")
        size = (int(size[0]), int(size[1]))
    return SavedCamera(position, focal, _vector(value["up"]), angle, size)


def _pixels(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 8192


def _view(value, reader, where):
    if value not in VIEWS:
        raise ValueError(f"unknown view {value!r}; valid: {', '.join(VIEWS)}")
    return "view", value


def _layers(value, reader, where):
    return "layers_visible", _known_ids(value, LAYERS, reader, where)


def _hidden(value, reader, where):
    return "hidden", _known_ids(value, STRUCTURE_IDS, reader, where)


def _opacity(value, reader, where):
    if not isinstance(value, dict):
        raise ValueError("must be a table of layer = opacity")
    opacities = dict(AtlasState().layer_opacity)
    for layer, number in value.items():
        if layer not in LAYERS:
            reader.warn(f"{where}.{layer}", f"unknown layer; valid: {', '.join(LAYERS)}")
        elif not isinstance(number, (int, float)) or not 0.0 <= number <= 1.0:
            reader.warn(f"{where}.{layer}", f"opacity must be a number 0..1 (got {number!r})")
        else:
            opacities[layer] = float(number)
    return "layer_opacity", tuple(opacities.items())


def _selection(value, reader, where):
    if value in ("", None):
        return "selection", (None, None)
    if value not in selectable_ids():
        raise ValueError(f"unknown id {value!r}; valid: {', '.join(selectable_ids())}")
    return "selection", (value, None)


def _pose(value, reader, where):
    if not isinstance(value, dict):
        raise ValueError("must be a table of joint angles")
    unknown = set(value) - set(POSE_RANGES_DEG)
    if unknown:
        raise ValueError(f"unknown joints {sorted(unknown)}; valid: {', '.join(POSE_RANGES_DEG)}")
    return "pose", Pose(**value)


def _colour_mode(value, reader, where):
    if value not in ("anatomy", "stretch"):
        raise ValueError(f"unknown colour mode {value!r}; valid: anatomy, stretch")
    return "colour_mode", value


def _world(value, reader, where):
    if not isinstance(value, str) or (value and not _ID.fullmatch(value)):
        raise ValueError(
            f"must be an exercise, stretch or test id like 'wall_calf_stretch' (got {value!r})"
        )
    return "world", value or None


def _labels(value, reader, where):
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false (got {value!r})")
    return "labels", value


FIELDS = {
    "view": _view,
    "layers": _layers,
    "hidden": _hidden,
    "opacity": _opacity,
    "selection": _selection,
    "pose": _pose,
    "colour_mode": _colour_mode,
    "labels": _labels,
    "world": _world,
}
