"""One row per layer: a toggle (its key) and an opacity slider."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSlider, QWidget

from meshes.parts import LAYER_TABLE, LAYERS
from viewer.gui.theme import outline_tick_boxes
from viewer.model.state import AtlasState


class LayerStrip(QWidget):
    def __init__(self, state: AtlasState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._applying = False
        self.toggles: dict[str, QCheckBox] = {}
        self.sliders: dict[str, QSlider] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 14)
        for row, spec in enumerate(LAYER_TABLE):
            layer = spec.id
            toggle = QCheckBox(spec.title)
            toggle.setToolTip(f"Show or hide the {spec.title.lower()} ({spec.key})")
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, 100)
            slider.setToolTip(f"Opacity of the {spec.title.lower()}")
            slider.setAccessibleName(f"Opacity of the {spec.title.lower()}")
            slider.setMaximumWidth(140)
            key = QLabel(spec.key)
            key.setStyleSheet("color: #8d8a84;")
            grid.addWidget(key, row, 0)
            grid.addWidget(toggle, row, 1)
            grid.addWidget(slider, row, 2)
            toggle.toggled.connect(lambda on, layer=layer: self._on_toggle(layer, on))
            slider.valueChanged.connect(lambda value, layer=layer: self._on_slider(layer, value))
            self.toggles[layer] = toggle
            self.sliders[layer] = slider
        outline_tick_boxes(self)
        state.events.layers_visible.connect(self.refresh)
        state.events.layer_opacity.connect(self.refresh)
        self.refresh()

    def _on_toggle(self, layer: str, on: bool) -> None:
        if not self._applying:
            self.state.set_layer_visible(layer, on)

    def _on_slider(self, layer: str, value: int) -> None:
        if not self._applying:
            self.state.set_layer_opacity(layer, value / 100.0)

    def refresh(self, *_: object) -> None:
        self._applying = True
        try:
            for layer in LAYERS:
                self.toggles[layer].setChecked(layer in self.state.layers_visible)
                self.sliders[layer].setValue(round(100 * self.state.opacity_of_layer(layer)))
        finally:
            self._applying = False
