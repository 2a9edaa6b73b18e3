"""matplotlib.pyplot, which pyvista imports, does not run before the first 3D frame.

Through the real entry point in a fresh interpreter (the test process itself
has long loaded pyplot): at the view's first frame pyplot is still a stand-in
that has not run, and afterwards everything that uses matplotlib still works:
the length curves tab and its PNG, a screenshot exported from the dialog, and
pyvista reading pyplot through the stand-in. A headless ``legatlas screenshot``
leaves pyplot unrun too.
"""

from __future__ import annotations

from PIL import Image

from tests.cli_helpers import run_probe

PROBE = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from viewer.gui import window as window_module
from viewer.__main__ import main

out = Path(sys.argv[1])
seen = {}
DEADLINE = time.monotonic() + 120

def poll(condition, then):
    if time.monotonic() > DEADLINE:
        seen["timed_out"] = True
        window_module.QApplication.instance().quit()
    elif condition():
        then()
    else:
        QTimer.singleShot(20, lambda: poll(condition, then))

def at_first_frame(window):
    if "at_first_frame" in seen:
        return
    from viewer.render.deferred_modules import is_deferred
    seen["at_first_frame"] = {
        "pyplot_deferred": is_deferred("matplotlib.pyplot"),
        "figure_loaded": "matplotlib.figure" in sys.modules,
        "pyvista_loaded": "pyvista.plotting" in sys.modules,
    }
    QTimer.singleShot(0, lambda: open_plot(window))

def open_plot(window):
    window.motion_dock.show()
    window.motion_dock.raise_()
    poll(lambda: window.length_plot is not None, lambda: draw_plot(window))

def draw_plot(window):
    window.state.select("gastrocnemius")  # the plot redraws once the view has painted
    poll(lambda: window.length_plot.parts, lambda: check_plot(window))

def check_plot(window):
    plot = window.length_plot
    seen["plot_parts"] = plot.parts
    seen["plot_axes_with_lines"] = sum(1 for axes in plot.figure.axes if axes.lines)
    plot.save_png_to(out / "curves.png")
    dialog = window.export_dialog()
    dialog.path_field.setText(str(out / "shot.png"))
    dialog.size_choice.setCurrentText("Custom")
    dialog.width_field.setValue(320)
    dialog.height_field.setValue(200)
    dialog.save_button.click()
    from pyvista.plotting.colors import get_matplotlib_theme_cycler
    import matplotlib.pyplot as plt
    seen["cycler_colours"] = len(get_matplotlib_theme_cycler().by_key()["color"])
    seen["pyplot_module"] = type(sys.modules["matplotlib.pyplot"]).__name__
    seen["pyplot_has_figure"] = callable(plt.figure)
    window.close()

original_init = window_module.AtlasWindow.__init__

def init(window, *args, **kwargs):
    original_init(window, *args, **kwargs)
    window.view_ready.connect(
        lambda: window.view.frameSwapped.connect(lambda: at_first_frame(window))
    )
    QTimer.singleShot(150_000, window.close)

window_module.AtlasWindow.__init__ = init
main([])
print(json.dumps(seen))
"""


def test_pyplot_waits_until_used_and_plot_and_export_still_work(tmp_path):
    seen = run_probe(PROBE, str(tmp_path), home=tmp_path / "home")
    assert "timed_out" not in seen, seen
    assert seen["at_first_frame"] == {
        "pyplot_deferred": True,
        "figure_loaded": False,  # nothing of pyplot's figure machinery ran
        "pyvista_loaded": True,
    }
    assert seen["plot_parts"] == ["gastrocnemius.medial_head", "gastrocnemius.lateral_head"]
    assert seen["plot_axes_with_lines"] == 3  # one panel per joint
    with Image.open(tmp_path / "curves.png") as image:
        assert image.size == (1200, 1500)
    with Image.open(tmp_path / "shot.png") as image:
        assert image.size == (320, 200)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert len(colours) > 50  # a leg, not a blank frame
    assert seen["cycler_colours"] == 10  # pyvista read pyplot's rcParams through the stand-in
    assert seen["pyplot_module"] == "module"  # the real pyplot took the stand-in's place
    assert seen["pyplot_has_figure"] is True


HEADLESS_PROBE = """
import json, sys
from viewer.__main__ import main
from viewer.render.deferred_modules import is_deferred

code = main(["screenshot", sys.argv[1], "--size", "320x200"])
print(json.dumps({"code": code, "pyplot_deferred": is_deferred("matplotlib.pyplot"),
                  "figure_loaded": "matplotlib.figure" in sys.modules}))
"""


def test_a_headless_screenshot_does_not_run_pyplot_either(tmp_path):
    seen = run_probe(HEADLESS_PROBE, str(tmp_path / "shot.png"))
    assert seen == {"code": 0, "pyplot_deferred": True, "figure_loaded": False}
    with Image.open(tmp_path / "shot.png") as image:
        assert image.size == (320, 200)
