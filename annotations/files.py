"""Read one TOML annotation file into its pydantic model, or fail with one clear line.

Every failure a person can cause with a single file (unreadable, not UTF-8, bad
TOML, a wrong field) becomes an ``AnnotationError`` naming the file and the line
or the dotted field path, so the CLI and the GUI can show it as it is.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from annotations.schema import CARD_KINDS, DataFile

#: tomllib ends its messages with "(at line L, column C)" or "(at end of document)".
_TOML_POSITION = re.compile(
    r"^(?P<reason>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$"
)
ModelT = TypeVar("ModelT", bound=BaseModel)
_FRIENDLY_REASONS = {"missing": "required field is missing", "extra_forbidden": "unknown field"}


class AnnotationError(Exception):
    """A data file cannot be used; the message names the file and what is wrong where."""


def read_data_file(path: Path) -> DataFile:
    """Parse and validate one file; any problem becomes an ``AnnotationError`` naming it."""
    return read_validated(path, DataFile)


def read_validated(path: Path, model: type[ModelT]) -> ModelT:
    """Parse one TOML file into ``model``; errors name the file and the field or line."""
    raw = read_toml(path)
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise AnnotationError(describe_validation_error(path, error)) from None
    except RecursionError:
        raise AnnotationError(f"{path}: values nested too deeply") from None


def read_toml(path: Path) -> dict[str, Any]:
    """The file's TOML as a dict; unreadable, non-UTF-8 or bad TOML is one line naming it.

    Scene files and question sets read through here too, so a teacher's broken
    file is described the same way as a broken card.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise AnnotationError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise AnnotationError(
            f"{path}: not UTF-8 text (bad byte at offset {error.start})"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AnnotationError(_describe_syntax_error(path, str(error))) from None
    except RecursionError:
        raise AnnotationError(f"{path}: TOML syntax error: values nested too deeply") from None


def _describe_syntax_error(path: Path, message: str) -> str:
    match = _TOML_POSITION.match(message)
    if match is None:
        return f"{path}: TOML syntax error: {message}"
    if match["line"] is None:
        return f"{path}, at end of file: TOML syntax error: {match['reason']}"
    where = f"line {match['line']}, column {match['column']}"
    return f"{path}, {where}: TOML syntax error: {match['reason']}"


def describe_validation_error(path: Path, error: ValidationError) -> str:
    """The first problem as "file: field.path: reason (got value)", and how many more."""
    problems = error.errors(include_url=False)
    first = problems[0]
    reason = _FRIENDLY_REASONS.get(first["type"], first["msg"])
    value = first.get("input")
    if first["type"] not in _FRIENDLY_REASONS and isinstance(value, (str, int, float)):
        reason += f" (got {value!r})"
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''} in this file)" if more else ""
    return f"{path}: {dotted_path(first['loc'])}: {reason}{suffix}"


def dotted_path(location: tuple[str | int, ...]) -> str:
    """``("exercise", 2, "start", "knee_flexion")`` -> ``"exercise[2].start.knee_flexion"``.

    The card kind pydantic inserts after ``card`` (to say which union member it
    tried) is dropped: the person wrote ``card.origin``, not ``card.muscle.origin``.
    """
    if len(location) > 1 and location[0] == "card" and location[1] in CARD_KINDS:
        location = (location[0], *location[2:])
    text = ""
    for item in location:
        text += f"[{item}]" if isinstance(item, int) else f".{item}" if text else str(item)
    return text or "(file)"
