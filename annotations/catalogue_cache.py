"""The validated catalogue kept on disk, so a start with unchanged cards skips validation.

Reading and validating every card costs about a tenth of a second, and
building the pydantic validators for it as much again; both are the same on
every start until a data file or the code changes. The finished ``Catalogue``
is pickled in the user's cache folder (``LEGATLAS_CACHE`` overrides it, as for
the mesh cache), one file per list of card folders, together with a key
that hashes the bytes and names of every data file read (built-in and the
teacher's folders), the source of every ``annotations`` module and of the
``meshes`` modules the checks use, and the Python and pydantic versions. So
any edit to a data file gives a new key and the files are validated again,
with the usual error naming file and field when one is broken; a stale file is
never read, and an unreadable or corrupt one is ignored and rebuilt. Only a
catalogue that passed validation is ever written. The cache folder belongs to
the same user as the code, so unpickling it trusts nothing the user could not
already change.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import platformdirs
import pydantic

from annotations.catalogue import Catalogue
from annotations.loader import DATA_DIR, load_annotations

CACHE_ENVIRONMENT_VARIABLE = "LEGATLAS_CACHE"
FILE_PREFIX = "catalogue-"
FILE_SUFFIX = ".pickle"


def cache_folder() -> Path:
    """The same folder as the mesh cache (not imported from there: that pulls in numpy)."""
    return Path(
        os.environ.get(CACHE_ENVIRONMENT_VARIABLE) or platformdirs.user_cache_dir("legatlas")
    )


#: The ``meshes`` modules the loader's checks read (ids, kinds, groups, pose ranges).
MESH_SOURCES = ("__init__.py", "parts.py", "palette.py", "pose.py")


def _code_sources() -> list[Path]:
    """Every source file of ``annotations`` and the ``meshes`` modules it reads.

    A fixed list, not what happens to be imported: every command must compute
    the same key, or each would throw away the others' cache.
    """
    here = Path(__file__).resolve().parent
    meshes = here.parent / "meshes"
    return sorted(here.glob("*.py")) + [meshes / name for name in MESH_SOURCES]


def cache_key(folders: Sequence[Path]) -> str:
    """A hash of everything the validated catalogue depends on."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{pydantic.VERSION}".encode())
    for source in _code_sources():
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    for folder in folders:
        digest.update(b"\1")
        for path in sorted(folder.glob("*.toml")):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_path(folders: Sequence[Path]) -> Path:
    """One file per list of folders, so two installs or teachers' folders never evict each other."""
    names = "\0".join(str(folder.resolve()) for folder in folders)
    return (
        cache_folder()
        / f"{FILE_PREFIX}{hashlib.sha256(names.encode()).hexdigest()[:16]}{FILE_SUFFIX}"
    )


def _read(path: Path, key: str) -> Catalogue | None:
    """The stored catalogue if it was made from exactly this content and code, else None."""
    try:
        with path.open("rb") as stream:
            stored_key, catalogue = pickle.load(stream)
    except Exception:  # absent, partial, corrupt or from other code: validate afresh
        return None
    if stored_key != key or not isinstance(catalogue, Catalogue):
        return None  # stale: a data file or the code changed since it was written
    return catalogue


def _write(path: Path, key: str, catalogue: Catalogue) -> None:
    """Best effort and atomic: a failure leaves no file behind and the start goes on."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        with os.fdopen(handle, "wb") as stream:
            pickle.dump((key, catalogue), stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # a stale file for these folders is replaced, never kept
        temporary = None
    except (OSError, pickle.PicklingError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def load_cached_annotations(extra_dirs: Sequence[str | Path] = ()) -> Catalogue:
    """``load_annotations(extra_dirs)``, from the cache when nothing it depends on changed.

    Errors are those of ``load_annotations``: a missing folder or a broken file
    is reported the same way, and nothing is cached for it.
    """
    folders = [DATA_DIR, *map(Path, extra_dirs)]
    if not all(folder.is_dir() for folder in folders):
        return load_annotations(extra_dirs)  # which names the missing folder
    try:
        path, key = cache_path(folders), cache_key(folders)
    except OSError:  # a source not on disk (a frozen build) or a file unreadable:
        return load_annotations(extra_dirs)  # validate every time; its errors name the file
    catalogue = _read(path, key)
    if catalogue is None:
        catalogue = load_annotations(extra_dirs)
        _write(path, key, catalogue)
    return catalogue
