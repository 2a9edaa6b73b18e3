"""The window's commands: text, shortcut and tooltip of each, in one table.

The same table fills the menus, the toolbar, the tooltips ("Hide selected
(H)") and Help > Keyboard shortcuts, so a shortcut is never documented in
one place and different in another. The view and layer commands come from
the view and layer tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from meshes.parts import LAYER_TABLE
from viewer.model.views import VIEW_TABLE


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcut: str = ""
    tip: str = ""
    checkable: bool = False
    toolbar: bool = False


ACTION_SPECS: tuple[ActionSpec, ...] = (
    *(
        ActionSpec(f"view_{view.id}", view.title, view.shortcut, view.tip, toolbar=True)
        for view in VIEW_TABLE
    ),
    ActionSpec("view_reset", "Reset view", "R", "Back to the posterior view", toolbar=True),
    ActionSpec("frame", "Frame selection", "F", "Zoom to the selected structure"),
    ActionSpec("show_all", "Show all", "Shift+H", "Show every structure and layer", toolbar=True),
    ActionSpec("hide", "Hide selected", "H", "Hide the selected structure", toolbar=True),
    ActionSpec("isolate", "Isolate selected", "I", "Show only the selection", toolbar=True),
    ActionSpec("clear", "Clear selection", "Esc", "Deselect (and stop a motion)"),
    ActionSpec("labels", "Labels", "L", "Show names on the muscles", checkable=True, toolbar=True),
    ActionSpec("stretch_map", "Stretch map", "M", "Colour muscles by length change", True, True),
    ActionSpec(
        "high_contrast",
        "Larger text and high contrast",
        "Ctrl+Shift+L",
        "White on black and 125 % text, for projectors and tired eyes",
        checkable=True,
    ),
    ActionSpec(
        "presentation",
        "Presentation",
        "F11",
        "Full-screen 3D view with a large caption; F11 or Esc leaves",
        checkable=True,
        toolbar=True,
    ),
    ActionSpec("pause", "Play/pause motion", "Space", "Pause or resume the exercise or stretch"),
    ActionSpec("reset_pose", "Reset to standing", "Ctrl+0", "Stand in the anatomical position"),
    ActionSpec(
        "practice", "Practice", "P", "Questions on the model, with spaced review", True, True
    ),
    ActionSpec("open_scene", "Open scene…", "Ctrl+O", "Open a .legatlas scene or tour"),
    ActionSpec("save_scene", "Save scene…", "Ctrl+S", "Save this view, its pins and tour steps"),
    ActionSpec("worksheet", "Export worksheet (PDF)…", "", "The view with numbered pins and a key"),
    ActionSpec("add_pin", "Add pin", "N", "Click the model to pin a numbered note", True),
    ActionSpec("remove_pin", "Remove last pin", "Shift+N", "Take away the last pin"),
    ActionSpec("tour_step", "Add tour step…", "", "Keep this view, with a text, as a tour step"),
    ActionSpec("export", "Export screenshot…", "Ctrl+E", "Save a picture", toolbar=True),
    ActionSpec("copy", "Copy view", "Ctrl+Shift+C", "Copy the view to the clipboard"),
    ActionSpec("find", "Find structure", "Ctrl+F", "Search by name, Latin name or synonym"),
    ActionSpec("focus_view", "Focus the 3D view", "F6", "Keys to the 3D view: arrows turn the leg"),
    ActionSpec("rotate_left", "Rotate left", "Left", "Turn the leg left"),
    ActionSpec("rotate_right", "Rotate right", "Right", "Turn the leg right"),
    ActionSpec("rotate_up", "Tilt up", "Up", "Tilt the view up"),
    ActionSpec("rotate_down", "Tilt down", "Down", "Tilt the view down"),
    *(
        ActionSpec(
            f"layer_{layer.id}",
            layer.title,
            layer.key,
            f"Show or hide the {layer.title.lower()}",
            checkable=True,
        )
        for layer in LAYER_TABLE
    ),
    ActionSpec("shortcuts", "Keyboard shortcuts", "F1", "List every shortcut"),
    ActionSpec("about", "About Leg Atlas", "", "Version, references and the educational note"),
    ActionSpec("quit", "Quit", "Ctrl+Q", "Close Leg Atlas"),
)

ROTATE_STEP_DEG = 15.0


def tooltip(spec: ActionSpec) -> str:
    """Tooltip that names the shortcut, e.g. "Hide the selected structure (H)"."""
    tip = spec.tip or spec.text
    return f"{tip} ({spec.shortcut})" if spec.shortcut else tip


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{spec.shortcut}</b>&nbsp;&nbsp;</td><td>{spec.text}</td></tr>"
        for spec in ACTION_SPECS
        if spec.shortcut
    )
    mouse = (
        "<tr><td><b>Left click</b>&nbsp;&nbsp;</td><td>Select a structure</td></tr>"
        "<tr><td><b>Left drag</b></td><td>Rotate</td></tr>"
        "<tr><td><b>Wheel / right drag</b></td><td>Zoom</td></tr>"
        "<tr><td><b>Middle or Shift+left drag</b></td><td>Pan</td></tr>"
        "<tr><td><b>Double click</b></td><td>Frame the structure</td></tr>"
        "<tr><td><b>Hover</b></td><td>Outline and name what a click would select</td></tr>"
        "<tr><td><b>Enter / Space</b> (tree)</td><td>Select the current row</td></tr>"
        "<tr><td><b>Ctrl+Space</b> (tree)</td><td>Show or hide the current row</td></tr>"
        "<tr><td><b>Enter</b> (search)</td><td>Select the first match</td></tr>"
        "<tr><td><b>Tab / Shift+Tab</b></td><td>Move between view, search, tree, panels</td></tr>"
    )
    return f"<table>{mouse}{rows}</table>"
