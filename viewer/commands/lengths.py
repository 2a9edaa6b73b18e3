"""``legatlas lengths``: each muscle's path length and its change against standing."""

from __future__ import annotations

import argparse
import json

from viewer.commands.common import add_pose_arguments, pose_from


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lengths",
        help="print muscle lengths for a pose",
        description="Print each muscle (and part) with its path length in mm and its "
        "change in percent against standing.",
    )
    add_pose_arguments(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run, subparser=parser)


def run(arguments: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    pose = pose_from(arguments, arguments.subparser)
    # Path lengths need the leg's geometry (VTK): loaded only when asked for.
    from meshes.lengths import length_rows  # noqa: PLC0415

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
