"""Practice without Qt: questions from the cards, answer matching, sessions, results CSV."""

from __future__ import annotations

import csv
import io
import random
from datetime import datetime

import pytest

from meshes.lengths import length_changes_percent
from meshes.parts import PART_BY_ID
from viewer.model.answers import edit_distance, match_name, normalise
from viewer.model.practice import build_session, check_typed_name
from viewer.model.questions import (
    FACTS,
    KINDS,
    NOT_MOVEMENT_ANSWERS,
    fact_question,
    find_question,
    make_question,
    movement_question,
    name_question,
    names_table,
    pickable_structures,
    postures,
    same_meaning,
)
from viewer.model.review import Progress

NOW = datetime(2026, 12, 1, 18, 0)


def test_normalise_forgives_case_accents_and_filler_words():
    assert normalise("  Gastrocnémius ") == "gastrocnemius"
    assert normalise("musculus SOLEUS") == "soleus"
    assert normalise("Soleus muscle") == "soleus"
    assert normalise("Biceps-femoris!") == "biceps femoris"


def test_edit_distance_counts_a_swap_as_one_slip():
    assert edit_distance("soleus", "soelus") == 1
    assert edit_distance("semitendinosus", "semimembranosus") > 3


def test_typed_names_forgive_small_typos_but_never_become_another_muscle(catalogue):
    names = names_table(catalogue)
    assert match_name("semitendinosis", names) == "semitendinosus"
    assert match_name("Gastrocnemious", names) == "gastrocnemius"
    assert match_name("achilles tendon", names) == "calcaneal_tendon"
    assert match_name("tendo calcaneus", names) == "calcaneal_tendon"
    assert match_name("musculus soleus", names) == "soleus"
    assert match_name("semimembranosus", names) == "semimembranosus"
    # A synonym two muscles share names neither.
    assert match_name("calf muscle", names) is None
    assert match_name("xyz", names) is None
    assert match_name("", names) is None


def test_a_name_question_accepts_latin_and_synonyms(catalogue):
    question = name_question(catalogue, "calcaneal_tendon", random.Random(0))
    assert check_typed_name(question, "Achilles tendon")[0]
    assert check_typed_name(question, "calcaneal tendn")[0]
    right, read_as = check_typed_name(question, "calcaneus")
    assert not right and read_as == "calcaneus"


@pytest.mark.parametrize("structure", pickable_structures())
def test_multiple_choice_never_has_two_right_answers(catalogue, structure):
    """Every fact question of every structure: one choice is the card's; no other says the same."""
    card = catalogue.card(structure)
    for topic, (_, answers_of) in FACTS.items():
        for seed in range(5):
            question = fact_question(catalogue, structure, random.Random(seed), topic)
            if question is None:
                continue
            rights = answers_of(card)
            assert question.answer in question.choices
            assert len(set(question.choices)) == len(question.choices) >= 3
            wrong = [choice for choice in question.choices if choice != question.answer]
            assert not any(choice in rights for choice in wrong), (topic, structure)
            if topic in ("origin", "insertion", "nerve"):
                assert not any(same_meaning(choice, right) for choice in wrong for right in rights)


def test_distractors_come_from_other_cards_answers_to_the_same_question(catalogue):
    question = fact_question(catalogue, "soleus", random.Random(1), "insertion")
    others = {catalogue.card(s).insertion for s in pickable_structures() if s != "soleus"}
    assert set(question.choices) - {question.answer} <= others
    # The gastrocnemius inserts by the same tendon: never offered as a wrong choice.
    assert catalogue.card("gastrocnemius").insertion not in question.choices


def test_action_questions_never_offer_another_of_the_muscles_own_actions(catalogue):
    for seed in range(20):
        question = fact_question(catalogue, "semitendinosus", random.Random(seed), "action")
        own = {"Flexion at the knee joint", "Extension at the hip joint"}
        own.add("Medial rotation at the knee joint")
        assert len(own & set(question.choices)) == 1


def test_movement_answers_come_from_the_models_lengths(catalogue):
    made = 0
    for structure in pickable_structures():
        for seed in range(4):
            question = movement_question(catalogue, structure, random.Random(seed))
            if question is None:
                continue
            made += 1
            # The question asks for a muscle, never popliteus (its modelled length is an artefact).
            changes = {
                part: value
                for part, value in length_changes_percent(question.pose).items()
                if PART_BY_ID[part].kind == "muscle" and part not in NOT_MOVEMENT_ANSWERS
            }
            by_name = {catalogue.display_name(part): value for part, value in changes.items()}
            sign = 1 if question.topic == "lengthens" else -1
            best = max(by_name, key=lambda name: sign * by_name[name])
            assert question.answer == best
            assert question.structure != "popliteus"
            assert PART_BY_ID[next(p for p in changes if catalogue.display_name(p) == best)]
            for choice in question.choices:
                if choice != question.answer:
                    assert sign * (by_name[best] - by_name[choice]) >= 2.0
    assert made >= 3
    assert len(postures(catalogue)) >= len(catalogue.stretches)


def test_every_structure_gets_a_find_and_a_name_question(catalogue):
    for structure in pickable_structures():
        assert find_question(catalogue, structure).is_right(
            next(p for p in PART_BY_ID if PART_BY_ID[p].structure == structure)
        )
        question = make_question(catalogue, structure, "name", random.Random(0))
        assert question.answer in question.choices and len(question.choices) == 4


def test_unknown_kind_is_refused(catalogue):
    with pytest.raises(ValueError, match="valid: find, name, fact, movement"):
        make_question(catalogue, "soleus", "essay", random.Random(0))


def test_a_session_has_the_asked_number_of_questions_of_the_allowed_kinds(catalogue):
    session = build_session(catalogue, Progress(), NOW, count=10, rng=random.Random(2))
    assert len(session.questions) == 10
    assert {q.kind for q in session.questions} <= set(KINDS)
    assert len({(q.kind, q.structure, q.prompt) for q in session.questions}) == 10
    small = build_session(
        catalogue,
        Progress(),
        NOW,
        count=4,
        structures=("soleus", "calcaneal_tendon"),
        kinds=("fact",),
        rng=random.Random(0),
    )
    # The tendon has no fact other cards can be wrong about; it falls back to no other kind
    # than those allowed, so soleus facts fill the session.
    assert len(small.questions) == 4
    assert {q.kind for q in small.questions} == {"fact"}


def test_marking_attempts_score_summary_and_csv(catalogue, tmp_path):
    session = build_session(
        catalogue, Progress(), NOW, count=2, structures=("soleus",), kinds=("find", "fact")
    )
    assert [q.kind for q in session.questions] == ["find", "fact"] or [
        q.kind for q in session.questions
    ] == ["fact", "find"]
    if session.current.kind == "fact":
        session.answer("not it", False, 4.0)
        session.next()
    feedback = session.answer("gastrocnemius.medial_head", False, 2.0, "Gastrocnemius")
    assert not feedback.finished and "Try once more" in feedback.message
    feedback = session.answer("soleus", True, 1.5, "Soleus")
    assert feedback.correct and feedback.finished
    if session.next() is not None:
        session.answer("not it", False, 4.0)
    assert session.score == 1 and session.summary().startswith("1 of 2 right.")
    rows = list(csv.DictReader(io.StringIO(session.results_csv())))
    assert list(rows[0]) == [
        "question", "answer_given", "right_answer", "correct", "seconds", "attempts"
    ]  # fmt: skip
    find_row = next(row for row in rows if row["question"].startswith("Click"))
    assert find_row["answer_given"] == "Gastrocnemius | Soleus"
    assert find_row["attempts"] == "2" and find_row["correct"] == "yes"
    assert find_row["seconds"] == "3.5"
    fact_row = next(row for row in rows if not row["question"].startswith("Click"))
    assert fact_row["correct"] == "no" and fact_row["answer_given"] == "not it"
    progress = Progress()
    for index in range(len(session.questions)):
        session.file_result(index, progress, NOW)
    # Right only at the second try is filed as missed, so it comes back first.
    assert progress.items["soleus:find"].last_wrong
    path = session.write_results(tmp_path / "results.csv")
    assert path.read_text(encoding="utf-8") == session.results_csv()


def test_results_to_a_missing_folder_fail_and_leave_nothing(catalogue, tmp_path):
    session = build_session(catalogue, Progress(), NOW, count=1)
    with pytest.raises(OSError):
        session.write_results(tmp_path / "no-such-folder" / "results.csv")
    assert not (tmp_path / "no-such-folder").exists()
