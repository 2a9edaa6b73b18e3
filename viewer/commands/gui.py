"""``legatlas`` with no subcommand: open the window."""

from __future__ import annotations

import argparse
import os
import sys

from viewer.cli import CommandError

NO_DISPLAY_MESSAGE = (
    "no display found (DISPLAY and WAYLAND_DISPLAY are unset): "
    "run `xvfb-run legatlas` for a virtual screen, "
    "or `legatlas screenshot OUT.png` to render a picture without one"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from viewer.model.state import VIEWS, hideable_ids

    parser.add_argument("--view", choices=VIEWS, default="posterior", help="starting view")
    parser.add_argument("--select", metavar="ID", help="structure or group to select at start")
    parser.add_argument(
        "--hide",
        metavar="ID_OR_LAYER",
        nargs="+",
        default=[],
        choices=hideable_ids(),
        help="layers or structures to hide at start",
    )


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] not in ("", "xcb", "wayland"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def initial_state(arguments: argparse.Namespace, parser: argparse.ArgumentParser):
    """State the window opens in, from --view and --select (--hide is applied after the
    saved preferences, by ``apply_hides``, so a launch option wins over last session)."""
    from viewer.model.state import AtlasState

    state = AtlasState(view=arguments.view)
    if arguments.select:
        try:
            state.select(arguments.select)
        except ValueError:
            from viewer.model.state import selectable_ids

            parser.error(
                f"unknown id {arguments.select!r}; valid ids: {', '.join(selectable_ids())}"
            )
    return state


def run(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    state = initial_state(arguments, parser)
    if not has_display():
        raise CommandError(NO_DISPLAY_MESSAGE, status=1)
    from viewer.commands.common import load_catalogue

    try:
        catalogue = load_catalogue(arguments)
    except CommandError as error:
        show_startup_error(str(error))  # a person who started from a menu sees no terminal
        raise
    from viewer.gui.app import run_app

    return run_app(catalogue, state, arguments.hide)


def apply_hides(state, hides) -> None:
    for item in hides:
        state.hide(item)


def show_startup_error(message: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from viewer.gui.app import make_application

    make_application()
    QMessageBox.critical(None, "Leg Atlas cannot start", message)
