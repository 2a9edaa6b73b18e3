"""Leg Atlas viewer: the Qt application and the command line."""

import os

# Pin qtpy (used by pyvistaqt) to PySide6 before anything imports it, so a
# stray PyQt install on the machine can never be picked up instead.
os.environ["QT_API"] = "pyside6"

__version__ = "0.1.0"
