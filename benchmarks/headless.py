"""Child process: work without a window — mesh build, re-pose, loading the cards, export.

Usage: ``python -m benchmarks.headless OUT_DIR REPEATS EXPORT_REPEATS``. The
first ``build_leg`` of a process fills the face and template caches that
every later build shares; it is reported on its own ("first build", what the
app pays at start-up) next to the median of later builds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.probe import emit, median

EXPORT_SIZES_PX = {"export_1080p_s": (1920, 1080), "export_4k_s": (3840, 2160)}
WARM_UP_EXPORT_SIZE_PX = (640, 400)
REPOSE_KNEE_FLEXION_DEG = 60.0


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    out_dir = Path(sys.argv[1])
    repeats, export_repeats = int(sys.argv[2]), int(sys.argv[3])
    from meshes.leg import build_leg, repose
    from meshes.pose import Pose

    first_build_ms = timed(build_leg) * 1000.0
    leg = build_leg()
    builds_ms = [timed(build_leg) * 1000.0 for _ in range(max(3, repeats))]
    bent = Pose(knee_flexion=REPOSE_KNEE_FLEXION_DEG)
    repose(leg, bent)  # warm-up
    reposes_ms = [timed(repose, leg, bent) * 1000.0 for _ in range(max(3, repeats))]
    result = {
        "mesh_build_first_ms": first_build_ms,
        "mesh_build_ms": median(builds_ms),
        "repose_ms": median(reposes_ms),
    }

    from annotations import load_annotations
    from viewer.model.state import AtlasState
    from viewer.render.export import export_screenshot

    name_of = load_annotations().display_name  # the first load imports the schema
    result["catalogue_load_ms"] = median(
        [timed(load_annotations) * 1000.0 for _ in range(max(3, repeats))]
    )
    state = AtlasState()
    export_screenshot(state, out_dir / "warm-up.png", WARM_UP_EXPORT_SIZE_PX, name_of)
    for name, size in EXPORT_SIZES_PX.items():
        path = out_dir / f"{name}.png"
        result[name] = median(
            [timed(export_screenshot, state, path, size, name_of) for _ in range(export_repeats)]
        )
    emit(result)


if __name__ == "__main__":
    main()
