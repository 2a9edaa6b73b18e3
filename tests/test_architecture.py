"""The dependency rule of docs/ARCHITECTURE.md, enforced.

gui -> render -> model -> (meshes, annotations); commands may use model and
render, and only ``viewer/commands/gui.py`` opens the window. Two checks:
every import statement in the source (lazy ones included) points down, and
importing each layer in a fresh interpreter pulls in nothing from above it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("meshes", "annotations", "viewer")

#: What each layer may import from the project (besides itself and the standard library).
ALLOWED: dict[str, frozenset[str]] = {
    "meshes": frozenset({"meshes"}),
    "annotations": frozenset({"annotations", "meshes"}),
    "viewer.model": frozenset({"viewer.model", "meshes", "annotations", "viewer"}),
    "viewer.render": frozenset(
        {"viewer.render", "viewer.model", "meshes", "annotations", "viewer"}
    ),
    "viewer.gui": frozenset(
        {"viewer.gui", "viewer.render", "viewer.model", "meshes", "annotations", "viewer"}
    ),
    "viewer.commands": frozenset(
        {"viewer.commands", "viewer.render", "viewer.model", "meshes", "annotations", "viewer"}
    ),
    "viewer.cli": frozenset({"viewer.commands", "viewer"}),
    "viewer.__main__": frozenset({"viewer.cli"}),
}
#: Third-party toolkits each layer must never import.
FORBIDDEN_TOOLKITS: dict[str, tuple[str, ...]] = {
    "meshes": ("PySide6", "pyvistaqt", "matplotlib"),
    "annotations": ("PySide6", "pyvistaqt", "pyvista", "vtkmodules", "matplotlib"),
    "viewer.model": ("PySide6", "pyvistaqt", "pyvista", "vtkmodules", "matplotlib"),
    "viewer.render": ("PySide6", "pyvistaqt", "matplotlib"),
    "viewer.commands": ("PySide6", "pyvistaqt", "matplotlib"),
}
#: The one sanctioned step up: the default command opens the window.
EXCEPTIONS = {("viewer.commands.gui", "viewer.gui.app")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    for layer in sorted(ALLOWED, key=len, reverse=True):
        if module == layer or module.startswith(layer + "."):
            return layer
    return module.split(".")[0]


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every project module an import statement in ``path`` names, with its line."""
    module = _module_name(path)
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this package
                base = module.split(".")[: -node.level or None]
                if path.name == "__init__.py":
                    base = module.split(".")[: len(module.split(".")) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name.split(".")[0] in PACKAGES:
                found.append((name, node.lineno))
    return found


def _sources() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def _project_modules() -> set[str]:
    return {_module_name(p) for p in _sources()}


def test_every_import_points_down_the_layers():
    modules = _project_modules()
    wrong = []
    for path in _sources():
        importer = _module_name(path)
        allowed = ALLOWED.get(_layer(importer), frozenset({_layer(importer)}))
        for name, line in _imports(path):
            target = name if name in modules else name.rsplit(".", 1)[0]
            if target not in modules or (importer, target) in EXCEPTIONS:
                continue
            if target == "viewer":  # the package itself: __version__ only
                continue
            if _layer(target) not in allowed:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not wrong, "imports against the layer rule:\n" + "\n".join(wrong)


def test_no_import_cycle_between_modules():
    modules = _project_modules()
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for path in _sources():
        importer = _module_name(path)
        for name, _ in _imports(path):
            target = name if name in modules else name.rsplit(".", 1)[0]
            if target in modules and target != importer and not importer.startswith(target):
                graph[importer].add(target)
    visiting, done, cycles = set(), set(), []

    def visit(module: str, trail: list[str]) -> None:
        visiting.add(module)
        for target in sorted(graph[module]):
            if target in visiting:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in done:
                visit(target, [*trail, target])
        visiting.discard(module)
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN_TOOLKITS))
def test_importing_a_layer_pulls_in_nothing_from_above(layer):
    """Transitively, in a fresh interpreter: what a layer loads, not only what it names."""
    modules = sorted(m for m in _project_modules() if _layer(m) == layer)
    above = [
        other
        for other in ("viewer.gui", "viewer.commands", "viewer.render", "viewer.model")
        if other not in ALLOWED.get(layer, ())
    ]
    code = (
        "import sys\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        f"bad = sorted({{m.split('.')[0] if not m.startswith('viewer.') else m "
        f"for m in sys.modules if m.split('.')[0] in {FORBIDDEN_TOOLKITS[layer]!r} "
        f"or any(m == a or m.startswith(a + '.') for a in {above!r})}})\n"
        "print('\\n'.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{layer} pulls in:\n{result.stdout}"
