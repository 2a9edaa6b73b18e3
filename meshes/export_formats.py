"""The mesh file formats ``legatlas export-meshes`` writes.

A module of its own so the command line can offer them as choices without
loading the exporter (numpy and the muscle paths): every start of the window
builds that parser.
"""

from __future__ import annotations

EXPORT_FORMATS: tuple[str, ...] = ("vtp", "stl", "obj", "ply")
