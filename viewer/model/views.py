"""The named camera views: one table for the state, the scene, the menus and the CLI.

A right leg in the meshes' axes: lateral is +X, anterior +Y, up +Z. Each
view says where the eye looks from (``direction``, from the focal point
towards the eye) and which way is up on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

ViewId = Literal["posterior", "anterior", "lateral", "medial", "popliteal_fossa"]
VIEWS: tuple[str, ...] = get_args(ViewId)
DEFAULT_VIEW: ViewId = "posterior"

Vector = tuple[float, float, float]


@dataclass(frozen=True)
class View:
    id: str
    title: str
    direction: Vector
    up: Vector
    shortcut: str
    tip: str
    #: A structure the view frames instead of the whole leg (a region seen close up).
    focus: str | None = None


VIEW_TABLE: tuple[View, ...] = (
    View(
        id="posterior",
        title="Posterior",
        direction=(0.0, -1.0, 0.0),
        up=(0.0, 0.0, 1.0),
        shortcut="Ctrl+1",
        tip="View from behind",
    ),
    View(
        id="anterior",
        title="Anterior",
        direction=(0.0, 1.0, 0.0),
        up=(0.0, 0.0, 1.0),
        shortcut="Ctrl+2",
        tip="View from the front",
    ),
    View(
        id="lateral",
        title="Lateral",
        direction=(1.0, 0.0, 0.0),
        up=(0.0, 0.0, 1.0),
        shortcut="Ctrl+3",
        tip="View from the outer side",
    ),
    View(
        id="medial",
        title="Medial",
        direction=(-1.0, 0.0, 0.0),
        up=(0.0, 0.0, 1.0),
        shortcut="Ctrl+4",
        tip="View from the inner side",
    ),
    View(
        id="popliteal_fossa",
        title="Popliteal fossa",
        direction=(0.0, -1.0, 0.0),
        up=(0.0, 0.0, 1.0),
        shortcut="Ctrl+5",
        tip="The back of the knee close up: the fossa, its borders and contents",
        focus="popliteal_fossa",
    ),
)
VIEW_BY_ID: dict[str, View] = {view.id: view for view in VIEW_TABLE}

assert tuple(VIEW_BY_ID) == VIEWS, "VIEW_TABLE and ViewId must list the same views in order"
