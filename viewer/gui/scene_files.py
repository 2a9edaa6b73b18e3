"""Scene files and pins in the window: open, save, recent files, drop, place a pin.

The pins live in a ``PinBoard`` (model); ``viewer/render/pins.py`` draws
them and redraws when the pins, the pose or what is visible change. Placing
a pin: switch "Add pin" on, click the model, type the note. Opening a tour
hands its steps to the tour panel. A file with bad fields still opens; what
was left out is listed in a message naming the file and the fields.

The window opens before its 3D view exists (``view_loader.py``): scenes and
pins work on the state and the pin board from the start; the pin layer (VTK)
is made in ``attach_view`` once the view is there, and a camera asked for
before then is kept and applied at that moment.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from viewer.model.pins import Pin, PinBoard
from viewer.model.scene_file import (
    SUFFIX,
    SavedCamera,
    Scene,
    SceneDocument,
    SceneFileError,
    read_scene_file,
    scene_of,
    shipped_tours,
    write_scene_file,
)

RECENT_KEY = "scenes/recent"
MAX_RECENT = 8
FILE_FILTER = f"Leg Atlas scenes (*{SUFFIX})"


class SceneFiles(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.pinboard = PinBoard()
        self.view = None  # the 3D view, once it is built (attach_view)
        self.layer = None  # the pins drawn in it
        self._pending_camera: SavedCamera | None = None
        self.path: Path | None = None
        self.steps: list[Scene] = []  # tour steps added in this window, saved with the scene
        self.note_dialog: QInputDialog | None = None
        self.warning_box: QMessageBox | None = None
        self._pending: tuple[str, tuple] | None = None
        self._last_click: tuple[float, float] | None = None
        self.pinboard.events.pins.connect(self.redraw)
        for name in ("pose", "hidden", "layers_visible", "layer_opacity"):
            getattr(self.state.events, name).connect(self.redraw)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def attach_view(self, view) -> None:
        """The 3D view is built: draw the pins in it, watch its clicks, set a waiting camera."""
        # Lazy: the pin layer is VTK, which the window must not wait for.
        from viewer.render.pins import PinLayer  # noqa: PLC0415

        self.view = view
        # Callouts keep clear of the labels' callouts, when labels are shown.
        self.layer = PinLayer(view, obstacles=lambda: self._label_boxes(view))
        if view.scene is not None:
            view.scene.leg_caught_up.append(self.redraw)
        view.installEventFilter(self)
        self.redraw()
        if self._pending_camera is not None:
            self.set_camera(self._pending_camera)

    @staticmethod
    def _label_boxes(view) -> list:
        return list(view.scene.label_boxes().values()) if view.scene is not None else []

    # -- pins ------------------------------------------------------------------------------------
    def redraw(self, *_: object) -> None:
        if self.view is None or self.view.scene is None:  # drawn when the view arrives
            return
        scene = self.view.scene
        self.layer.show(self.pinboard.pins, scene.leg, scene.visible_parts())
        self.view.request_render()

    def set_placing(self, on: bool) -> None:
        self.pinboard.placing = on
        self.window.actions_by_key["add_pin"].setChecked(on)
        if on:
            self.window.statusBar().showMessage("Click the model where the pin goes.", 8000)

    def part_clicked(self, part_id: str) -> None:
        """While placing: put a pin where the click met the surface, then ask for its note."""
        if not part_id or self._last_click is None:
            return
        part, position = self.view.pick_surface(*self._last_click)
        if part is None:
            return
        self._pending = (part, position)
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(f"Pin {len(self.pinboard.pins) + 1}")
        dialog.setLabelText(f"Note for the pin on the {self.window.catalogue.display_name(part)}:")
        dialog.textValueSelected.connect(self._add_pending_pin)
        dialog.finished.connect(lambda _result: self.set_placing(False))
        self.note_dialog = dialog
        dialog.open()

    def _add_pending_pin(self, note: str) -> None:
        if self._pending is None:
            return
        part, position = self._pending
        self._pending = None
        number = self.pinboard.add(Pin(part=part, position=position, note=note))
        self.window.statusBar().showMessage(f"Pin {number} placed.", 4000)

    def remove_last_pin(self) -> None:
        if self.pinboard.pins:
            self.pinboard.remove(len(self.pinboard.pins))

    # -- saving and opening ----------------------------------------------------------------------
    def current_camera(self) -> SavedCamera | None:
        """The view's camera; before the view exists, the one waiting for it (or None)."""
        if self.view is None:
            return self._pending_camera
        camera = self.view.camera
        size = (self.view.width(), self.view.height())
        return SavedCamera(
            tuple(camera.position), tuple(camera.focal_point), tuple(camera.up),
            camera.view_angle, size,
        )  # fmt: skip

    def current_scene(self, text: str = "") -> Scene:
        return scene_of(self.state, self.current_camera(), self.pinboard.pins, text)

    def add_tour_step(self) -> QInputDialog | None:
        """Ask for the step's words, then keep this view as the tour's next step."""
        if self.view is None:  # a step keeps the camera: ask once the view is there
            self.window.when_view_ready(self.add_tour_step)
            return None
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(f"Tour step {len(self.steps) + 1}")
        dialog.setLabelText("What should the student read at this step?")
        dialog.textValueSelected.connect(lambda text: self.steps.append(self.current_scene(text)))
        self.note_dialog = dialog
        dialog.open()
        return dialog

    def ask_save(self) -> None:
        start = str(self.path or Path.home() / f"scene{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save scene", start, FILE_FILTER)
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> bool:
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        document = SceneDocument(path.stem.replace("_", " "), self.current_scene(), self.steps)
        try:
            write_scene_file(path, document)
        except OSError as error:
            QMessageBox.critical(
                self.window, "Scene not saved", f"Cannot write {path}: {error.strerror or error}"
            )
            return False
        self.path = path
        self._remember(path)
        self.window.statusBar().showMessage(f"Saved {path}", 6000)
        return True

    def ask_open(self) -> None:
        start = str(self.path.parent if self.path else Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, "Open scene", start, FILE_FILTER)
        if path:
            self.open(Path(path))

    def open(self, path: Path) -> SceneDocument | None:
        """Show a scene (or start a tour); bad fields are listed, the rest is shown."""
        try:
            document = read_scene_file(path)
        except SceneFileError as error:
            QMessageBox.critical(self.window, "Cannot open the scene", str(error))
            return None
        self.path = Path(path)
        self.steps = []
        self._remember(self.path)
        if document.is_tour:
            self.window.tour.start(document)
        else:
            self.show_scene(document.scene)
        if document.warnings:
            self._warn(document.warnings)
        self.window.statusBar().showMessage(f"Opened {path}", 6000)
        return document

    def show_scene(self, scene: Scene, move_camera: bool = True) -> None:
        self.window.motion.stop()
        scene.apply_to(self.state)
        if self.layer is not None:
            self.layer.forget(scene.pins)
        self.pinboard.pins = scene.pins
        self.redraw()
        if move_camera and scene.camera is not None:
            self.set_camera(scene.camera)
        elif move_camera:  # no camera of its own: an earlier scene's must not wait for the view
            self._pending_camera = None

    def set_camera(self, saved: SavedCamera) -> None:
        if self.view is None:  # applied by attach_view
            self._pending_camera = saved
            return
        self._pending_camera = None
        camera = self.view.camera
        camera.position = saved.position
        camera.focal_point = saved.focal_point
        camera.up = saved.up
        camera.view_angle = saved.view_angle
        self.view.renderer.reset_camera_clipping_range()
        self.view.request_render()

    def _warn(self, warnings: list[str]) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Parts of the scene were left out")
        box.setText("\n".join(warnings[:12]) + ("\n…" if len(warnings) > 12 else ""))
        self.warning_box = box
        box.open()

    # -- worksheet -------------------------------------------------------------------------------
    def ask_worksheet(self) -> None:
        if not self.pinboard.pins:
            QMessageBox.information(
                self.window, "No pins yet", "Add pins (Learn > Add pin) to make a worksheet."
            )
            return
        start = str((self.path or Path.home() / "scene").with_suffix(".pdf"))
        path, _ = QFileDialog.getSaveFileName(self.window, "Export worksheet", start, "PDF (*.pdf)")
        if path:  # the picture needs the 3D view: made once it is there
            self.window.when_view_ready(lambda: self.export_worksheet(Path(path)))

    def export_worksheet(self, path: Path) -> bool:
        """The view as the window shows it, pins numbered without their notes, then the key."""
        # Lazy: the export machinery (the off-screen renderer, the PDF writer) waits for its
        # first use, so the window does not load it at start.
        from viewer.gui.worksheet import write_worksheet  # noqa: PLC0415
        from viewer.render.export import (  # noqa: PLC0415
            MAX_SIDE_PX,
            CameraPose,
            ExportError,
            render_image,
        )

        view = self.window.view  # built now if asked before it arrived (a script, a test)
        size = (min(MAX_SIDE_PX, 2 * view.width()), min(MAX_SIDE_PX, 2 * view.height()))
        state = self.state.model_copy(update={"labels": False}, deep=True)
        title = self.path.stem.replace("_", " ") if self.path else "Back of the leg"
        try:
            image = render_image(
                state,
                size,
                self.window.catalogue.display_name,
                CameraPose.of(view.camera),
                pins=self.pinboard.pins,
                pin_notes=False,
            )
            write_worksheet(
                path, title, image, self.pinboard.pins, self.window.catalogue.display_name
            )
        except (OSError, ExportError) as error:
            reason = getattr(error, "strerror", None) or error
            QMessageBox.critical(
                self.window, "Worksheet not saved", f"Cannot write {path}: {reason}"
            )
            return False
        self.window.statusBar().showMessage(f"Saved worksheet {path}", 6000)
        return True

    # -- recent files ----------------------------------------------------------------------------
    def recent(self) -> list[str]:
        value = self.window.settings.value(RECENT_KEY, [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [item for item in items if isinstance(item, str) and item]

    def _remember(self, path: Path) -> None:
        items = [str(path.resolve()), *[p for p in self.recent() if p != str(path.resolve())]]
        self.window.settings.setValue(RECENT_KEY, items[:MAX_RECENT])

    def fill_recent_menu(self, menu) -> None:
        menu.clear()
        for item in self.recent():
            action = menu.addAction(Path(item).name)
            action.setToolTip(item)
            action.triggered.connect(lambda _=False, item=item: self.open(Path(item)))
        menu.setEnabled(bool(self.recent()))

    def fill_tours_menu(self, menu) -> None:
        menu.clear()
        for title, path in shipped_tours():
            action = menu.addAction(title)
            action.triggered.connect(lambda _=False, path=path: self.open(path))

    # -- events: where the click was, and files dropped on the window ----------------------------
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.MouseButtonRelease:
            position = event.position()
            self._last_click = (position.x(), position.y())
        elif watched is self.window and kind in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()]
            scenes = [path for path in paths if path.suffix == SUFFIX]
            if not scenes:
                return False
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if kind == QEvent.Type.Drop:
                self.open(scenes[0])
            return True
        return False
