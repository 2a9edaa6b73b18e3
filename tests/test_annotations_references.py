"""References: every citation resolves to a followable source; broken lists name file and field;
a renamed exercise still answers to its former id."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from annotations import AnnotationError, load_annotations
from tests.cli_helpers import legatlas

SOURCE = """
[[reference]]
id = "{id}"
authors = "Lunsford BR, Perry J"
title = "The standing heel-rise test for ankle plantar flexion"
year = {year}
source = "Physical Therapy 75(8):694-698"
{link}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(folder: Path) -> str:
    with pytest.raises(AnnotationError) as caught:
        load_annotations([folder])
    return str(caught.value)


def source(id="lunsford", year=1995, link='doi = "10.1093/ptj/75.8.694"') -> str:
    return SOURCE.format(id=id, year=year, link=link)


# --- the built-in list ------------------------------------------------------------------


def test_every_card_exercise_and_stretch_cites_followable_sources(catalogue):
    for card in catalogue.cards.values():
        assert card.references, card.id
    items = [*catalogue.exercises.values(), *catalogue.stretches.values()]
    for item in [*items, *catalogue.clinical_tests.values()]:
        assert item.references, item.id
    for reference in catalogue.references():
        assert reference.link.startswith(("https://", "http://")), reference.id
        assert reference.title and reference.authors and reference.source and reference.year


def test_clinical_advice_cites_a_specific_study_or_guideline(catalogue):
    """Injury advice must not rest on textbooks and encyclopaedias alone."""
    general = {"gray42", "gray1918", "moore9"}
    for card in catalogue.cards.values():
        for injury in card.injuries:
            cited = set(injury.references) - general
            assert any(
                ref.doi or "nhs.uk" in ref.link or "statpearls" in ref.link or "NBK" in ref.source
                for ref in catalogue.cited(sorted(cited))
            ), (card.id, injury.name)


def test_unchecked_links_say_so(catalogue):
    references = catalogue.reference_list
    assert references["heiderscheit2010"].checked_text().startswith("link checked 20")
    assert references["gray42"].checked_text() == "link not yet checked"


# --- broken reference lists -------------------------------------------------------------


def test_citing_an_unknown_reference_names_the_file_and_field(tmp_path):
    text = (
        'id = "single_calf"\nname = "Calf raise"\nsteps = ["Rise."]\nprimary = ["soleus"]\n'
        "start = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 0 }\n"
        "end = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = -30 }\n"
        'references = ["heiderscheit2010", "nobody2031"]\n'
    )
    path = write(tmp_path, "mine.toml", "[[exercise]]\n" + text)
    message = load_error(tmp_path)
    assert str(path) in message
    assert "exercise 'single_calf': references[1]" in message
    assert "unknown reference id 'nobody2031'" in message


def test_a_reference_without_url_or_doi_is_an_error(tmp_path):
    path = write(tmp_path, "references.toml", source(link='pmid = "7644573"'))
    message = load_error(tmp_path)
    assert str(path) in message and "reference[0]" in message
    assert "needs a url or a doi" in message


def test_a_malformed_doi_or_year_names_the_field(tmp_path):
    write(tmp_path, "references.toml", source(link='doi = "ptj/75.8.694"'))
    assert "reference[0].doi" in load_error(tmp_path)
    write(tmp_path, "references.toml", source(year=95))
    assert "reference[0].year" in load_error(tmp_path)


def test_a_duplicate_reference_id_in_one_folder_is_an_error(tmp_path):
    write(tmp_path, "references.toml", source() + source())
    assert "reference id 'lunsford' is a duplicate" in load_error(tmp_path)


def test_a_syntax_error_in_the_reference_list_names_the_line(tmp_path):
    write(tmp_path, "references.toml", source() + "\nyear = = 3\n")
    message = load_error(tmp_path)
    assert "references.toml, line" in message and "TOML syntax error" in message


def test_a_teachers_folder_can_add_and_cite_its_own_sources(tmp_path):
    write(tmp_path, "references.toml", source())
    write(
        tmp_path,
        "notes.toml",
        '[[stretch]]\nid = "step_stretch"\nname = "Step stretch"\nsteps = ["Drop the heel."]\n'
        'hold_seconds = 30\ntargets = ["soleus"]\nregion = "calf"\nreferences = ["lunsford"]\n'
        'side_note = "Right leg on the step."\n'
        "pose = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 25 }\n",
    )
    catalogue = load_annotations([tmp_path])
    cited = catalogue.cited(catalogue.stretches["step_stretch"].references)
    assert cited[0].link == "https://doi.org/10.1093/ptj/75.8.694"
    assert "lunsford" in [reference.id for reference in catalogue.references()]


# --- the renamed Romanian deadlift ------------------------------------------------------


def test_the_former_deadlift_id_still_finds_the_romanian_deadlift(catalogue):
    assert catalogue.exercises["deadlift"].id == "romanian_deadlift"
    assert "deadlift" in catalogue.exercises
    assert "deadlift" not in list(catalogue.exercises)  # listed once, under its new id
    assert catalogue.resolve("deadlift") == "romanian_deadlift"


def test_a_teachers_override_under_the_former_id_replaces_the_romanian_deadlift(tmp_path):
    write(
        tmp_path,
        "mine.toml",
        '[[exercise]]\nid = "deadlift"\nname = "Stiff-leg deadlift"\nsteps = ["Hinge."]\n'
        'primary = ["semitendinosus"]\n'
        "start = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 0 }\n"
        "end = { hip_flexion = 80, knee_flexion = 5, ankle_dorsiflexion = 0 }\n"
        '[notes]\ndeadlift = ["Our gym uses a hex bar."]\n',
    )
    catalogue = load_annotations([tmp_path])
    item = catalogue.exercises["romanian_deadlift"]
    assert item.name == "Stiff-leg deadlift" and item.notes == ["Our gym uses a hex bar."]
    assert "deadlift" in item.former_ids
    assert [e.id for e in catalogue.exercises.values()].count("romanian_deadlift") == 1


def test_info_accepts_the_former_id_and_prints_linked_references():
    result = legatlas("info", "deadlift")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Romanian deadlift (exercise)")
    assert "https://" in result.stdout and "REFERENCES" in result.stdout


# --- clinical tests and exercises with unmodelled prime movers ---------------------------


def test_a_clinical_test_naming_an_unknown_structure_names_the_field(tmp_path):
    write(
        tmp_path,
        "tests.toml",
        '[[clinical_test]]\nid = "drawer"\nname = "Drawer test"\nstructures = ["acl"]\n'
        'summary = "Pull the shin forward."\nsteps = ["Pull."]\nnormal = ["Firm stop."]\n'
        'abnormal = ["Soft end."]\nreferences = ["gray42"]\n',
    )
    message = load_error(tmp_path)
    assert "tests.toml: clinical_test[0].structures[0]" in message and "'acl'" in message


def test_an_exercise_with_no_modelled_muscle_at_all_is_refused(tmp_path):
    write(
        tmp_path,
        "mine.toml",
        '[[exercise]]\nid = "squat"\nname = "Squat"\nsteps = ["Sit back."]\n'
        "start = { hip_flexion = 0, knee_flexion = 0, ankle_dorsiflexion = 0 }\n"
        "end = { hip_flexion = 90, knee_flexion = 90, ankle_dorsiflexion = 20 }\n",
    )
    message = load_error(tmp_path)
    assert "mine.toml: exercise[0]" in message
    assert "needs a primary or a secondary muscle" in message


def test_a_clinical_test_in_a_teachers_folder_is_shown_and_found(tmp_path):
    write(
        tmp_path,
        "tests.toml",
        '[[clinical_test]]\nid = "heel_walk"\nname = "Heel walking"\n'
        'structures = ["triceps_surae"]\nsummary = "Walk on the heels."\nsteps = ["Walk."]\n'
        'normal = ["Easy."]\nabnormal = ["Foot slaps."]\nreferences = ["gray42"]\n',
    )
    catalogue = load_annotations([tmp_path])
    assert "heel_walk" in [test.id for test in catalogue.tests_for("soleus")]
    assert catalogue.search("heel walking") == ["triceps_surae"]
