"""Length curves as tables and as a figure: one source for the plot tab, its files and the CLI.

Curves are computed by ``meshes.lengths.length_curves`` (which needs the
leg's geometry, so VTK); this module only formats and draws them, and stays
free of VTK like the rest of the model layer.

A curve is a muscle part's path length (mm) while one joint sweeps its range
and the other two stay where they are. The CSV holds every muscle part, so a
script or a spreadsheet gets the whole picture from one file; the figure is
drawn at a fixed size with a title, axis labels and units, so a saved PNG is
ready for a handout whatever the size of the window's tab.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from meshes.pose import POSE_LABELS, Pose
from viewer.model.atomic import atomic_write

#: Joint names the CLI accepts for ``--sweep`` and the pose angle each sweeps.
SWEEP_JOINTS: dict[str, str] = {
    "hip": "hip_flexion",
    "knee": "knee_flexion",
    "ankle": "ankle_dorsiflexion",
}
CURVE_COLOURS = ("#c0392b", "#2e86c1", "#27ae60", "#8e44ad")
#: A saved figure: 8 x 10 inches at 150 dpi = 1200 x 1500 pixels.
FIGURE_SIZE_IN = (8.0, 10.0)
FIGURE_DPI = 150


def curves_csv(curves: dict[str, tuple], parts: list[str] | None = None) -> str:
    """Long-format CSV (muscle, joint, angle_deg, length_mm) of the given parts, or all."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["muscle", "joint", "angle_deg", "length_mm"])
    for joint, (angles, by_part) in curves.items():
        for part_id, lengths in by_part.items():
            if parts is not None and part_id not in parts:
                continue
            for angle, length in zip(angles, lengths, strict=True):
                writer.writerow([part_id, joint, f"{angle:.1f}", f"{length:.2f}"])
    return buffer.getvalue()


def sweep_csv(angles, by_part: dict) -> str:
    """Wide CSV of one sweep: an angle column, then one length column per muscle part."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    parts = list(by_part)
    writer.writerow(["angle_deg", *(f"{part}_mm" for part in parts)])
    for index, angle in enumerate(angles):
        writer.writerow([f"{angle:.1f}", *(f"{by_part[p][index]:.2f}" for p in parts)])
    return buffer.getvalue()


def write_text(path: Path, text: str) -> Path:
    return atomic_write(Path(path), lambda stream: stream.write(text.encode()))


def draw_curves(figure, curves: dict, parts: list[str], pose: Pose, name_of, title: str) -> None:
    """Draw one panel per joint with the parts' curves, the current pose marked."""
    figure.clear()
    figure.suptitle(title, fontsize=13, fontweight="bold")
    axes = figure.subplots(len(curves), 1)
    current = pose.as_dict()
    for ax, (joint, (angles, by_part)) in zip(axes, curves.items(), strict=True):
        for colour, part_id in zip(CURVE_COLOURS, parts, strict=False):
            lengths = by_part[part_id]
            ax.plot(angles, lengths, color=colour, label=name_of(part_id), linewidth=1.8)
            here = lengths[abs(angles - current[joint]).argmin()]
            ax.plot([current[joint]], [here], "o", color=colour, markersize=6)
        ax.axvline(current[joint], color="#888888", linewidth=0.8, linestyle="--")
        ax.set_xlabel(f"{POSE_LABELS[joint]} (degrees)", fontsize=10)
        ax.set_ylabel("Path length (mm)", fontsize=10)
        ax.tick_params(labelsize=9)
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=9, loc="best")
