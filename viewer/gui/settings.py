"""Preferences kept between sessions with QSettings (an INI file).

Window geometry, dock layout, layer visibility and opacity, and the last
export folder. A corrupt or hand-edited file never stops the app: whatever
cannot be read falls back to its default, and the window says so once in the
status bar.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from meshes.parts import LAYERS
from viewer.model.state import AtlasState


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LegAtlas", "Leg Atlas")


def restore_preferences(
    settings: QSettings, state: AtlasState, window: QMainWindow
) -> tuple[str, str]:
    """Apply saved preferences to the state and the window's geometry.

    Returns a note for the status bar ("" when all was readable) and the last export folder.
    """
    problems = []
    if settings.status() != QSettings.Status.NoError:
        problems.append("the settings file could not be read")
    geometry = settings.value("window/geometry")
    if geometry is not None:
        if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
            pass
        else:
            problems.append("window size")
    visible = settings.value("layers/visible")
    if visible is not None:
        try:
            layers = json.loads(str(visible))
            if not isinstance(layers, list) or not all(
                isinstance(layer, str) and layer in LAYERS for layer in layers
            ):
                raise ValueError
            state.layers_visible = frozenset(layers)
        except (ValueError, TypeError, RecursionError):
            problems.append("layers")
    opacity = settings.value("layers/opacity")
    if opacity is not None:
        try:
            values = json.loads(str(opacity))
            if not isinstance(values, dict):
                raise ValueError
            for layer, value in values.items():
                if layer not in LAYERS or not 0.0 <= float(value) <= 1.0:
                    raise ValueError
            for layer, value in values.items():
                state.set_layer_opacity(layer, float(value))
        except (ValueError, TypeError, RecursionError):
            problems.append("layer opacity")
    export_folder = str(settings.value("export/folder", "") or "")
    note = ""
    if problems:
        note = "Some saved preferences were unreadable and were reset: " + ", ".join(problems)
    return note, export_folder


def save_preferences(
    settings: QSettings, state: AtlasState, window: QMainWindow, export_folder: str
) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("layers/visible", json.dumps(sorted(state.layers_visible)))
    settings.setValue("layers/opacity", json.dumps(dict(state.layer_opacity)))
    settings.setValue("export/folder", export_folder)
    settings.sync()
