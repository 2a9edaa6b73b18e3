"""The frozen app's entry point: the same ``legatlas`` command as a pip install.

PyInstaller needs a script to start from; everything else (the window, the
subcommands, the lazy toolkit imports) is the installed program unchanged.
"""

import sys

from viewer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
