"""Modules pyvista imports but the 3D view does not use at start: run on first use.

``pyvista.plotting`` imports ``matplotlib.pyplot`` at import time (in its
``colors`` and ``charts`` modules) only to keep a reference to it: pyplot is
read later by pyvista's matplotlib charts and its "matplotlib" colour cycler,
neither of which the atlas uses. Executing pyplot pulls in matplotlib's
figure, axes, image and 3D axes modules: about 0.1-0.2 s of the 3D view's
start and some 15 MB that stay resident. Our own plot (the length curves)
uses ``matplotlib.figure`` and its Qt canvas, not pyplot.

``defer(name)`` puts a stand-in module in ``sys.modules``: ``import`` finds
it and binds it without running anything, and the first attribute read on it
imports the real module (putting that in ``sys.modules``) and answers from
it, so every caller sees the real module's behaviour, just later.

The standard library's ``importlib.util.LazyLoader`` cannot do this: its
modules load as soon as any attribute is read, and every ``import`` statement
reads ``__spec__`` of a module already in ``sys.modules``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types

#: Imported by ``pyvista.plotting`` and not needed for the atlas's first frame.
UNUSED_BY_PYVISTA_AT_START = ("matplotlib.pyplot",)

# One lock for all stand-ins: the worker that builds the 3D view and the Qt thread may
# both touch one; the real import must run once. Re-entrant, as that import may read it.
_LOCK = threading.RLock()


class DeferredModule(types.ModuleType):
    """Stands for a module in ``sys.modules`` until one of its attributes is read."""

    def __init__(self, spec) -> None:
        super().__init__(spec.name)
        self.__spec__ = spec
        self.__loader__ = spec.loader
        self.__file__ = spec.origin
        self.__package__ = spec.parent
        self._deferred_real: types.ModuleType | None = None

    @property
    def deferred_loaded(self) -> bool:
        """Whether the real module has been imported (run) yet."""
        return self._deferred_real is not None

    def __getattr__(self, attribute: str):
        # Called only for what the stand-in itself lacks: everything of the real module.
        if attribute == "__path__":  # not a package: the import system asks, nothing else
            raise AttributeError(attribute)
        return getattr(self.load(), attribute)

    def load(self) -> types.ModuleType:
        """Import the real module once (it replaces the stand-in in ``sys.modules``)."""
        with _LOCK:
            if self._deferred_real is None:
                name = self.__name__
                if sys.modules.get(name) is self:
                    del sys.modules[name]
                try:
                    real = importlib.import_module(name)
                except BaseException:
                    sys.modules.setdefault(name, self)
                    raise
                self._deferred_real = real
            return self._deferred_real


def defer(names: tuple[str, ...] = UNUSED_BY_PYVISTA_AT_START) -> None:
    """Put a stand-in in ``sys.modules`` for each module not imported yet."""
    with _LOCK:
        for name in names:
            if name in sys.modules:
                continue
            try:
                spec = importlib.util.find_spec(name)  # imports the parent package
            except ImportError:
                spec = None
            if spec is None:
                continue  # not installed: leave the import to fail where it is made
            sys.modules[name] = DeferredModule(spec)


def is_deferred(name: str) -> bool:
    """Whether ``name`` is still a stand-in whose real module has not run."""
    module = sys.modules.get(name)
    return isinstance(module, DeferredModule) and not module.deferred_loaded
