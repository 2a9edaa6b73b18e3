"""The window's look: a calm dark theme, and a high-contrast one with larger text.

The dark theme sits with the dark 3D view instead of glaring beside it. The
high-contrast theme (View > Larger text and high contrast) is for a
projector, a small screen or weaker eyes: pure white on black, brighter
highlights and 125 % text. Tick boxes get a visible outline in both, since
Fusion draws their border only slightly darker than the panel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

ICONS = Path(__file__).parent / "icons"
LARGE_TEXT_FACTOR = 1.25

DARK = {
    QPalette.ColorRole.Window: "#23262b",
    QPalette.ColorRole.WindowText: "#e8e4dc",
    QPalette.ColorRole.Base: "#1b1d21",
    QPalette.ColorRole.AlternateBase: "#2a2d33",
    QPalette.ColorRole.Text: "#e8e4dc",
    QPalette.ColorRole.Button: "#2d3137",
    QPalette.ColorRole.ButtonText: "#e8e4dc",
    QPalette.ColorRole.Highlight: "#b8862b",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2d3137",
    QPalette.ColorRole.ToolTipText: "#e8e4dc",
    QPalette.ColorRole.PlaceholderText: "#8d8a84",
    QPalette.ColorRole.Link: "#8cc4ff",
}
HIGH_CONTRAST = {
    **DARK,
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#1a1a1a",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#1a1a1a",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#ffd23f",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.PlaceholderText: "#c8c8c8",
    QPalette.ColorRole.Link: "#9fd8ff",
}


#: Marks each widget given the tick-box outline, so a change of theme finds it again.
TICK_BOXES_PROPERTY = "legatlas_tick_boxes"
#: The application property holding whether the high-contrast theme is on.
HIGH_CONTRAST_PROPERTY = "legatlas_high_contrast"
#: The tick boxes' outline in the dark and in the high-contrast theme.
TICK_BOX_BORDER = {False: "#a8a29a", True: "#ffffff"}


def indicator_style(border: str) -> str:
    """Style sheet giving tick boxes (tree rows and check boxes) a visible outline."""
    check = (ICONS / "check.svg").as_posix()
    partial = (ICONS / "partial.svg").as_posix()
    return (
        "QTreeView::indicator, QCheckBox::indicator {"
        f" width: 13px; height: 13px; border: 1px solid {border}; border-radius: 2px;"
        " background: palette(base); }"
        f"QTreeView::indicator:checked, QCheckBox::indicator:checked {{ image: url({check}); }}"
        "QTreeView::indicator:indeterminate, QCheckBox::indicator:indeterminate"
        f" {{ image: url({partial}); }}"
        "QTreeView::indicator:focus, QCheckBox::indicator:focus"
        " { border-color: palette(highlight); }"
    )


def outline_tick_boxes(widget: QWidget) -> None:
    """Give the tick boxes in ``widget`` (tree rows, check boxes) a visible outline.

    The style sheet goes on the few widgets that have tick boxes, not on the
    whole application: an application-wide sheet sends every widget through
    Qt's slower style-sheet engine, about 10 ms of the first window.
    """
    widget.setProperty(TICK_BOXES_PROPERTY, True)
    app = QApplication.instance()
    high_contrast = bool(app is not None and app.property(HIGH_CONTRAST_PROPERTY))
    widget.setStyleSheet(indicator_style(TICK_BOX_BORDER[high_contrast]))


def apply_theme(app: QApplication, high_contrast: bool = False) -> None:
    """Set the palette, the tick-box outline and the text size for the chosen theme."""
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (HIGH_CONTRAST if high_contrast else DARK).items():
        palette.setColor(role, QColor(colour))
    disabled = "#a0a0a0" if high_contrast else "#6f6c66"
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    app.setPalette(palette)
    app.setProperty(HIGH_CONTRAST_PROPERTY, high_contrast)
    for widget in app.allWidgets():
        if widget.property(TICK_BOXES_PROPERTY):
            outline_tick_boxes(widget)
    base = app.property("legatlas_base_point_size")
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty("legatlas_base_point_size", base)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * (LARGE_TEXT_FACTOR if high_contrast else 1.0))
    app.setFont(font)
