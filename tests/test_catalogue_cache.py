"""The validated catalogue on disk: the same cards, never stale, never trusted when corrupt."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from annotations import AnnotationError, catalogue_cache, load_annotations
from annotations.catalogue_cache import cache_key, cache_path, load_cached_annotations
from annotations.loader import DATA_DIR


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("LEGATLAS_CACHE", str(folder))
    return folder


@pytest.fixture
def teacher(tmp_path):
    folder = tmp_path / "teacher"
    folder.mkdir()
    (folder / "mine.toml").write_text("[notes]\nsoleus = ['First note.']\n", encoding="utf-8")
    return folder


def cached_files(cache_dir):
    return sorted(cache_dir.glob("catalogue-*.pickle"))


def test_the_cached_catalogue_is_the_validated_one(cache_dir, teacher):
    fresh = load_annotations([teacher])
    first = load_cached_annotations([teacher])  # validates and writes
    again = load_cached_annotations([teacher])  # reads the file
    assert len(cached_files(cache_dir)) == 1
    for catalogue in (first, again):
        assert vars(catalogue).keys() == vars(fresh).keys()
        for name, value in vars(fresh).items():
            assert getattr(catalogue, name) == value, name
    assert again.exercises["deadlift"].id == "romanian_deadlift"  # aliases survive
    assert "First note." in again.cards["soleus"].notes


def test_an_unchanged_start_does_not_validate_again(cache_dir, teacher, monkeypatch):
    load_cached_annotations([teacher])

    def no_validation(*arguments):
        raise AssertionError("validated although nothing changed")

    monkeypatch.setattr(catalogue_cache, "load_annotations", no_validation)
    assert "First note." in load_cached_annotations([teacher]).cards["soleus"].notes


def test_an_edited_data_file_gives_its_new_content(cache_dir, teacher):
    load_cached_annotations([teacher])
    (teacher / "mine.toml").write_text("[notes]\nsoleus = ['Second note.']\n", encoding="utf-8")
    notes = load_cached_annotations([teacher]).cards["soleus"].notes
    assert "Second note." in notes and "First note." not in notes
    assert len(cached_files(cache_dir)) == 1  # the stale file was replaced


def test_a_new_or_removed_file_changes_the_key(cache_dir, teacher):
    before = cache_key([DATA_DIR, teacher])
    added = teacher / "more.toml"
    added.write_text("[notes]\ngastrocnemius = ['Added.']\n", encoding="utf-8")
    assert cache_key([DATA_DIR, teacher]) != before
    assert "Added." in load_cached_annotations([teacher]).cards["gastrocnemius"].notes
    added.unlink()
    assert cache_key([DATA_DIR, teacher]) == before
    assert "Added." not in load_cached_annotations([teacher]).cards["gastrocnemius"].notes


def test_other_folders_keep_their_own_file(cache_dir, teacher):
    """The built-in cards alone and with a teacher's folder do not evict each other."""
    load_cached_annotations()
    load_cached_annotations([teacher])
    assert len(cached_files(cache_dir)) == 2
    assert cache_path([DATA_DIR]) != cache_path([DATA_DIR, teacher])
    assert "First note." not in load_cached_annotations().cards["soleus"].notes


def test_a_broken_file_still_names_file_and_field_after_a_cached_start(cache_dir, teacher):
    load_cached_annotations([teacher])
    path = teacher / "mine.toml"
    path.write_text("[notes]\nquadriceps = ['Front of the thigh.']\n", encoding="utf-8")
    with pytest.raises(AnnotationError) as caught:
        load_cached_annotations([teacher])
    assert str(caught.value) == f"{path}: notes.quadriceps: unknown id 'quadriceps'"
    assert len(cached_files(cache_dir)) == 1  # the broken content was never cached


@pytest.mark.parametrize("content", [b"", b"not a pickle at all", b"\x80\x05K\x01."])
def test_a_corrupt_cache_file_is_ignored_and_rebuilt(cache_dir, teacher, content):
    load_cached_annotations([teacher])
    [stored] = cached_files(cache_dir)
    stored.write_bytes(content)  # truncated, garbage, or a pickle of something else
    catalogue = load_cached_annotations([teacher])
    assert "First note." in catalogue.cards["soleus"].notes
    assert stored.read_bytes() != content  # written again


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch, teacher):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("LEGATLAS_CACHE", str(blocker / "cache"))
    assert "First note." in load_cached_annotations([teacher]).cards["soleus"].notes


def test_a_missing_teacher_folder_is_reported_as_before(cache_dir, tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(AnnotationError, match="annotation folder not found"):
        load_cached_annotations([missing])


def test_the_key_does_not_depend_on_what_else_is_imported(cache_dir):
    """Every command (window, screenshot, info) must find the same file, not replace it."""
    before = cache_key([DATA_DIR])
    import meshes.cache  # noqa: F401  (imported here only to change sys.modules)

    assert cache_key([DATA_DIR]) == before


def test_the_command_line_sees_an_edit_and_a_broken_file_through_the_cache(cache_dir, teacher):
    """The real entry point, twice with one cache: the edit shows, then the error names the file."""
    command = [sys.executable, "-m", "viewer", "info", "soleus", "--annotations", str(teacher)]
    environment = {**os.environ, "LEGATLAS_CACHE": str(cache_dir)}

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=120)

    assert "First note." in run().stdout
    path = teacher / "mine.toml"
    path.write_text("[notes]\nsoleus = ['Second note.']\n", encoding="utf-8")
    shown = run().stdout
    assert "Second note." in shown and "First note." not in shown
    path.write_text("[notes]\nquadriceps = ['Front of the thigh.']\n", encoding="utf-8")
    broken = run()
    assert broken.returncode == 1 and "Traceback" not in broken.stderr
    assert f"{path}: notes.quadriceps: unknown id 'quadriceps'" in broken.stderr


def test_without_its_sources_on_disk_the_cache_is_skipped(cache_dir, teacher, monkeypatch):
    """A frozen build ships bytecode only: no key can be made, so the cards are validated."""
    monkeypatch.setattr(catalogue_cache, "MESH_SOURCES", ("no_such_module.py",))
    assert "First note." in load_cached_annotations([teacher]).cards["soleus"].notes
    assert cached_files(cache_dir) == []
