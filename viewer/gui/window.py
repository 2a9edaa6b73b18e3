"""The main window: wires the widgets to the AtlasState, and nothing more.

No geometry and no content logic live here: the scene draws the state, the
widgets show it, and the actions below only change it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from meshes.parts import LAYERS, PART_BY_ID
from viewer import __version__
from viewer.gui.actions import ACTION_SPECS, ROTATE_STEP_DEG, shortcuts_html, tooltip
from viewer.gui.motion_controller import MotionController
from viewer.gui.presentation import PresentationMode
from viewer.gui.scene_files import SceneFiles
from viewer.gui.settings import open_settings, restore_preferences, save_preferences
from viewer.gui.theme import apply_theme
from viewer.gui.tour_panel import TourPlayer
from viewer.gui.view_loader import ViewLoader, after_view
from viewer.gui.widgets.info_panel import InfoPanel
from viewer.gui.widgets.layer_strip import LayerStrip
from viewer.gui.widgets.structure_tree import StructureTree
from viewer.model.card_html import about_html
from viewer.model.state import AtlasState, MotionStatus
from viewer.model.views import DEFAULT_VIEW, VIEW_BY_ID, VIEWS

if TYPE_CHECKING:
    from viewer.gui.practice_mode import PracticeMode
    from viewer.gui.widgets.exercise_browser import ExerciseBrowser
    from viewer.gui.widgets.pose_panel import PosePanel

DEFAULT_SIZE = (1280, 800)
DOCK_WIDTH_PX = 400
TREE_AND_LAYERS_HEIGHT_PX = 400
TREE_MIN_HEIGHT_PX = 200


VIEW_ONLY_SHORTCUTS = frozenset(
    {"rotate_left", "rotate_right", "rotate_up", "rotate_down", "pause"}
)


class AtlasWindow(QMainWindow):
    #: The 3D view is built and shown (``view`` and ``scene`` exist without waiting).
    view_ready = Signal()

    def __init__(
        self, catalogue, state: AtlasState | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.setWindowTitle("Leg Atlas")
        self.catalogue = catalogue
        self.state = state or AtlasState()
        self.settings = settings or open_settings()
        self.length_plot = None  # built the first time its tab is shown
        self._framed_once = False
        self.settings_note, self.last_export_dir = restore_preferences(
            self.settings, self.state, self
        )

        # The 3D view arrives after the window is on screen (viewer/gui/view_loader.py).
        self._view = self._scene = None
        self._view_actions: list[QAction] = []
        self._waiting_for_view: list[Callable[[], object]] = []
        self._loader = ViewLoader(self.state, catalogue.display_name, self)
        self._loader.built.connect(self._install_view)
        self.setCentralWidget(self._loader.placeholder)

        self.tree = StructureTree(self.state, catalogue)
        self.layers = LayerStrip(self.state)
        self.info = InfoPanel(self.state, catalogue)
        self._build_dock()
        self._build_motion_dock()
        self._build_exercise_dock()
        self._presentation: PresentationMode | None = None  # made with the 3D view
        self.scenes = SceneFiles(self)  # before the menus, which list its recent files and tours
        self.actions_by_key: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus_and_toolbar()
        # Practice mode and the tour player (each with its panel and dock) are made on first
        # use: the first window does not wait for them, and most sessions open neither.
        self._practice: PracticeMode | None = None
        self._tour: TourPlayer | None = None

        self.tree.motion_chosen.connect(self.show_motion)
        self.state.events.layers_visible.connect(self._sync_layer_actions)
        for event in (self.state.events.hidden, self.state.events.layers_visible):
            event.connect(self._forget_hidden_hover)
        self.state.events.labels.connect(lambda on: self.actions_by_key["labels"].setChecked(on))
        self.state.events.colour_mode.connect(
            lambda mode: self.actions_by_key["stretch_map"].setChecked(mode == "stretch")
        )
        self.state.events.motion.connect(self._on_motion)
        self.state.events.pose.connect(self._keep_leg_in_view)
        self._sync_layer_actions()
        self.actions_by_key["high_contrast"].setChecked(
            self.settings.value("view/high_contrast", False) in (True, "true")
        )
        self.restore_dock_state()  # last: every dock and toolbar it names must exist
        self.statusBar().showMessage(self.settings_note or "Click a muscle to read about it.")
        if not self.settings.contains("window/geometry"):
            self.resize(*DEFAULT_SIZE)

    # -- the 3D view ------------------------------------------------------------------------
    @property
    def view(self):
        """The 3D view (an ``AtlasInteractor``); built now, waiting if need be, if not yet there."""
        if self._view is None:
            self._loader.finish()
        return self._view

    @property
    def practice(self) -> PracticeMode:
        """Practice mode, made the first time anything asks for it."""
        if self._practice is None:
            # Imported here, not at the top: practice mode's modules (questions, review,
            # the panel) would cost the first window tens of milliseconds.
            from viewer.gui.practice_mode import PracticeMode  # noqa: PLC0415

            self._practice = PracticeMode(self)
            if self._view is not None:
                self._practice.attach_view(self._view)
        return self._practice

    @property
    def tour(self) -> TourPlayer:
        """The tour player, made the first time a tour is opened."""
        if self._tour is None:
            self._tour = TourPlayer(self)
        return self._tour

    def _practising(self) -> bool:
        """In a practice session (without making practice mode just to ask)."""
        return self._practice is not None and self._practice.active

    @property
    def scene(self):
        """The ``LegScene`` drawing the state in the 3D view (built with ``view``)."""
        return self._scene if self._scene is not None else self.view.scene

    @property
    def presentation(self) -> PresentationMode:
        """F11's presentation mode, which captions the 3D view (so it comes with the view)."""
        if self._presentation is None:
            self.view  # noqa: B018 (builds the view, which makes the presentation mode)
        return self._presentation

    def is_view_ready(self) -> bool:
        return self._view is not None

    def when_view_ready(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` now if the 3D view is there, else as soon as it arrives."""
        if self._view is not None:
            callback()
        else:
            self._waiting_for_view.append(callback)

    def _install_view(self, view, scene) -> None:
        """Swap the placeholder for the built view, wire it and hand it the keys.

        The one place where the 3D view meets the rest of the window: every part
        that draws in it or listens to it attaches here, then whatever was asked
        of the view while it loaded runs, then ``view_ready`` is emitted.
        """
        placeholder = self.centralWidget()
        focus = self.focusWidget()
        take_focus = focus is None or focus is placeholder or focus is self
        self._view, self._scene = view, scene
        self._presentation = PresentationMode(self, view, self.state, self.catalogue)
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.setAccessibleName("3D view of the leg")
        view.setAccessibleDescription(
            "Arrow keys turn the leg, F frames the selection, Space pauses a motion"
        )
        view.addActions(self._view_actions)
        view.part_clicked.connect(self._on_part_clicked)
        view.part_double_clicked.connect(self._on_part_double_clicked)
        view.part_hovered.connect(self._on_hover)
        self.setCentralWidget(view)  # the placeholder is deleted with it
        if self._framed_once:  # already on screen: frame now; otherwise showEvent does
            scene.apply_view(self.state.view)
            view.request_render()
            view.show()  # a hidden widget cannot take the focus
            if take_focus:
                view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scenes.attach_view(view)
        if self._practice is not None:
            self._practice.attach_view(view)
        waiting, self._waiting_for_view = self._waiting_for_view, []
        for callback in waiting:
            callback()
        self.view_ready.emit()

    # -- layout -----------------------------------------------------------------------------
    def _build_dock(self) -> None:
        top = QWidget()
        layout = QVBoxLayout(top)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.tree, 3)
        title = QLabel("Layers")
        title.setStyleSheet("font-weight: 600; margin-top: 6px;")
        layout.addWidget(title)
        layout.addWidget(self.layers)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.info)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)  # the search and the tree can never be dragged away
        splitter.setCollapsible(1, False)
        top.setMinimumHeight(TREE_MIN_HEIGHT_PX)
        splitter.setSizes([TREE_AND_LAYERS_HEIGHT_PX, 10_000])
        self.dock = QDockWidget("Atlas", self)
        self.dock.setObjectName("atlas-dock")
        self.dock.setWidget(splitter)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [DOCK_WIDTH_PX], Qt.Orientation.Horizontal)

    def _build_motion_dock(self) -> None:
        """The Pose & motion tab; its panel is made the first time it is shown (pose_panel)."""
        self.motion = MotionController(self.state, self.catalogue, self._frame_poses, self)
        self.info.play_requested.connect(self.motion.play)
        self._pose_panel: PosePanel | None = None
        self.motion_dock = QDockWidget("Pose && motion", self)
        self.motion_dock.setObjectName("motion-dock")
        self.motion_dock.setFeatures(self.dock.features())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.motion_dock)
        self.tabifyDockWidget(self.dock, self.motion_dock)
        self.dock.raise_()  # a saved layout, restored once everything exists, may change this
        self.motion_dock.visibilityChanged.connect(self._motion_tab_shown)

    @property
    def pose_panel(self) -> PosePanel:
        """The pose sliders, motion buttons and length table, made on first use.

        The tab sits behind the Atlas tab at start: its widgets (and the modules
        they need) would cost the first window several milliseconds for nothing.
        """
        if self._pose_panel is None:
            # Imported here, not at the top: see the docstring.
            from viewer.gui.widgets.pose_panel import PosePanel  # noqa: PLC0415

            panel = self._pose_panel = PosePanel(self.state, self.catalogue)
            self.plot_holder = QWidget()
            QVBoxLayout(self.plot_holder).setContentsMargins(0, 0, 0, 0)
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.addWidget(panel)
            splitter.addWidget(self.plot_holder)
            splitter.setCollapsible(0, False)
            # Sliders and buttons keep their height in a small window; the tab scrolls instead.
            panel.setMinimumHeight(panel.minimumSizeHint().height())
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setAccessibleName("Pose and motion")
            scroll.setWidget(splitter)
            self.motion_dock.setWidget(scroll)
            scroll.show()  # a dock already on screen shows a new widget only when told
            panel.reset_requested.connect(self.motion.reset_pose)
            panel.pause_toggled.connect(self.motion.toggle_pause)
            panel.stop_requested.connect(self.motion.stop)
            panel.speed_changed.connect(self.motion.set_speed)
            panel.pose_edited.connect(self.motion.stop)
        return self._pose_panel

    def _motion_tab_shown(self, visible: bool) -> None:
        if visible or self._pose_panel is not None:
            self.pose_panel.set_shown(visible)
        self._ensure_length_plot(visible)

    def _build_exercise_dock(self) -> None:
        """The Exercises tab; its browser is made the first time it is shown (exercises)."""
        self._exercises: ExerciseBrowser | None = None
        self.exercise_dock = QDockWidget("Exercises", self)
        self.exercise_dock.setObjectName("exercise-dock")
        self.exercise_dock.setFeatures(self.dock.features())
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.exercise_dock)
        self.tabifyDockWidget(self.motion_dock, self.exercise_dock)
        self.dock.raise_()
        self.exercise_dock.visibilityChanged.connect(self._exercise_tab_shown)

    @property
    def exercises(self) -> ExerciseBrowser:
        """Every exercise and stretch, searchable, comparable; made on first use (as pose_panel)."""
        if self._exercises is None:
            # Imported here, not at the top: see pose_panel.
            from viewer.gui.widgets.exercise_browser import ExerciseBrowser  # noqa: PLC0415

            browser = self._exercises = ExerciseBrowser(self.catalogue)
            self.exercise_dock.setWidget(browser)
            browser.show()  # as in pose_panel
            browser.play_requested.connect(self.motion.play)
            browser.end_requested.connect(self.show_end_position)
        return self._exercises

    def _exercise_tab_shown(self, visible: bool) -> None:
        if visible or self._exercises is not None:
            self.exercises.set_shown(visible)

    def show_end_position(self, kind: str, movement_id: str) -> None:
        """A movement's end in its setting, coloured by the stretch map, framed."""
        movement = self.exercises.items[movement_id]
        self.motion.stop()
        self.state.world = movement_id
        self.state.pose = movement.end
        self.state.colour_mode = "stretch"
        self._frame_poses((movement.end,))

    def _ensure_length_plot(self, visible: bool) -> None:
        """Build the matplotlib plot the first time the tab is shown (keeps start-up fast)."""
        if visible and self.length_plot is None:
            # Lazy: importing matplotlib costs about 0.3 s of start-up for a tab seldom opened.
            from viewer.gui.widgets.length_plot import LengthPlot  # noqa: PLC0415

            self.length_plot = LengthPlot(self.state, self.catalogue)
            self.plot_holder.layout().addWidget(self.length_plot)
        if self.length_plot is not None:
            self.length_plot.set_shown(visible)

    def _build_actions(self) -> None:
        handlers = {
            "frame": self.scene_frame_selection,
            "show_all": self.state.show_all,
            "hide": self.state.hide_selected,
            "isolate": self.isolate,
            "clear": self.clear,
            "labels": lambda: setattr(
                self.state, "labels", self.actions_by_key["labels"].isChecked()
            ),
            "export": self.export_dialog,
            "copy": self.copy_view,
            "find": self.focus_search,
            "focus_view": self.focus_view,
            "rotate_left": lambda: self.rotate(-ROTATE_STEP_DEG, 0),
            "rotate_right": lambda: self.rotate(ROTATE_STEP_DEG, 0),
            "rotate_up": lambda: self.rotate(0, ROTATE_STEP_DEG),
            "rotate_down": lambda: self.rotate(0, -ROTATE_STEP_DEG),
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
            "quit": self.close,
            "view_reset": lambda: self.set_view(DEFAULT_VIEW),
            "stretch_map": self.toggle_stretch_map,
            "high_contrast": self.toggle_high_contrast,
            "presentation": self.toggle_presentation,
            "pause": lambda: self.motion.toggle_pause(),
            "reset_pose": lambda: self.motion.reset_pose(),
            "practice": lambda: self.practice.toggle(),
            "open_scene": lambda: self.scenes.ask_open(),
            "save_scene": lambda: self.scenes.ask_save(),
            "worksheet": lambda: self.scenes.ask_worksheet(),
            "add_pin": lambda: self.scenes.set_placing(self.actions_by_key["add_pin"].isChecked()),
            "remove_pin": lambda: self.scenes.remove_last_pin(),
            "tour_step": lambda: self.scenes.add_tour_step(),
        }
        for view in VIEWS:
            handlers[f"view_{view}"] = lambda view=view: self.set_view(view)
        for layer in LAYERS:
            handlers[f"layer_{layer}"] = lambda layer=layer: self.state.toggle_layer(layer)
        for spec in ACTION_SPECS:
            action = QAction(spec.text, self)
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(tooltip(spec))
            action.setStatusTip(tooltip(spec))
            action.setCheckable(spec.checkable)
            # `triggered` passes `checked`; the handlers take no arguments.
            action.triggered.connect(lambda _checked=False, handler=handlers[spec.key]: handler())
            if spec.key in VIEW_ONLY_SHORTCUTS:
                # Arrows and Space belong to whatever widget has focus (a spin box, the tree,
                # a button); they turn the leg or pause a motion only from the 3D view.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self._view_actions.append(action)  # added to the 3D view once it exists
            else:
                self.addAction(action)
            self.actions_by_key[spec.key] = action

    def _build_menus_and_toolbar(self) -> None:
        menus = {
            "&File": [
                *("open_scene", "save_scene", None, "export", "worksheet", "copy", None, "quit")
            ],
            "&View": [f"view_{v}" for v in VIEWS]
            + ["view_reset", "frame", None, "labels", "stretch_map", "high_contrast"]
            + ["presentation", None]
            + [f"layer_{layer}" for layer in LAYERS]
            + [None, "rotate_left", "rotate_right", "rotate_up", "rotate_down"],
            "&Selection": ["clear", "hide", "isolate", "show_all", None, "find", "focus_view"],
            "&Motion": ["pause", "reset_pose"],
            "&Learn": ["practice", None, "add_pin", "remove_pin", "tour_step"],
            "&Help": ["shortcuts", "about"],
        }
        for title, keys in menus.items():
            menu = self.menuBar().addMenu(title)
            if title == "&Learn":
                self.tours_menu = menu.addMenu("Tours")
                # Listed when opened: reading every tour file is not for the first window.
                self.tours_menu.aboutToShow.connect(
                    lambda: self.scenes.fill_tours_menu(self.tours_menu)
                )
                menu.addSeparator()
            if title == "&File":
                self.recent_menu = menu.addMenu("Open recent")
                menu.aboutToShow.connect(lambda: self.scenes.fill_recent_menu(self.recent_menu))
            for key in keys:
                menu.addSeparator() if key is None else menu.addAction(self.actions_by_key[key])
        self.toolbar = QToolBar("Tools", self)
        self.toolbar.setObjectName("tools-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        previous_group = None
        for spec in ACTION_SPECS:
            if not spec.toolbar:
                continue
            group = spec.key.split("_")[0] if spec.key.startswith("view") else spec.key
            if previous_group == "view" and group != "view":
                self.toolbar.addSeparator()
            previous_group = group
            self.toolbar.addAction(self.actions_by_key[spec.key])

    # -- reactions --------------------------------------------------------------------------
    def _on_part_clicked(self, part_id: str) -> None:
        if self.scenes.pinboard.placing:
            self.scenes.part_clicked(part_id)
            return
        if self._practising():  # a click answers a question; selecting would give it away
            self.practice.part_clicked(part_id)
            return
        if not part_id:
            self.state.clear_selection()
            return
        part = PART_BY_ID[part_id]
        self.state.select(part.structure, part_id if part.part else None)

    def _on_part_double_clicked(self, part_id: str) -> None:
        if self._practising():
            return
        self._on_part_clicked(part_id)
        if part_id:
            self.scene_frame_selection()

    def _on_hover(self, part_id: str) -> None:
        self.state.hovered = part_id or None
        if part_id and not self._practising():  # a name would answer a find-it question
            self.statusBar().showMessage(self.catalogue.display_name(part_id))
        else:
            self.statusBar().clearMessage()

    def _forget_hidden_hover(self, *_: object) -> None:
        """A part just hidden is no longer under the pointer: drop its name and rim."""
        hovered = self.state.hovered
        if hovered and not self.state.is_part_visible(hovered):
            self._on_hover("")

    def _sync_layer_actions(self, *_: object) -> None:
        for layer in LAYERS:
            self.actions_by_key[f"layer_{layer}"].setChecked(layer in self.state.layers_visible)

    def clear(self) -> None:
        """Esc: leave presentation first, then stop a motion, then clear the selection."""
        if self._presentation is not None and self._presentation.active:
            self.toggle_presentation()
        elif self.motion.is_active:
            self.motion.stop()
        else:
            self.state.clear_selection()

    def toggle_stretch_map(self) -> None:
        checked = self.actions_by_key["stretch_map"].isChecked()
        self.state.colour_mode = "stretch" if checked else "anatomy"

    def isolate(self) -> None:
        """I: only the selection, and a line saying how to bring the rest back."""
        if not self.state.selected:
            self.statusBar().showMessage("Select a structure first, then I isolates it.", 5000)
            return
        self.state.isolate_selected()
        name = self.catalogue.display_name(self.state.selected)
        self.statusBar().showMessage(
            f"Showing only {name}. Show all (Shift+H) brings back the bones and the rest.",
            10000,
        )

    @after_view
    def toggle_presentation(self) -> None:
        """F11: the 3D view alone, full screen, with a large caption; again to come back."""
        self.presentation.toggle()
        self.actions_by_key["presentation"].setChecked(self.presentation.active)
        self.view.request_render()

    def toggle_high_contrast(self) -> None:
        """Larger text and high contrast, remembered for the next start."""
        on = self.actions_by_key["high_contrast"].isChecked()
        apply_theme(QApplication.instance(), on)
        self.settings.setValue("view/high_contrast", on)

    def set_view(self, view: str) -> None:
        if self.state.view != view:
            self.state.view = view
        elif self._view is not None:  # same preset again: reframe anyway
            self.scene.apply_view(view)
            self.view.request_render()

    @after_view
    def rotate(self, azimuth: float, elevation: float) -> None:
        self.scene.rotate(azimuth, elevation)
        self.view.request_render()

    @after_view
    def focus_view(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @after_view
    def scene_frame_selection(self) -> None:
        self.scene.frame_selection()
        self.view.request_render()

    def focus_search(self) -> None:
        """Ctrl+F: bring the Atlas tab forward, whatever the layout; the cursor goes to search."""
        self.dock.show()
        self.dock.raise_()
        self.tree.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.tree.search.selectAll()

    def show_motion(self, kind: str, motion_id: str) -> None:
        """An exercise or stretch found by search: play it on the leg, open its tab."""
        self.motion.play(kind, motion_id)
        self.exercises.choose(motion_id)

    @after_view
    def _frame_poses(self, poses) -> None:
        """Frame a motion's range from the side that shows it (lateral, a little above)."""
        if self.state.world and self.state.view != "lateral":
            self.state.view = "lateral"
        view = self.state.view
        direction = self.scene.world_direction(view) if self.state.world else None
        up = VIEW_BY_ID[view].up if direction is not None else None
        self.scene.frame_poses(poses, direction, up)
        self.view.request_render()

    def _keep_leg_in_view(self, *_: object) -> None:
        """A slider that takes the leg out of view brings the camera after it."""
        if self.motion.is_active or self._view is None:  # the view frames itself as it arrives
            return
        if not self.scene.is_in_view(self.scene.visible_bounds()):
            self._frame_poses((self.state.pose,))

    def _on_motion(self, status: MotionStatus) -> None:
        if status.phase == "playing":
            self.statusBar().showMessage(f"Showing {status.name}. Space pauses, Esc stops.", 5000)

    @after_view
    def export_dialog(self):
        """Open the screenshot dialog (an ``ExportDialog``)."""
        # Lazy: the export machinery (Pillow, the off-screen renderer) waits for its first use.
        from viewer.gui.widgets.export_dialog import ExportDialog  # noqa: PLC0415

        dialog = ExportDialog(
            self,
            self.state,
            self.view,
            self.catalogue.display_name,
            self.last_export_dir,
            self.settings,
            pins=self.scenes.pinboard.pins,
        )
        dialog.saved.connect(self._on_exported)
        dialog.open()
        return dialog

    def _on_exported(self, path) -> None:
        self.last_export_dir = str(path.parent)
        self.statusBar().showMessage(f"Saved {path}", 6000)

    @after_view
    def copy_view(self) -> None:
        pixels = self.view.screenshot(return_img=True).copy()
        height, width = pixels.shape[:2]
        image = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888)
        QApplication.clipboard().setImage(image.copy())
        self.statusBar().showMessage("View copied to the clipboard.", 4000)

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", shortcuts_html())

    def show_about(self) -> None:
        QMessageBox.about(self, "About Leg Atlas", about_html(self.catalogue, __version__))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._framed_once:
            self._framed_once = True
            if self._view is not None:  # built before showing; else _install_view does this
                # Frame again now that the view has its real size (the first framing guessed).
                self._scene.apply_view(self.state.view)
                self._view.request_render()
                # Keys start on the 3D view, so arrows rotate rather than move a text cursor.
                self._view.setFocus(Qt.FocusReason.OtherFocusReason)
            else:  # the placeholder keeps the focus for the view (see _install_view)
                self.centralWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- persistence ------------------------------------------------------------------------
    def restore_dock_state(self) -> None:
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        # Whatever tab was in front last time, start on the Atlas tab: search and tree.
        self.dock.raise_()

    def closeEvent(self, event) -> None:
        if self._practice is not None:
            self._practice.leave()  # gives back the student's own view before it is saved
        if self._tour is not None:
            self._tour.stop()  # no glide may touch the view once it is closed
        self.motion.stop()
        save_preferences(self.settings, self.state, self, self.last_export_dir)
        # Everything listening to the state belongs to this window: let go of it all, so a
        # state that outlives the window never calls into deleted widgets.
        self.state.events.disconnect()
        self._loader.cancel()
        if self._view is not None:
            self._view.close()
        super().closeEvent(event)
