"""Command line: ``legatlas`` opens the window; subcommands work headless.

Errors a person can make (an unknown id, a bad angle, an unwritable path, a
broken annotation file) end in one clear line on stderr and a non-zero exit
status, never a traceback. Usage errors exit 2, like argparse's own.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from viewer import __version__

#: Modules under ``viewer.commands`` that add a subcommand each.
COMMAND_MODULES: tuple[str, ...] = (
    "viewer.commands.list_info",
    "viewer.commands.screenshot",
    "viewer.commands.export_meshes",
    "viewer.commands.lengths",
)


class CommandError(Exception):
    """A failure to report to the person as one line, with an exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legatlas",
        description="Leg Atlas: a 3D atlas of the muscles at the back of the leg. "
        "With no subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"legatlas {__version__}")
    _add_annotations_option(parser, default=[])
    from viewer.commands import gui

    gui.add_arguments(parser)
    parser.set_defaults(func=gui.run)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    for subparser in subparsers.choices.values():
        # Accepted after the subcommand too: `legatlas info soleus --annotations DIR`.
        _add_annotations_option(subparser, default=argparse.SUPPRESS)
    return parser


def _add_annotations_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--annotations",
        metavar="DIR",
        action="append",
        default=default,
        help="merge your own TOML cards from DIR over the built-in ones "
        "(repeatable; also read from LEGATLAS_ANNOTATIONS)",
    )


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    arguments = parser.parse_args(list(argv))
    try:
        return int(arguments.func(arguments, parser) or 0)
    except CommandError as error:
        print(f"legatlas: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``legatlas list | head``): not an error worth a traceback.
        sys.stderr.close()
        return 0
