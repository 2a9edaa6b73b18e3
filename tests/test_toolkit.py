"""Guards against known defects of the toolkit versions we install."""

from __future__ import annotations

import sys


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 drops a reference to None on each void call; long sessions then abort."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"{lost} references to None lost in 2000 calls"
