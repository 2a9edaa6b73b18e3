"""Child process: the bare Qt floor — a plain PySide6 window with a menu bar, a tree and text.

What any Qt program pays before its first window is usable: the interpreter,
importing PySide6, making the QApplication and painting a 1280x800 main
window with a few menus, a dock holding a filled tree and a rich-text panel
(the shape of the atlas's window, none of its content). The moment is taken
as in ``start_app``: after the first paint, once the event loop is free.

Usage: ``python -m benchmarks.start_qt_floor LAUNCHED_AT``.
"""

from __future__ import annotations

import sys
import time

INTERPRETER_READY_AT = time.monotonic()
WINDOW_SIZE_PX = (1280, 800)


def main() -> None:
    launched_at = float(sys.argv[1])

    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QDockWidget,
        QMainWindow,
        QTextBrowser,
        QTreeWidget,
        QTreeWidgetItem,
        QWidget,
    )

    from benchmarks.probe import emit, resident_memory_mb

    application = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    for title in ("&File", "&View", "&Selection", "&Motion", "&Help"):
        menu = window.menuBar().addMenu(title)
        for index in range(8):
            menu.addAction(f"{title.strip('&')} command {index}")
    window.setCentralWidget(QWidget())
    tree = QTreeWidget()
    for group in range(4):
        parent = QTreeWidgetItem(tree, [f"Group {group}"])
        for child in range(6):
            QTreeWidgetItem(parent, [f"Structure {group}.{child}"])
    tree.expandAll()
    dock = QDockWidget("Atlas", window)
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    text = QDockWidget("Card", window)
    text.setWidget(QTextBrowser(html="<h1>Title</h1>" + "<p>Some text of a card.</p>" * 20))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, text)
    window.resize(*WINDOW_SIZE_PX)

    def usable() -> None:
        emit(
            {
                "first_window_s": time.monotonic() - launched_at,
                "memory_mb": resident_memory_mb(),
                "interpreter_ready_s": INTERPRETER_READY_AT - launched_at,
            }
        )

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched, event) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                QTimer.singleShot(0, usable)
            return False

    first_paint = FirstPaint()
    application.installEventFilter(first_paint)
    window.show()
    application.exec()


if __name__ == "__main__":
    main()
