"""The card of the selection (or the overview), as rich text with collapsible sections."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from viewer.card_html import card_html, overview_html
from viewer.state import AtlasState


class InfoPanel(QTextBrowser):
    """Emits ``play_requested(kind, id)`` when a "Show on model" link is clicked."""

    play_requested = Signal(str, str)

    def __init__(self, state: AtlasState, catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalogue = catalogue
        self.expanded: set[str] = set()
        self.extra_line = ""  # e.g. the selected muscle's current length, set by the motion views
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_link)
        state.events.selected.connect(self.refresh)
        state.events.selected_part.connect(self.refresh)
        self.refresh()

    def refresh(self, *_: object, keep_scroll: bool = False) -> None:
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
