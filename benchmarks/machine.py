"""A description of the machine a benchmark ran on, for RESULTS.md and the JSON."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata


def _first_value(path: str, key: str) -> str | None:
    try:
        with open(path) as lines:
            for line in lines:
                name, _, value = line.partition(":")
                if name.strip() == key:
                    return value.strip()
    except OSError:
        return None
    return None


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe_machine() -> dict:
    memory_kib = _first_value("/proc/meminfo", "MemTotal")
    memory_gib = int(memory_kib.split()[0]) / 2**20 if memory_kib else None
    return {
        "cpu": _first_value("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "memory_gib": round(memory_gib, 1) if memory_gib else None,
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "vtk": _version("vtk"),
        "pyvista": _version("pyvista"),
        "pyvistaqt": _version("pyvistaqt"),
        "pyside6": _version("PySide6-Essentials"),
        "display": os.environ.get("DISPLAY", ""),
    }
