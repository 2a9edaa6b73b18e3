"""The 3D view, loaded after the window is on screen.

Importing VTK, pyvista and pyvistaqt takes over a second on a plain laptop,
longer than everything else the window needs together. So the window opens
with a placeholder where the leg will be, and its menus, tree, search and
cards work at once; a worker thread imports the 3D stack and builds the leg
meanwhile, and the Qt thread then makes the interactor and the scene (Qt and
OpenGL objects belong to it) and swaps them in.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter
from PySide6.QtWidgets import QWidget

from meshes.pose import Pose
from viewer.model.state import AtlasState
from viewer.render import deferred_modules
from viewer.render.appearance import BACKGROUND_BOTTOM, BACKGROUND_TOP

PLACEHOLDER_TEXT = "Loading the 3D view…"


def _qcolour(rgb: tuple[float, float, float]) -> QColor:
    return QColor.fromRgbF(*rgb)


class ViewPlaceholder(QWidget):
    """The 3D view's background and a quiet line of text until the view is there."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("3D view of the leg (loading)")
        self.setMinimumSize(200, 200)
        # Holds the keyboard focus the view will take over, so keys start on the 3D view
        # unless the person has moved to the search box or the tree in the meantime.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.message = PLACEHOLDER_TEXT

    def show_error(self, message: str) -> None:
        self.message = message
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, _qcolour(BACKGROUND_TOP))
        gradient.setColorAt(1.0, _qcolour(BACKGROUND_BOTTOM))
        painter.fillRect(self.rect(), gradient)
        painter.setPen(QColor(232, 228, 220, 170))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(QRectF(self.rect()).adjusted(24, 24, -24, -24), flags, self.message)
        painter.end()
        self.painted.emit()


def after_view(method: Callable) -> Callable:
    """A window command that needs the 3D view: run now if it is there, else when it arrives.

    A click in the first second must neither build the view on the Qt thread (the
    window would freeze while VTK loads) nor be lost: it waits in the window's
    ``when_view_ready`` queue. Returns None when the call was put off.
    """

    @functools.wraps(method)
    def run_when_ready(window, *args, **kwargs):
        if window.is_view_ready():
            return method(window, *args, **kwargs)
        window.when_view_ready(lambda: method(window, *args, **kwargs))
        return None

    return run_when_ready


def load_3d_stack(pose: Pose):
    """Import the 3D stack and build the leg: the slow part, safe off the Qt thread.

    Returns the ``Leg``. Nothing here creates a Qt or OpenGL object.
    """
    deferred_modules.defer()  # matplotlib.pyplot, which pyvista imports and the view never uses
    # Lazy on purpose: this is the second or so of imports the window must not wait for.
    from meshes.leg import build_leg  # noqa: PLC0415
    from viewer.gui import interactor  # noqa: F401, PLC0415
    from viewer.render import scene  # noqa: F401, PLC0415

    return build_leg(pose)


def release_free_memory() -> None:
    """Give the heap the imports, the leg's build and the first render left free back.

    Loading the 3D stack allocates and drops tens of megabytes of temporary
    objects, much of it in the worker thread's own malloc arena, and the first
    frame (shaders, buffers) more; glibc keeps freed pages mapped until
    ``malloc_trim`` returns them (about 2 ms). Elsewhere a no-op.
    """
    if not sys.platform.startswith("linux"):
        return
    # Imported here: ctypes.util brings subprocess and more, which the first window need not load.
    import ctypes  # noqa: PLC0415
    import ctypes.util  # noqa: PLC0415

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        pass


class ViewLoader(QObject):
    """Runs ``load_3d_stack`` on a worker thread, then builds the view on the Qt thread.

    ``built(view, scene)`` is emitted once, on the Qt thread. ``finish()``
    builds at once (waiting for the worker) for a caller that needs the view
    now; ``start()`` is called when the window has first been painted.
    """

    built = Signal(object, object)
    _worker_done = Signal()

    def __init__(
        self,
        state: AtlasState,
        name_of: Callable[[str], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._state = state
        self._name_of = name_of
        self._parent = parent
        self._thread: threading.Thread | None = None
        self._leg = None
        self._error: BaseException | None = None
        self._done = False
        self._cancelled = False
        self._worker_done.connect(self.finish, Qt.ConnectionType.QueuedConnection)
        self.placeholder = ViewPlaceholder()
        self.placeholder.painted.connect(self._start_after_paint)

    @property
    def done(self) -> bool:
        return self._done

    def _start_after_paint(self) -> None:
        # The first paint has been handed to the window system; start on the next turn.
        self.placeholder.painted.disconnect(self._start_after_paint)
        QTimer.singleShot(0, self.start)

    def start(self) -> None:
        if self._thread is not None or self._done:
            return
        self._thread = threading.Thread(
            target=self._work, args=(self._state.pose,), name="legatlas-3d-loader", daemon=True
        )
        self._thread.start()

    def _work(self, pose: Pose) -> None:
        try:
            self._leg = load_3d_stack(pose)
        except BaseException as error:  # re-raised on the Qt thread, where it can be reported
            self._error = error
        if not self._cancelled:
            self._worker_done.emit()

    def cancel(self) -> None:
        """The window is closing: wait for the worker (imports cannot be interrupted)."""
        self._cancelled = True
        if self._thread is not None:
            self._thread.join()

    def finish(self) -> None:
        """Build the view now (on the Qt thread), waiting for the worker if it is running."""
        if self._done or self._cancelled:
            return
        if self._thread is None:
            self._leg = load_3d_stack(self._state.pose)
        else:
            self._thread.join()
        if self._error is not None:
            self.placeholder.show_error(f"The 3D view could not start: {self._error}")
            raise self._error
        self._done = True
        # Imported by the worker already: these cost nothing now.
        from viewer.gui.interactor import AtlasInteractor  # noqa: PLC0415
        from viewer.render.scene import LegScene  # noqa: PLC0415

        was_active = self._parent.isActiveWindow()
        view = AtlasInteractor(self._parent)
        scene = LegScene(
            view,
            self._state,
            self._leg,
            name_of=self._name_of,
            request_render=view.request_render,
        )
        scene.update_pose()  # the pose may have moved while the leg was being built
        view.scene = scene
        self._leg = None
        if was_active:  # VTK's render window takes the X input focus as it is made: give it back
            self._parent.activateWindow()
        # After the first frame, whose render also leaves freed heap behind (and off its path).
        view.frameSwapped.connect(release_free_memory, Qt.ConnectionType.SingleShotConnection)
        # And once the coarse twins have arrived: their build's temporaries are freed then.
        view.coarse_leg_built.connect(
            lambda *_: release_free_memory(), Qt.ConnectionType.SingleShotConnection
        )
        self.built.emit(view, scene)
