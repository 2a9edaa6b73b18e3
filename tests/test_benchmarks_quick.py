"""The benchmark runs end to end (quick mode) and reports every figure; timings are not judged."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

FIGURES = (
    "first_window_s",
    "floor_qt_window_s",
    "memory_at_first_window_mb",
    "floor_qt_memory_mb",
    "cold_start_s",
    "floor_cold_start_s",
    "mesh_build_first_ms",
    "mesh_build_ms",
    "repose_ms",
    "catalogue_load_ms",
    "pick_ms",
    "rotation_frame_ms",
    "floor_rotation_frame_ms",
    "pose_slider_frame_ms",
    "still_frame_ms",
    "empty_gl_widget_frame_ms",
    "export_1080p_s",
    "export_4k_s",
    "memory_after_start_mb",
    "floor_memory_mb",
)
#: Memory growth can honestly be zero or negative (pages returned to the system).
SIGNED_FIGURES = ("memory_growth_1000_selections_mb",)


def test_quick_benchmark_reports_every_figure_as_a_number():
    completed = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--json"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = json.loads(completed.stdout)
    figures = report["figures"]
    for key in FIGURES:
        value = figures[key]
        assert isinstance(value, (int, float)) and math.isfinite(value) and value > 0, key
    for key in SIGNED_FIGURES:
        assert isinstance(figures[key], (int, float)) and math.isfinite(figures[key]), key
    assert {row["key"] for row in report["budget"]} >= {"cold_start_s", "pick_ms", "export_4k_s"}
    assert all(row["result"] for row in report["budget"])
    assert (
        "llvmpipe" in " ".join(report["machine"]["gl_renderer"]) or report["machine"]["gl_renderer"]
    ), "the OpenGL renderer is described"
    assert report["machine"]["cpu"] and report["machine"]["python"]
    parts = report["details"]["memory_parts"]["parts_mb"]
    assert {"qt", "matplotlib", "vtk_pyvista", "meshes", "view_first_frame"} <= set(parts)
    assert report["details"]["cold_start_app"][0]["toolkits_loaded_at_first_window"] == []
    session = report["details"]["app_session"]
    still = session["still_frame"]
    assert still["cheap_during_drag"] and still["sharp_after_release"], still
    assert 0 < session["triangles_while_moving"] < 0.4 * session["triangles"], "coarse twins"
