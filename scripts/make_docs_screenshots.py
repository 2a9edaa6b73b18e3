"""Regenerate the pictures in docs/ (run under a display: ``xvfb-run -a python scripts/...``).

The window shot is the real window grabbed after real state changes; the
stretch maps come from the same off-screen export as ``legatlas screenshot``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_API"] = "pyside6"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from annotations import load_annotations  # noqa: E402
from viewer.gui.app import make_application  # noqa: E402
from viewer.gui.window import AtlasWindow  # noqa: E402
from viewer.model.question_set import read_question_set  # noqa: E402
from viewer.model.state import AtlasState  # noqa: E402
from viewer.render.export import export_screenshot  # noqa: E402

DOCS = ROOT / "docs"
STRETCH_SHOTS = {
    "stretch-map-wall-calf.png": ("wall_calf_stretch", "medial"),
    "stretch-map-bent-knee-calf.png": ("bent_knee_calf_stretch", "medial"),
    "stretch-map-forward-bend.png": ("seated_forward_bend", "medial"),
}


def stretch_maps(catalogue) -> None:
    for name, (stretch_id, view) in STRETCH_SHOTS.items():
        pose = catalogue.stretches[stretch_id].pose.to_pose()
        state = AtlasState(pose=pose, colour_mode="stretch", view=view, labels=True)
        state.set_layer_opacity("skin", 0.12)
        export_screenshot(state, DOCS / name, (900, 1100), catalogue.display_name)
        print("wrote", DOCS / name)


def window_picture(catalogue, app, name: str, arrange, leftovers=()) -> None:
    """Open the real window, let ``arrange(window)`` set it up as a person would once the
    leg is there, and grab the whole window into docs/``name``."""
    settings = QSettings(str(DOCS / ".shot-settings.ini"), QSettings.Format.IniFormat)
    window = AtlasWindow(catalogue, AtlasState(), settings)
    window.resize(1280, 800)
    window.show()

    def shoot() -> None:
        arrange(window)
        app.processEvents()
        window.view.render()
        app.processEvents()
        window.grab().save(str(DOCS / name))
        print("wrote", DOCS / name)
        window.close()
        for leftover in (".shot-settings.ini", *leftovers):
            (DOCS / leftover).unlink(missing_ok=True)
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


def window_shot(catalogue, app) -> None:
    def arrange(window) -> None:
        window.state.select("gastrocnemius", "gastrocnemius.medial_head")
        window.state.labels = True

    window_picture(catalogue, app, "window.png", arrange)


def practice_shot(catalogue, app) -> None:
    """Practice mode as a student sees it: a highlighted muscle named with a typo, marked right."""
    question_set = DOCS / ".shot-questions.toml"
    question_set.write_text(
        '[practice]\nstructures = ["gastrocnemius"]\nkinds = ["name"]\nquestions = 1\nseed = 1\n',
        encoding="utf-8",
    )

    def arrange(window) -> None:
        window.practice.progress_path = DOCS / ".shot-progress.json"
        window.practice.start(read_question_set(question_set))
        field = window.practice.panel.name_field
        QTest.keyClicks(field, "gastrocnemus")
        QTest.keyClick(field, Qt.Key.Key_Return)

    leftovers = (".shot-questions.toml", ".shot-progress.json")
    window_picture(catalogue, app, "practice-mode.png", arrange, leftovers)


def recompress() -> None:
    """Exports favour speed; pictures kept in the repository favour size."""
    for path in DOCS.glob("*.png"):
        with Image.open(path) as image:
            image.load()
        image.save(path, optimize=True)


def main() -> None:
    catalogue = load_annotations()
    app = make_application()
    stretch_maps(catalogue)
    window_shot(catalogue, app)
    practice_shot(catalogue, app)
    recompress()


if __name__ == "__main__":
    main()
