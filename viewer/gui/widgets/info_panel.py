"""The card of the selection (or the overview), as rich text with collapsible sections.

A reference's web link opens in the system browser; the panel itself never
navigates away from the card.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from meshes.lengths import length_line
from viewer.model.card_html import card_html, overview_html
from viewer.model.state import AtlasState


class InfoPanel(QTextBrowser):
    """Emits ``play_requested(kind, id)`` when a "Show on model" link is clicked."""

    play_requested = Signal(str, str)

    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self.expanded: set[str] = set()
        self.extra_line = ""  # under the title: the muscle's length in the current pose
        self._shown: tuple | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Card of the selection")
        self.anchorClicked.connect(self._on_link)
        state.events.selection.connect(self.refresh)
        state.events.pose.connect(lambda *_: self.refresh(keep_scroll=True))
        self.refresh()

    def refresh(self, *_: object, keep_scroll: bool = False) -> None:
        """Re-render the card; skipped when nothing it shows has changed."""
        self.extra_line = length_line(self.state.selected, self.state.pose)
        key = (self.state.selection, frozenset(self.expanded), self.extra_line)
        if key == self._shown:
            return
        self._shown = key
        scroll = self.verticalScrollBar().value() if keep_scroll else 0
        selected = self.state.selected
        if selected is None:
            html = overview_html(self.catalogue)
        else:
            html = card_html(
                self.catalogue, selected, self.state.selected_part, self.expanded, self.extra_line
            )
        self.setHtml(html)
        self.verticalScrollBar().setValue(scroll)

    def _on_link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "toggle":
            self.expanded ^= {rest}
            self.refresh(keep_scroll=True)
        elif kind == "select":
            self.state.select(rest)
        elif kind == "play":
            motion_kind, _, motion_id = rest.partition(":")
            self.play_requested.emit(motion_kind, motion_id)
        elif kind in ("http", "https"):
            QDesktopServices.openUrl(url)
