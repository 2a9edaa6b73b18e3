"""What profiling found behind each budget miss; RESULTS.md quotes the entry of every miss.

Profiled on the 2-core llvmpipe machine with pyinstrument (Python), ``-X importtime``
(start-up), VTK Start/EndEvent timers around renders and /proc/self/smaps (memory).
"""

from __future__ import annotations

FINDINGS: dict[str, str] = {
    "cold_start_s": """\
The app is at the toolkit's floor (ratio about 1.0x, inside the 1.3x budget); the absolute
1.5 s target is below what a bare pyvistaqt window takes on this machine. Where the time goes
(marks from launch, `-X importtime`): about 1.35 s is importing the toolkit the floor imports
too — matplotlib 0.27 s plus `matplotlib.pyplot` 0.28 s (pulled in unconditionally by
`pyvista/plotting/colors.py`), VTK's OpenGL modules 0.18 s, pyvista core 0.17 s and plotting
0.13 s, pyvistaqt with qtpy 0.26 s, PySide6 0.08 s. The `AtlasInteractor` exists at ~1.75 s;
the scene, the widgets, `show()` and the first llvmpipe render (shader compilation) take
~0.26 s, and Qt's composition of the first frame ~0.14 s. App-only work is small: mesh build
~40 ms (first, cold caches), catalogue load and window construction.

Fix (perceived start): show the Qt window first and build the 3D part one event-loop turn
later — in `viewer/window.py` `AtlasWindow.__init__`, create the tree, panels and docks,
then `QTimer.singleShot(0, self._build_view)` that imports `viewer.interactor`, builds the
leg and the `LegScene`; the window appears at ~0.4 s, the full scene still at ~2.1 s. Getting
the *full scene* under 1.5 s needs the 3D view without `pyvista.plotting` (and so without
matplotlib, −0.55 s): a plain `vtkmodules` + Qt OpenGL widget — a larger change, not advised
for this budget alone.""",
    "pick_ms": """\
A click costs several full renders, most of them synchronous inside the click handler.
pyinstrument over 8 selections: 0.54 s in `AtlasState.select` handlers, 0.47 s of it in
`LegScene._update_outline` (`viewer/scene.py`), which re-creates the outline actors with
`self.plotter.add_mesh(...)` **without `render=False`** — pyvista then renders the whole
scene on every `add_mesh` (0.42 s of renders). `state.select` also emits two events
(`selected_part`, then `selected`) and each one runs `update_colours` → `_update_outline`,
`InfoPanel.refresh` (`setHtml`) and `AtlasWindow._update_length_line`, so the outline is
rebuilt (and rendered) twice per click. After the handler, the on-demand render runs, and
pyvistaqt's `paintGL` renders once more before its blit (see the rotation entry).

Fixes: (1) `viewer/scene.py` `_update_outline`: pass `render=False` to `add_mesh` — removes
one synchronous render per outlined part per event (2–4 renders of ~35–60 ms per click);
(2) build the outline hull actors once per part (hidden) and toggle `visibility` / update
their points on re-pose instead of `remove_actor`/`add_mesh` on every selection; (3) react to
a selection once: in `AtlasState.select` emit a single change (psygnal
`with self.events.blocked(): ...` for `selected_part`, or let the scene and panels listen to
`selected` only, as `select` sets the part first); (4) the render fix in the rotation entry.
Expected: from ~0.4–0.6 s to about one frame (~60–80 ms here; under 50 ms once a render
costs < 35 ms).""",
    "rotation_frame_ms": """\
Three costs per shown frame, measured with VTK Start/EndEvent timers:
(1) **two VTK renders per frame**: `view.render()` renders into VTK's framebuffer, its
`WindowFrameEvent` schedules `update()`, and pyvistaqt's `paintGL` (`pyvistaqt/rwi.py`)
always renders again before blitting (its invariant 3) — the benchmark counts 2.0 renders
per frame, the floor ~2.9 (its 5 Hz timer adds more); (2) one render of the scene at
1280x800 is ~33 ms under llvmpipe, ~15 ms of it for the translucent skin (18 ms with the skin
hidden; 1.8 ms with nothing visible); (3) Qt composes the whole 1686x870 window through
OpenGL because it holds a QOpenGLWidget: ~20 ms per frame even with an empty scene.
The bare floor is far slower (4x MSAA by default: ~0.3–0.6 s per frame), so the ratio is
~0.3x.

Fixes: `viewer/interactor.py` `AtlasInteractor._render_now`: call `self.update()` instead of
`self.render()`, so `paintGL` does the only render (−1 render, ~−33 ms per frame, and the
same for picks and the pose slider); for mouse drags, route VTK's interactor renders the same
way (`self.iren.interactor.EnableRenderOff()`, an observer on the interactor's
`RenderEvent` that calls `self.update()`, and `paintGL` overridden to switch `EnableRender`
on around `super().paintGL()`). Then measure the skin: render it without order-independent
translucency (`renderer.SetUseOIT(False)`; back faces are already culled, so no sorting is
needed) or draw it opaque-with-holes/lower-res while the camera moves. 16.7 ms at 1280x800
is not reachable on llvmpipe at full resolution even with one render and no composition
cost; reaching it needs a lower interactive resolution while dragging (render to a
half-size viewport and upscale, or VTK's desired-update-rate/LOD actors).""",
    "pose_slider_frame_ms": """\
Per slider step: ~21 ms of Python in the state handlers, then the same two renders and window
composition as a rotation frame (see there). pyinstrument over 8 steps: `LegScene.update_pose`
→ `meshes.leg.repose` (sweeps 13 ms, plus ~5 ms building 16 new `pyvista.PolyData` whose
points are then copied into the existing actors), `PosePanel.refresh` and
`AtlasWindow._update_length_line` each call `length_rows(pose)` → `path_lengths_mm` (~2 ms
each, twice per step) and rewrite 36 table items.

Fixes: the render fix of the rotation entry (−1 render, ~−33 ms); `meshes/leg.py`: a
`repose_arrays(leg, pose)` returning points and normals per part, written straight into the
actors' datasets by `LegScene.update_pose` (no PolyData construction, ~−5 ms); compute the
length rows once per pose (`functools.lru_cache` on `viewer.lengths.length_rows`, `Pose` is
frozen) (~−2 ms). Expected ~90 ms; 33 ms also needs the render cost cut (skin, composition).""",
    "export_4k_s": """\
pyinstrument of one 3840x2160 export (8.0 s): `render_image` renders at 7680x4320
(`SUPERSAMPLE = 2`) — VTK render 3.7 s plus ~0.5 s read-back; `_shrink` (numpy `mean` over a
float64 copy of 100 M values) 1.4 s; `write_image` PNG encoding at zlib level 6 2.0 s.

Fixes, all in `viewer/export.py`: (1) `_shrink`: `np.asarray(Image.fromarray(image).reduce(factor))`
(Pillow's C box filter, same result) — 0.17 s instead of 1.4 s; (2) `write_image`: save PNGs
with `compress_level=1` — 0.45 s instead of 1.9 s (file 5.0 instead of 3.7 MiB); (3) cap
supersampling by pixel count, not only by side: e.g. `factor = 1` when
`width * height >= 3840 * 2160 / 2` (4K is already dense; render ~1 s). Expected ~1.5–2 s.""",
    "memory_after_start_mb": """\
The budget is below the toolkit floor: the bare pyvistaqt window alone holds ~454 MB after
its first frame, and the app adds ~10 MB (1.02x). Stages measured in a bare process: Python
with numpy 26 MB, + matplotlib 65 MB, + VTK ~210 MB, + pyvista/pyvistaqt 278 MB, + QApplication
284 MB, + the first llvmpipe frame of an empty 1280x800 view ~437 MB (libLLVM 55 MB resident,
JIT-compiled shaders and rasteriser tiles in the heap and anonymous maps). Nothing in the
app's own code is large; the only app-side saving would be not loading matplotlib (which
pyvista imports at start), a few tens of MB.""",
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
  listed in *Details* per operation (a pose-slider step loses ~56, mostly `PosePanel.refresh`
  rewriting its table), so playing a motion or dragging a slider crashes the app after a few
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
