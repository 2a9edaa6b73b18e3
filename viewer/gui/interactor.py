"""The 3D view widget: a pyvista plotter on a raster Qt widget, tuned for software OpenGL.

The widget is ``raster_view.RasterRenderView`` (VTK draws off screen, Qt paints the
picture), not pyvistaqt's ``QOpenGLWidget``, whose window-wide OpenGL composition
cost more per frame than drawing the leg while it turns. It renders only when
asked (no redraw timer), without anti-aliasing,
turns a left click (not a drag) into a pick, and throttles hover picks. While a
mouse button drags the camera, the wheel zooms, or the pose or the camera changes
frame after frame (a slider, a motion, arrow keys), it draws cheap frames and then
one sharp frame (``viewer/render/interactive_quality.py``). Keys are left to the
window's shortcuts: VTK's own keys (``w`` wireframe, ``3`` stereo, ``q`` quit...)
would surprise a person, so they never reach VTK.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget
from pyvista import global_theme
from pyvista.plotting import BasePlotter
from pyvista.plotting.render_window_interactor import RenderWindowInteractor

from viewer.gui.raster_view import RasterRenderView, plotter_init_deferred
from viewer.render.detail import build_coarse_leg
from viewer.render.interactive_quality import SETTLE_S, InteractiveQuality, MotionWatch
from viewer.render.picking import CLICK_TOLERANCE_PX, ClickFilter, PartPicker

HOVER_DELAY_MS = 60


class AtlasInteractor(RasterRenderView, BasePlotter):
    """Emits ``part_clicked`` with a part id (``""`` for the background)."""

    part_clicked = Signal(str)
    part_hovered = Signal(str)
    part_double_clicked = Signal(str)
    #: The coarse twins' leg, built on a worker thread after the first frame (queued to Qt's).
    coarse_leg_built = Signal(object)

    def __init__(self, parent=None) -> None:
        with plotter_init_deferred():
            RasterRenderView.__init__(self, parent)
        BasePlotter.__init__(self)
        self._setup_plotter()
        self.disable_anti_aliasing()
        self.quality = InteractiveQuality(
            self.ren_win, self.request_render, on_scale=self._on_quality_scale
        )
        self._settle_timer = QTimer(self, singleShot=True, interval=round(SETTLE_S * 1000))
        self._settle_timer.timeout.connect(self._on_settled)
        self._scene = None
        self._painting = False
        self._motion = MotionWatch()
        self.scene = None  # set by the window once the leg is built
        self._clicks = ClickFilter()
        self._pressed_at: QPoint | None = None  # where a button went down, until it moves away
        self._picker = PartPicker()
        self._hover_position: QPoint | None = None
        self._hover_timer = QTimer(self, singleShot=True, interval=HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._emit_hover)
        self._coarse_wanted = False  # a coarse leg was asked for this scene
        self.coarse_leg_built.connect(self._on_coarse_leg)
        self._route_interaction_renders_through_paint()
        self.renderer.SetUseOIT(False)  # the skin draws front faces only: plain blending suffices

    def _setup_plotter(self) -> None:
        """What pyvista's own Qt plotter does for its render window and interactor."""
        self.ren_win = self.GetRenderWindow()
        for renderer in self.renderers:
            renderer.view_isometric()
            self.ren_win.AddRenderer(renderer)
        self.background_color = global_theme.background
        self.iren = RenderWindowInteractor(self, interactor=self.ren_win.GetInteractor())
        self.iren.interactor.RemoveObservers("MouseMoveEvent")  # pyvista's hover bookkeeping
        self.iren.initialize()
        self.enable_trackball_style()
        self._first_time = False  # BasePlotter.render draws only once this is False

    def _check_has_ren_win(self) -> None:
        """pyvista reads pixels only from a current context; another window's (an export's,
        another view's) may be current."""
        if self.render_window is not None:
            self.render_window.MakeCurrent()
        BasePlotter._check_has_ren_win(self)

    def render(self) -> None:
        """Render now (a caller may read the pixels next) and show it with the next paint."""
        if getattr(self, "_closed", True):
            return
        self._rendered = True
        BasePlotter.render(self)
        self.request_render()

    # -- the scene and the cheap frames while it moves ----------------------------------------
    @property
    def scene(self):
        return self._scene

    @scene.setter
    def scene(self, scene) -> None:
        """Set by the window once the leg is built; its pose changes drive the cheap frames."""
        if self._scene is not None:
            self._scene.state.events.pose.disconnect(self._on_pose_changed, missing_ok=True)
        self._scene = scene
        self._coarse_wanted = False
        if scene is not None:
            # Before the scene's own listener, whose re-pose is the slow part of a step.
            scene.state.events.pose.connect(self._on_pose_changed, priority=10)
            scene.set_pixel_scale(self.quality.scale)

    def _on_quality_scale(self, scale: float) -> None:
        if self._scene is not None:
            self._scene.set_pixel_scale(scale)

    def _on_pose_changed(self, *_: object) -> None:
        self._motion.note_change()

    def _on_settled(self) -> None:
        if self._motion.change_waiting:
            return  # its frame is on the way and restarts the rest after it
        self.quality.end("moving")
        self.quality.end("wheel")

    def _camera_where(self) -> tuple:
        camera = self.renderer.GetActiveCamera()
        return (
            camera.GetPosition(),
            camera.GetFocalPoint(),
            camera.GetViewUp(),
            camera.GetViewAngle(),
            camera.GetParallelScale(),
        )

    def _setEventInformation(self, x, y, ctrl, shift, key, repeat=0, keysum=None):
        """Hand VTK's camera styles positions in render pixels, which are fewer while moving."""
        scale = self.devicePixelRatioF() * self.quality.scale
        display_x, display_y = round(x * scale), round((self.height() - y - 1) * scale)
        self._Iren.SetEventInformation(display_x, display_y, ctrl, shift, key, repeat, keysum)

    @property
    def window_size(self) -> list[int]:
        """The view's size in render pixels when sharp, also while cheap frames are drawn
        smaller: what is laid out from it (pins' callouts, framing) must not shrink."""
        return list(self.quality.full_size or self.ren_win.GetSize())

    @window_size.setter
    def window_size(self, size) -> None:
        BasePlotter.window_size.fset(self, size)

    # -- rendering ------------------------------------------------------------------------
    def request_render(self) -> None:
        """Ask Qt for one repaint; a burst of state changes still draws one frame.

        The widget's paint always renders the scene, so scheduling a paint (not
        calling ``render()``, which renders once now and then again when the
        finished frame is painted) costs one frame.
        """
        if not getattr(self, "_closed", True):
            QWidget.update(self)

    def _route_interaction_renders_through_paint(self) -> None:
        """Make a rotate or zoom step cost one render, not two.

        VTK's camera styles call the interactor's ``Render()``, which renders
        at once; the paint would then render again before showing the frame.
        With the interactor's own rendering off, its ``RenderEvent`` only
        schedules a paint, and the paint renders once.
        """
        interactor = self.ren_win.GetInteractor()
        if interactor is None:
            return
        interactor.EnableRenderOff()
        interactor.AddObserver("RenderEvent", self._on_interactor_render)

    def _on_interactor_render(self, *_: object) -> None:
        # The paint's own render fires this event too: asking for another paint then
        # would redraw forever, an idle window drawing several frames a second.
        if not self._painting:
            QWidget.update(self)

    def view_resized(self) -> None:
        if hasattr(self, "quality"):
            self.quality.resized()

    def render_frame(self) -> None:
        interactor = self.ren_win.GetInteractor() if self.ren_win is not None else None
        if interactor is None:
            super().render_frame()
            return
        interactor.EnableRenderOn()
        self._painting = True
        try:
            interactor.Render()
        finally:
            self._painting = False
            interactor.EnableRenderOff()

    def paintEvent(self, event) -> None:
        if getattr(self, "_closed", True) or self.ren_win is None:
            super().paintEvent(event)  # fills the view; nothing is left to draw
            return
        # A drag is cheap already, and must turn sharp on its release, not after a rest; a
        # button held within a click's reach moves the camera a hair, which is no movement.
        dragging = "drag" in self.quality.reasons or self._pressed_at is not None
        if self._motion.frame_starting(self._camera_where(), count_camera=not dragging):
            self.quality.begin("moving")
        self.quality.frame_drawn()
        super().paintEvent(event)
        if self._motion.frame_done():
            self._settle_timer.start()  # the rest counts from the frame shown, however slow it was
        if self._scene is not None and not self._coarse_wanted:
            self._coarse_wanted = True
            # Once this frame is flushed to the screen and everything waiting on it has run.
            QTimer.singleShot(0, self._start_coarse_build)

    # -- coarse twins for the frames while moving (``render/detail.py``) ------------------------
    def _start_coarse_build(self) -> None:
        """Build the coarse leg once the first frame is shown, so it never delays that frame;
        until it arrives, moving frames draw the full meshes."""
        scene = self._scene
        if scene is None:
            return

        def build() -> None:
            try:
                leg = build_coarse_leg(scene.state.pose)
            except Exception:  # without twins, moving frames draw the full meshes
                return
            with contextlib.suppress(RuntimeError):  # the view was closed meanwhile
                self.coarse_leg_built.emit((scene, leg))

        threading.Thread(target=build, name="coarse-leg", daemon=True).start()

    def _on_coarse_leg(self, built) -> None:
        scene, leg = built
        if scene is self._scene and not getattr(self, "_closed", True):
            scene.set_coarse_leg(leg)

    def set_hover_delay(self, milliseconds: int) -> None:
        """How long the pointer must rest before a hover pick (0: at the next event loop turn)."""
        self._hover_timer.setInterval(max(0, milliseconds))

    def screenshot(self, *args, **kwargs):
        """A picture of the view is always a sharp one, even in the middle of a drag."""
        self.quality.end_all()
        return super().screenshot(*args, **kwargs)

    # -- picking --------------------------------------------------------------------------
    def pick_part(self, x: float, y: float) -> str | None:
        """Part id under a widget position (Qt logical pixels, origin top-left)."""
        if self.scene is None:
            return None
        ratio = self.devicePixelRatioF() * self.quality.scale
        display_x = x * ratio
        display_y = (self.height() - y - 1) * ratio
        return self._picker.pick(self.renderer, display_x, display_y, self.scene.pickable_actors())

    def pick_surface(self, x: float, y: float) -> tuple[str | None, tuple | None]:
        """Part id and world point (mm) under a widget position; ``(None, None)`` off the leg."""
        part_id = self.pick_part(x, y)
        return (part_id, self._picker.last_position) if part_id else (None, None)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            position = event.position()
            self._clicks.press(round(position.x()), round(position.y()))
        # The cheap frames wait for the pointer to move: a click never resizes the render
        # window (each resize reallocates llvmpipe's buffers, costing time and heap).
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        position = event.position()
        self._clicks.move(round(position.x()), round(position.y()))
        if event.buttons() != Qt.MouseButton.NoButton and self._moved_from_press(position):
            self._begin_drag()
        if event.buttons() == Qt.MouseButton.NoButton:
            self._hover_position = position.toPoint()
            self._hover_timer.start()
            if "drag" in self.quality.reasons:
                # The release went elsewhere (a dialog took the mouse mid-drag): the drag is
                # over. VTK's camera style is told so (else a plain move would go on turning
                # the leg), and the view is sharp again rather than cheap until the next click.
                super().mouseReleaseEvent(event)
                self._pressed_at = None
                self.quality.end("drag")
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if not event.buttons():
            self._pressed_at = None
            self.quality.end("drag")  # sharp again before a click's pick
        if event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position()
        if self._clicks.release(round(position.x()), round(position.y())):
            self.part_clicked.emit(self.pick_part(position.x(), position.y()) or "")

    def _moved_from_press(self, position) -> bool:
        if self._pressed_at is None:
            return False
        moved = position.toPoint() - self._pressed_at
        return max(abs(moved.x()), abs(moved.y())) > CLICK_TOLERANCE_PX

    def _begin_drag(self) -> None:
        """Draw cheaply from now on; VTK's last position is moved into the smaller picture's
        pixels, so the camera turns from where the pointer was, without a jump."""
        self._pressed_at = None
        self.quality.begin("drag")
        scale = self.quality.scale
        x, y = self._Iren.GetEventPosition()
        self._Iren.SetEventPosition(round(x * scale), round(y * scale))

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            position = event.position()
            self.part_double_clicked.emit(self.pick_part(position.x(), position.y()) or "")
        event.accept()

    def wheelEvent(self, event) -> None:
        self.quality.begin("wheel")
        self._settle_timer.start()
        super().wheelEvent(event)

    def leaveEvent(self, event) -> None:
        self._hover_timer.stop()
        self.part_hovered.emit("")
        super().leaveEvent(event)

    def _emit_hover(self) -> None:
        if self._hover_position is not None:
            position = self._hover_position
            self.part_hovered.emit(self.pick_part(position.x(), position.y()) or "")

    # -- keys go to the window's shortcuts, never to VTK ---------------------------------------
    def keyPressEvent(self, event) -> None:
        event.ignore()

    def keyReleaseEvent(self, event) -> None:
        event.ignore()

    def close(self) -> None:
        """Free the scene's GPU buffers, then the plotter, then the render window: each
        needs the one after it still alive (a buffer freed with no context crashes)."""
        if getattr(self, "_closed", True):
            return
        self._hover_timer.stop()
        self._settle_timer.stop()
        if self.scene is not None:
            if self.ren_win is not None:
                self.scene.release_idle_mappers(self.ren_win)
            self.scene.disconnect()
            self.scene = None
        BasePlotter.close(self)
        self.release_render_window()
        QWidget.close(self)
