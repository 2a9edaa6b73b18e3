"""Driving the real 3D view with real Qt mouse events."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def wait_for_view(qtbot, window, timeout_ms: int = 60_000) -> None:
    """Wait until the window's 3D view is built (``view_ready``), as a person waits for the leg."""
    if not window.is_view_ready():
        with qtbot.waitSignal(window.view_ready, timeout=timeout_ms):
            pass
    assert window.is_view_ready()


def project(view, point) -> QPoint:
    """Widget position (logical pixels) of a world point, through the view's camera."""
    renderer = view.renderer
    renderer.SetWorldPoint(*point, 1.0)
    renderer.WorldToDisplay()
    x, y, _ = renderer.GetDisplayPoint()
    ratio = view.devicePixelRatioF()
    return QPoint(round(x / ratio), round(view.height() - 1 - y / ratio))


def visible_point_of(view, part_id: str, max_tries: int = 400) -> QPoint:
    """A widget position where the part is the first thing under the cursor.

    Candidates are the part's vertices facing the camera, tried from its
    middle outwards; the app's own picker confirms the part is on top there.
    """
    mesh = view.scene.leg.meshes[part_id]
    points = np.asarray(mesh.points)
    camera = view.camera
    towards_eye = np.subtract(camera.position, camera.focal_point)
    towards_eye /= np.linalg.norm(towards_eye)
    normals = np.asarray(mesh.point_data["Normals"])
    facing = points[normals @ towards_eye > 0.5]
    centre = facing.mean(axis=0)
    order = np.argsort(np.linalg.norm(facing - centre, axis=1))
    width, height = view.width(), view.height()
    for index in order[:max_tries]:
        position = project(view, facing[index])
        if not (5 < position.x() < width - 5 and 5 < position.y() < height - 5):
            continue
        if view.pick_part(position.x(), position.y()) == part_id:
            return position
    raise AssertionError(f"{part_id} is nowhere visible in the view")


def _send(widget, kind, position: QPoint, button, buttons) -> None:
    local = QPointF(position)
    event = QMouseEvent(
        kind, local, QPointF(widget.mapToGlobal(position)), button, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def click(widget, position: QPoint) -> None:
    """Press and release the left button at one spot, as a person clicks."""
    left = Qt.MouseButton.LeftButton
    hover(widget, position)
    _send(widget, QMouseEvent.Type.MouseButtonPress, position, left, left)
    _send(widget, QMouseEvent.Type.MouseButtonRelease, position, left, Qt.MouseButton.NoButton)
    QApplication.processEvents()


def drag(widget, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """Press, move in steps with the button held, release: a rotate gesture."""
    press(widget, start)
    move_held(widget, start, end, steps)
    release(widget, end)


def press(widget, position: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    """Press a mouse button (the start of a drag or a click)."""
    _send(widget, QMouseEvent.Type.MouseButtonPress, position, button, button)


def move_held(
    widget, start: QPoint, end: QPoint, steps: int = 12, button=Qt.MouseButton.LeftButton
) -> None:
    """Move from ``start`` to ``end`` in steps with ``button`` held, as a drag does."""
    for step in range(1, steps + 1):
        fraction = step / steps
        point = QPoint(
            round(start.x() + (end.x() - start.x()) * fraction),
            round(start.y() + (end.y() - start.y()) * fraction),
        )
        _send(widget, QMouseEvent.Type.MouseMove, point, Qt.MouseButton.NoButton, button)
        QApplication.processEvents()


def release(widget, position: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    _send(widget, QMouseEvent.Type.MouseButtonRelease, position, button, Qt.MouseButton.NoButton)
    QApplication.processEvents()


def hover(widget, position: QPoint) -> None:
    """Move the mouse there with no button held."""
    none = Qt.MouseButton.NoButton
    _send(widget, QMouseEvent.Type.MouseMove, position, none, none)


def link_position(browser, href: str) -> QPoint:
    """Viewport position of the middle of the first link to ``href`` in a QTextBrowser."""
    from PySide6.QtGui import QTextCursor

    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                QApplication.processEvents()
                return browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} in the panel")


def click_link(qtbot, browser, href: str) -> None:
    """Click a link in the info panel with the mouse, as a reader does."""
    position = link_position(browser, href)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=position)


def read_and_close_modal_later(delay_ms: int = 300) -> dict:
    """Arrange to read the text of the next modal box and close it, as a person would.

    Returns a dict that holds the box's text under "text" once it has appeared.
    """
    from PySide6.QtCore import QTimer

    seen: dict = {}

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        seen["text"] = box.text() if box else ""
        if box:
            box.close()

    QTimer.singleShot(delay_ms, read_and_close)
    return seen


def open_export_dialog(qtbot, window):
    """Open File > Export screenshot with its shortcut, as a person would; the dialog."""
    from viewer.gui.widgets.export_dialog import ExportDialog

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)))
    return next(d for d in window.findChildren(ExportDialog) if d.isVisible())
