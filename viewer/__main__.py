"""Entry point for ``legatlas`` and ``python -m viewer``."""

from __future__ import annotations

import gc
import os
import sys


def main(argv: list[str] | None = None) -> int:
    # Starting the window creates some eighty thousand objects that all live as long as it
    # does (modules, classes, the cards, the widgets); the cyclic collector would walk them
    # about a hundred times and find almost nothing, some 20 ms of the first window. So it is
    # off while the program starts: ``cli.run`` turns it back on for a subcommand, the window
    # (``gui/app.py``) once it is shown.
    gc.disable()
    # The app uses no pydantic plugins; without this, building the first validator reads the
    # entry points of every installed package looking for some (a few ms, more in big envs).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        # Imported here, not at the top: the modules it loads are most of the start-up's objects.
        from viewer.cli import run  # noqa: PLC0415

        return run(sys.argv[1:] if argv is None else argv)
    finally:
        gc.enable()


if __name__ == "__main__":
    sys.exit(main())
