"""Practice mode: the window turned into a quiz on the 3D model.

Entering it hides the tree and the card (they would give answers away),
turns labels, hover names and the stretch map off, and shows the practice
panel. Each question sets the scene through the state (a highlighted
structure, a pose); a click on the model is marked instead of selecting;
after each answer the right one is shown on the model with its card, and the
result goes to spaced review, saved at once so a crash loses nothing.
Leaving puts back the view the student had.
"""

from __future__ import annotations

import random
import time
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QMessageBox,
)

from meshes.parts import PART_BY_ID, parts_of
from meshes.pose import STANDING
from viewer.gui.widgets.practice_panel import PracticePanel
from viewer.gui.widgets.progress_dialog import open_progress_dialog
from viewer.model.card_html import card_html
from viewer.model.practice import PracticeSession, build_session, check_typed_name
from viewer.model.question_set import PracticeSpec
from viewer.model.questions import KINDS, Question, pickable_structures
from viewer.model.review import Progress, load_progress, save_progress

PROGRESS_FILE_NAME = "progress.json"
#: Thin structures (a tendon, a nerve) also count when clicked this close, in logical pixels.
NEAR_CLICK_RADIUS_PX = 6
THIN_KINDS = frozenset({"tendon", "nerve", "vessel"})
#: Window commands that would give an answer away while practising.
ACTIONS_OFF_IN_PRACTICE = (
    *("labels", "stretch_map", "find", "hide", "isolate", "show_all"),
    *("open_scene", "add_pin", "tour_step", "worksheet"),
)
#: The window's docks that are hidden while practising (their attribute names).
ANSWERING_DOCKS = ("dock", "motion_dock", "exercise_dock")
_RESTORED_FIELDS = ("selection", "labels", "colour_mode", "pose", "hidden", "layers_visible")


def default_progress_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / PROGRESS_FILE_NAME


class PracticeMode(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.state = window.state
        self.catalogue = window.catalogue
        self.panel = PracticePanel()
        self.dock = QDockWidget("Practice", window)
        self.dock.setObjectName("practice-dock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.dock.setMinimumWidth(360)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.progress_path = default_progress_path()
        self.progress = Progress()
        self.session: PracticeSession | None = None
        self.spec: PracticeSpec | None = None
        self.active = False
        self._saved: dict = {}
        self._docks_shown: list[QDockWidget] = []
        self._pins: tuple = ()
        self._asked_at = 0.0
        self._started_at = 0.0
        self._last_click = None
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        panel = self.panel
        panel.choice_made.connect(self.choose)
        panel.name_typed.connect(self.type_name)
        panel.next_requested.connect(self.next_question)
        panel.reveal_requested.connect(self.reveal)
        panel.leave_requested.connect(self.leave)
        panel.again_requested.connect(lambda: self.start(self.spec))
        panel.save_results_requested.connect(self.ask_results_path)
        panel.progress_requested.connect(self.show_progress)

    def attach_view(self, view) -> None:
        """The 3D view is built: watch where its clicks land (for the thin-structure allowance)."""
        view.installEventFilter(self)

    # -- entering and leaving ------------------------------------------------------------------
    def start(self, spec: PracticeSpec | None = None) -> None:
        """Begin a session (a teacher's set, or the student's own spaced review)."""
        self.spec = spec
        if not self.active:
            self._enter()
        self.progress, notice = load_progress(self.progress_path)
        rng = random.Random(spec.seed) if spec and spec.seed is not None else random.Random()
        self.session = build_session(
            self.catalogue,
            self.progress,
            datetime.now(),
            count=spec.questions if spec else 10,
            structures=spec.structure_ids() if spec else pickable_structures(),
            kinds=tuple(spec.kinds) if spec else KINDS,
            rng=rng,
            title=spec.title if spec else "Practice",
            time_limit_s=spec.time_limit_s if spec else None,
        )
        self._started_at = time.monotonic()
        self._clock.start()
        self._show_current()
        if notice:
            self.panel.feedback.setText(notice)
            self.window.statusBar().showMessage(notice, 15000)

    def _enter(self) -> None:
        self.active = True
        self.window.motion.stop()
        self.window.tour.stop()  # a tour's words and a pin's note could give answers away
        self.window.scenes.set_placing(False)
        self._pins = self.window.scenes.pinboard.pins
        self.window.scenes.pinboard.clear()
        self.window.tours_menu.setEnabled(False)
        self._saved = {name: getattr(self.state, name) for name in _RESTORED_FIELDS}
        # The tree, the card, the length table and the exercise browser would all give answers
        # away; a dock counts as open (checked) even as a tab behind another.
        docks = [getattr(self.window, name, None) for name in ANSWERING_DOCKS]
        self._docks_shown = [d for d in docks if d and d.toggleViewAction().isChecked()]
        for dock in self._docks_shown:
            dock.hide()
        self.dock.show()
        for key in ACTIONS_OFF_IN_PRACTICE:
            self.window.actions_by_key[key].setEnabled(False)
        self.window.actions_by_key["practice"].setChecked(True)
        self.state.labels = False
        self.state.colour_mode = "anatomy"
        self.state.set_layer_visible("skin", False)
        self.window.statusBar().showMessage(
            "Practising: the tree and the cards come back when you leave."
        )

    def leave(self) -> None:
        if not self.active:
            return
        self._clock.stop()
        self.window.motion.stop()
        self.active = False
        self.session = None
        self.dock.hide()
        for dock in self._docks_shown:
            dock.show()
        for key in ACTIONS_OFF_IN_PRACTICE:
            self.window.actions_by_key[key].setEnabled(True)
        self.window.actions_by_key["practice"].setChecked(False)
        self.window.tours_menu.setEnabled(True)
        for name, value in self._saved.items():
            setattr(self.state, name, value)
        self.window.scenes.pinboard.pins = self._pins
        self.window.statusBar().showMessage("Practice ended.", 4000)

    def toggle(self) -> None:
        self.leave() if self.active else self.start()

    # -- questions -------------------------------------------------------------------------------
    @property
    def question(self) -> Question | None:
        return self.session.current if self.session else None

    def _show_current(self) -> None:
        session, question = self.session, self.question
        if question is None:
            self._show_summary()
            return
        self.window.motion.stop()
        self.state.clear_selection()
        self.state.pose = question.pose or STANDING
        self._make_visible(question.structure)
        if self._plays_a_stretch(question):
            self.state.pose = STANDING
            self.window.motion.play(*question.motion)  # eases into the held position
        if question.kind == "name":
            self.state.select(question.structure)
        self.window.when_view_ready(lambda: self._frame(question))
        self.panel.show_question(question, session.index + 1, len(session.questions), session.score)
        self._asked_at = time.monotonic()

    def _frame(self, question: Question) -> None:
        """Look at the question's pose from the chosen view (once the 3D view is there)."""
        if question is not self.question:  # answered and moved on while the view loaded
            return
        self.window.scene.apply_view(self.state.view)
        if question.pose is not None:
            self.window.scene.frame_poses([question.pose])
        self.window.view.request_render()

    def _plays_a_stretch(self, question: Question) -> bool:
        """A held stretch is shown moving into its position; an exercise's end is posed."""
        if question.motion is None or question.motion[0] != "stretch":
            return False
        return self.catalogue.stretches[question.motion[1]].style == "static"

    def _make_visible(self, structure: str) -> None:
        self.state.set_structure_visible(structure, True)
        layers = {part.layer for part in parts_of(structure)}
        self.state.layers_visible = self.state.layers_visible | layers

    def _seconds(self) -> float:
        now = time.monotonic()
        seconds, self._asked_at = now - self._asked_at, now
        return seconds

    def _finished(self) -> bool:
        return (
            self.session is None
            or self.question is None
            or self.session.results[self.session.index].finished
        )

    def part_clicked(self, part_id: str) -> None:
        """A click on the model: the answer to a find-it question, ignored otherwise."""
        question = self.question
        if question is None or question.kind != "find" or self._finished():
            return
        if not part_id:
            self.panel.feedback.setText("That is the background: click on the leg.")
            return
        correct = question.is_right(part_id) or self._near_thin_target(question.structure)
        name = self.catalogue.display_name(PART_BY_ID[part_id].structure)
        feedback = self.session.answer(part_id, correct, self._seconds(), name)
        message = feedback.message if correct else f"That is the {name}. " + feedback.message
        self._after_answer(feedback.correct, feedback.finished, message)

    def _near_thin_target(self, structure: str) -> bool:
        """A click a few pixels off a tendon or nerve still finds it (the picker's own ray)."""
        if self._last_click is None or PART_BY_ID[parts_of(structure)[0].id].kind not in THIN_KINDS:
            return False
        x, y = self._last_click
        radius = NEAR_CLICK_RADIUS_PX
        offsets = [(dx, dy) for dx in (-radius, 0, radius) for dy in (-radius, 0, radius)]
        offsets += [(dx // 2, dy // 2) for dx, dy in offsets]
        for dx, dy in offsets:
            picked = self.window.view.pick_part(x + dx, y + dy)
            if picked and PART_BY_ID[picked].structure == structure:
                return True
        return False

    def choose(self, answer: str) -> None:
        if self._finished() or not answer:
            return
        right = answer == self.question.answer
        feedback = self.session.answer(answer, right, self._seconds(), picked=True)
        if not feedback.correct:
            self.panel.mark_wrong_choice(answer)
        self._after_answer(feedback.correct, feedback.finished, feedback.message)

    def type_name(self, typed: str) -> None:
        if self._finished():
            return
        correct, read_as = check_typed_name(self.question, typed)
        feedback = self.session.answer(typed, correct, self._seconds())
        message = feedback.message
        if not correct and read_as:
            message = f"“{typed}” is the {self.catalogue.display_name(read_as)}. " + message
        self._after_answer(feedback.correct, feedback.finished, message)

    def reveal(self) -> None:
        if self._finished():
            return
        feedback = self.session.give_up(self._seconds())
        self._after_answer(False, True, feedback.message)

    def _after_answer(self, correct: bool, finished: bool, message: str) -> None:
        question = self.question
        self.panel.show_feedback(message, correct, finished, question.answer)
        if not finished:
            return
        self.state.select(question.structure)  # the right answer, shown on the model
        self.panel.show_card(card_html(self.catalogue, question.structure))
        self.session.file_result(self.session.index, self.progress, datetime.now())
        self._save_progress()

    def _save_progress(self) -> None:
        try:
            save_progress(self.progress, self.progress_path)
        except OSError as error:
            self.window.statusBar().showMessage(
                f"Could not save your progress to {self.progress_path}: {error.strerror or error}",
                10000,
            )

    def next_question(self) -> None:
        if self.session is not None and self._finished():
            self.session.next()
            self._show_current()

    # -- the end of a session --------------------------------------------------------------------
    def _tick(self) -> None:
        session = self.session
        if session is None or session.time_limit_s is None:
            self.panel.set_time_left(None)
            return
        left = session.time_limit_s - (time.monotonic() - self._started_at)
        self.panel.set_time_left(left)
        if left <= 0 and not session.done:
            if not self._finished():
                session.give_up(self._seconds())
            session.index = len(session.questions)
            self._show_current()

    def _show_summary(self) -> None:
        self._clock.stop()
        self.window.motion.stop()
        session = self.session
        self.state.clear_selection()
        self.state.pose = STANDING
        rows = "".join(
            f"<tr><td>{'✔' if r.correct else '✘'}</td><td>{escape(r.question.prompt)}</td>"
            f"<td>{escape(r.question.answer)}</td></tr>"
            for r in session.results
        )
        details = f"<table cellpadding='3'>{rows}</table>"
        self.panel.show_summary(session.title, session.summary(), details)

    def ask_results_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save results", str(Path.home() / "practice-results.csv"), "CSV (*.csv)"
        )
        if path:
            self.save_results(Path(path))

    def save_results(self, path: Path) -> bool:
        try:
            self.session.write_results(path)
        except OSError as error:
            QMessageBox.critical(
                self.window, "Results not saved", f"Cannot write {path}: {error.strerror or error}"
            )
            return False
        self.window.statusBar().showMessage(f"Saved results to {path}", 6000)
        return True

    def show_progress(self) -> QDialog:
        """Each structure as known, learning or new."""
        return open_progress_dialog(self.window, self.progress, self.catalogue.display_name)

    # -- remembering where the click was (the thin-structure allowance needs it) ---------------
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            position = event.position()
            self._last_click = (position.x(), position.y())
        return False
