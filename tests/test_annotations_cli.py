"""``legatlas list`` and ``legatlas info`` as a person runs them (subprocess, no display)."""

from __future__ import annotations

import json

from meshes.parts import LAYER_TABLE, LAYERS, PARTS, STRUCTURE_IDS
from tests.cli_helpers import legatlas


def test_list_shows_every_structure_part_and_layer():
    result = legatlas("list")
    assert result.returncode == 0, result.stderr
    for part in PARTS:
        assert part.id in result.stdout
    assert "Short head of biceps femoris" in result.stdout
    assert "Calf muscles" in result.stdout
    keys = ", ".join(f"{layer.id} ({layer.key})" for layer in LAYER_TABLE)
    assert f"Layers (key in the window): {keys}" in result.stdout


def test_list_json_has_name_group_and_layer_for_every_part():
    result = legatlas("list", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [structure["id"] for structure in data["structures"]] == list(STRUCTURE_IDS)
    parts = {part["id"]: part for s in data["structures"] for part in s["parts"]}
    assert set(parts) == {part.id for part in PARTS}
    assert parts["biceps_femoris.short_head"]["layer"] == "deep"
    soleus = next(s for s in data["structures"] if s["id"] == "soleus")
    assert soleus["name"] == "Soleus" and soleus["group"] == "triceps_surae"
    assert [layer["id"] for layer in data["layers"]] == list(LAYERS)


def test_info_prints_a_readable_card():
    result = legatlas("info", "soleus")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("Soleus (musculus soleus)")
    assert "Tibial nerve (S1, S2)" in text
    assert "Seated soleus raise [seated_soleus_raise]" in text
    assert "not medical advice" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_info_for_every_muscle_and_group_card():
    for card_id in ("biceps_femoris", "semitendinosus", "semimembranosus", "gastrocnemius"):
        result = legatlas("info", card_id)
        assert result.returncode == 0 and "REFERENCES" in result.stdout, card_id
    result = legatlas("info", "triceps_surae")
    assert "Calf muscles" in result.stdout and "AT A GLANCE" in result.stdout


def test_info_json_is_the_whole_card():
    result = legatlas("info", "hamstrings", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["members"] == ["biceps_femoris", "semitendinosus", "semimembranosus"]
    assert data["comparison"][0]["common_exercises"] == ["Deadlifts", "Leg curls"]
    assert "romanian_deadlift" in [exercise["id"] for exercise in data["exercise_details"]]


def test_info_for_a_part_an_exercise_and_a_stretch():
    assert "Common fibular" in legatlas("info", "biceps_femoris.short_head").stdout
    assert "End pose: hip 0, knee 0, ankle -35" in legatlas("info", "standing_calf_raise").stdout
    assert "Region: front of thigh" in legatlas("info", "standing_quadriceps_stretch").stdout


def test_unknown_id_lists_the_valid_ids_and_exits_2():
    result = legatlas("info", "quadriceps")
    assert result.returncode == 2
    assert "unknown id 'quadriceps'" in result.stderr
    assert "soleus" in result.stderr and "hamstrings" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_user_annotations_from_the_option_and_the_environment(tmp_path):
    (tmp_path / "class.toml").write_text('[notes]\nsoleus = ["Bring a step to class."]\n')
    result = legatlas("--annotations", str(tmp_path), "info", "soleus")
    assert result.returncode == 0, result.stderr
    assert "Bring a step to class." in result.stdout
    result = legatlas("info", "soleus", env={"LEGATLAS_ANNOTATIONS": str(tmp_path)})
    assert "Bring a step to class." in result.stdout
    result = legatlas("info", "soleus", "--annotations", str(tmp_path))  # after the command
    assert "Bring a step to class." in result.stdout


def test_broken_user_annotations_give_one_line_and_exit_1(tmp_path):
    path = tmp_path / "class.toml"
    path.write_text("[notes]\nsoleus = [\n")
    result = legatlas("--annotations", str(tmp_path), "info", "soleus")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr and "TOML syntax error" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = legatlas("--annotations", str(tmp_path / "missing"), "list")
    assert result.returncode == 1 and "annotation folder not found" in result.stderr
