"""A reference on a card is a link a reader can follow: clicking it hands the URL to the
system browser (here a real Qt URL handler stands in for the browser) and the card stays."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tests.gui_helpers import click_link


class _Browser(QObject):
    """Receives the URLs Qt would give the system browser."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_clicking_a_reference_opens_it_in_the_browser_and_keeps_the_card(window, qtbot):
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        window.state.select("calcaneal_tendon")
        link = window.catalogue.reference_list["knaus2021"].link
        before = window.info.toHtml()
        click_link(qtbot, window.info, link)
        qtbot.waitUntil(lambda: browser.opened == [link])
        assert window.info.toHtml() == before
        assert window.state.selected == "calcaneal_tendon"
    finally:
        QDesktopServices.unsetUrlHandler("https")
