"""Subcommands of ``legatlas``; each module has ``register(subparsers)``.

Modules here must import nothing heavy (Qt, VTK) at import time: ``legatlas
--help`` and ``legatlas list`` should answer at once, with no display.
"""
