"""Work done only while its tab is in front, caught up once when the tab returns (no Qt)."""

from __future__ import annotations

from viewer.gui.widgets.tab_work import TabWork


def test_work_waits_behind_and_runs_once_when_the_tab_returns():
    runs = []
    work = TabWork(lambda: runs.append(1))
    assert not work.request() and runs == [] and work.stale
    assert not work.request(), "asked twice while behind"
    work.set_shown(True)
    assert runs == [1] and not work.stale, "caught up once, not once per request"
    assert work.request() and runs == [1, 1], "in front: at once"
    work.set_shown(False)
    work.set_shown(True)
    assert runs == [1, 1], "nothing was asked for while it was behind"


def test_work_starting_in_front_runs_at_once():
    runs = []
    work = TabWork(lambda: runs.append(1), shown=True)
    assert work.request() and runs == [1]
