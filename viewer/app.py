"""Creating the QApplication and showing the window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from viewer import __version__


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Leg Atlas")
    app.setOrganizationName("LegAtlas")
    app.setApplicationVersion(__version__)
    return app


def run_app(catalogue, state) -> int:
    app = make_application()
    from viewer.settings import open_settings
    from viewer.window import AtlasWindow

    window = AtlasWindow(catalogue, state, open_settings())
    window.show()
    return app.exec()
