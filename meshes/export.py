"""Write a leg's parts to mesh files plus a ``manifest.json`` describing them.

The manifest is the model's public description: units and axes, the pose,
the joint centres in that pose, and per part its ids, layer, colour and file;
every muscle and tendon part also carries its line of action (``path``); a
muscle's is the polyline whose length ``legatlas lengths`` reports. README
documents the format.

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

import numpy as np

from meshes.anthropometry import ADULT
from meshes.export_formats import EXPORT_FORMATS
from meshes.frames import HIP_CENTRE, apply, frame_transform
from meshes.landmarks import landmark_positions
from meshes.muscles import MUSCLES, MuscleSpec, control_points
from meshes.parts import PART_BY_ID
from meshes.pose import Pose

if TYPE_CHECKING:  # the leg (and so VTK) is only needed when files are really written
    from meshes.leg import Leg

#: Part kinds that carry a line of action (``path``) in the manifest.
PATH_KINDS = frozenset({"muscle", "tendon", "nerve", "vessel"})

#: Each joint centre (standing) and the segment whose frame carries it in a pose.
JOINT_CENTRES: dict[str, tuple[str, np.ndarray]] = {
    "hip": ("pelvis", HIP_CENTRE),
    "knee": ("thigh", ADULT.knee_centre),
    "ankle": ("shank", ADULT.ankle_centre),
}

#: Coordinates in the manifest are rounded to this many decimals of a millimetre.
DECIMALS = 1


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


def _rounded(points: np.ndarray) -> list[list[float]]:
    """``(n, 3)`` points as JSON lists rounded to 0.1 mm (``+ 0.0`` turns -0.0 into 0.0)."""
    return [[round(float(value), DECIMALS) + 0.0 for value in point] for point in points]


def joint_centres(pose: Pose) -> dict[str, np.ndarray]:
    """Hip, knee and ankle centres (mm) in a pose: each standing centre moved by its segment."""
    return {
        joint: apply(frame_transform(frame, pose), centre[None])[0]
        for joint, (frame, centre) in JOINT_CENTRES.items()
    }


def line_of_action(spec: MuscleSpec, pose: Pose) -> np.ndarray:
    """``(n, 3)`` points from origin through via points (and any knee wrap) to insertion.

    A muscle ending on the calcaneal tendon continues down its ``length_tail``
    to the calcaneus (and one drawn only in part starts at its ``length_head``),
    composed exactly as ``meshes.muscles.path_length_mm`` does, so the
    polyline's length is the length ``path_lengths_mm`` reports.
    """
    points = control_points(spec, pose)
    if spec.length_head:
        points = np.concatenate([landmark_positions(spec.length_head, pose), points])
    if spec.length_tail:
        points = np.concatenate([points, landmark_positions(spec.length_tail, pose)])
    return points


def _part_entry(part_id: str, pose: Pose, fmt: str) -> dict:
    info = PART_BY_ID[part_id]
    entry = {
        "id": part_id,
        "structure": info.structure,
        "part": info.part,
        "layer": info.layer,
        "colour": list(info.colour),
        "units": "mm",
        "file": f"{part_id}.{fmt}",
    }
    if info.kind in PATH_KINDS:
        entry["path"] = _rounded(line_of_action(MUSCLES[part_id], pose))
    return entry


def manifest(leg: Leg, fmt: str) -> dict:
    """What ``manifest.json`` holds: units, pose, joint centres and one entry per part file."""
    return {
        "units": "mm",
        "coordinates": "right leg; +X lateral, +Y anterior, +Z superior; origin hip joint centre",
        "pose": leg.pose.as_dict(),
        "resolution": leg.resolution,
        "joints": {
            joint: _rounded(centre[None])[0] for joint, centre in joint_centres(leg.pose).items()
        },
        "parts": [_part_entry(part_id, leg.pose, fmt) for part_id in leg.meshes],
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
