"""A reference on a card is a link a reader can follow: clicking it hands the URL to the
system browser (here a real Qt URL handler stands in for the browser) and the card stays."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
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


def test_a_clinical_test_on_the_card_shows_its_position_on_the_model(window, qtbot):
    window.state.select("soleus")
    click_link(qtbot, window.info, "toggle:tests")
    assert "Silfverskiold test" in window.info.toPlainText()
    click_link(qtbot, window.info, "play:test:silfverskiold_test")
    qtbot.waitUntil(lambda: window.state.pose.knee_flexion > 85, timeout=8000)
    assert window.state.pose.ankle_dorsiflexion > 15


def test_searching_a_clinical_test_finds_what_it_examines_and_offers_to_show_it(window, qtbot):
    window.focus_search()
    qtbot.keyClicks(window.tree.search, "thompson")
    assert "calcaneal_tendon" in window.tree.visible_structure_ids()
    assert "Thompson calf-squeeze test" in window.tree.motion_hits.text()
    qtbot.keyClick(window.tree.search, Qt.Key.Key_Return)
    assert window.state.selected == "calcaneal_tendon"
