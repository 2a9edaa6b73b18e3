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
The first 3D frame now comes before the bare floor's (ratio below 1x), though not yet within
the absolute 1.5 s budget on this machine. The window paints first; then a worker thread
imports VTK, pyvista and pyvistaqt and builds the leg (from the disk cache: ~50 ms), and the Qt
thread makes the interactor and the scene. What beat the floor (issue 15, this stop):
`matplotlib.pyplot`, which `pyvista.plotting` imports only to keep a reference, waits as a
stand-in module until something reads it (`viewer/render/deferred_modules.py`; pyvista never
does in the atlas, and our length plot uses `Figure` and the Qt canvas), ~0.2-0.35 s and ~15 MB;
the garbage collector is paused during start-up; the heap freed by the imports and the build
is returned after the first frame, off its path. Mesa's on-disk shader cache is used on warm
starts (off, the first frame is ~0.25 s later); the app compiles 13 shaders, the floor 16.
What is left: ~0.8 s of imports on the worker (VTK's libraries, pyvista), the interactor
(~0.07 s, mostly Qt switching the window to OpenGL), the scene (~0.035 s) and the first render.
`pyvista/plotting/charts.py` still imports matplotlib's Agg backend (~0.08 s, 12 MB), which
cannot be held back cleanly.""",
    "pick_ms": """\
Around the 50 ms budget: 49.8-61.8 ms in three quiet runs of this stop's code (the spread is
the machine's). A click is the pick (~3 ms, `vtkCellPicker`), the selection's handlers (~7 ms:
colours and outline ~2 ms, the card's `setHtml` ~5 ms, the tree ~1.5 ms) and one sharp frame:
VTK's render at 1280x800 (~20 ms on a quiet machine: the gradient background alone is a
full-screen pass of ~4 ms under llvmpipe, the 76k triangles and the see-through skin the rest)
plus Qt composing the 1686x870 window (~8 ms, the "Empty QOpenGLWidget frame" row) and the
blit and repaint of the card. Fixed on the way this stop: with the Pose & motion tab opened
once, every click also swept three joints for the length plot hidden behind the Atlas tab
(~0.2 s a click; Qt calls a tab behind another visible).

Fixes left: a cheaper sharp frame. Measured, not kept: a transparent VTK background with the
gradient painted by Qt under a stack-on-top GL widget (~4 ms less per sharp frame, but Qt then
draws the GL widget over its own children, so the presentation caption would have to be drawn
by VTK); a textured background instead of the gradient (same cost).""",
    "rotation_frame_ms": """\
Measured with a real left-button drag (one mouse move per frame). While a button is held the
view draws cheap frames (`viewer/render/interactive_quality.py`: half the view's size, text,
lines and labels keeping their size on screen) of the coarse twins (`viewer/render/detail.py`:
the leg built at half density, 22k triangles, through second mappers, so the full meshes keep
their GPU buffers and the release uploads nothing), then one sharp frame on release (the
"Still frame" row). The twins took the drag frame from ~42 to ~22-25 ms: in one process,
alternating with and without them under the same load, the render went ~11 -> ~6.5 ms and the
frame ~26 -> ~20 ms. Where a drag frame goes now, on a quiet machine: Qt composing the 1686x870
window through OpenGL and swapping it, ~8 ms whatever VTK draws (the "Empty QOpenGLWidget
frame" row); pyvistaqt's paint (state reset, the stretching blit to 1280x800, the pass that
sets alpha to 1) ~2-3 ms; VTK's render of the twins at 640x400 ~6 ms (the gradient ~1 ms, the
vertices of 22k triangles ~3 ms on one core, the pixels the rest); Python and events ~1 ms.

Tried this stop and dropped (measured): the view as a native child window (`WA_NativeWindow`:
drag frames slower, 30-40 against 19-20 ms); Qt on EGL (`QT_XCB_GL_INTEGRATION=xcb_egl`:
slower); drawing at 0.4 of the size or skipping pyvistaqt's alpha pass (~1.5-2.5 ms each: the
first blurs the moving picture more, the second needs overriding a private pyvistaqt method).
16.7 ms needs the window's composition gone: VTK drawing into its own X window without Qt's
OpenGL composition, or into an image that a plain widget paints (a larger change: the view
would no longer be pyvistaqt's). The bare floor is far slower (pyvistaqt's default 4x MSAA
plus its 5 Hz timer).""",
    "pose_slider_frame_ms": """\
Per slider step, with the pose panel on screen (its length table updates every step): the
state's handlers, then one render and the window's composition. From the second step of a
slide the view draws cheap frames of the coarse twins, and a step re-poses only them (posed
points written into the meshes' own VTK arrays, no meshes made): the step's scene work went
~25 -> ~7 ms, the frame ~95 -> ~40 ms. What is left, on a quiet machine: the twins' re-pose and
the panel's table ~10 ms, the render with the twins' vertices uploaded again ~9 ms, pyvistaqt's
paint and Qt's composition ~12-15 ms, the slider's own repaint. The full meshes catch up once
when the slider rests (the "Still frame" row).

Fixes left: the composition, as for the rotation; a re-pose that sweeps only the parts the
moving joint carries.""",
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
At or below the floor now (ratio 0.95x), but not within the absolute 400 MB budget, which is
below the toolkit itself: the bare pyvistaqt window holds more after its first frame.
*Memory by part* in Details gives each part's cost as it loads: VTK with pyvista (~130 MB) and
the first llvmpipe frame (~155 MB: libLLVM 43 MB, the software GL driver, VTK's interaction
libraries, then the GL context, framebuffers and Qt's GL composition) are most of it; Qt, the
window and the cards are tens of MB, the leg's own arrays 4 MB. What took the app under the
floor this stop: `matplotlib.pyplot` held back (see the first-frame entry; ~15 MB), the heap
freed by the imports, the build and the first render returned to the system after the first
frame (`malloc_trim`, ~6 MB more than before it), and again once the coarse twins arrive.""",
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
  view's `frameSwapped`: the window has been composed and swapped, so the picture is on
  screen. Cold start is from the runner's launch of a fresh process to that first signal.
- The figures hold for software OpenGL (Mesa llvmpipe under Xvfb) on 2 cores; a GPU changes
  the render costs by one to two orders of magnitude, not the Python costs."""
