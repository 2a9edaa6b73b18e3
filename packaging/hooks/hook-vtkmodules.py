"""VTK's Python-side overrides, which it imports by name when a compiled module loads.

``vtkmodules/__init__.py`` lists them in ``MODULE_MAPPER`` (for instance
``vtkmodules.numpy_interface.array_overrides``, which gives data arrays their
``__array__``) and imports them with ``importlib``, so PyInstaller's analysis
never sees them; frozen without them, ``vtk_to_numpy`` fails on the first
connectivity filter.
"""

from PyInstaller.utils.hooks import get_module_attribute

hiddenimports = sorted(
    {
        name
        for names in get_module_attribute("vtkmodules", "MODULE_MAPPER").values()
        for name in names
    }
)
