"""Mesh export: every format, the manifest, refusals, and the export-meshes CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pyvista as pv

from meshes import PARTS, Pose, build_leg
from meshes.export import EXPORT_FORMATS, MeshExportError, export_leg

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def leg():
    return build_leg(Pose(knee_flexion=30))


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_writes_one_file_per_part_and_a_manifest(leg, tmp_path, fmt):
    written = export_leg(leg, tmp_path / "out", fmt)
    names = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert names == sorted([f"{part.id}.{fmt}" for part in PARTS] + ["manifest.json"])
    assert len(written) == len(PARTS) + 1
    soleus = pv.read(tmp_path / "out" / f"soleus.{fmt}")
    assert soleus.n_cells == leg.meshes["soleus"].n_cells
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["units"] == "mm" and manifest["pose"]["knee_flexion"] == 30
    entry = next(item for item in manifest["parts"] if item["id"] == "biceps_femoris.short_head")
    assert entry == {
        "id": "biceps_femoris.short_head",
        "structure": "biceps_femoris",
        "part": "short_head",
        "layer": "deep",
        "colour": list(entry["colour"]),
        "units": "mm",
        "file": f"biceps_femoris.short_head.{fmt}",
    }
    assert len(entry["colour"]) == 3


def test_export_refuses_a_non_empty_directory_and_keeps_its_files(leg, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(MeshExportError, match="not empty"):
        export_leg(leg, tmp_path, "stl")
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]
    export_leg(leg, tmp_path, "stl", force=True)
    assert (tmp_path / "skin.stl").exists() and (tmp_path / "notes.txt").read_text() == "keep me"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_export_to_an_unwritable_directory_is_one_clear_error(leg, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(MeshExportError) as raised:
            export_leg(leg, locked, "vtp")
        assert "\n" not in str(raised.value)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_export_into_a_file_path_is_one_clear_error(leg, tmp_path):
    target = tmp_path / "a_file"
    target.write_text("x")
    with pytest.raises(MeshExportError, match="not a directory"):
        export_leg(leg, target, "vtp")


def test_unknown_format_is_refused_before_writing(leg, tmp_path):
    with pytest.raises(MeshExportError, match="vtp, stl, obj, ply"):
        export_leg(leg, tmp_path / "out", "3ds")
    assert not (tmp_path / "out").exists()


def legatlas(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_exports_a_posed_leg(tmp_path):
    result = legatlas("export-meshes", str(tmp_path / "out"), "--format", "ply",
                      "--knee-flexion", "45", "--ankle-dorsiflexion", "-10")  # fmt: skip
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["pose"] == {
        "hip_flexion": 0.0,
        "knee_flexion": 45.0,
        "ankle_dorsiflexion": -10.0,
    }
    assert (tmp_path / "out" / "gastrocnemius.medial_head.ply").exists()


def test_cli_refuses_a_non_empty_directory_with_status_1(tmp_path):
    (tmp_path / "keep.txt").write_text("x")
    result = legatlas("export-meshes", str(tmp_path))
    assert result.returncode == 1
    assert "not empty" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert [path.name for path in tmp_path.iterdir()] == ["keep.txt"]
    assert legatlas("export-meshes", str(tmp_path), "--force").returncode == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--knee-flexion", "200"), "knee_flexion = 200.0 is outside its range 0..140"),
        (("--hip-flexion", "-31"), "hip_flexion"),
        (("--format", "3ds"), "invalid choice: '3ds' (choose from 'vtp', 'stl', 'obj', 'ply')"),
        (("--ankle-dorsiflexion", "steep"), "invalid float value"),
    ],
)
def test_cli_bad_angle_or_format_exits_2_without_writing(tmp_path, arguments, message):
    result = legatlas("export-meshes", str(tmp_path / "out"), *arguments)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_unwritable_directory_exits_1_with_one_line(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    result = legatlas("export-meshes", str(blocker / "sub"))
    assert result.returncode == 1
    assert "cannot create" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert blocker.read_text() == "x"
