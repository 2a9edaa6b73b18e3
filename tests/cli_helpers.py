"""Running ``legatlas`` as a person does from a shell: a fresh process with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def legatlas(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m viewer ARGUMENTS`` headless, without the user's own cards."""
    environment = {**os.environ, "LEGATLAS_ANNOTATIONS": "", **(env or {})}
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "viewer", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
