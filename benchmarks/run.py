"""Leg Atlas benchmark: start-up, picking, frame times, export and memory against a budget.

Usage: ``python benchmarks/run.py [--quick] [--json] [--repeats N] [--write-results]``
(``make bench``). Every measurement runs in a fresh child process under the
same X display; with no display the runner re-executes itself under
``xvfb-run`` (or starts ``Xvfb`` itself). Each figure is the median of the
repeats after a warm-up; ``--quick`` does one repeat with small counts, only
to prove the benchmark works. The bare floor (a plain pyvistaqt window with
the same meshes) is measured in the same run, so figures also read as ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.budget import judge_all  # noqa: E402
from benchmarks.machine import describe_machine  # noqa: E402
from benchmarks.probe import RESULT_PREFIX, median  # noqa: E402
from benchmarks.report import markdown_report, text_table  # noqa: E402

XVFB_SCREEN = "-screen 0 1920x1080x24"
UNDER_XVFB_ENV = "LEGATLAS_BENCH_UNDER_XVFB"
CHILD_TIMEOUT_S = 900
RESULTS_PATH = Path(__file__).resolve().parent / "RESULTS.md"


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one repeat, small counts (CI)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--repeats", type=int, help="repeats per figure (default 5; quick 1)")
    parser.add_argument(
        "--write-results", action="store_true", help=f"write {RESULTS_PATH.name} beside this file"
    )
    parser.add_argument(
        "--report-from",
        metavar="JSON",
        help="measure nothing: print (and with --write-results write) a saved --json report",
    )
    arguments = parser.parse_args(argv)
    if arguments.repeats is not None and arguments.repeats < 1:
        parser.error("--repeats must be at least 1")
    return arguments


def ensure_display(argv: list[str]) -> subprocess.Popen | None:
    """Re-execute under xvfb-run when there is no display, or start Xvfb; None if not needed."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if shutil.which("xvfb-run") and not os.environ.get(UNDER_XVFB_ENV):
        os.environ[UNDER_XVFB_ENV] = "1"
        command = ["xvfb-run", "-a", "-s", XVFB_SCREEN, sys.executable, __file__, *argv]
        os.execvp("xvfb-run", command)
    if not shutil.which("Xvfb"):
        sys.exit("benchmarks/run.py: no display and no Xvfb; install xvfb (make system-deps-test)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), *XVFB_SCREEN.split(), "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as display_number:
        os.environ["DISPLAY"] = ":" + display_number.readline().strip()
    return server


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def run_child(module: str, *arguments: object, env: dict[str, str] | None = None) -> dict:
    """Run ``python -m benchmarks.<module>`` and return the result it printed."""
    launched_at = time.monotonic()
    command = [sys.executable, "-m", f"benchmarks.{module}"]
    command += [str(launched_at) if a is LAUNCH_TIME else str(a) for a in arguments]
    completed = subprocess.run(
        command,
        cwd=REPO_ROOT,
        env=env or child_environment(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
    )
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX) :])
    raise RuntimeError(
        f"benchmarks.{module} failed (exit {completed.returncode}):\n{completed.stderr[-3000:]}"
    )


LAUNCH_TIME = object()  # stands for the monotonic time the child is launched at


def child_environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.setdefault("QT_API", "pyside6")
    env.update(extra)
    return env


def measure(arguments: argparse.Namespace, work: Path) -> tuple[dict, dict]:
    """All figures (flat, for the budget) and the details behind them."""
    quick = arguments.quick
    repeats = arguments.repeats or (1 if quick else 5)
    frames = 4 if quick else 30
    selections = 30 if quick else 1000
    export_repeats = 1 if quick else min(repeats, 3)
    details: dict = {"repeats": repeats, "frames_per_repeat": frames, "quick": quick}

    from meshes.export import export_leg
    from meshes.leg import build_leg

    mesh_dir = work / "meshes"
    export_leg(build_leg(), mesh_dir)
    config_home = work / "config"
    config_home.mkdir()
    app_env = child_environment(XDG_CONFIG_HOME=str(config_home))

    progress(f"cold start: app, bare Qt window and bare 3D floor, {repeats} repeat(s)")
    if not quick:  # warm-up: disk caches, font caches
        run_child("start_app", LAUNCH_TIME, env=app_env)
        run_child("start_qt_floor", LAUNCH_TIME)
        run_child("start_floor", LAUNCH_TIME, mesh_dir)
    app_starts, qt_floor_starts, floor_starts = [], [], []
    for index in range(repeats):  # interleaved, so a change in the machine's load hits all three
        app_starts.append(run_child("start_app", LAUNCH_TIME, env=app_env))
        qt_floor_starts.append(run_child("start_qt_floor", LAUNCH_TIME))
        rotation_frames = frames * repeats if index == repeats - 1 else 0
        floor_starts.append(run_child("start_floor", LAUNCH_TIME, mesh_dir, rotation_frames))
    details["cold_start_app"] = app_starts
    details["cold_start_qt_floor"] = qt_floor_starts
    details["cold_start_floor"] = floor_starts

    progress("memory, part by part")
    details["memory_parts"] = run_child("memory_parts", work / "memory-settings.ini", env=app_env)

    progress("the window: picks, rotation, pose slider, selections")
    session = run_child("app_session", work / "settings.ini", repeats, frames, selections)
    details["app_session"] = session

    progress("headless: mesh build, re-pose, loading the cards, screenshot export")
    exports = work / "exports"
    exports.mkdir()
    headless = run_child("headless", exports, repeats, export_repeats)
    details["headless"] = headless

    growth = session["memory_selections"]
    figures = {
        "first_window_s": median([s["first_window_s"] for s in app_starts]),
        "floor_qt_window_s": median([s["first_window_s"] for s in qt_floor_starts]),
        "cold_start_s": median([s["cold_start_s"] for s in app_starts]),
        "floor_cold_start_s": median([s["cold_start_s"] for s in floor_starts]),
        "mesh_build_first_ms": headless["mesh_build_first_ms"],
        "mesh_build_ms": headless["mesh_build_ms"],
        "repose_ms": headless["repose_ms"],
        "catalogue_load_ms": headless["catalogue_load_ms"],
        "pick_ms": session["pick_ms"],
        "rotation_frame_ms": session["rotation_frame_ms"],
        "floor_rotation_frame_ms": floor_starts[-1]["rotation"]["median_ms"],
        "pose_slider_frame_ms": session["pose_slider_frame_ms"],
        "still_frame_ms": session["still_frame_ms"],
        "empty_gl_widget_frame_ms": session["empty_gl_widget_frame_ms"],
        "export_1080p_s": headless["export_1080p_s"],
        "export_4k_s": headless["export_4k_s"],
        "memory_at_first_window_mb": median([s["memory_at_first_window_mb"] for s in app_starts]),
        "floor_qt_memory_mb": median([s["memory_mb"] for s in qt_floor_starts]),
        "memory_after_start_mb": median([s["memory_after_start_mb"] for s in app_starts]),
        "floor_memory_mb": median([s["memory_after_start_mb"] for s in floor_starts]),
        "memory_growth_1000_selections_mb": growth["growth_per_1000_mb"],
    }
    return figures, details


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    arguments = parse_arguments(argv)
    if arguments.report_from:
        return publish(json.loads(Path(arguments.report_from).read_text()), arguments)
    xvfb = ensure_display(argv)
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="legatlas-bench-") as work:
            figures, details = measure(arguments, Path(work))
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
    machine = describe_machine()
    machine["gl_renderer"] = details["app_session"]["gl_renderer"]
    judged = judge_all(figures)
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine,
        "figures": figures,
        "budget": judged,
        "misses": [row["key"] for row in judged if not row["passed"]],
        "details": details,
        "duration_s": time.perf_counter() - started,
    }
    return publish(report, arguments)


def publish(report: dict, arguments: argparse.Namespace) -> int:
    if arguments.json:
        print(json.dumps(report, indent=2))
    else:
        print(text_table(report))
    if arguments.write_results:
        RESULTS_PATH.write_text(markdown_report(report))
        progress(f"wrote {RESULTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
