"""Preferences kept between sessions with QSettings (an INI file).

Window geometry, dock layout, layer visibility and opacity, and the last
export folder. A corrupt or hand-edited file never stops the app: whatever
cannot be read falls back to its default, and the window says so once in the
status bar.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QSettings

from meshes.parts import LAYERS


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LegAtlas", "Leg Atlas")


def restore_preferences(window, settings: QSettings) -> str:
    """Apply saved preferences to the window's state; returns a note when some were bad."""
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
            window.state.layers_visible = frozenset(layers)
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
                window.state.set_layer_opacity(layer, float(value))
        except (ValueError, TypeError, RecursionError):
            problems.append("layer opacity")
    window.last_export_dir = str(settings.value("export/folder", "") or "")
    if problems:
        return "Some saved preferences were unreadable and were reset: " + ", ".join(problems)
    return ""


def save_preferences(window, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("layers/visible", json.dumps(sorted(window.state.layers_visible)))
    settings.setValue("layers/opacity", json.dumps(dict(window.state.layer_opacity)))
    settings.setValue("export/folder", window.last_export_dir)
    settings.sync()
