"""``legatlas lengths``: each muscle's path length and its change against standing."""

from __future__ import annotations

import argparse
import json

from viewer.commands.common import add_pose_arguments, pose_from
from viewer.model.curves import SWEEP_JOINTS, sweep_csv


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lengths",
        help="print muscle lengths for a pose",
        description="Print each muscle (and part) with its path length in mm and its "
        "change in percent against standing.",
    )
    add_pose_arguments(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--sweep",
        choices=tuple(SWEEP_JOINTS),
        help="instead of one pose, sweep this joint through its range (the other angles "
        "held) and print every muscle's length as CSV (or JSON with --json)",
    )
    parser.add_argument(
        "--samples",
        type=int,
        default=29,
        metavar="N",
        help="angles in a sweep, ends included (2..361, default %(default)s)",
    )
    parser.set_defaults(func=run, subparser=parser)


def run(arguments: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    pose = pose_from(arguments, arguments.subparser)
    # Path lengths need the leg's geometry (VTK): loaded only when asked for.
    from meshes.lengths import length_rows  # noqa: PLC0415

    if arguments.sweep:
        return _sweep(arguments, pose)
    rows = length_rows(pose)
    if arguments.json:
        payload = {
            "pose": pose.as_dict(),
            "units": "mm",
            "muscles": [
                {
                    "id": row.part_id,
                    "length_mm": round(row.length_mm, 2),
                    "standing_mm": round(row.standing_mm, 2),
                    "change_percent": round(row.change_percent, 2),
                }
                for row in rows
            ],
        }
        print(json.dumps(payload, indent=2))
        return 0
    print(
        f"Pose: hip flexion {pose.hip_flexion:g}°, knee flexion {pose.knee_flexion:g}°, "
        f"ankle dorsiflexion {pose.ankle_dorsiflexion:g}°"
    )
    width = max(len(row.part_id) for row in rows)
    print(f"{'muscle':<{width}}  {'length mm':>9}  {'standing':>8}  {'change':>7}")
    for row in rows:
        print(
            f"{row.part_id:<{width}}  {row.length_mm:9.1f}  {row.standing_mm:8.1f}  "
            f"{row.change_percent:+6.1f}%"
        )
    return 0


def _sweep(arguments: argparse.Namespace, pose) -> int:
    """Print every muscle part's length along one joint's range, for scripts."""
    if not 2 <= arguments.samples <= 361:
        arguments.subparser.error("--samples must be between 2 and 361")
    # Path lengths need the leg's geometry (VTK): loaded only when asked for.
    from meshes.lengths import length_curves  # noqa: PLC0415

    joint = SWEEP_JOINTS[arguments.sweep]
    angles, by_part = length_curves(joint, pose, arguments.samples)
    if arguments.json:
        payload = {
            "joint": joint,
            "held": {k: v for k, v in pose.as_dict().items() if k != joint},
            "units": {"angle": "degrees", "length": "mm"},
            "angles_deg": [round(float(a), 2) for a in angles],
            "muscles": {p: [round(float(v), 2) for v in lengths] for p, lengths in by_part.items()},
        }
        print(json.dumps(payload, indent=2))
    else:
        print(sweep_csv(angles, by_part), end="")
    return 0
