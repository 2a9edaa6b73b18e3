"""The 3D view as a plain raster widget: VTK draws off screen, Qt paints the picture.

Why not a ``QOpenGLWidget`` (pyvistaqt's ``QtInteractor``): one such widget makes
Qt compose the whole top-level window through OpenGL on every frame of the view.
Under Mesa llvmpipe that composition alone cost about 8 ms a frame in a window of
the app's size (1686x870), plus ~2-3 ms of the widget's blit and alpha pass, which
put 60 fps rotation out of reach whatever VTK drew. Here VTK renders into its own
off-screen framebuffer; under software OpenGL reading the finished picture back is
a copy in memory (~0.2 ms at 640x400, ~0.7 ms at 1280x800), and Qt's raster
painter stretches it into the window's backing store, which is flushed for the
view's rectangle only. Under llvmpipe the app's drag frame went from ~26 ms to
~8 ms and a click's frame from ~58 ms to ~35 ms (``benchmarks/RESULTS.md``). On a GPU
the read-back is a synchronous copy from video memory: cheap at these sizes, but
it grows with the pixels of a high-DPI view.

The widget keeps the part of pyvistaqt's interface the app and its tests use:
``GetRenderWindow``, ``_Iren`` (a ``vtkGenericRenderWindowInteractor`` fed with Qt's
mouse events), ``frameSwapped`` (emitted once a frame is painted) and
``grabFramebuffer``. Keys are not forwarded: the atlas leaves them to the window's
shortcuts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget
from pyvista.plotting import BasePlotter
from vtkmodules.util.numpy_support import vtk_to_numpy
from vtkmodules.vtkCommonCore import vtkUnsignedCharArray
from vtkmodules.vtkRenderingCore import vtkRenderWindow
from vtkmodules.vtkRenderingUI import vtkGenericRenderWindowInteractor

from viewer.render.gl_window import use_egl_without_display

#: Qt's wheel step: one notch of a common mouse wheel.
WHEEL_NOTCH = 120
#: Qt's buttons by the names of VTK's interactor events (``LeftButtonPressEvent``...).
BUTTON_NAMES = {
    Qt.MouseButton.LeftButton: "Left",
    Qt.MouseButton.RightButton: "Right",
    Qt.MouseButton.MiddleButton: "Middle",
}


@contextlib.contextmanager
def plotter_init_deferred() -> Iterator[None]:
    """Keep Qt's cooperative ``__init__`` from constructing ``BasePlotter`` with no arguments.

    PySide6 continues ``QWidget.__init__`` along the method order, so a class built on this
    widget and pyvista's ``BasePlotter`` would have the plotter made twice, the first time
    without its arguments; the subclass makes it once, explicitly, after the widget.
    """
    real_init = BasePlotter.__init__
    BasePlotter.__init__ = lambda self, *args, **kwargs: None
    try:
        yield
    finally:
        BasePlotter.__init__ = real_init


class RasterRenderView(QWidget):
    """A VTK render window drawn off screen and painted into the widget as an image."""

    #: A frame was painted (named like ``QOpenGLWidget.frameSwapped``, which the callers
    #: and the benchmark wait on); Qt flushes the view's rectangle to the screen right after.
    frameSwapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # every paint fills the view
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.WheelFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        use_egl_without_display()  # a Wayland-only session: VTK draws through EGL, not X
        self._RenderWindow = vtkRenderWindow()
        self._RenderWindow.SetOffScreenRendering(True)
        self._RenderWindow.SetMultiSamples(0)
        self._Iren = vtkGenericRenderWindowInteractor()
        self._Iren.SetRenderWindow(self._RenderWindow)
        self._released = False  # the render window was let go: nothing more is drawn
        self._pixels = vtkUnsignedCharArray()
        self._active_button = Qt.MouseButton.NoButton
        self._last_position = (0.0, 0.0)
        self._wheel_delta = 0
        # VTK's interactor asks for timers (a style's animation); Qt's timer drives them.
        self._vtk_timer = QTimer(self)
        self._vtk_timer.timeout.connect(self._on_vtk_timer)
        self._observers = [
            (self._Iren, self._Iren.AddObserver("CreateTimerEvent", self._on_create_timer)),
            (self._Iren, self._Iren.AddObserver("DestroyTimerEvent", self._on_destroy_timer)),
        ]

    # -- the picture ------------------------------------------------------------------------
    def GetRenderWindow(self) -> vtkRenderWindow:
        return self._RenderWindow

    def render_frame(self) -> None:
        """Render the scene once (the paint calls this); subclasses route it through
        the interactor so that its render observers run."""
        self._RenderWindow.Render()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        if self._released or self.width() <= 0 or self.height() <= 0:
            painter.fillRect(self.rect(), QColor(0, 0, 0))
            painter.end()
            return
        self.render_frame()
        picture = self._read_picture()
        # VTK's rows start at the bottom; a picture smaller than the view (the cheap frames
        # while it moves) is stretched smoothly, as the GL widget's linear blit did.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._is_reduced())
        painter.translate(0, self.height())
        painter.scale(1, -1)
        painter.drawImage(QRectF(0, 0, self.width(), self.height()), picture)
        painter.end()
        self.frameSwapped.emit()

    def _read_picture(self) -> QImage:
        """The render window's picture, rows bottom-up. It borrows ``self._pixels``' bytes,
        which the next read may move: use it at once, or copy it."""
        width, height = self._RenderWindow.GetSize()
        self._RenderWindow.GetRGBACharPixelData(0, 0, width - 1, height - 1, 0, self._pixels)
        data = vtk_to_numpy(self._pixels)
        return QImage(data.data, width, height, width * 4, QImage.Format.Format_RGBX8888)

    def _is_reduced(self) -> bool:
        width, _ = self._RenderWindow.GetSize()
        return width < round(self.width() * self.devicePixelRatioF())

    def grabFramebuffer(self) -> QImage:
        """The scene rendered now, top row first, at the render window's size (as
        ``QOpenGLWidget.grabFramebuffer`` renders before it reads)."""
        if self._released:
            return QImage()
        self.render_frame()
        return self._read_picture().flipped(Qt.Orientation.Vertical)

    def resizeEvent(self, event) -> None:
        ratio = self.devicePixelRatioF()
        width = max(1, round(self.width() * ratio))
        height = max(1, round(self.height() * ratio))
        if not self._released:
            self._Iren.UpdateSize(width, height)  # sets the render window's size too
            self._Iren.InvokeEvent("ConfigureEvent")
            self._RenderWindow.SetDPI(round(72 * ratio))
            self.view_resized()
        super().resizeEvent(event)

    def view_resized(self) -> None:
        """The render window took the view's size (subclasses react)."""

    # -- VTK's timers ----------------------------------------------------------------------
    def _on_create_timer(self, *_: object) -> None:
        self._vtk_timer.start(10)

    def _on_destroy_timer(self, *_: object) -> int:
        self._vtk_timer.stop()
        return 1

    def _on_vtk_timer(self) -> None:
        if not self._released:
            self._Iren.TimerEvent()

    # -- Qt's mouse to VTK's interactor ---------------------------------------------------------
    def _setEventInformation(self, x, y, ctrl, shift, key, repeat=0, keysum=None) -> None:
        """VTK counts device pixels from the bottom left."""
        ratio = self.devicePixelRatioF()
        display_x, display_y = round(x * ratio), round((self.height() - y - 1) * ratio)
        self._Iren.SetEventInformation(display_x, display_y, ctrl, shift, key, repeat, keysum)

    def _tell_position(self, event, repeat: int = 0) -> None:
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        position = event.position()
        self._last_position = (position.x(), position.y())
        self._setEventInformation(position.x(), position.y(), ctrl, shift, "\0", repeat, None)

    def mousePressEvent(self, event) -> None:
        if self._released:
            return
        repeat = 1 if event.type() == QEvent.Type.MouseButtonDblClick else 0
        self._tell_position(event, repeat)
        self._active_button = event.button()
        self._tell_button("Press")

    def mouseReleaseEvent(self, event) -> None:
        if self._released:
            return
        self._tell_position(event)
        self._tell_button("Release")

    def _tell_button(self, what: str) -> None:
        """``what`` is "Press" or "Release"; the button is the one that went down (VTK's
        styles end a drag with the button that started it)."""
        name = BUTTON_NAMES.get(self._active_button)
        if name is not None:
            getattr(self._Iren, f"{name}Button{what}Event")()

    def mouseMoveEvent(self, event) -> None:
        if self._released:
            return
        self._tell_position(event)
        self._Iren.MouseMoveEvent()

    def wheelEvent(self, event) -> None:
        if self._released:
            return
        self._wheel_delta += event.angleDelta().y()
        if self._wheel_delta >= WHEEL_NOTCH:
            self._Iren.MouseWheelForwardEvent()
            self._wheel_delta = 0
        elif self._wheel_delta <= -WHEEL_NOTCH:
            self._Iren.MouseWheelBackwardEvent()
            self._wheel_delta = 0

    def enterEvent(self, event) -> None:
        if self._released:
            return
        self._setEventInformation(*self._last_position, False, False, "\0", 0, None)
        self._Iren.EnterEvent()

    def leaveEvent(self, event) -> None:
        if self._released:
            return
        self._setEventInformation(*self._last_position, False, False, "\0", 0, None)
        self._Iren.LeaveEvent()

    # -- the end ----------------------------------------------------------------------------
    def release_render_window(self) -> None:
        """Free the GL context and stop listening to VTK; safe to call more than once."""
        self._released = True
        self._vtk_timer.stop()
        observers, self._observers = self._observers, []
        for subject, tag in observers:
            subject.RemoveObserver(tag)
        self._RenderWindow.Finalize()
