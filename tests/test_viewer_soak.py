"""A thousand random clicks and hovers: nothing raises, memory stays flat."""

from __future__ import annotations

import gc
import random
import resource

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from tests.gui_helpers import click, hover


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def test_random_clicks_and_hovers_raise_nothing_and_do_not_leak(window):
    rng = random.Random(7)
    view = window.view
    view.set_hover_delay(0)  # every hover picks, at the next turn of the event loop
    width, height = view.width(), view.height()

    def burst(count: int) -> None:
        for _ in range(count):
            position = QPoint(rng.randrange(width), rng.randrange(height))
            click(view, position) if rng.random() < 0.6 else hover(view, position)
            QApplication.processEvents()
        QApplication.processEvents()

    # Warm caches and allocators first: each event is drawn, and the first thousand frames
    # grow VTK's and Mesa's pools by about 17 MB before they level off.
    burst(1000)
    # Garbage the collector has not reached yet is not a leak: collect it before each reading
    # (as benchmarks/app_session.py does), so the figure does not depend on when a
    # generation happened to be collected.
    gc.collect()
    before = _resident_mb()
    burst(1000)
    gc.collect()
    growth = _resident_mb() - before
    assert growth < 10.0, f"resident memory grew by {growth:.1f} MB"
    assert window.state.selected is None or window.state.selected in window.catalogue.structure_ids
