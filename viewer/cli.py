"""Command line: ``legatlas`` opens the window; subcommands work headless.

Errors a person can make (an unknown id, a bad angle, an unwritable path, a
broken annotation file) end in one clear line on stderr and a non-zero exit
status, never a traceback. Usage errors exit 2, like argparse's own.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from viewer import __version__
from viewer.commands import export_meshes, gui, lengths, list_info, screenshot
from viewer.commands.errors import CommandError

#: Modules under ``viewer.commands`` that add a subcommand each.
COMMAND_MODULES = (list_info, screenshot, export_meshes, lengths)
#: Their subcommand names, filled by ``build_parser``.
COMMAND_NAMES: list[str] = []


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legatlas",
        description="Leg Atlas: a 3D atlas of the muscles at the back of the leg. "
        "With no subcommand, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"legatlas {__version__}")
    _add_annotations_option(parser, default=[])
    gui.add_arguments(parser)
    parser.set_defaults(func=gui.run)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    COMMAND_NAMES[:] = subparsers.choices
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
    arguments = parser.parse_args(gui.scene_file_as_option(argv, COMMAND_NAMES))
    if arguments.func is not gui.run:
        gc.enable()  # only the window's start runs with the collector off (viewer/__main__.py)
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
