"""Entry point for ``legatlas`` and ``python -m viewer``."""

from __future__ import annotations

import sys

from viewer.cli import run


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
