"""Mesh export: every format, the manifest (joints, lines of action), refusals, and the CLI."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
import pyvista as pv

from meshes import PART_BY_ID, PARTS, Pose, build_leg, path_lengths_mm
from meshes.anthropometry import ADULT
from meshes.export import EXPORT_FORMATS, MeshExportError, export_leg
from meshes.landmarks import landmark_positions
from meshes.muscles import MUSCLES, path_length_mm
from tests.cli_helpers import legatlas

PATH_KINDS = ("muscle", "tendon", "nerve", "vessel")


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
    assert len(entry.pop("path")) >= 2
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
        (("--knee-flexion", "200"), "--knee-flexion 200 is out of range; use 0..140 degrees"),
        (("--hip-flexion", "-31"), "--hip-flexion -31 is out of range"),
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


# --- the public description: joint centres and lines of action, through the CLI --------------

KNEE_90 = Pose(knee_flexion=90)


def _polyline_length(points: np.ndarray) -> float:
    return float(np.linalg.norm(np.diff(points, axis=0), axis=1).sum())


def _surface_distance(mesh: pv.PolyData, point: np.ndarray) -> float:
    _, closest = mesh.find_closest_cell(point, return_closest_point=True)
    return float(np.linalg.norm(closest - point))


def _shared_tail(path: np.ndarray, other: np.ndarray) -> int:
    """How many of ``path``'s last points are ``other``'s last points (its first never counts)."""
    shared = 0
    while shared < min(len(path), len(other)) - 1 and np.allclose(
        path[-1 - shared], other[-1 - shared], atol=0.1
    ):
        shared += 1
    return shared


@pytest.fixture(scope="module")
def knee_90_export(tmp_path_factory):
    """``legatlas export-meshes DIR --knee-flexion 90``: the manifest and the exported meshes."""
    out = tmp_path_factory.mktemp("knee90") / "out"
    result = legatlas("export-meshes", str(out), "--knee-flexion", "90")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    meshes = {entry["id"]: pv.read(out / entry["file"]) for entry in manifest["parts"]}
    return manifest, meshes


def test_manifest_joints_are_the_joint_centres_of_the_exported_pose(knee_90_export):
    manifest, _ = knee_90_export
    assert manifest["pose"]["knee_flexion"] == 90
    joints = manifest["joints"]
    assert sorted(joints) == ["ankle", "hip", "knee"]
    for centre in joints.values():
        assert len(centre) == 3 and all(isinstance(value, float) for value in centre)
    hip, knee, ankle = (np.array(joints[name]) for name in ("hip", "knee", "ankle"))
    assert np.array_equal(hip, [0.0, 0.0, 0.0])
    assert np.linalg.norm(knee - hip) == pytest.approx(ADULT.femur_length_mm, abs=0.5)
    assert np.linalg.norm(ankle - knee) == pytest.approx(ADULT.knee_to_ankle_mm, abs=0.5)
    # The knee bent 90 degrees: the shank points straight back (-Y) from the knee.
    assert ankle - knee == pytest.approx([0.0, -ADULT.knee_to_ankle_mm, 0.0], abs=0.5)


def test_every_muscle_and_tendon_has_its_line_of_action_and_nothing_else_does(knee_90_export):
    manifest, _ = knee_90_export
    entries = {entry["id"]: entry for entry in manifest["parts"]}
    for part_id, entry in entries.items():
        if PART_BY_ID[part_id].kind not in PATH_KINDS:
            assert "path" not in entry, part_id
            continue
        path = entry["path"]
        assert len(path) >= 2 and all(len(point) == 3 for point in path), part_id
        # Coordinates are rounded to 0.1 mm.
        assert all(round(value, 1) == value for point in path for value in point), part_id
    assert {part.id for part in PARTS if part.kind in PATH_KINDS} == {
        part_id for part_id, entry in entries.items() if "path" in entry
    }
    assert "path" not in entries["skin"] and "path" not in entries["femur"]


def test_each_muscle_path_is_as_long_as_the_length_the_atlas_reports(knee_90_export):
    manifest, _ = knee_90_export
    lengths = path_lengths_mm(KNEE_90)
    entries = {entry["id"]: entry for entry in manifest["parts"] if "path" in entry}
    for part_id, entry in entries.items():
        length = _polyline_length(np.array(entry["path"]))
        reported = lengths.get(part_id, path_length_mm(MUSCLES[part_id], KNEE_90))
        assert length == pytest.approx(reported, abs=0.5), part_id
    assert set(lengths) < set(entries)  # every reported length has a path; the tendon has one too


def test_the_tendon_path_runs_from_its_origin_landmark_to_the_calcaneus(knee_90_export):
    manifest, meshes = knee_90_export
    path = np.array(next(e["path"] for e in manifest["parts"] if e["id"] == "calcaneal_tendon"))
    ends = landmark_positions(("calcaneal_tendon_origin", "calcaneal_tuberosity"), KNEE_90)
    assert path[0] == pytest.approx(ends[0], abs=0.1)
    assert path[-1] == pytest.approx(ends[1], abs=0.1)
    assert _surface_distance(meshes["calcaneus"], path[-1]) < 6.0


def test_each_path_starts_and_ends_on_its_own_mesh(knee_90_export):
    """The first point is on the part's surface; so is the last, unless the path runs on
    down the calcaneal tendon (gastrocnemius, soleus): then it leaves its own mesh at the
    musculotendinous junction and its remaining points are the tendon's, to the calcaneus.
    """
    manifest, meshes = knee_90_export
    paths = {e["id"]: np.array(e["path"]) for e in manifest["parts"] if "path" in e}
    # The sciatic nerve's length runs on down the tibial nerve, as a calf muscle's does down
    # the tendon; sartorius's starts at the spine, above its drawn part.
    tails = {"sciatic_nerve": paths["tibial_nerve"]}
    tailed = set()
    for part_id, path in paths.items():
        tail = tails.get(part_id, paths["calcaneal_tendon"])
        shared = 0 if part_id == "calcaneal_tendon" else _shared_tail(path, tail)
        if shared and part_id not in tails:
            tailed.add(part_id)
        end = path[len(path) - 1 - shared]
        start = path[len(MUSCLES[part_id].length_head)]
        mesh = meshes[part_id]
        assert _surface_distance(mesh, start) < 2.0, part_id
        assert _surface_distance(mesh, end) < 2.0, part_id
    assert tailed == {"gastrocnemius.medial_head", "gastrocnemius.lateral_head", "soleus"}
