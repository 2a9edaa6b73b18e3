"""The command line as a person uses it: shared options, names from the cards, lengths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotations import load_annotations
from tests.cli_helpers import legatlas

DATA = Path(__file__).parents[1] / "annotations" / "data"


def test_cli_lengths_prints_json_and_rejects_bad_angles():
    result = legatlas("lengths", "--knee-flexion", "90", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    rows = {row["id"]: row for row in payload["muscles"]}
    assert rows["semitendinosus"]["change_percent"] < 0
    assert abs(rows["soleus"]["change_percent"]) < 1
    bad = legatlas("lengths", "--ankle-dorsiflexion", "45")
    assert bad.returncode == 2
    assert "--ankle-dorsiflexion 45" in bad.stderr and "Traceback" not in bad.stderr


def test_labels_and_lists_take_their_names_from_the_cards(catalogue, tmp_path):
    assert catalogue.display_name("gastrocnemius.medial_head") == "Medial head of gastrocnemius"
    (tmp_path / "mine.toml").write_text(
        (Path(__file__).parents[1] / "annotations" / "data" / "soleus.toml")
        .read_text()
        .replace('name = "Soleus"', 'name = "Soleus muscle"', 1)
    )
    renamed = load_annotations([tmp_path])
    assert renamed.display_name("soleus") == "Soleus muscle"


def test_a_renamed_group_card_renames_the_group_in_every_column(tmp_path):
    (tmp_path / "calf.toml").write_text(
        (DATA / "triceps_surae.toml")
        .read_text()
        .replace('name = "Calf muscles"', 'name = "Calf"', 1)
    )
    result = legatlas("list", "--json", "--annotations", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    soleus = next(s for s in data["structures"] if s["id"] == "soleus")
    assert soleus["group_name"] == "Calf"
    assert next(g for g in data["groups"] if g["id"] == "triceps_surae")["name"] == "Calf"
    assert "Calf muscles" not in legatlas("list", "--annotations", str(tmp_path)).stdout


def test_repeated_hide_options_accumulate(tmp_path):
    from viewer.cli import build_parser

    parser = build_parser()
    arguments = parser.parse_args(["--hide", "skin", "--hide", "tendons", "soleus"])
    assert arguments.hide == ["skin", "tendons", "soleus"]
    shot = parser.parse_args(["screenshot", "x.png", "--hide", "skin", "--hide", "bones"])
    assert shot.hide == ["skin", "bones"]


def test_an_unknown_hide_or_select_exits_2_with_the_valid_choices():
    for arguments in (["--hide", "quadriceps"], ["--select", "quadriceps"]):
        result = legatlas(*arguments)
        assert result.returncode == 2
        assert "quadriceps" in result.stderr and "soleus" in result.stderr
        assert "Traceback" not in result.stderr


def test_cli_lengths_sweep_writes_every_muscle_along_one_joint():
    import csv
    import io

    result = legatlas("lengths", "--sweep", "knee", "--samples", "15")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][0] == "angle_deg"
    assert "semitendinosus_mm" in rows[0] and "soleus_mm" in rows[0]
    assert len(rows) == 16
    assert float(rows[1][0]) == 0.0 and float(rows[-1][0]) == 140.0
    column = rows[0].index("semitendinosus_mm")
    assert float(rows[-1][column]) < float(rows[1][column])  # knee flexion shortens it
    bad = legatlas("lengths", "--sweep", "elbow")
    assert bad.returncode == 2 and "hip" in bad.stderr and "knee" in bad.stderr


def test_the_collector_paused_for_the_start_runs_again_for_commands_and_after(monkeypatch, capsys):
    """``main`` pauses the garbage collector only while the program starts (viewer/__main__.py)."""
    import gc

    from viewer.__main__ import main
    from viewer.commands import list_info

    seen = []
    real_run = list_info.run_list

    def run_list(arguments, parser):
        seen.append(gc.isenabled())
        return real_run(arguments, parser)

    monkeypatch.setattr(list_info, "run_list", run_list)
    assert main(["list"]) == 0
    assert seen == [True], "a subcommand must run with the collector on"
    assert gc.isenabled()
    with pytest.raises(SystemExit) as exit_:  # a usage error leaves through SystemExit
        main(["--select", "quadriceps"])
    assert exit_.value.code == 2
    assert gc.isenabled()
    capsys.readouterr()
