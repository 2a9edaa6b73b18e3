"""Work a widget does only while its tab is in front, caught up when the tab returns.

Qt counts a widget on a tab behind another as visible, so ``isVisible`` cannot
tell whether the pose table, the exercise details or the length curves can be
seen; the window says, through ``set_shown``. Work asked for while the tab is
behind (a slider step, a selection) is remembered and done once when it comes
to the front: the three jobs cost tens to hundreds of milliseconds and need
the muscle paths, which the window's start does without.
"""

from __future__ import annotations

from collections.abc import Callable


class TabWork:
    """``request()`` runs ``work`` now if the tab is in front, else once when it returns."""

    def __init__(self, work: Callable[[], None], shown: bool = False) -> None:
        self._work = work
        self.shown = shown
        self.stale = True  # asked for (or never done) while the tab was behind

    def set_shown(self, shown: bool) -> None:
        """The tab came to the front (True) or went behind another."""
        self.shown = shown
        if shown and self.stale:
            self.request()

    def request(self) -> bool:
        """Do the work if it can be seen; returns whether it ran."""
        self.stale = not self.shown
        if self.stale:
            return False
        self._work()
        return True
