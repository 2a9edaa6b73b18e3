"""A practice session: which questions, the answers given, the score, the results file.

Pure logic: the window shows the current question and reports what the
student clicked, typed or picked; the session marks it, keeps the record the
teacher's CSV is made from, and files each first-try result in spaced review.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from annotations.catalogue import Catalogue
from viewer.model.answers import match_name
from viewer.model.atomic import atomic_write
from viewer.model.questions import KINDS, Question, make_question, pickable_structures
from viewer.model.review import Progress

DEFAULT_QUESTION_COUNT = 10
#: Tries before the right answer is shown, for the kinds a guess cannot win (click, type).
ATTEMPTS_BY_KIND = {"find": 2, "name": 2, "fact": 1, "movement": 1}
CSV_COLUMNS = ("question", "answer_given", "right_answer", "correct", "seconds", "attempts")


@dataclass
class Result:
    question: Question
    given: list[str] = field(default_factory=list)
    correct: bool = False
    finished: bool = False
    seconds: float = 0.0

    @property
    def attempts(self) -> int:
        return len(self.given)


@dataclass(frozen=True)
class Feedback:
    correct: bool
    finished: bool  # no tries left (or right): show the answer and move on
    message: str


@dataclass
class PracticeSession:
    questions: list[Question]
    title: str = "Practice"
    time_limit_s: float | None = None
    results: list[Result] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.results = [Result(question) for question in self.questions]
        self.index = 0

    @property
    def current(self) -> Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def done(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def score(self) -> int:
        return sum(result.correct for result in self.results)

    def answer(
        self, given: str, correct: bool, seconds: float, shown_as: str = "", picked: bool = False
    ) -> Feedback:
        """Mark one try at the current question (``shown_as``: what to call the answer given).

        A pick from the choices is always the last try: a second pick among four is a guess.
        """
        result = self.results[self.index]
        if result.finished:
            raise RuntimeError("this question is already answered; call next()")
        question = result.question
        result.given.append(shown_as or given)
        result.seconds += seconds
        result.correct = correct
        tries_left = ATTEMPTS_BY_KIND[question.kind] - result.attempts
        result.finished = correct or tries_left <= 0 or picked
        if correct:
            message = f"Right: {_quoted(question.answer)}." if _short(question) else "Right."
        elif result.finished:
            message = f"Not quite. {_the_answer(question)}"
        else:
            message = "Not quite. Try once more."
        return Feedback(correct, result.finished, message)

    def give_up(self, seconds: float) -> Feedback:
        """Time ran out or the student asked to see the answer."""
        result = self.results[self.index]
        result.seconds += seconds
        result.finished = True
        result.correct = False
        return Feedback(False, True, _the_answer(result.question))

    def next(self) -> Question | None:
        self.index += 1
        return self.current

    def file_result(self, index: int, progress: Progress, now: datetime) -> None:
        """Put one answered question in spaced review: right only if right at the first try."""
        result = self.results[index]
        if result.finished:
            first_try = result.correct and result.attempts == 1
            progress.record(result.question.structure, result.question.kind, first_try, now)

    def summary(self) -> str:
        answered = [r for r in self.results if r.finished]
        missed = [r.question.answer for r in answered if not r.correct]
        text = f"{self.score} of {len(self.questions)} right."
        if missed:
            text += " To review: " + ", ".join(dict.fromkeys(missed)) + "."
        return text

    def results_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for result in self.results:
            writer.writerow(
                (
                    result.question.prompt,
                    " | ".join(result.given),
                    result.question.answer,
                    "yes" if result.correct else "no",
                    f"{result.seconds:.1f}",
                    result.attempts,
                )
            )
        return buffer.getvalue()

    def write_results(self, path: Path) -> Path:
        """Write the CSV atomically (OSError, and no partial file, when it cannot be written)."""
        data = self.results_csv().encode("utf-8")
        return atomic_write(Path(path), lambda stream: stream.write(data))


#: Answers longer than this (an origin, an insertion) are shown on their button, not repeated.
SHORT_ANSWER_CHARACTERS = 60


def _short(question: Question) -> bool:
    return len(question.answer) <= SHORT_ANSWER_CHARACTERS


def _quoted(answer: str) -> str:
    return answer.rstrip(".")


def _the_answer(question: Question) -> str:
    if _short(question):
        return f"The answer is {_quoted(question.answer)}."
    return "The right answer is marked."


def check_typed_name(question: Question, typed: str) -> tuple[bool, str]:
    """Is a typed name right? Also the id it was read as ("" for none), to explain a miss."""
    matched = match_name(typed, question.names) or ""
    return matched == question.structure, matched


def build_session(
    catalogue: Catalogue,
    progress: Progress,
    now: datetime,
    count: int = DEFAULT_QUESTION_COUNT,
    structures: tuple[str, ...] | None = None,
    kinds: tuple[str, ...] = KINDS,
    rng: random.Random | None = None,
    title: str = "Practice",
    time_limit_s: float | None = None,
) -> PracticeSession:
    """Choose and make ``count`` questions, favouring what is due and what was missed.

    A pair the content cannot make a question of (a bone has no origin card
    text, no pose makes a tendon the longest) falls back to the next kind.
    Questions repeat only when the structures and kinds allowed are too few.
    """
    rng = rng or random.Random()
    structures = structures or pickable_structures()
    pairs = [(structure, kind) for structure in structures for kind in kinds]
    ordered = progress.choose(pairs, len(pairs), now, rng)
    questions: list[Question] = []
    while len(questions) < count:
        used: set[tuple[str, str]] = set()  # each round asks each pair at most once
        made = 0
        for structure, kind in ordered:
            if len(questions) >= count:
                break
            question = _first_question(catalogue, structure, kind, kinds, rng, used)
            if question is not None:
                questions.append(question)
                made += 1
        if made == 0:
            break
    return PracticeSession(questions, title, time_limit_s)


def _first_question(
    catalogue: Catalogue,
    structure: str,
    kind: str,
    kinds: tuple[str, ...],
    rng: random.Random,
    used: set[tuple[str, str]],
) -> Question | None:
    """A question about ``structure``: of ``kind`` if the content allows, else the next kind."""
    start = kinds.index(kind)
    for offset in range(len(kinds)):
        candidate = kinds[(start + offset) % len(kinds)]
        if (structure, candidate) in used:
            continue
        question = make_question(catalogue, structure, candidate, rng)
        if question is not None:
            used.add((structure, candidate))
            return question
    return None
