"""``annotations`` is pure content: it must load with Qt unavailable (DESIGN.md, section 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCK_QT_AND_LOAD = """
import sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "qtpy", "pyvistaqt"}:
            raise ImportError(f"{name} is blocked in this test")
        return None

sys.meta_path.insert(0, BlockQt())
from annotations import load_annotations
from annotations.text import card_as_text
catalogue = load_annotations()
print(card_as_text(catalogue, "soleus").splitlines()[0])
assert not any(name.startswith(("PySide6", "viewer")) for name in sys.modules)
"""


def test_annotations_load_without_qt_or_the_viewer():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_LOAD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Soleus (musculus soleus)"


def test_content_commands_do_not_load_the_3d_toolkit():
    """`legatlas list` and `info` answer at once: no pyvista or VTK behind them."""
    code = (
        "import sys, annotations, meshes; annotations.load_annotations(); "
        "from meshes import PARTS, Pose; "
        "print(any(m.startswith(('pyvista', 'vtkmodules')) for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
