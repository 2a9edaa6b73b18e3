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
