"""Write a leg's parts to mesh files plus a ``manifest.json`` describing them.

All files are first written into a hidden temporary folder inside the target
directory and then renamed into place, so a failure (a full disk, a bad
format) never leaves a half-written export behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from meshes.parts import PART_BY_ID

if TYPE_CHECKING:  # the leg (and so VTK) is only needed when files are really written
    from meshes.leg import Leg

EXPORT_FORMATS: tuple[str, ...] = ("vtp", "stl", "obj", "ply")


class MeshExportError(Exception):
    """An export that cannot be done; the message is one clear line."""


def _prepare_directory(directory: Path, force: bool) -> None:
    if directory.exists() and not directory.is_dir():
        raise MeshExportError(f"{directory} exists and is not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MeshExportError(f"cannot create {directory}: {error.strerror or error}") from None
    if any(directory.iterdir()) and not force:
        raise MeshExportError(f"{directory} is not empty (use --force to overwrite)")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise MeshExportError(f"{directory} is not writable")


def manifest(leg: Leg, fmt: str) -> dict:
    """What ``manifest.json`` holds: units, pose and one entry per part file."""
    return {
        "units": "mm",
        "coordinates": "right leg; +X lateral, +Y anterior, +Z superior; origin hip joint centre",
        "pose": leg.pose.as_dict(),
        "resolution": leg.resolution,
        "parts": [
            {
                "id": part_id,
                "structure": PART_BY_ID[part_id].structure,
                "part": PART_BY_ID[part_id].part,
                "layer": PART_BY_ID[part_id].layer,
                "colour": list(PART_BY_ID[part_id].colour),
                "units": "mm",
                "file": f"{part_id}.{fmt}",
            }
            for part_id in leg.meshes
        ],
    }


def export_leg(leg: Leg, directory: Path, fmt: str = "vtp", force: bool = False) -> list[Path]:
    """Write one ``<id>.<fmt>`` per part and ``manifest.json``; return the paths written.

    Example
    -------
    >>> export_leg(build_leg(), Path("out/meshes"), "stl")  # doctest: +SKIP
    """
    if fmt not in EXPORT_FORMATS:
        raise MeshExportError(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
    directory = Path(directory)
    _prepare_directory(directory, force)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".export-", dir=directory))
    except OSError as error:
        raise MeshExportError(f"cannot write in {directory}: {error.strerror or error}") from None
    try:
        names = []
        for part_id, mesh in leg.meshes.items():
            name = f"{part_id}.{fmt}"
            mesh.save(staging / name)
            names.append(name)
        (staging / "manifest.json").write_text(json.dumps(manifest(leg, fmt), indent=2) + "\n")
        names.append("manifest.json")
        written: list[Path] = []
        try:
            for name in names:
                os.replace(staging / name, directory / name)
                written.append(directory / name)
        except OSError:
            for path in written:
                path.unlink(missing_ok=True)
            raise
        return written
    except OSError as error:
        raise MeshExportError(f"cannot write in {directory}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
