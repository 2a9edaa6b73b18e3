"""The stand-in module: imports bind it without running anything; the first read runs it once."""

from __future__ import annotations

import sys
import threading

import pytest

from viewer.render.deferred_modules import DeferredModule, defer, is_deferred

PACKAGE = "legatlas_defer_demo"


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """A package whose ``heavy`` module records each time it runs (``RUNS``)."""
    package = tmp_path / PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("RUNS = []\n")
    (package / "heavy.py").write_text(
        f"import time\nfrom {PACKAGE} import RUNS\ntime.sleep(0.05)\nRUNS.append(1)\nVALUE = 42\n"
    )
    (package / "broken.py").write_text("raise RuntimeError('broken on purpose')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def test_import_binds_the_stand_in_and_the_first_read_runs_the_module_once(demo):
    defer((f"{PACKAGE}.heavy",))
    import legatlas_defer_demo
    import legatlas_defer_demo.heavy as heavy
    from legatlas_defer_demo import heavy as same

    assert legatlas_defer_demo.RUNS == []
    assert is_deferred(f"{PACKAGE}.heavy")
    assert isinstance(heavy, DeferredModule) and same is heavy
    assert heavy.VALUE == 42  # the first read runs the real module...
    assert legatlas_defer_demo.RUNS == [1]
    real = sys.modules[f"{PACKAGE}.heavy"]
    assert type(real).__name__ == "module" and real is not heavy  # ...which takes its place
    assert not is_deferred(f"{PACKAGE}.heavy")
    assert heavy.VALUE == 42 and real.VALUE == 42
    import legatlas_defer_demo.heavy  # imports after the load find the real one

    assert legatlas_defer_demo.RUNS == [1]


def test_threads_reading_at_once_run_the_module_once(demo):
    defer((f"{PACKAGE}.heavy",))
    import legatlas_defer_demo.heavy as heavy

    seen = []
    threads = [threading.Thread(target=lambda: seen.append(heavy.VALUE)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [42] * 4
    assert sys.modules[PACKAGE].RUNS == [1]


def test_a_module_that_fails_raises_where_it_is_read_and_stays_deferred(demo):
    defer((f"{PACKAGE}.broken",))
    import legatlas_defer_demo.broken as broken  # binding it runs nothing, so no error yet

    with pytest.raises(RuntimeError, match="broken on purpose"):
        broken.anything  # noqa: B018
    assert is_deferred(f"{PACKAGE}.broken")  # a later read tries again (and fails again)


def test_missing_modules_and_ones_already_imported_are_left_alone(demo):
    import legatlas_defer_demo.heavy  # noqa: F401

    defer((f"{PACKAGE}.heavy", f"{PACKAGE}.missing", "no_such_package_anywhere.module"))
    assert type(sys.modules[f"{PACKAGE}.heavy"]).__name__ == "module"
    assert f"{PACKAGE}.missing" not in sys.modules
    assert "no_such_package_anywhere.module" not in sys.modules
