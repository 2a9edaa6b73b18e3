"""A disk cache for geometry that is slow to prepare and the same on every start.

The reference bones take a few hundred milliseconds to repair and smooth,
and the skin a few hundred more to fit round every muscle and bone; neither
changes unless the code, the reference package or the resolution does. Both
are kept as ``.npz`` files in the user's cache folder (``LEGATLAS_CACHE``
overrides it), keyed by all of those, so a stale file is never read. Writing
is best effort and atomic: a failure leaves no file behind and the atlas goes
on with what it computed.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import numpy as np
import platformdirs

from meshes.reference_tree import PACKAGE

Arrays = dict[str, np.ndarray]


@lru_cache(maxsize=1)
def _code_and_data_version() -> str:
    """Every source file of ``meshes`` and the reference package's version, hashed."""
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    try:
        digest.update(importlib.metadata.version(PACKAGE).encode())
    except importlib.metadata.PackageNotFoundError:
        digest.update(b"no reference package")
    return digest.hexdigest()


def cache_folder() -> Path:
    return Path(os.environ.get("LEGATLAS_CACHE") or platformdirs.user_cache_dir("legatlas"))


def cache_path(name: str, resolution: float) -> Path:
    """The file for ``name`` at ``resolution``: one per resolution, so the view's coarse
    twins (``viewer/render/detail.py``) and its full meshes never evict each other."""
    key = f"{_code_and_data_version()}:{name}:{resolution!r}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_folder() / f"{name}-r{resolution:g}-{digest}.npz"


def read(path: Path) -> Arrays | None:
    try:
        with np.load(path) as stored:
            return {key: stored[key] for key in stored.files}
    except (OSError, ValueError, EOFError):
        return None  # absent, partial or unreadable: compute afresh


def write(path: Path, arrays: Arrays) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=".npz", dir=path.parent
        )
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, **arrays)
        os.replace(temporary, path)
        for older in _earlier_files(path):
            older.unlink(missing_ok=True)  # from earlier code: never read again
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _earlier_files(path: Path) -> list[Path]:
    """Files of the same name and resolution as ``path`` from other code, and files from
    before names held a resolution (``name-<digest>``); a name may itself hold dashes."""
    prefix, tag, _ = path.stem.rsplit("-", 2)
    earlier = []
    for older in path.parent.glob(f"{prefix}-*.npz"):
        rest = older.stem[len(prefix) + 1 :]
        same_resolution = rest.rsplit("-", 1)[0] == tag
        untagged = "-" not in rest
        if older != path and (same_resolution or untagged):
            earlier.append(older)
    return earlier


def cached(name: str, resolution: float, compute: Callable[[], Arrays]) -> Arrays:
    """``compute()``'s arrays, from the cache when a file for this code and resolution exists."""
    path = cache_path(name, resolution)
    arrays = read(path)
    if arrays is None:
        arrays = compute()
        write(path, arrays)
    return arrays
