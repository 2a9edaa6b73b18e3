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
The 3D frame now comes after the window: the worker thread imports VTK, pyvista and pyvistaqt
(and matplotlib, which `pyvista/plotting/colors.py` imports unconditionally) once the window has
painted, then the Qt thread makes the interactor and the scene. The imports hold the GIL almost
throughout (measured: importing the 3D stack in a thread alongside the window's own imports
made the window later and the total no shorter), so the first 3D frame is the floor's
imports plus the atlas's window, not less. Getting under the floor needs a 3D view without
`pyvista.plotting` (so without matplotlib, about 0.5 s): a plain `vtkmodules` + Qt OpenGL
widget, a larger change.""",
    "pick_ms": """\
Profiled after commit b6cf19e (one paint per change, one selection event per click, outline
actors made once), which removed the big costs this benchmark first found: `_update_outline`
re-created outline actors with `add_mesh` without `render=False` (a synchronous full render
per outlined part, twice per click because `select` emitted two events) — 0.42–0.57 s per
click then. Now (pyinstrument, 8 real clicks, 91 ms each, 1.0 VTK render per click):
~45 ms in pyvistaqt's `paintGL` (the one VTK render at 1280x800 plus the blit), ~37 ms in Qt's
event processing composing the 1686x870 window through OpenGL with the re-laid-out card
(QTextBrowser), ~9 ms in the click handler (`InfoPanel.setHtml` 5 ms, the
`vtkCellPicker` pick 2 ms, colours 1 ms).

Fixes: the pick itself is cheap; the latency is one frame. Cut the frame (see the rotation
entry: the skin's cost, the window composition) and it follows. Smaller: keep one
`QTextDocument` per card and swap documents (`setDocument`) instead of parsing HTML with
`setHtml` on every click (~5 ms).""",
    "rotation_frame_ms": """\
Measured with a real left-button drag (one mouse move per frame). Since issue 15 the drag
draws cheap frames: `viewer/render/interactive_quality.py` renders at half the view's size
while a button is held (the widget's blit stretches the picture; text, lines and labels keep
their size on screen) and draws one sharp frame on release (the "Still frame" row). Where a
drag frame goes now (VTK Start/EndEvent timers and `glFinish`, on a quiet moment of the
shared machine): (1) the VTK render — the scene at 1280x800 ~32 ms, at 640x400 ~18 ms; with
nothing visible 6.6 and 2.0 ms. At half size the cost is the geometry: 76k triangles at
about 0.25 ms per thousand under llvmpipe (the whole scene still takes ~12 ms at 128x80; the
skin ~3 ms, the bones ~5 ms, the four extra lights ~2.6 ms), so a smaller picture no longer
pays (0.35 of the size: −25 %, and labels turn illegible). Culling the back faces of the
opaque parts (closed outward surfaces: pixel-identical) saves another 15–30 %. (2) Qt
composing the window through OpenGL and swapping it: ~12–15 ms per frame whatever VTK does
— an empty QOpenGLWidget in a window of the app's size takes as long (the "Empty
QOpenGLWidget frame" row), so no frame of this widget can be faster. Making the view a native
child window (`WA_NativeWindow`) cut the empty widget's frame from 19 to 8 ms in isolation,
but not the app's drag frame (39–43 ms against 41–44 ms), so it was not kept. (3) Found and
fixed on the way: an idle view repainted forever, because pyvistaqt's paint fires the
interactor's `RenderEvent`, which asked for another paint; those frames competed with every
measured one (and with every other program on the machine).

Fixes left: 16.7 ms needs both the composition and most of the geometry gone — a native
X11 render window (VTK's own `QVTKRenderWindowInteractor` on a plain `QWidget`, swapping
straight to its window: no Qt composition, at the cost of pyvistaqt's Wayland support) and
level-of-detail meshes while moving (60 % fewer triangles measured −25–30 % of the half-size
render; not done because a slider step would have to re-pose the coarse meshes as well and
the silhouettes would change on release). The bare floor is far slower (pyvistaqt's
default 4x MSAA plus its 5 Hz timer).""",
    "pose_slider_frame_ms": """\
Per slider step: the state handlers in Python, then one render (a cheap one from the second
step of a movement: `MotionWatch` in `viewer/render/interactive_quality.py`) and the
window's composition, which also uploads the repainted pose table. cProfile over 20 steps
on a loaded machine: `setValue` ~39 ms median, of which `LegScene.update_pose` ~52 % —
`meshes.leg.repose` (the muscle sweeps and the skin; 14 ms when the machine is quiet, see
"Re-pose") and writing points and normals into 33 actors (~5 ms) — then `PosePanel.refresh`
and the card's length line; the frame after it as for a rotation frame.

Fixes left: the re-pose alone is ~14 ms of the 33 ms, the composition ~12–15 ms, the cheap
render ~15 ms: 33 ms needs the native render window of the rotation entry, or a re-pose that
sweeps only the muscles the joint moves.""",
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
The absolute budget (400 MB) is below the toolkit floor: the bare pyvistaqt window alone holds
more after its first frame (its 4x MSAA buffers included). *Memory by part* in Details gives
each part's cost as it loads: VTK with pyvista and the first llvmpipe frame (libLLVM, JIT-
compiled shaders, rasteriser tiles) are most of it, matplotlib comes with pyvista's plotting
(`pyvista/plotting/colors.py` imports `matplotlib.pyplot` unconditionally), Qt and the window
are tens of MB, the leg's own arrays a few MB. The app returns the heap its start-up freed
(`malloc_trim` once the view is built); what remains above the floor is the atlas's window
(widgets, fonts, the cards and the state's pydantic models), about the 1-3 % the ratio shows.
At the usable window the app holds no numpy, VTK or matplotlib: 107 MB against the bare Qt
window's 70 MB (Qt's widgets and fonts for a fuller window, pydantic and the cards).""",
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
