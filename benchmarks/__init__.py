"""Leg Atlas benchmarks: ``python benchmarks/run.py`` (or ``make bench``); see RESULTS.md."""
