"""Spaced review, the progress file, teacher question sets and scene files, without Qt."""

from __future__ import annotations

import json
import os
import random
from datetime import datetime, timedelta

import pytest

from meshes.pose import Pose
from tests.cli_helpers import legatlas
from viewer.model.pins import Pin
from viewer.model.question_set import QuestionSetError, read_question_set
from viewer.model.review import Progress, load_progress, save_progress
from viewer.model.scene_file import (
    SavedCamera,
    SceneDocument,
    SceneFileError,
    read_scene_file,
    scene_of,
    shipped_tours,
    write_scene_file,
)
from viewer.model.state import AtlasState

NOW = datetime(2026, 12, 1, 18, 0)


# -- spaced review -----------------------------------------------------------------------------
def test_right_answers_climb_the_boxes_and_wrong_ones_fall_back():
    progress = Progress()
    item = progress.record("soleus", "find", True, NOW)
    assert item.box == 2 and datetime.fromisoformat(item.due) == NOW + timedelta(days=1)
    progress.record("soleus", "find", True, NOW)
    assert progress.items["soleus:find"].box == 3
    assert progress.status("soleus") == "known"
    progress.record("soleus", "find", False, NOW)
    assert progress.items["soleus:find"].box == 1
    assert progress.status("soleus") == "learning"
    assert progress.status("femur") == "new"


def test_the_next_day_favours_what_was_missed_then_what_is_due_then_new():
    progress = Progress()
    progress.record("soleus", "find", False, NOW)  # missed
    progress.record("femur", "find", True, NOW)  # due tomorrow
    progress.record("tibia", "find", True, NOW)
    progress.record("tibia", "find", True, NOW)  # due in two days
    pairs = [(s, "find") for s in ("tibia", "patella", "femur", "soleus")]
    tomorrow = NOW + timedelta(days=1, minutes=1)
    order = progress.choose(pairs, 4, tomorrow, random.Random(0))
    assert order == [("soleus", "find"), ("femur", "find"), ("patella", "find"), ("tibia", "find")]
    # The same day, the right answers are not due yet: new ones come before them.
    order = progress.choose(pairs, 2, NOW, random.Random(0))
    assert order == [("soleus", "find"), ("patella", "find")]


def test_progress_round_trips_and_a_crash_mid_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "data" / "progress.json"
    progress = Progress()
    progress.record("soleus", "name", True, NOW)
    save_progress(progress, path)
    loaded, message = load_progress(path)
    assert message == "" and loaded.items == progress.items
    before = path.read_bytes()

    progress.record("femur", "find", False, NOW)

    def crash(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)  # the disk fills while the new file is written
    with pytest.raises(OSError):
        save_progress(progress, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.json"]


@pytest.mark.parametrize(
    "content",
    [b'{"version": 1, "items": {"soleus:find": {"box": 2', b"\x00\xff\xfe", b'{"version": 9}',
     b'{"version": 1, "items": {"soleus:find": {"box": 99}}}', b"[1, 2]"],
)  # fmt: skip
def test_a_damaged_progress_file_is_set_aside_with_a_message(tmp_path, content):
    path = tmp_path / "progress.json"
    path.write_bytes(content)
    progress, message = load_progress(path)
    assert progress.items == {}
    assert "could not be read" in message and "practice starts afresh" in message
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("progress.json.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert not path.exists()
    save_progress(progress, path)  # and practice goes on
    assert json.loads(path.read_text())["version"] == 1


# -- teacher question sets ---------------------------------------------------------------------
def write(tmp_path, text, name="set.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_question_set_fixes_structures_kinds_count_and_time(tmp_path):
    path = write(
        tmp_path,
        '[practice]\ntitle = "Week 3"\nstructures = ["hamstrings", "soleus"]\n'
        'kinds = ["find", "fact"]\nquestions = 6\ntime_limit_minutes = 5\nseed = 7\n',
    )
    spec = read_question_set(path)
    assert spec.structure_ids() == ("biceps_femoris", "semitendinosus", "semimembranosus", "soleus")
    assert spec.kinds == ["find", "fact"] and spec.questions == 6
    assert spec.time_limit_s == 300.0 and spec.seed == 7


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[practice]\nkinds = ["find", "essay"]\n', "practice.kinds[1]: Input should be 'find'"),
        ('[practice]\nstructures = ["solues"]\n', "practice.structures[0]: Input should be"),
        ("[practice]\nquestions = 0\n", "practice.questions: Input should be greater than"),
        ("[practice]\ntime_limit = 3\n", "practice.time_limit: unknown field"),
        ("[quiz]\n", "practice: required field is missing"),
        ("[practice\n", "TOML syntax error"),
    ],
)
def test_a_broken_question_set_names_file_and_field(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(QuestionSetError) as error:
        read_question_set(path)
    assert str(error.value).startswith(f"{path}")  # "path: field" or "path, line 1, ..."
    assert expected in str(error.value)


def test_a_missing_question_set_is_one_line(tmp_path):
    with pytest.raises(QuestionSetError, match="cannot be read"):
        read_question_set(tmp_path / "nope.toml")


# -- scene files -------------------------------------------------------------------------------
def a_scene_state() -> AtlasState:
    state = AtlasState(labels=True, colour_mode="stretch", pose=Pose(30, 60, -10), view="medial")
    state.world = "seated_leg_curl"
    state.set_layer_visible("skin", False)
    state.set_layer_opacity("superficial", 0.4)
    state.hide("femur")
    state.select("gastrocnemius", "gastrocnemius.medial_head")
    return state


def test_a_scene_round_trips_through_its_file(tmp_path):
    state = a_scene_state()
    camera = SavedCamera((10.0, -900.0, -300.0), (5.0, 0.0, -400.0), (0.0, 0.0, 1.0), 28.0)
    pins = [Pin(part="soleus", position=(1.5, 30.25, -600.0), note='Soléus: "deep" calf')]
    document = SceneDocument("Calf", scene_of(state, camera, pins))
    path = write_scene_file(tmp_path / "calf.legatlas", document)
    loaded = read_scene_file(path)
    assert loaded.warnings == [] and loaded.title == "Calf"
    assert loaded.scene.camera == camera and loaded.scene.pins == tuple(pins)
    fresh = AtlasState()
    loaded.scene.apply_to(fresh)
    names = ("view", "layers_visible", "hidden", "selection", "pose", "colour_mode", "labels")
    for name in (*names, "world"):
        assert getattr(fresh, name) == getattr(state, name), name
    assert fresh.opacity_of_layer("superficial") == 0.4


def test_bad_fields_are_named_and_the_rest_still_loads(tmp_path):
    path = write(
        tmp_path,
        'format = 1\nmood = "happy"\n[scene]\nview = "sideways"\nhidden = ["femur", "spleen"]\n'
        'labels = "yes"\npose = { knee_flexion = 400 }\ncolour_mode = "anatomy"\n'
        'opacity = { skin = 3, bones = 0.5 }\nselection = "soleus"\nworld = "Wall stretch!"\n'
        '[[scene.pins]]\npart = "heart"\nposition = [0, 0, 0]\n'
        '[[scene.pins]]\npart = "tibia"\nposition = [1, 2, 3]\nnote = "shin"\n',
        "broken.legatlas",
    )
    document = read_scene_file(path)
    text = "\n".join(document.warnings)
    for expected in (
        "mood: unknown field",
        "scene.view: unknown view 'sideways'; valid: posterior",
        "scene.hidden: unknown ids ['spleen']",
        "scene.labels: must be true or false",
        "scene.pose: knee_flexion = 400",
        "scene.opacity.skin: opacity must be a number 0..1",
        "scene.pins[0].part: Value error, unknown part 'heart'",
        "scene.world: must be an exercise, stretch or test id",
    ):
        assert expected in text, expected
    assert all(line.startswith(f"{path}: ") for line in document.warnings)
    state = AtlasState()
    document.scene.apply_to(state)
    assert state.hidden == frozenset({"femur"}) and state.selected == "soleus"
    assert state.opacity_of_layer("bones") == 0.5 and state.view == "posterior"
    assert [pin.note for pin in document.scene.pins] == ["shin"]


def test_tour_steps_inherit_from_the_step_before(tmp_path):
    path = write(
        tmp_path,
        '[scene]\nview = "posterior"\nlabels = true\n'
        '[[step]]\ntext = "One"\nselection = "hamstrings"\n'
        '[[step]]\ntext = "Two"\nhidden = ["skin"]\n',
        "tour.legatlas",
    )
    document = read_scene_file(path)
    assert document.is_tour and [s.text for s in document.steps] == ["One", "Two"]
    second = AtlasState()
    document.steps[1].apply_to(second)
    assert second.selected == "hamstrings" and second.labels and second.hidden == {"skin"}


def test_a_file_that_is_not_toml_fails_as_a_whole(tmp_path):
    path = write(tmp_path, "[scene\n", "bad.legatlas")
    with pytest.raises(SceneFileError, match="TOML syntax error"):
        read_scene_file(path)
    with pytest.raises(SceneFileError, match="cannot be read"):
        read_scene_file(tmp_path / "missing.legatlas")


# -- the command line --------------------------------------------------------------------------
def test_a_broken_question_set_on_the_command_line_is_one_line(tmp_path):
    path = write(tmp_path, '[practice]\nkinds = ["essay"]\n')
    result = legatlas("--practice", str(path))
    assert result.returncode == 1
    assert result.stderr.strip().startswith(f"legatlas: {path}: practice.kinds[0]:")
    assert "Traceback" not in result.stderr


# -- the tours that ship -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "title", ["The hamstrings", "Gastrocnemius versus soleus", "The popliteal fossa"]
)
def test_the_shipped_tours_load_cleanly(title):
    tours = dict(shipped_tours())
    document = read_scene_file(tours[title])
    assert document.warnings == []
    assert len(document.steps) >= 5 and all(len(step.text) > 40 for step in document.steps)
    for step in document.steps:
        AtlasState().model_validate(AtlasState(**step.state).model_dump())  # every value valid


def test_the_calf_tour_shows_both_calf_stretches(catalogue):
    tours = dict(shipped_tours())
    poses = [
        step.state["pose"] for step in read_scene_file(tours["Gastrocnemius versus soleus"]).steps
    ]
    for stretch_id in ("wall_calf_stretch", "bent_knee_calf_stretch"):
        assert catalogue.stretches[stretch_id].pose.to_pose() in poses


def test_scene_files_on_the_command_line(tmp_path):
    result = legatlas(str(tmp_path / "nope.legatlas"))
    assert result.returncode == 2 and "scene file not found" in result.stderr
    broken = write(tmp_path, "[scene\n", "broken.legatlas")
    out = tmp_path / "out.png"
    result = legatlas("screenshot", "--scene", str(broken), str(out))
    assert (
        result.returncode == 1 and f"{broken}" in result.stderr and "TOML syntax" in result.stderr
    )
    assert not out.exists()
    odd = write(tmp_path, '[scene]\nselection = "soleus"\nlabels = "yes"\n', "odd.legatlas")
    result = legatlas("screenshot", "--scene", str(odd), "--size", "200x300", str(out))
    assert result.returncode == 0, result.stderr
    assert f"warning: {odd}: scene.labels: must be true or false" in result.stderr
    assert out.exists()


def test_the_hamstring_tour_shows_the_bottom_of_a_romanian_deadlift(catalogue):
    tours = dict(shipped_tours())
    poses = [step.state["pose"] for step in read_scene_file(tours["The hamstrings"]).steps]
    assert catalogue.exercises["romanian_deadlift"].end.to_pose() in poses
