"""Leg Atlas viewer: the Qt application and the command line."""

import os

# Pin the Qt binding that matplotlib's Qt canvas (and qtpy, should anything load it)
# picks to PySide6 before anything imports it, so a stray PyQt install on the machine
# can never be picked up instead.
os.environ["QT_API"] = "pyside6"

__version__ = "0.1.0"
