"""Everything that imports PySide6: the application, the window and its widgets.

Widgets stay thin: they show the ``AtlasState`` and write a person's
intentions back to it; the drawing happens in ``viewer.render``.
"""
