"""The geometry cache: reused when valid, rebuilt when damaged, never left half-written."""

from __future__ import annotations

import numpy as np
import pytest

from meshes import cache


def test_a_second_call_reads_what_the_first_computed(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGATLAS_CACHE", str(tmp_path))
    calls = []

    def compute():
        calls.append(1)
        return {"values": np.arange(5.0)}

    first = cache.cached("probe", 1.0, compute)
    second = cache.cached("probe", 1.0, compute)
    assert calls == [1]
    assert np.array_equal(first["values"], second["values"])
    assert [p.name for p in tmp_path.iterdir()] == [cache.cache_path("probe", 1.0).name]


def test_a_damaged_file_is_recomputed_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGATLAS_CACHE", str(tmp_path))
    path = cache.cache_path("probe", 0.5)
    path.write_bytes(b"not a numpy archive")
    arrays = cache.cached("probe", 0.5, lambda: {"values": np.ones(3)})
    assert np.array_equal(arrays["values"], np.ones(3))
    assert np.array_equal(cache.read(path)["values"], np.ones(3))


def test_an_unwritable_folder_still_gives_the_arrays_and_leaves_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("LEGATLAS_CACHE", str(blocker / "cache"))
    arrays = cache.cached("probe", 1.0, lambda: {"values": np.zeros(2)})
    assert np.array_equal(arrays["values"], np.zeros(2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_a_file_from_earlier_code_is_removed_when_a_new_one_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGATLAS_CACHE", str(tmp_path))
    stale = tmp_path / "probe-r1-0000000000000000.npz"
    untagged = tmp_path / "probe-0000000000000000.npz"  # named before files held a resolution
    for path in (stale, untagged):
        np.savez(path, values=np.zeros(1))
    cache.cached("probe", 1.0, lambda: {"values": np.ones(1)})
    assert not stale.exists() and not untagged.exists()


@pytest.mark.parametrize("name", ["probe", "skin-fit"])
def test_two_resolutions_keep_their_own_files(tmp_path, monkeypatch, name):
    """The view's coarse twins and its full meshes are both read from disk on every start
    (also for a name with a dash in it, and beside another name that starts the same)."""
    monkeypatch.setenv("LEGATLAS_CACHE", str(tmp_path))
    cache.cached("skin", 1.0, lambda: {"values": np.ones(1)})
    cache.cached(name, 1.0, lambda: {"values": np.ones(1)})
    cache.cached(name, 0.5, lambda: {"values": np.zeros(1)})
    calls = []
    fine = cache.cached(name, 1.0, lambda: calls.append(1) or {"values": np.full(1, 7.0)})
    coarse = cache.cached(name, 0.5, lambda: calls.append(1) or {"values": np.full(1, 7.0)})
    assert calls == [] and np.array_equal(fine["values"], np.ones(1))
    assert np.array_equal(coarse["values"], np.zeros(1))
    assert cache.read(cache.cache_path("skin", 1.0)) is not None, "another name is left alone"
