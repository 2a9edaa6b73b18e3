"""Presentation mode: the 3D view alone, full screen, with a large caption (F11).

For showing a client or a class: the panels, menus, toolbar and status bar
step aside, and a caption in large type names what is selected or which
exercise plays, so the room can read it from the back. F11 or Esc brings
everything back as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

CAPTION_POINT_SIZE = 30
CAPTION_MARGIN_PX = 24


class PresentationMode(QObject):
    """Hides the window's chrome and shows a caption over ``view``; restores both."""

    def __init__(self, window: QMainWindow, view: QWidget, state, catalogue) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.state = state
        self.catalogue = catalogue
        self.active = False
        self._hidden: list[QWidget] = []
        self._was_maximized = False
        self.caption = QLabel(view)
        self.caption.setObjectName("presentation-caption")
        self.caption.setAccessibleName("Caption")
        font = self.caption.font()
        font.setPointSize(CAPTION_POINT_SIZE)
        font.setWeight(font.Weight.DemiBold)
        self.caption.setFont(font)
        self.caption.setStyleSheet(
            "color: #ffffff; background: rgba(20, 22, 26, 170); padding: 10px 18px;"
            " border-radius: 8px;"
        )
        self.caption.hide()
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.installEventFilter(self)
        state.events.selection.connect(self.update_caption)
        state.events.motion.connect(self.update_caption)

    def caption_text(self) -> str:
        """What the room reads: the exercise playing, else the selection, else the title."""
        motion = self.state.motion
        if motion.active and motion.name:
            return motion.name
        selected = self.state.selected_part or self.state.selected
        if selected:
            return self.catalogue.display_name(selected)
        return "Back of the right leg"

    def update_caption(self, *_: object) -> None:
        if not self.active:
            return
        self.caption.setText(self.caption_text())
        self.caption.adjustSize()
        self.caption.move(CAPTION_MARGIN_PX, CAPTION_MARGIN_PX)
        self.caption.raise_()

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        chrome = [*window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)]
        self._hidden = [
            widget
            for widget in chrome
            if widget is not window.centralWidget()
            and widget.isVisible()
            and widget.isWindow() is False
        ]
        for widget in self._hidden:
            widget.hide()
        window.menuBar().hide()
        self._was_maximized = window.isMaximized()
        self.active = True
        window.showFullScreen()
        self.caption.show()
        self.update_caption()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        self.caption.hide()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.window.menuBar().show()
        if self._was_maximized:
            self.window.showMaximized()
        else:
            self.window.showNormal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.active:
            self.update_caption()
        return False
