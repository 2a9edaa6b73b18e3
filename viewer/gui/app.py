"""Creating the QApplication and showing the window."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from annotations.catalogue import Catalogue
from viewer import __version__
from viewer.gui.settings import open_settings
from viewer.gui.theme import apply_theme
from viewer.gui.window import AtlasWindow
from viewer.model.state import AtlasState

if TYPE_CHECKING:
    from viewer.model.question_set import PracticeSpec


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Leg Atlas")
    app.setOrganizationName("LegAtlas")
    app.setApplicationVersion(__version__)
    apply_dark_theme(app)
    return app


def apply_dark_theme(app: QApplication) -> None:
    """The dark theme, or the high-contrast one when the person chose it last time."""
    high_contrast = open_settings().value("view/high_contrast", False) in (True, "true")
    apply_theme(app, high_contrast)


def run_app(
    catalogue: Catalogue,
    state: AtlasState,
    hides: Sequence[str] = (),
    practice: PracticeSpec | bool = False,
    scene: str | None = None,
) -> int:
    """Show the window; ``practice`` opens practice mode (True: the student's own review)."""
    app = make_application()
    window = AtlasWindow(catalogue, state, open_settings())
    for item in hides:  # after the saved layers were restored: the launch option wins
        state.hide(item)
    window.show()
    if not gc.isenabled():  # paused for the start by viewer/__main__.py
        # What the start made lives as long as the window: set it aside for good (it held
        # under a thousand objects of garbage), so no collection walks it again.
        gc.freeze()
        gc.enable()
    if scene:
        window.scenes.open(Path(scene))
    if practice:
        window.practice.start(None if practice is True else practice)
    return app.exec()


def show_startup_error(message: str) -> None:
    """A person who started the app from a menu sees no terminal: show the error in a box."""
    make_application()
    QMessageBox.critical(None, "Leg Atlas cannot start", message)
