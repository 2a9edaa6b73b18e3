"""Helpers shared by the subcommands."""

from __future__ import annotations

import argparse

from viewer.cli import CommandError


def load_catalogue(arguments: argparse.Namespace):
    """Load the cards (built-in, then ``--annotations`` and ``LEGATLAS_ANNOTATIONS``).

    A broken data file becomes a one-line ``CommandError`` naming the file.
    """
    from annotations import AnnotationError, load_annotations, user_annotation_dirs

    try:
        return load_annotations(user_annotation_dirs(arguments.annotations))
    except AnnotationError as error:
        raise CommandError(str(error), status=1) from None


def add_pose_arguments(parser: argparse.ArgumentParser) -> None:
    """--hip-flexion, --knee-flexion, --ankle-dorsiflexion in degrees."""
    from meshes.pose import POSE_RANGES_DEG

    for name, (low, high) in POSE_RANGES_DEG.items():
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            type=float,
            default=0.0,
            metavar="DEG",
            help=f"{name.replace('_', ' ')} in degrees ({low:g}..{high:g})",
        )


def pose_from(arguments: argparse.Namespace, parser: argparse.ArgumentParser):
    from meshes.pose import POSE_RANGES_DEG, Pose

    try:
        return Pose(**{name: getattr(arguments, name) for name in POSE_RANGES_DEG})
    except ValueError as error:
        parser.error(str(error))
