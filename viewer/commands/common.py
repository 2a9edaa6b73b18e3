"""Options and helpers shared by the subcommands, each defined once."""

from __future__ import annotations

import argparse
from difflib import get_close_matches

from annotations import AnnotationError, user_annotation_dirs
from annotations.catalogue import Catalogue
from annotations.catalogue_cache import load_cached_annotations
from meshes.parts import PART_BY_ID
from meshes.pose import POSE_RANGES_DEG, Pose
from viewer.commands.errors import CommandError
from viewer.model.state import AtlasState, hideable_ids, selectable_ids
from viewer.model.views import DEFAULT_VIEW, VIEWS


def load_catalogue(arguments: argparse.Namespace) -> Catalogue:
    """Load the cards (built-in, then ``--annotations`` and ``LEGATLAS_ANNOTATIONS``).

    A broken data file becomes a one-line ``CommandError`` naming the file.
    Unchanged files come from the validated cache (annotations/catalogue_cache.py).
    """
    try:
        return load_cached_annotations(user_annotation_dirs(arguments.annotations))
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
    """The pose of the angle options; an angle out of range names its option and range."""
    for name, (low, high) in POSE_RANGES_DEG.items():
        value = getattr(arguments, name)
        if not low <= value <= high:
            flag = f"--{name.replace('_', '-')}"
            parser.error(f"{flag} {value:g} is out of range; use {low:g}..{high:g} degrees")
    return Pose(**{name: getattr(arguments, name) for name in POSE_RANGES_DEG})


def did_you_mean(text: str, choices) -> str:
    """' (did you mean X?)' for the closest choice, or ''."""
    close = get_close_matches(text, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def selectable_or_part_ids() -> tuple[str, ...]:
    """What --select accepts: groups, structures and parts (``biceps_femoris.short_head``)."""
    parts = tuple(p for p in PART_BY_ID if "." in p)
    return selectable_ids() + parts


def add_view_arguments(parser: argparse.ArgumentParser) -> None:
    """--view, --select and --hide: what the window opens on, or what a picture shows."""
    parser.add_argument(
        "--view",
        choices=VIEWS,
        default=None,
        help=f"side to look from (default: {DEFAULT_VIEW}; lateral with --position)",
    )
    parser.add_argument(
        "--select",
        metavar="ID",
        type=str.lower,
        help="structure, group or part to select (biceps_femoris.short_head)",
    )
    parser.add_argument(
        "--hide",
        metavar="ID_OR_LAYER",
        nargs="+",
        action="extend",
        default=[],
        help="layers, groups or structures to hide (repeatable)",
    )


def check_view_arguments(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Exit 2 with the valid choices (and the nearest one) for an unknown --select or --hide id.

    Ids are matched ignoring case, so ``--select Soleus`` works.
    """
    arguments.hide = [item.lower() for item in arguments.hide]
    for item in arguments.hide:
        if item not in hideable_ids():
            parser.error(
                f"unknown id or layer {item!r} for --hide{did_you_mean(item, hideable_ids())}; "
                f"valid: {', '.join(hideable_ids())}"
            )
    valid = selectable_or_part_ids()
    if arguments.select and arguments.select not in valid:
        parser.error(
            f"unknown id {arguments.select!r} for --select{did_you_mean(arguments.select, valid)}; "
            f"valid: {', '.join(valid)}"
        )


def apply_view_arguments(
    state: AtlasState, arguments: argparse.Namespace, hides: bool = True
) -> None:
    """Put the checked --view, --select (and --hide, unless ``hides`` is False) into state."""
    state.view = arguments.view or DEFAULT_VIEW
    if hides:
        apply_hides(state, arguments.hide)
    if arguments.select in PART_BY_ID and "." in arguments.select:
        state.select(PART_BY_ID[arguments.select].structure, arguments.select)
    elif arguments.select:
        state.select(arguments.select)


def apply_hides(state: AtlasState, hides: list[str]) -> None:
    for item in hides:
        state.hide(item)
