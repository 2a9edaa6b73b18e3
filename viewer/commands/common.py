"""Options and helpers shared by the subcommands, each defined once."""

from __future__ import annotations

import argparse

from annotations import AnnotationError, load_annotations, user_annotation_dirs
from annotations.catalogue import Catalogue
from meshes.pose import POSE_RANGES_DEG, Pose
from viewer.commands.errors import CommandError
from viewer.model.state import AtlasState, hideable_ids, selectable_ids
from viewer.model.views import DEFAULT_VIEW, VIEWS


def load_catalogue(arguments: argparse.Namespace) -> Catalogue:
    """Load the cards (built-in, then ``--annotations`` and ``LEGATLAS_ANNOTATIONS``).

    A broken data file becomes a one-line ``CommandError`` naming the file.
    """
    try:
        return load_annotations(user_annotation_dirs(arguments.annotations))
    except AnnotationError as error:
        raise CommandError(str(error), status=1) from None


def add_pose_arguments(parser: argparse.ArgumentParser) -> None:
    """--hip-flexion, --knee-flexion, --ankle-dorsiflexion in degrees."""
    for name, (low, high) in POSE_RANGES_DEG.items():
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            type=float,
            default=0.0,
            metavar="DEG",
            help=f"{name.replace('_', ' ')} in degrees ({low:g}..{high:g})",
        )


def pose_from(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> Pose:
    try:
        return Pose(**{name: getattr(arguments, name) for name in POSE_RANGES_DEG})
    except ValueError as error:
        parser.error(str(error))


def add_view_arguments(parser: argparse.ArgumentParser) -> None:
    """--view, --select and --hide: what the window opens on, or what a picture shows."""
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default=DEFAULT_VIEW,
        help="side to look from (default: %(default)s)",
    )
    parser.add_argument("--select", metavar="ID", help="structure or group to select")
    parser.add_argument(
        "--hide",
        metavar="ID_OR_LAYER",
        nargs="+",
        action="extend",
        default=[],
        help="layers, groups or structures to hide (repeatable)",
    )


def check_view_arguments(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Exit 2 with the valid choices for an unknown --select or --hide id."""
    for item in arguments.hide:
        if item not in hideable_ids():
            parser.error(
                f"unknown id or layer {item!r} for --hide; valid: {', '.join(hideable_ids())}"
            )
    if arguments.select and arguments.select not in selectable_ids():
        parser.error(
            f"unknown id {arguments.select!r} for --select; valid: {', '.join(selectable_ids())}"
        )


def apply_view_arguments(
    state: AtlasState, arguments: argparse.Namespace, hides: bool = True
) -> None:
    """Put the checked --view, --select (and --hide, unless ``hides`` is False) into state."""
    state.view = arguments.view
    if hides:
        apply_hides(state, arguments.hide)
    if arguments.select:
        state.select(arguments.select)


def apply_hides(state: AtlasState, hides: list[str]) -> None:
    for item in hides:
        state.hide(item)
