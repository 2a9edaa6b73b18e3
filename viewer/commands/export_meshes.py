"""``legatlas export-meshes DIR``: write every part of the leg as mesh files."""

from __future__ import annotations

import argparse
from pathlib import Path

from meshes.export_formats import EXPORT_FORMATS
from viewer.commands.common import add_pose_arguments, pose_from
from viewer.commands.errors import CommandError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-meshes",
        help="write every part of the leg as mesh files plus manifest.json",
        description="Write one mesh file per part (<id>.<format>, millimetres) and a "
        "manifest.json listing id, structure, layer, colour and units of each part, the joint "
        "centres and each muscle's line of action (see README).",
    )
    parser.add_argument("directory", metavar="DIR", help="empty (or new) output directory")
    parser.add_argument(
        "--format", choices=EXPORT_FORMATS, default="vtp", help="file format (default vtp)"
    )
    add_pose_arguments(parser)
    parser.add_argument("--force", action="store_true", help="overwrite a non-empty DIR")
    parser.set_defaults(func=run, subparser=parser)


def run(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    # VTK and numpy load only when meshes are really written: --help, usage errors and the
    # window (whose start builds this parser) do without them.
    from meshes.export import MeshExportError, export_leg  # noqa: PLC0415
    from meshes.leg import build_leg  # noqa: PLC0415

    pose = pose_from(arguments, arguments.subparser)
    try:
        written = export_leg(build_leg(pose), Path(arguments.directory), arguments.format,
                             force=arguments.force)  # fmt: skip
    except MeshExportError as error:
        raise CommandError(str(error), status=1) from None
    print(f"wrote {len(written) - 1} meshes and manifest.json to {arguments.directory}")
    return 0
