"""Running ``legatlas`` as a person does from a shell: a fresh process with no display."""

from __future__ import annotations

import json
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


def run_probe(
    probe: str,
    *arguments: str,
    home: Path | None = None,
    env: dict[str, str] | None = None,
    without: tuple[str, ...] = (),
    timeout: float = 240,
) -> dict:
    """Run a probe script in a fresh interpreter at the repository root; return the JSON
    it printed last. With ``home``, the user's config and data folders are empty ones in
    it, as on a first start; ``without`` names environment variables to drop."""
    environment = {**os.environ, **(env or {})}
    if home is not None:
        environment["XDG_CONFIG_HOME"] = str(home / "config")  # no saved layout
        environment["XDG_DATA_HOME"] = str(home / "data")  # no practice progress
    for name in without:
        environment.pop(name, None)
    completed = subprocess.run(
        [sys.executable, "-c", probe, *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])
