"""Loading: clear messages for broken files, user content merged over the built-in cards."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

import annotations.loader
from annotations import AnnotationError, load_annotations, user_annotation_dirs

EXERCISE = """
[[exercise]]
id = "{id}"
name = "Single-leg calf raise"
steps = ["Rise onto the ball of one foot.", "Lower slowly."]
primary = [{primary}]
start = {{ hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 0 }}
end = {{ hip_flexion = 0, knee_flexion = {knee}, ankle_dorsiflexion = -35 }}
"""


def exercise(id="single_leg_calf_raise", primary='"gastrocnemius", "soleus"', knee=0) -> str:
    return EXERCISE.format(id=id, primary=primary, knee=knee)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(folder: Path) -> str:
    with pytest.raises(AnnotationError) as caught:
        load_annotations([folder])
    return str(caught.value)


@pytest.fixture
def builtin_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of the built-in data, used in place of the real folder."""
    folder = tmp_path / "builtin"
    shutil.copytree(annotations.loader.DATA_DIR, folder)
    monkeypatch.setattr(annotations.loader, "DATA_DIR", folder)
    return folder


# --- broken files ---------------------------------------------------------------------


def test_toml_syntax_error_names_the_file_and_line(tmp_path):
    path = write(tmp_path, "mine.toml", '[notes]\nsoleus = ["fine"]\nbroken = [\n"unclosed"\n')
    message = load_error(tmp_path)
    assert message.startswith(f"{path}, ")
    assert "line 5" in message or "end of file" in message
    assert "TOML syntax error" in message
    write(tmp_path, "mine.toml", '[notes]\nsoleus = ["fine"]\nthis is not toml\n')
    message = load_error(tmp_path)
    assert f"{path}, line 3, column" in message and "TOML syntax error" in message


def test_missing_field_names_the_dotted_path(tmp_path):
    path = write(tmp_path, "mine.toml", exercise().replace("end = {", "# end = {"))
    assert load_error(tmp_path) == f"{path}: exercise[0].end: required field is missing"


def test_wrong_type_names_the_dotted_path_and_reason(tmp_path):
    text = exercise() + "\n[[stretch]]\nid = 'x'\nname = 'X'\nsteps = ['a']\n"
    text += "hold_seconds = 'thirty'\nregion = 'calf'\nside_note = 'n'\n"
    text += "pose = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 20 }\n"
    path = write(tmp_path, "mine.toml", text)
    message = load_error(tmp_path)
    assert message.startswith(f"{path}: stretch[0].hold_seconds: ")
    assert "integer" in message and "'thirty'" in message


def test_wrong_type_inside_a_card(builtin_copy):
    path = builtin_copy / "soleus.toml"
    path.write_text(path.read_text().replace('roots = "S1, S2"', "roots = 12"))
    message = load_error(builtin_copy)
    assert message.startswith(f"{path}: card.innervation.roots: ")
    assert "string" in message


def test_unknown_field_is_an_error_not_silently_dropped(tmp_path):
    path = write(tmp_path, "mine.toml", exercise().replace("steps =", "stepz = ['x']\nsteps ="))
    assert load_error(tmp_path) == f"{path}: exercise[0].stepz: unknown field"


def test_exercise_naming_an_unknown_muscle_is_an_error(tmp_path):
    path = write(tmp_path, "mine.toml", exercise(primary='"gastrocnemius", "quadriceps"'))
    message = load_error(tmp_path)
    assert message.startswith(f"{path}: exercise[0].primary[1]: ")
    assert "'quadriceps'" in message and "'soleus'" in message


def test_angle_out_of_the_pose_range_is_an_error(tmp_path):
    path = write(tmp_path, "mine.toml", exercise(knee=170))
    message = load_error(tmp_path)
    assert message.startswith(f"{path}: exercise[0].end.knee_flexion: ")
    assert "140" in message and "170" in message


def test_not_a_number_angle_is_an_error(tmp_path):
    write(tmp_path, "mine.toml", exercise(knee="nan"))
    assert "exercise[0].end.knee_flexion" in load_error(tmp_path)


def test_duplicate_id_names_both_files(tmp_path):
    first = write(tmp_path, "a.toml", exercise())
    second = write(tmp_path, "b.toml", exercise())
    message = load_error(tmp_path)
    assert str(first) in message and str(second) in message
    assert "duplicate" in message and "'single_leg_calf_raise'" in message


def test_duplicate_id_in_one_file(tmp_path):
    path = write(tmp_path, "a.toml", exercise() + exercise())
    assert "duplicate" in load_error(tmp_path) and str(path) in load_error(tmp_path)


def test_structure_without_a_card_is_an_error(builtin_copy):
    (builtin_copy / "soleus.toml").unlink()
    message = load_error(builtin_copy)
    assert "'soleus'" in message and "no card" in message


def test_mesh_part_without_a_part_card_is_an_error(builtin_copy):
    path = builtin_copy / "biceps_femoris.toml"
    text = path.read_text()
    path.write_text(text[: text.index("[card.parts.short_head]")])
    message = load_error(builtin_copy)
    assert message.startswith(f"{path}: card.parts: ")
    assert "biceps_femoris.short_head" in message


def test_part_card_without_a_mesh_is_an_error(builtin_copy):
    path = builtin_copy / "soleus.toml"
    extra_part = "\n[card.parts.third_head]\nname = 'X'\norigin = 'Y'\nnote = 'Z'\n"
    path.write_text(path.read_text() + extra_part)
    assert load_error(builtin_copy).startswith(f"{path}: card.parts.third_head: ")


def test_card_kind_must_match_the_mesh(builtin_copy):
    path = builtin_copy / "patella.toml"
    path.write_text(path.read_text().replace('kind = "bone"', 'kind = "skin"'))
    assert load_error(builtin_copy).startswith(f"{path}: card.kind: ")


def test_card_for_an_unknown_structure_is_an_error(tmp_path):
    path = write(tmp_path, "mine.toml", "[card]\nid = 'quadriceps'\nkind = 'muscle'\n")
    assert load_error(tmp_path).startswith(f"{path}: card.id: ")


def test_note_for_an_unknown_id_is_an_error(tmp_path):
    path = write(tmp_path, "mine.toml", "[notes]\nquadriceps = ['Front of the thigh.']\n")
    assert load_error(tmp_path) == f"{path}: notes.quadriceps: unknown id 'quadriceps'"


def test_file_that_is_not_utf8_is_an_error(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_bytes(b"[notes]\nsoleus = ['\xff\xfe']\n")
    assert load_error(tmp_path).startswith(f"{path}: not UTF-8 text")


def test_missing_folder_is_an_error(tmp_path, monkeypatch):
    missing = tmp_path / "nowhere"
    with pytest.raises(AnnotationError, match="annotation folder not found"):
        load_annotations([missing])
    with pytest.raises(AnnotationError, match="--annotations"):
        user_annotation_dirs([str(missing)])
    monkeypatch.setenv("LEGATLAS_ANNOTATIONS", str(missing))
    with pytest.raises(AnnotationError, match="LEGATLAS_ANNOTATIONS"):
        user_annotation_dirs()


def test_a_broken_user_file_leaves_the_data_files_untouched(tmp_path):
    builtin = annotations.loader.DATA_DIR
    before = {path.name: path.read_bytes() for path in builtin.glob("*.toml")}
    write(tmp_path, "mine.toml", "this is not toml")
    load_error(tmp_path)
    assert {path.name: path.read_bytes() for path in builtin.glob("*.toml")} == before


# --- user content ---------------------------------------------------------------------


def test_user_exercises_stretches_and_notes_are_merged(tmp_path):
    write(
        tmp_path,
        "mine.toml",
        exercise()
        + """
        [[stretch]]
        id = "step_calf_stretch"
        name = "Calf stretch on a step"
        steps = ["Stand on a step and let the heel drop."]
        hold_seconds = 30
        targets = ["gastrocnemius", "soleus"]
        region = "calf"
        pose = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 25 }
        side_note = "The model's right leg is the one on the step."

        [notes]
        soleus = ["Our class does these on Tuesdays."]
        "gastrocnemius.medial_head" = ["The medial head is the bigger one."]
        deadlift = ["Use the hex bar in our gym."]
    """,
    )
    catalogue = load_annotations([tmp_path])
    assert "single_leg_calf_raise" in [e.id for e in catalogue.exercises_for("soleus")]
    assert "single_leg_calf_raise" in [e.id for e in catalogue.exercises_for("triceps_surae")]
    assert "step_calf_stretch" in [s.id for s in catalogue.stretches_for("gastrocnemius")]
    assert catalogue.card("soleus").notes[-1] == "Our class does these on Tuesdays."
    assert catalogue.card("gastrocnemius").notes == ["The medial head is the bigger one."]
    assert catalogue.exercises["deadlift"].notes[-1] == "Use the hex bar in our gym."
    assert "deadlift" in catalogue.exercises  # built-in content is still there
    assert catalogue.card("biceps_femoris").notes == []


def test_later_folders_replace_items_with_the_same_id(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    write(first, "a.toml", exercise())
    write(second, "b.toml", exercise().replace("Single-leg calf raise", "One-leg heel raise"))
    write(second, "c.toml", "[notes]\nsoleus = ['second']\n")
    write(first, "d.toml", "[notes]\nsoleus = ['first']\n")
    catalogue = load_annotations([first, second])
    assert catalogue.exercises["single_leg_calf_raise"].name == "One-leg heel raise"
    assert catalogue.card("soleus").notes[-2:] == ["first", "second"]


def test_environment_folders_come_before_command_line_folders(tmp_path, monkeypatch):
    folders = [tmp_path / name for name in ("env1", "env2", "cli")]
    for folder in folders:
        folder.mkdir()
    monkeypatch.setenv("LEGATLAS_ANNOTATIONS", os.pathsep.join(map(str, folders[:2])))
    assert user_annotation_dirs([str(folders[2])]) == folders
    monkeypatch.setenv("LEGATLAS_ANNOTATIONS", "")
    assert user_annotation_dirs() == []
