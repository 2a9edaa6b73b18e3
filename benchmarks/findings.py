"""What profiling found behind each budget miss; RESULTS.md quotes the entry of every miss.

Profiled on the 2-core llvmpipe machine with pyinstrument (Python), ``-X importtime``
(start-up), VTK Start/EndEvent timers around renders and /proc/self/smaps (memory).
"""

from __future__ import annotations

FINDINGS: dict[str, str] = {
    "first_window_s": """\
The window is usable before any of VTK, pyvista, matplotlib or numpy is imported (the run
checks the toolkits; `tests/test_viewer_startup.py` checks all four through the real
`legatlas` entry point, also with a tour and `--practice` on the command line). Everything
that draws in the 3D view (pins, the practice click watch, the presentation caption) attaches
when it arrives, and commands that need it wait for it. So what is left is Python, Qt and the
cards. The cold start marks in Details split it: launch to `window_init` is the imports, the
cards and the QApplication (about three quarters), `window_init` to `window_created` the
widgets (about a fifth), the rest the first paint. `-X importtime` on the window's path, by
self time (loaded machine, 0.62 s of imports): PySide6 and shiboken 20 % (the bare Qt window
pays most of that too), the card schema's pydantic models 15 % and pydantic itself 10 % (the
card models and the evented state), the window's own modules about 12 %, the standard library
the rest. Building the window: the structure tree (its search box's clear button loads a
style icon), the docks' first polish, the splitters.

Done in issue 15: numpy is off the path (the muscle lengths load the paths on the first length
asked for; the pose panel's table and the exercise details wait until their tab is in front;
`legatlas export-meshes`' formats no longer import the exporter): ~60-80 ms on an idle
machine and 14-18 MB.
What would cut further, in order of gain: cache the validated cards (a pickle keyed by the
card files and the schema's code; with `defer_build=True` on the models the classes then cost
almost nothing: measured, `defer_build` alone saves nothing, because validating the cards
builds the same schemas), ~50-100 ms; build practice mode and the tour panel on first use;
fill the Tours menu when it opens (it reads three scene files).""",
    "cold_start_s": """\
The first 3D frame comes before the bare floor's (ratio below 1x) and, on a quiet machine,
within the absolute 1.5 s budget (1.2-1.5 s in this stop's runs). The window paints first; then
a worker thread imports VTK and pyvista and builds the leg (from the disk cache: ~50 ms), and
the Qt thread makes the interactor and the scene. What beat the floor (issue 15):
`matplotlib.pyplot`, which `pyvista.plotting` imports only to keep a reference, waits as a
stand-in module until something reads it (`viewer/render/deferred_modules.py`; pyvista never
does in the atlas, and our length plot uses `Figure` and the Qt canvas), ~0.2-0.35 s and ~15
MB; the garbage collector is paused during start-up; the heap freed by the imports and the
build is returned after the first frame, off its path. Mesa's on-disk shader cache is used on
warm starts (off, the first frame is ~0.25 s later); the app compiles 13 shaders, the floor 16.
What is left: ~0.8 s of imports on the worker (VTK's libraries, pyvista), the interactor (no
longer Qt switching the window to OpenGL: the raster view needs none), the scene (~0.035 s) and
the first render. `pyvista/plotting/charts.py` still imports matplotlib's Agg backend (~0.08 s,
12 MB), which cannot be held back cleanly.""",
    "pick_ms": """\
A click is the pick (~3 ms, `vtkCellPicker`), the selection's handlers (~7 ms: colours and
outline ~2 ms, the card's `setHtml` ~5 ms, the tree ~1.5 ms) and one sharp frame: VTK's
render at 1280x800 (~20 ms on a quiet machine: the gradient background is a full-screen pass
of ~4 ms under llvmpipe, the 76k triangles and the see-through skin the rest), reading the
picture back (~1 ms) and Qt painting it and the card. It was 50-62 ms while the view was
pyvistaqt's QOpenGLWidget: Qt then composed the whole 1686x870 window through OpenGL on every
frame (~8 ms, the "Empty QOpenGLWidget frame" row) and the widget blitted and cleared alpha
(~2-3 ms); the raster view (`viewer/gui/raster_view.py`) has neither. If it misses again on a
loaded machine, what is left to cut is the render itself (the gradient, the skin).""",
    "rotation_frame_ms": """\
Measured with a real left-button drag (one mouse move per frame). While a button is held the
view draws cheap frames (`viewer/render/interactive_quality.py`: half the view's size, text,
lines and labels keeping their size on screen) of the coarse twins (`viewer/render/detail.py`:
the leg built at half density, 22k triangles, through second mappers, so the full meshes keep
their GPU buffers and the release uploads nothing), then one sharp frame on release (the
"Still frame" row). What made 60 fps: the view is a raster widget (`viewer/gui/raster_view.py`)
whose paint renders off screen, reads the picture back and lets Qt's raster painter stretch it
into the view's rectangle; with pyvistaqt's QOpenGLWidget, Qt composed the whole window
through OpenGL on every frame (~8 ms whatever VTK drew, the "Empty QOpenGLWidget frame" row)
and the widget's blit and alpha pass took ~2-3 ms more: 22-26 ms a drag frame, now ~9 ms.
A drag frame now, on a quiet machine: VTK's render of the twins at 640x400 ~5 ms, the read-back
~0.2 ms, Qt's smooth stretch to 1280x800 and the flush of that rectangle ~2 ms, Python and
events ~1 ms. Tried before and dropped: the view as a native child window, Qt on EGL, 0.4 of
the size. The bare floor is far slower (pyvistaqt's default 4x MSAA plus its 5 Hz timer).""",
    "pose_slider_frame_ms": """\
Per slider step, with the pose panel on screen (its length table updates every step): the
state's handlers, then one render and the paint. From the second step of a slide the view
draws cheap frames of the coarse twins, and a step re-poses only them (posed points written
into the meshes' own VTK arrays, no meshes made). What is left, on a quiet machine: the twins'
re-pose and the panel's table ~10 ms, the render with the twins' vertices uploaded again
~6 ms, the paint and the slider's own repaint ~3-4 ms. The full meshes catch up once when the
slider rests (the "Still frame" row). Was ~49 ms with the QOpenGLWidget's window composition
(see the rotation entry). Left: a re-pose that sweeps only the parts the moving joint carries.""",
    "export_4k_s": """\
pyinstrument of one 3840x2160 export (8.0 s): `render_image` renders at 7680x4320
(`SUPERSAMPLE = 2`) — VTK render 3.7 s plus ~0.5 s read-back; `_shrink` (numpy `mean` over a
float64 copy of 100 M values) 1.4 s; `write_image` PNG encoding at zlib level 6 2.0 s.

Fixes, all in `viewer/render/export.py`: (1) `_shrink`:
`np.asarray(Image.fromarray(image).reduce(factor))`
(Pillow's C box filter, same result) — 0.17 s instead of 1.4 s; (2) `write_image`: save PNGs
with `compress_level=1` — 0.45 s instead of 1.9 s (file 5.0 instead of 3.7 MiB); (3) cap
supersampling by pixel count, not only by side: e.g. `factor = 1` when
`width * height >= 3840 * 2160 / 2` (4K is already dense; render ~1 s). Expected ~1.5–2 s.""",
    "memory_after_start_mb": """\
Below the floor (the bare pyvistaqt window holds more after its first frame), but not within
the absolute 400 MB budget, which is below the toolkit itself. *Memory by part* in Details
gives each part's cost as it loads: VTK with pyvista (~130 MB) and the first llvmpipe frame
(~130 MB: libLLVM 43 MB, the software GL driver, VTK's interaction libraries, then the GL
context and framebuffers) are most of it; matplotlib ~30 MB (`pyvista.plotting` imports its
colours, colormaps and Agg backend at import time, so it cannot wait for the length plot);
Qt, the window and the cards are tens of MB, the leg's own arrays 4 MB. What took the app
under the floor: `matplotlib.pyplot` held back (~15 MB), the heap freed by the imports, the
build and the first render returned to the system after the first frame (`malloc_trim`) and
again once the coarse twins arrive, and the raster view (no OpenGL composition of the Qt
window: its context, its textures and Qt's GL platform plugin are never made, ~20 MB).""",
    "memory_growth_1000_selections_mb": """\
Resident memory grows with selections: each one creates new outline actors
(`LegScene._update_outline` → `add_mesh`), whose mappers, shaders and buffers are released
only partly. Fix: create the outline actors once per part and toggle their visibility (see the
pick entry).""",
}

NOTES = """\
- **PySide6 6.12.0 loses a reference to `None` on every call of a method that returns nothing**
  (`QWidget.update()`, `QTimer.singleShot`, `QTimer.start`, `processEvents`, `setValue`,
  `setText`...) on Python 3.11, where `None` is not immortal. Once the count reaches zero the
  process aborts with `Fatal Python error: none_dealloc`. A bare `QApplication` reproduces it
  in under 5,000 calls; the app starts with ~40,000 references to `None` and loses the counts
  listed in *Details* per operation (a pose-slider step loses ~55, mostly `PosePanel.refresh`
  rewriting its table). Reproduced: playing the "deadlift" exercise on a loop in the real
  window (no guard) aborts the process after 67 s (`none_dealloc`), and dragging a slider
  or rotating does the same over a longer session, within
  minutes. The benchmark adds references up front (`benchmarks/probe.py`,
  `guard_none_refcount`) to be able to measure at all; the app has no such guard. Fix:
  exclude the release in `pyproject.toml` (`PySide6-Essentials>=6.6,!=6.12.0`) or require
  Python >= 3.12 (immortal `None`), and add a test that calls `QWidget.update()` 100,000
  times.
- Frame times are measured from the change (camera turn, slider value, click) to the
  view's `frameSwapped` (emitted when the raster view has painted its frame) and the return
  of the event loop's pass that painted it, in which Qt flushes the view's rectangle to the
  screen: the picture is on screen. Cold start is from the runner's launch of a fresh process
  to that first signal.
- The figures hold for software OpenGL (Mesa llvmpipe under Xvfb) on 2 cores; a GPU changes
  the render costs by one to two orders of magnitude, not the Python costs."""
