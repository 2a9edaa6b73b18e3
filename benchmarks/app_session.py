"""Child process: the real window with a 1280x800 3D view, driven like a person would.

Measures pick latency (real Qt mouse events), rotation and pose-slider frame
times, and resident memory growth over many selections; also reports the
OpenGL renderer VTK uses, and how many references to ``None`` PySide6 loses
per operation (see ``probe.guard_none_refcount``). Usage:
``python -m benchmarks.app_session SETTINGS_INI REPEATS FRAMES SELECTIONS``.
"""

from __future__ import annotations

import gc
import random
import sys
import time

from benchmarks.gl_floor import empty_gl_widget_frame_ms
from benchmarks.probe import (
    FrameCounter,
    drag_steps,
    emit,
    guard_none_refcount,
    median,
    none_refcount,
    process_events,
    resident_memory_mb,
    rotation_steps,
    time_frames,
)

VIEW_SIZE_PX = (1280, 800)
#: Muscles clicked in turn (both face the posterior view the window opens in).
PICK_TARGETS = ("semitendinosus", "gastrocnemius.medial_head")
SLIDER_JOINT = "knee_flexion"
SLIDER_STEP_DEG = 5
WARM_UP_FRAMES = 3


def open_window(settings_path: str):
    from PySide6.QtCore import QSettings

    from annotations import load_annotations
    from viewer.gui.app import make_application
    from viewer.gui.window import AtlasWindow
    from viewer.model.state import AtlasState

    make_application()
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    return AtlasWindow(load_annotations(), AtlasState(), settings)


def size_view(window) -> None:
    """Resize the window so that its 3D view (not the whole window) is 1280x800."""
    for _ in range(3):
        extra_width = window.width() - window.view.width()
        extra_height = window.height() - window.view.height()
        window.resize(VIEW_SIZE_PX[0] + extra_width, VIEW_SIZE_PX[1] + extra_height)
        process_events()


def gl_renderer(view) -> list[str]:
    """The first lines of VTK's OpenGL capabilities report (vendor, renderer, version)."""
    lines = [line.strip() for line in view.ren_win.ReportCapabilities().splitlines()]
    return [line for line in lines if line.startswith("OpenGL ")][:3]


def measure_picks(window, counter: FrameCounter, clicks: int) -> dict:
    """A real left click on a muscle until the window shows a frame with its card."""
    from meshes.parts import PART_BY_ID
    from tests.gui_helpers import click, visible_point_of

    targets = []
    for part_id in PICK_TARGETS:
        structure = PART_BY_ID[part_id].structure
        name = window.catalogue.card(structure).name
        targets.append((visible_point_of(window.view, part_id), structure, name))
    to_card_ms, to_frame_ms = [], []
    for index in range(clicks + 2):  # the first two are the warm-up
        position, structure, name = targets[index % len(targets)]
        frames_before = counter.frames
        start = time.perf_counter()
        click(window.view, position)
        while name not in window.info.toPlainText():
            process_events()
        card_at = time.perf_counter()
        counter.wait_for_frame(frames_before)
        frame_at = time.perf_counter()
        if window.state.selected != structure:
            raise RuntimeError(f"the click selected {window.state.selected}, not {structure}")
        if index >= 2:
            to_card_ms.append((card_at - start) * 1000.0)
            to_frame_ms.append((frame_at - start) * 1000.0)
    return {"to_card_ms": median(to_card_ms), "to_frame_ms": median(to_frame_ms)}


def slider_steps(window, frames: int) -> list:
    """Steps that drag the knee slider up its range and back to 0, about ``frames`` of them.

    Every step changes the value (an unchanged slider would draw nothing), and the sweep
    ends where it started, so sweeps can be repeated.
    """
    from meshes.pose import POSE_RANGES_DEG

    low, high = (int(v) for v in POSE_RANGES_DEG[SLIDER_JOINT])
    slider = window.pose_panel.sliders[SLIDER_JOINT]
    upward = list(range(low + SLIDER_STEP_DEG, high + 1, SLIDER_STEP_DEG))
    upward = upward[:: max(1, -(-2 * len(upward) // frames))]
    values = [*upward, *upward[::-1][1:], low]
    return [lambda value=value: slider.setValue(value) for value in values]


def measure_still_frames(window, counter: FrameCounter, count: int) -> dict:
    """A short real drag, then the time from the button's release to the sharp frame.

    Also records whether the view was in its cheap mode during the drag (and at what
    scale), and whether it left it on release.
    """
    view = window.view
    release_ms, cheap_seen, sharp_after = [], [], []
    for _ in range(count + 1):  # the first is a warm-up
        steps = drag_steps(view, 4)
        for step in steps[:-1]:
            frames_before = counter.frames
            step()
            counter.wait_for_frame(frames_before)
        cheap_seen.append(view.quality.active)
        scale = view.quality.scale
        frames_before = counter.frames
        start = time.perf_counter()
        steps[-1]()  # the last move and the release
        counter.wait_for_frame(frames_before)
        while view.quality.active:
            process_events()
        counter.wait_for_frame(counter.frames - 1)
        release_ms.append((time.perf_counter() - start) * 1000.0)
        sharp_after.append(tuple(view.ren_win.GetSize()) == (view.width(), view.height()))
    return {
        "median_ms": median(release_ms[1:]),
        "cheap_during_drag": all(cheap_seen),
        "sharp_after_release": all(sharp_after),
        "scale_during_drag": scale,
    }


def _triangles_while_moving(scene) -> int:
    """Triangles the view draws in its cheap frames: the coarse twins' (or 0 without them)."""
    if not scene.has_coarse_twins:
        return 0
    scene.set_pixel_scale(0.5)
    drawn = sum(actor.mapper.dataset.n_cells for actor in scene.actors.values())
    scene.set_pixel_scale(1.0)
    return int(drawn)


def measure_selections(window, count: int) -> dict:
    """Resident memory growth over ``count`` selections of random muscles, each drawn."""
    from meshes.parts import PARTS

    muscles = sorted({p.structure for p in PARTS if p.kind in ("muscle", "tendon")})
    chooser = random.Random(7)

    def select_some(number: int) -> None:
        for _ in range(number):
            choices = [m for m in muscles if m != window.state.selected]
            window.state.select(chooser.choice(choices))
            process_events()

    select_some(max(20, count // 10))  # warm-up: caches and pools fill once
    gc.collect()
    before = resident_memory_mb()
    start = time.perf_counter()
    select_some(count)
    elapsed = time.perf_counter() - start
    gc.collect()
    process_events()
    after = resident_memory_mb()
    return {
        "selections": count,
        "growth_mb": after - before,
        "growth_per_1000_mb": (after - before) * 1000.0 / count,
        "before_mb": before,
        "after_mb": after,
        "ms_per_selection": elapsed * 1000.0 / count,
    }


class NoneLoss:
    """References to ``None`` lost by the code run between ``start`` and ``per``."""

    def start(self) -> None:
        self._before = none_refcount()

    def per(self, operations: int) -> float:
        return (self._before - none_refcount()) / operations


def main() -> None:
    settings_path, repeats, frames, selections = sys.argv[1], *map(int, sys.argv[2:5])
    guarded = guard_none_refcount()
    window = open_window(settings_path)
    counter = FrameCounter(window.view)
    window.show()
    size_view(window)
    window.activateWindow()
    counter.wait_for_frame(0)
    # The coarse twins drawn while the view moves are built on a worker thread after the
    # first frame; a person's first drag a moment after start finds them ready too.
    deadline = time.perf_counter() + 60.0
    while not window.scene.has_coarse_twins and time.perf_counter() < deadline:
        process_events()
    result: dict = {
        "gl_renderer": gl_renderer(window.view),
        "view_size_px": [window.view.width(), window.view.height()],
        "window_size_px": [window.width(), window.height()],
        "triangles": int(sum(a.mapper.dataset.n_cells for a in window.scene.actors.values())),
        "triangles_while_moving": _triangles_while_moving(window.scene),
        "none_refcount_guarded": guarded,
        "none_lost_per": {},
    }
    loss = NoneLoss()

    loss.start()
    picks = measure_picks(window, counter, clicks=max(2, repeats * 3))
    result["none_lost_per"]["click"] = loss.per(max(2, repeats * 3) + 2)
    result["pick_ms"] = picks["to_frame_ms"]
    result["pick_to_card_text_ms"] = picks["to_card_ms"]
    window.state.clear_selection()

    view = window.view
    time_frames(counter, drag_steps(view, WARM_UP_FRAMES))
    loss.start()
    rotations = [time_frames(counter, drag_steps(view, frames)) for _ in range(repeats)]
    result["none_lost_per"]["rotation_frame"] = loss.per(frames * repeats)
    result["rotation_frame_ms"] = median([r["median_ms"] for r in rotations])
    result["rotation"] = rotations
    # The same turn asked for in code (camera.Azimuth + pyvista's render()), for comparison.
    result["rotation_by_render_call"] = time_frames(counter, rotation_steps(view, frames))

    result["still_frame"] = measure_still_frames(window, counter, max(2, repeats))
    result["still_frame_ms"] = result["still_frame"]["median_ms"]
    # The slider a person drags is on screen, and so is the length table it updates.
    window.motion_dock.raise_()
    process_events()
    steps = slider_steps(window, frames)
    time_frames(counter, steps[-WARM_UP_FRAMES:])  # ends at 0, where the sweeps start
    loss.start()
    sweeps = [time_frames(counter, steps) for _ in range(repeats)]
    result["none_lost_per"]["pose_slider_frame"] = loss.per(len(steps) * repeats)
    result["pose_slider_frame_ms"] = median([s["median_ms"] for s in sweeps])
    result["pose_slider"] = sweeps
    window.pose_panel.sliders[SLIDER_JOINT].setValue(0)
    window.dock.raise_()  # the window's own layout again for the selections
    process_events()

    loss.start()
    result["memory_selections"] = measure_selections(window, selections)
    result["none_lost_per"]["selection"] = loss.per(selections + max(20, selections // 10))
    result["empty_gl_widget_frame_ms"] = empty_gl_widget_frame_ms(
        VIEW_SIZE_PX, tuple(result["window_size_px"])
    )
    emit(result)


if __name__ == "__main__":
    main()
