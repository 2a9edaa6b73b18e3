"""Creating the QApplication and showing the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from annotations.catalogue import Catalogue
from viewer import __version__
from viewer.gui.settings import open_settings
from viewer.gui.window import AtlasWindow
from viewer.model.question_set import PracticeSpec
from viewer.model.state import AtlasState


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Leg Atlas")
    app.setOrganizationName("LegAtlas")
    app.setApplicationVersion(__version__)
    apply_dark_theme(app)
    return app


def apply_dark_theme(app: QApplication) -> None:
    """A calm dark theme, so the panel sits with the dark 3D view instead of glaring beside it."""
    app.setStyle("Fusion")
    palette = QPalette()
    colours = {
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
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f6c66"))
    app.setPalette(palette)


def run_app(
    catalogue: Catalogue,
    state: AtlasState,
    hides: Sequence[str] = (),
    practice: PracticeSpec | bool = False,
) -> int:
    """Show the window; ``practice`` opens practice mode (True: the student's own review)."""
    app = make_application()
    window = AtlasWindow(catalogue, state, open_settings())
    for item in hides:  # after the saved layers were restored: the launch option wins
        state.hide(item)
    window.show()
    if practice:
        window.practice.start(practice if isinstance(practice, PracticeSpec) else None)
    return app.exec()


def show_startup_error(message: str) -> None:
    """A person who started the app from a menu sees no terminal: show the error in a box."""
    make_application()
    QMessageBox.critical(None, "Leg Atlas cannot start", message)
