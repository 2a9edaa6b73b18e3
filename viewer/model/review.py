"""Spaced review: a Leitner box per structure and question kind, kept on disk.

A right answer moves the item up a box and puts off its next review (a day,
then two, four, eight, sixteen); a wrong one sends it back to the first box,
due again at once. A session takes what was missed first, then what is due,
then what was never asked, then the rest, soonest due first.

The progress file is JSON written through ``atomic_write``, so a crash while
saving leaves the previous file whole. A file that cannot be read (damaged,
or written by something else) is renamed aside with a message, and practice
goes on from an empty record rather than stopping.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from viewer.model.atomic import atomic_write

#: Days until the next review for an item in each box (box 1 is due at once).
BOX_INTERVALS_DAYS: tuple[float, ...] = (0.0, 1.0, 2.0, 4.0, 8.0, 16.0)
TOP_BOX = len(BOX_INTERVALS_DAYS)
#: An item in this box or above counts as known.
KNOWN_BOX = 3
FILE_VERSION = 1
STATUSES = ("new", "learning", "known")


@dataclass
class ReviewItem:
    box: int = 1
    due: str = ""  # ISO time; "" = due now
    right: int = 0
    wrong: int = 0
    last_wrong: bool = False


def item_key(structure: str, kind: str) -> str:
    return f"{structure}:{kind}"


@dataclass
class Progress:
    """Every structure and kind the student has answered, with its box and due time."""

    items: dict[str, ReviewItem] = field(default_factory=dict)

    def record(self, structure: str, kind: str, correct: bool, now: datetime) -> ReviewItem:
        item = self.items.setdefault(item_key(structure, kind), ReviewItem())
        if correct:
            item.box = min(TOP_BOX, item.box + 1) if item.right or item.wrong else 2
            item.right += 1
        else:
            item.box = 1
            item.wrong += 1
        item.last_wrong = not correct
        item.due = (now + timedelta(days=BOX_INTERVALS_DAYS[item.box - 1])).isoformat()
        return item

    def is_due(self, key: str, now: datetime) -> bool:
        item = self.items.get(key)
        return item is None or not item.due or datetime.fromisoformat(item.due) <= now

    def status(self, structure: str) -> str:
        """``new`` (never asked), ``known`` (every kind asked is in a high box) or ``learning``."""
        items = [item for key, item in self.items.items() if key.split(":")[0] == structure]
        if not items:
            return "new"
        if all(item.box >= KNOWN_BOX and not item.last_wrong for item in items):
            return "known"
        return "learning"

    def choose(
        self, candidates: Iterable[tuple[str, str]], count: int, now: datetime, rng: random.Random
    ) -> list[tuple[str, str]]:
        """``count`` (structure, kind) pairs: missed and due first, then due, new, the rest."""
        pool = list(candidates)
        rng.shuffle(pool)  # ties are broken at random, so two sessions differ

        def rank(pair: tuple[str, str]) -> tuple[int, str]:
            key = item_key(*pair)
            item = self.items.get(key)
            if item is None:
                return (2, "")
            due = self.is_due(key, now)
            if due and item.last_wrong:
                return (0, item.due)
            return (1, item.due) if due else (3, item.due)

        return sorted(pool, key=rank)[:count]


class ProgressFileError(Exception):
    """The progress file could not be read; the message says where it was put aside."""


def load_progress(path: Path) -> tuple[Progress, str]:
    """The saved progress and a message for the person ("" when all went well).

    A missing file is a first session. A damaged one is renamed to
    ``<name>.damaged-<time>`` and an empty record is returned with a message.
    """
    path = Path(path)
    if not path.exists():
        return Progress(), ""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("version") != FILE_VERSION:
            raise ValueError(f"unknown version {raw.get('version')!r}")
        items = {str(key): _item(value) for key, value in raw["items"].items()}
        return Progress(items), ""
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as error:
        aside = _set_aside(path)
        where = f"it was moved to {aside}" if aside else "it could not be moved aside"
        return Progress(), (
            f"Your practice record {path} could not be read ({_reason(error)}); "
            f"{where}, and practice starts afresh."
        )


def _item(value: dict) -> ReviewItem:
    item = ReviewItem(**value)
    if not (1 <= int(item.box) <= TOP_BOX):
        raise ValueError(f"box {item.box} out of range")
    if item.due:
        datetime.fromisoformat(item.due)
    return item


def _reason(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"not valid JSON at line {error.lineno}"
    return str(error) or type(error).__name__


def _set_aside(path: Path) -> Path | None:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        path.replace(aside)
    except OSError:
        return None
    return aside


def save_progress(progress: Progress, path: Path) -> Path:
    """Write atomically (OSError, and the old file untouched, if the folder cannot be written)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "version": FILE_VERSION,
        "items": {key: asdict(item) for key, item in sorted(progress.items.items())},
    }
    text = json.dumps(data, indent=1).encode("utf-8")
    return atomic_write(path, lambda stream: stream.write(text))
