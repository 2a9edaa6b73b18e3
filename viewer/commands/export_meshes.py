"""``legatlas export-meshes DIR``: write every part of the leg as mesh files.

Imports of ``meshes`` (and so VTK) happen inside ``run`` so ``legatlas --help``
stays instant.
"""

from __future__ import annotations

import argparse

from viewer.cli import CommandError
from viewer.commands.common import add_pose_arguments, pose_from

FORMATS: tuple[str, ...] = ("vtp", "stl", "obj", "ply")  # same as meshes.export.EXPORT_FORMATS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-meshes",
        help="write every part of the leg as mesh files plus manifest.json",
        description="Write one mesh file per part (<id>.<format>, millimetres) and a "
        "manifest.json listing id, structure, layer, colour and units.",
    )
    parser.add_argument("directory", metavar="DIR", help="empty (or new) output directory")
    parser.add_argument(
        "--format", choices=FORMATS, default="vtp", help="file format (default vtp)"
    )
    add_pose_arguments(parser)
    parser.add_argument("--force", action="store_true", help="overwrite a non-empty DIR")
    parser.set_defaults(func=run, subparser=parser)


def run(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from pathlib import Path

    from meshes import build_leg
    from meshes.export import MeshExportError, export_leg

    pose = pose_from(arguments, arguments.subparser)
    try:
        written = export_leg(build_leg(pose), Path(arguments.directory), arguments.format,
                             force=arguments.force)  # fmt: skip
    except MeshExportError as error:
        raise CommandError(str(error), status=1) from None
    print(f"wrote {len(written) - 1} meshes and manifest.json to {arguments.directory}")
    return 0
