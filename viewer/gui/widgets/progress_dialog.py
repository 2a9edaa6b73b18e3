"""My progress: every structure a student can be asked about, as known, learning or new."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from viewer.model.questions import pickable_structures
from viewer.model.review import Progress

STATUS_COLOURS = {"known": "#7bc47f", "learning": "#d8a850", "new": "#8d8a84"}


def open_progress_dialog(
    parent: QWidget, progress: Progress, name_of: Callable[[str], str]
) -> QDialog:
    rows = ""
    for structure in pickable_structures():
        status = progress.status(structure)
        name = escape(name_of(structure))
        rows += f"<tr><td>{name}</td><td style='color:{STATUS_COLOURS[status]}'>{status}</td></tr>"
    dialog = QDialog(parent)
    dialog.setWindowTitle("My progress")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser()
    browser.setHtml(f"<table cellpadding='4'>{rows}</table>")
    QVBoxLayout(dialog).addWidget(browser)
    dialog.resize(360, 480)
    dialog.open()
    return dialog
