"""What profiling found behind each budget miss; RESULTS.md quotes the entry of every miss."""

from __future__ import annotations

FINDINGS: dict[str, str] = {}

NOTES = ""
