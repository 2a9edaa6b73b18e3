"""The practice panel: the question, the ways to answer it, feedback and the summary.

A thin view: it shows what the practice controller hands it and reports what
the student did (a choice, a typed name, Next, Leave) as signals. It knows
nothing of marking or of the 3D view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from viewer.model.questions import KIND_TITLES, Question

CHOICE_BUTTONS = 4
RIGHT_COLOUR = "#7bc47f"
WRONG_COLOUR = "#e58a7a"


class ChoiceButton(QPushButton):
    """A button whose text wraps, for answers as long as an origin."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.answer = ""

    def show_answer(self, answer: str) -> None:
        self.answer = answer
        self.label.setText(answer)
        self.setToolTip(answer)
        self.setMinimumHeight(self.label.heightForWidth(max(200, self.width() - 20)) + 14)
        self.setStyleSheet("")

    def mark(self, colour: str) -> None:
        self.setStyleSheet(f"QPushButton {{ border: 2px solid {colour}; }}")


class PracticePanel(QWidget):
    choice_made = Signal(str)
    name_typed = Signal(str)
    next_requested = Signal()
    reveal_requested = Signal()
    leave_requested = Signal()
    again_requested = Signal()
    save_results_requested = Signal()
    progress_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.header = QLabel()
        self.header.setStyleSheet("font-weight: 600; color: #b8b3a8;")
        self.timer_label = QLabel()
        self.kind = QLabel()
        self.kind.setStyleSheet("font-size: 11pt; color: #d8a850; font-weight: 600;")
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("font-size: 13pt; margin: 4px 0 8px 0;")
        self.name_field = QLineEdit(placeholderText="Type the name (English or Latin)…")
        self.name_field.returnPressed.connect(self._submit_name)
        self.check_button = QPushButton("Check")
        self.check_button.clicked.connect(self._submit_name)
        name_row = QWidget()
        row = QHBoxLayout(name_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name_field)
        row.addWidget(self.check_button)
        self.name_row = name_row
        self.choices = [ChoiceButton() for _ in range(CHOICE_BUTTONS)]
        for button in self.choices:
            button.clicked.connect(lambda _=False, b=button: self.choice_made.emit(b.answer))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.card = QTextBrowser()
        self.card.setOpenLinks(False)
        self.reveal_button = QPushButton("Show answer")
        self.reveal_button.clicked.connect(self.reveal_requested)
        self.next_button = QPushButton("Next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next_requested)
        self.progress_button = QPushButton("My progress")
        self.progress_button.clicked.connect(self.progress_requested)
        self.save_button = QPushButton("Save results (CSV)…")
        self.save_button.clicked.connect(self.save_results_requested)
        self.again_button = QPushButton("Practise again")
        self.again_button.clicked.connect(self.again_requested)
        self.leave_button = QPushButton("Leave practice")
        self.leave_button.clicked.connect(self.leave_requested)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.timer_label)
        layout.addLayout(top)
        layout.addWidget(self.kind)
        layout.addWidget(self.prompt)
        layout.addWidget(self.name_row)
        for button in self.choices:
            layout.addWidget(button)
        layout.addWidget(self.feedback)
        layout.addWidget(self.card, 3)
        layout.addStretch(1)  # keeps the question at the top while the card is hidden
        buttons = QHBoxLayout()
        for button in (self.reveal_button, self.next_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        end = QHBoxLayout()
        for button in (self.save_button, self.again_button, self.progress_button):
            end.addWidget(button)
        layout.addLayout(end)
        layout.addWidget(self.leave_button)

    # -- what the controller shows -------------------------------------------------------------
    def show_question(self, question: Question, number: int, total: int, score: int) -> None:
        self.header.setText(f"Question {number} of {total} · score {score}")
        self.kind.setText(KIND_TITLES[question.kind])
        self.prompt.setText(question.prompt)
        self.name_row.setVisible(question.kind == "name")
        self.name_field.clear()
        self.name_field.setEnabled(True)
        padded = (*question.choices, *[""] * CHOICE_BUTTONS)[:CHOICE_BUTTONS]
        for button, choice in zip(self.choices, padded, strict=True):
            button.setVisible(bool(choice) and question.kind != "find")
            button.setEnabled(True)
            button.show_answer(choice)
        self.feedback.clear()
        self.card.clear()
        self.card.setVisible(False)
        self.reveal_button.setVisible(True)
        self.next_button.setVisible(False)
        for button in (self.save_button, self.again_button, self.progress_button):
            button.setVisible(False)
        if question.kind == "name":
            self.name_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_feedback(self, message: str, correct: bool, finished: bool, right: str) -> None:
        colour = RIGHT_COLOUR if correct else WRONG_COLOUR
        self.feedback.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {colour};")
        self.feedback.setText(message)
        if not finished:
            return
        self.name_field.setEnabled(False)
        for button in self.choices:
            button.setEnabled(False)
            if button.answer == right:
                button.mark(RIGHT_COLOUR)
        self.reveal_button.setVisible(False)
        self.next_button.setVisible(True)
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_wrong_choice(self, answer: str) -> None:
        for button in self.choices:
            if button.answer == answer:
                button.mark(WRONG_COLOUR)

    def show_card(self, html: str) -> None:
        self.card.setHtml(html)
        self.card.setVisible(True)

    def show_summary(self, title: str, text: str, details_html: str) -> None:
        self.header.setText(title)
        self.kind.setText("Session finished")
        self.prompt.setText(text)
        self.name_row.setVisible(False)
        for button in self.choices:
            button.setVisible(False)
        self.feedback.clear()
        self.show_card(details_html)
        self.reveal_button.setVisible(False)
        self.next_button.setVisible(False)
        for button in (self.save_button, self.again_button, self.progress_button):
            button.setVisible(True)
        self.timer_label.clear()

    def set_time_left(self, seconds: float | None) -> None:
        if seconds is None:
            self.timer_label.clear()
            return
        minutes, rest = divmod(max(0, int(seconds)), 60)
        self.timer_label.setText(f"⏱ {minutes}:{rest:02d}")

    def _submit_name(self) -> None:
        text = self.name_field.text().strip()
        if text and self.name_field.isEnabled():
            self.name_typed.emit(text)
