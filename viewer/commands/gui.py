"""``legatlas`` with no subcommand: open the window.

The only command that imports Qt, and only inside ``run``, so every other
subcommand (and ``--help``) answers without loading a GUI toolkit.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.commands.common import (
    add_view_arguments,
    apply_view_arguments,
    check_view_arguments,
    load_catalogue,
)
from viewer.commands.errors import CommandError
from viewer.model.scene_file import SUFFIX
from viewer.model.state import AtlasState

if TYPE_CHECKING:
    from viewer.model.question_set import PracticeSpec

NO_DISPLAY_MESSAGE = (
    "no display found (DISPLAY and WAYLAND_DISPLAY are unset): "
    "run `xvfb-run legatlas` for a virtual screen, "
    "or `legatlas screenshot OUT.png` to render a picture without one"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_view_arguments(parser)
    parser.add_argument(
        "--practice",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help="open in practice mode: your own spaced review, or a teacher's question set (TOML)",
    )
    parser.add_argument(
        "--scene",
        metavar="FILE",
        help=f"open a scene or tour (also: legatlas FILE{SUFFIX})",
    )


def scene_file_as_option(argv: Sequence[str], commands: Sequence[str]) -> list[str]:
    """``legatlas FILE.legatlas`` means ``legatlas --scene FILE.legatlas``.

    argparse cannot take an optional file before subcommands (it would read
    ``screenshot`` as the file), so a scene file given before any subcommand is
    turned into the option here.
    """
    words = list(argv)
    for index, word in enumerate(words):
        if word in commands:
            break
        if word.endswith(SUFFIX) and not word.startswith("-"):
            previous = words[index - 1] if index else ""
            if previous not in ("--scene", "--practice", "--annotations"):
                words[index] = f"--scene={word}"
            break
    return words


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("", "xcb", "wayland"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def initial_state(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> AtlasState:
    """State the window opens in, from --view and --select.

    --hide is applied after the saved preferences (``run_app`` does it), so a
    launch option wins over last session's layers.
    """
    check_view_arguments(arguments, parser)
    state = AtlasState()
    apply_view_arguments(state, arguments, hides=False)
    return state


def run(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    state = initial_state(arguments, parser)
    practice_spec(arguments)  # a broken question set is reported before any window opens
    if arguments.scene and not Path(arguments.scene).is_file():
        parser.error(f"scene file not found: {arguments.scene}")
    if not has_display():
        raise CommandError(NO_DISPLAY_MESSAGE, status=1)
    # Qt is imported only now: the other commands and --help never pay for it.
    from viewer.gui.app import run_app, show_startup_error  # noqa: PLC0415

    try:
        catalogue = load_catalogue(arguments)
    except CommandError as error:
        show_startup_error(str(error))  # a person who started from a menu sees no terminal
        raise
    return run_app(
        catalogue, state, arguments.hide, practice=practice_spec(arguments), scene=arguments.scene
    )


def practice_spec(arguments: argparse.Namespace) -> PracticeSpec | bool:
    """What ``--practice`` asks for: a teacher's set, the student's own review (True), or no."""
    if arguments.practice is None:
        return False
    if not arguments.practice:
        return True
    # Imported only for a teacher's set: its validators cost the first window ~10 ms otherwise.
    from viewer.model.question_set import QuestionSetError, read_question_set  # noqa: PLC0415

    try:
        return read_question_set(arguments.practice)
    except QuestionSetError as error:
        raise CommandError(str(error), status=1) from None
