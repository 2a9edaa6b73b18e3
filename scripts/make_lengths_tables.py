"""Rewrite the two tables of docs/lengths.md from the model as it is now.

Run ``python scripts/make_lengths_tables.py`` after any change to attachments,
via points or wraps. Expected ranges follow the page's rule: length change =
moment arm x angle (rad) over the model's own standing length, with the arm
ranges in ``ARMS_CM``; the verdict rule is the page's too.
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotations import load_annotations  # noqa: E402
from meshes.lengths import length_changes_percent, standing_lengths_mm  # noqa: E402
from meshes.parts import LENGTH_STRUCTURE_IDS, PART_BY_ID  # noqa: E402
from meshes.pose import STANDING, Pose  # noqa: E402

DOC = ROOT / "docs" / "lengths.md"
LH, SH, ST, SM = (
    "biceps_femoris.long_head",
    "biceps_femoris.short_head",
    "semitendinosus",
    "semimembranosus",
)
GM, GL, SO = "gastrocnemius.medial_head", "gastrocnemius.lateral_head", "soleus"
#: (joint, part) -> moment arm range in cm, and the sign of the change for a positive angle.
ARMS_CM: dict[tuple[str, str], tuple[float, float, int]] = {
    **{("hip_flexion", m): (5.0, 7.0, +1) for m in (LH, ST, SM)},
    ("knee_flexion", LH): (2.0, 3.0, -1),
    ("knee_flexion", SH): (1.5, 3.0, -1),
    ("knee_flexion", ST): (3.0, 5.5, -1),
    ("knee_flexion", SM): (2.0, 4.0, -1),
    ("knee_flexion", GM): (1.2, 2.5, -1),
    ("knee_flexion", GL): (1.2, 2.5, -1),
    **{("ankle_dorsiflexion", m): (3.5, 5.6, +1) for m in (GM, GL, SO)},
}
SOURCES = {"hip_flexion": "[V],[K]", "knee_flexion": "[S],[V]", "ankle_dorsiflexion": "[M],[Mn]"}


def expected(part: str, pose: Pose) -> tuple[float, float] | None:
    standing = standing_lengths_mm()[part]
    low = high = 0.0
    crossed = False
    for joint, angle in pose.as_dict().items():
        if angle == 0.0:
            continue
        arm = ARMS_CM.get((joint, part))
        if arm is None:
            continue
        crossed = True
        a, b, sign = arm
        ends = [100.0 * 10.0 * value * math.radians(angle) * sign / standing for value in (a, b)]
        low, high = low + min(ends), high + max(ends)
    return (low, high) if crossed else (0.0, 0.0)


def verdict(value: float, band: tuple[float, float]) -> str:
    low, high = band
    if low - 1e-9 <= value <= high + 1e-9:
        return "agrees"
    nearer = low if value < low else high
    if abs(value - nearer) <= 0.3 + 0.1 * abs(nearer):
        return "agrees"
    middle = (low + high) / 2
    ratio = value / middle if middle else float("inf")
    size = "larger" if abs(value) > abs(middle) else "smaller"
    text = f"model {size} ({ratio:.1f}x mid)"
    if (ratio > 1.5 or ratio < 1 / 1.5) and abs(value - nearer) > 1.0:
        text += " **>1.5x**"
    return text


def _fmt(value: float) -> str:
    return f"{value:+.1f}"


def rows_for(label: str, pose: Pose, parts: list[str], source: str) -> list[str]:
    changes = length_changes_percent(pose)
    rows = []
    done = set()
    for part in parts:
        if part in done:
            continue
        if part in (GM, GL) and GM in parts and GL in parts:
            done |= {GM, GL}
            bands = [expected(p, pose) for p in (GM, GL)]
            values = [changes[p] for p in (GM, GL)]
            same = all(abs(a - b) < 0.05 for a, b in zip(bands[0], bands[1], strict=True))
            band_text = " / ".join(
                f"{_fmt(b[0])} to {_fmt(b[1])}" for b in (bands[:1] if same else bands)
            )
            verdicts = {verdict(v, b) for v, b in zip(values, bands, strict=True)}
            rows.append(
                f"| {label} | gastrocnemius medial / lateral | {_fmt(values[0])} / "
                f"{_fmt(values[1])} | {band_text} | {source} | {' / '.join(sorted(verdicts))} |"
            )
            continue
        band = expected(part, pose)
        rows.append(
            f"| {label} | {part} | {_fmt(changes[part])} | {_fmt(band[0])} to {_fmt(band[1])} "
            f"| {source} | {verdict(changes[part], band)} |"
        )
    return rows


def results_table() -> str:
    catalogue = load_annotations()
    hamstrings = [LH, SH, ST, SM, GM, GL]
    lines = [
        "| pose | muscle | model change % | published/expected range % | source | verdict |",
        "|---|---|---|---|---|---|",
    ]
    for angle in (30, 60, 90, 120):
        lines += rows_for(f"knee {angle}°", Pose(knee_flexion=angle), hamstrings, "[S],[V],R")
    for angle in (30, 60, 90):
        lines += rows_for(f"hip {angle}°", Pose(hip_flexion=angle), [LH, ST, SM], "[V],[K],R")
    for angle in (10, 20, -20, -35):
        pose = Pose(ankle_dorsiflexion=angle)
        lines += rows_for(f"ankle {angle:+d}°", pose, [GM, GL, SO], "[M],[Mn],R")
    stretches = catalogue.stretches
    for item_id, label, parts in (
        ("seated_forward_bend", "seated forward bend", [LH, ST, SM]),
        ("wall_calf_stretch", "wall calf stretch", [LH, SM, GM, GL, SO]),
        ("bent_knee_calf_stretch", "bent-knee calf stretch", [LH, SH, ST, SM, GM, GL, SO]),
        ("downward_dog", "Downward Dog", [LH, ST, SM, GM, GL, SO]),
    ):
        pose = stretches[item_id].pose.to_pose()
        angles = ", ".join(
            f"{joint.split('_')[0]} {value:g}" for joint, value in pose.as_dict().items() if value
        )
        joints = {joint for joint, value in pose.as_dict().items() if value}
        source = ",".join(SOURCES[j] for j in sorted(joints)) + ",R"
        lines += rows_for(f"{label} ({angles})", pose, parts, source)
    return "\n".join(lines)


def implied_arms_table() -> str:
    def arm_cm(part: str, joint: str, start: float, end: float) -> float:
        first = length_changes_percent(Pose(**{joint: start}))[part]
        second = length_changes_percent(Pose(**{joint: end}))[part]
        delta_mm = abs(second - first) / 100.0 * standing_lengths_mm()[part]
        return delta_mm / math.radians(abs(end - start)) / 10.0

    lines = [
        "| muscle | joint | interval | model implied moment arm (cm) | published (cm) |",
        "|---|---|---|---|---|",
    ]
    for part in (LH, ST, SM):
        lines.append(f"| {part} | hip | 0→90° | {arm_cm(part, 'hip_flexion', 0, 90):.1f} | 5–7 |")
    knee = {LH: "2–3", SH: "1.5–3", ST: "3–5.5", SM: "2–4", GM: "1.2–2.5"}
    for part, published in knee.items():
        arms = " / ".join(
            f"{arm_cm(part, 'knee_flexion', a, b):.1f}" for a, b in ((0, 30), (60, 90), (90, 120))
        )
        lines.append(f"| {part} | knee | 0→30° / 60→90° / 90→120° | {arms} | {published} |")
    for part in (GM, SO):
        arms = " / ".join(
            f"{arm_cm(part, 'ankle_dorsiflexion', a, b):.1f}" for a, b in ((-35, 0), (0, 20))
        )
        lines.append(f"| {part} | ankle | −35→0° / 0→+20° | {arms} | 3.5–5.6 |")
    return "\n".join(lines)


#: Every other structure a length is measured for (the deeper muscles and the nerves):
#: tabled without a published comparison yet. From the parts table, so a new one is tabled.
DEEPER = tuple(
    structure
    for structure in LENGTH_STRUCTURE_IDS
    if structure not in {PART_BY_ID[p].structure for p in (LH, SH, ST, SM, GM, GL, SO)}
)
DEEPER_POSES = (
    ("knee 90°", Pose(knee_flexion=90)),
    ("hip 90°", Pose(hip_flexion=90)),
    ("ankle +20°", Pose(ankle_dorsiflexion=20)),
    ("ankle −35°", Pose(ankle_dorsiflexion=-35)),
    ("SLR hip 70°", Pose(hip_flexion=70)),
    ("SLR hip 70°, ankle +20°", Pose(hip_flexion=70, ankle_dorsiflexion=20)),
)
DEEPER_HEADING = "## The deeper structures and the nerves"


def deeper_table() -> str:
    standing = standing_lengths_mm()
    lines = [
        "| part | standing mm | " + " | ".join(label for label, _ in DEEPER_POSES) + " |",
        "|---|---|" + "---|" * len(DEEPER_POSES),
    ]
    changes = [length_changes_percent(pose) for _, pose in DEEPER_POSES]
    for part in (LH, *DEEPER):
        cells = " | ".join(_fmt(change[part]) for change in changes)
        lines.append(f"| {part} | {standing[part]:.0f} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    assert length_changes_percent(STANDING)[LH] == 0.0
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    text = DOC.read_text()
    text = re.sub(
        r"(## Results\n\n)\|.*?\n(\n## )",
        lambda m: m.group(1) + results_table() + "\n" + m.group(2),
        text,
        count=1,
        flags=re.S,
    )
    text = re.sub(
        r"(moment arm it effectively uses over each interval \(same rule, run backwards\):\n\n)"
        r"\|.*?\n(\n## )",
        lambda m: m.group(1) + implied_arms_table() + "\n" + m.group(2),
        text,
        count=1,
        flags=re.S,
    )
    if DEEPER_HEADING not in text:
        text = text.replace("## Summary", DEEPER_HEADING + "\n\n|\n\n## Summary", 1)
    start = text.index(DEEPER_HEADING)
    table_start = text.index("\n|", start) + 1
    table_end = text.index("\n\n## ", table_start)
    text = text[:table_start] + deeper_table() + text[table_end:]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = re.sub(
        r"from `python -m viewer lengths --json` at commit `\w+` \(run [^)]*\)",
        f"from `python -m viewer lengths --json` at commit `{commit}` (run {stamp})",
        text,
    )
    DOC.write_text(text)
    print(f"rewrote the tables of {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
