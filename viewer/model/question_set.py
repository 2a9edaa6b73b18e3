"""A teacher's question set: a TOML file that fixes what a practice session asks.

Read and checked like the cards: every problem becomes one
``QuestionSetError`` naming the file and the field ("hamstrings.toml:
practice.kinds[1]: ..."), so the window and the command line can show it as
one line. The format is documented in annotations/README.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from annotations.files import AnnotationError, read_validated
from meshes.parts import GROUPS, group_members
from viewer.model.practice import DEFAULT_QUESTION_COUNT
from viewer.model.questions import KINDS, pickable_structures

MAX_QUESTIONS = 200
Kind = Literal[KINDS]  # type: ignore[valid-type]
#: Structures and groups a set may name (a group stands for its members).
SetTarget = Literal[pickable_structures() + GROUPS]  # type: ignore[valid-type]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class QuestionSetError(Exception):
    """The set cannot be used; the message names the file and the field."""


class PracticeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    title: Title = "Practice"
    structures: list[SetTarget] = Field(default_factory=list)
    kinds: list[Kind] = Field(default_factory=lambda: list(KINDS), min_length=1)
    questions: int = Field(default=DEFAULT_QUESTION_COUNT, ge=1, le=MAX_QUESTIONS)
    time_limit_minutes: float | None = Field(default=None, gt=0, le=600)
    seed: int | None = None  # the same questions, in the same order, for every student

    def structure_ids(self) -> tuple[str, ...]:
        """The structures asked about, groups opened into their members; all when none named."""
        if not self.structures:
            return pickable_structures()
        found: list[str] = []
        for item in self.structures:
            found += group_members(item) if item in GROUPS else [item]
        return tuple(dict.fromkeys(found))

    @property
    def time_limit_s(self) -> float | None:
        return None if self.time_limit_minutes is None else 60.0 * self.time_limit_minutes


class QuestionSetFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    practice: PracticeSpec


def read_question_set(path: Path) -> PracticeSpec:
    path = Path(path)
    try:
        return read_validated(path, QuestionSetFile).practice
    except AnnotationError as error:
        raise QuestionSetError(str(error)) from None
