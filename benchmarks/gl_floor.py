"""What Qt alone costs per frame for a QOpenGLWidget: the floor under every 3D-view frame.

A window of the app's size holds a plain ``QOpenGLWidget`` of the 3D view's size whose
paint only clears it. Asking it to repaint and waiting for ``frameSwapped`` times Qt
composing the window through OpenGL and swapping it, with no VTK at all: no frame of a
QOpenGLWidget-based view in that window can be cheaper.
"""

from __future__ import annotations

import time

from benchmarks.probe import median, process_events

FRAMES = 30


def empty_gl_widget_frame_ms(view_size: tuple[int, int], window_size: tuple[int, int]) -> float:
    from PySide6.QtOpenGLWidgets import QOpenGLWidget
    from PySide6.QtWidgets import QHBoxLayout, QTreeWidget, QWidget

    class Cleared(QOpenGLWidget):
        def paintGL(self) -> None:
            functions = self.context().functions()
            functions.glClearColor(0.2, 0.22, 0.25, 1.0)
            functions.glClear(0x4000)  # GL_COLOR_BUFFER_BIT

    window = QWidget()
    layout = QHBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    widget = Cleared()
    widget.setFixedSize(*view_size)
    layout.addWidget(widget)
    layout.addWidget(QTreeWidget())  # the rest of the window, as the docks fill it
    window.resize(*window_size)
    shown = [0]
    widget.frameSwapped.connect(lambda: shown.__setitem__(0, shown[0] + 1))
    window.show()
    times_ms = []
    for index in range(FRAMES + 3):
        before = shown[0]
        start = time.perf_counter()
        widget.update()
        deadline = start + 10.0
        while shown[0] <= before and time.perf_counter() < deadline:
            process_events()
        if index >= 3:  # after the first frames (context, shaders)
            times_ms.append((time.perf_counter() - start) * 1000.0)
    window.close()
    return median(times_ms)
