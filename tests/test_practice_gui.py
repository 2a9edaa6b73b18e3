"""Practice mode on the real window: real clicks on the model, real typing and buttons."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui_helpers import click, drag, visible_point_of
from viewer.model.pins import Pin
from viewer.model.question_set import read_question_set
from viewer.model.review import load_progress


@pytest.fixture
def practising(window, tmp_path):
    """The window with its progress file in a temporary folder; returns a starter."""
    window.practice.progress_path = tmp_path / "data" / "progress.json"

    def start(text: str):
        path = tmp_path / "set.toml"
        path.write_text("[practice]\n" + text, encoding="utf-8")
        window.practice.start(read_question_set(path))
        return window.practice

    return start


def press_toolbar(qtbot, window, key: str) -> None:
    button = window.toolbar.widgetForAction(window.actions_by_key[key])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_toolbar_enters_practice_hiding_the_answers_and_leaving_restores(
    window, qtbot, tmp_path
):
    window.practice.progress_path = tmp_path / "progress.json"
    window.state.labels = True
    window.state.select("soleus")
    press_toolbar(qtbot, window, "practice")
    assert window.practice.active and window.practice.dock.isVisible()
    assert not window.dock.isVisible(), "the tree and the card would give answers away"
    assert not window.state.labels
    assert not window.actions_by_key["labels"].isEnabled()
    assert window.practice.session is not None and len(window.practice.session.questions) == 10
    qtbot.mouseClick(window.practice.panel.leave_button, Qt.MouseButton.LeftButton)
    assert not window.practice.active and window.dock.isVisible()
    assert window.state.labels and window.state.selected == "soleus"


def test_find_it_a_wrong_click_then_the_right_one(window, qtbot, practising):
    practice = practising('structures = ["soleus"]\nkinds = ["find"]\nquestions = 1\n')
    panel = practice.panel
    assert panel.prompt.text() == "Click the Soleus on the model."
    # A drag still turns the leg and answers nothing.
    drag(window.view, QPoint(300, 400), QPoint(360, 400))
    assert practice.session.results[0].attempts == 0
    window.scene.apply_view("posterior")
    window.view.render()
    click(window.view, visible_point_of(window.view, "semitendinosus"))
    assert "That is the Semitendinosus" in panel.feedback.text()
    assert window.state.selected is None, "a wrong click must not reveal the answer"
    click(window.view, visible_point_of(window.view, "soleus"))
    assert panel.feedback.text().startswith("Right: Soleus")
    assert window.state.selected == "soleus", "the answer is shown on the model"
    assert "Soleus" in panel.card.toPlainText() and panel.card.isVisible()
    result = practice.session.results[0]
    assert result.given == ["Semitendinosus", "Soleus"] and result.correct
    # Right only at the second try: spaced review brings it back first.
    progress, message = load_progress(practice.progress_path)
    assert message == "" and progress.items["soleus:find"].last_wrong


def test_two_wrong_clicks_show_the_answer(window, qtbot, practising):
    practice = practising('structures = ["semitendinosus"]\nkinds = ["find"]\nquestions = 1\n')
    for _ in range(2):
        click(window.view, visible_point_of(window.view, "gastrocnemius.medial_head"))
    assert "The answer is Semitendinosus" in practice.panel.feedback.text()
    assert window.state.selected == "semitendinosus"
    assert practice.panel.next_button.isVisible()


def test_name_it_typing_with_a_typo(window, qtbot, practising):
    practice = practising('structures = ["semimembranosus"]\nkinds = ["name"]\nquestions = 1\n')
    assert window.state.selected == "semimembranosus", "the structure to name is highlighted"
    assert not window.state.labels
    field = practice.panel.name_field
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Semimembranosis")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert practice.panel.feedback.text() == "Right: Semimembranosus."
    assert practice.session.score == 1


def test_name_it_another_muscles_name_is_wrong_and_says_whose(window, qtbot, practising):
    practice = practising('structures = ["semimembranosus"]\nkinds = ["name"]\nquestions = 1\n')
    qtbot.keyClicks(practice.panel.name_field, "semitendinosus")
    qtbot.mouseClick(practice.panel.check_button, Qt.MouseButton.LeftButton)
    assert "is the Semitendinosus" in practice.panel.feedback.text()
    assert practice.session.score == 0


def test_a_short_session_to_its_summary_and_csv(window, qtbot, practising, tmp_path):
    practice = practising(
        'title = "Calf quiz"\nstructures = ["triceps_surae"]\nkinds = ["fact", "name"]\n'
        "questions = 3\nseed = 4\n"
    )
    panel = practice.panel
    for number in range(3):
        question = practice.question
        assert panel.header.text().startswith(f"Question {number + 1} of 3")
        right = next(b for b in panel.choices if b.answer == question.answer)
        wrong = next(b for b in panel.choices if b.isVisible() and b.answer != question.answer)
        button = right if number != 1 else wrong
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert panel.next_button.isVisible()
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.kind.text() == "Session finished"
    assert panel.prompt.text().startswith("2 of 3 right.")
    assert panel.save_button.isVisible() and panel.again_button.isVisible()
    out = tmp_path / "results.csv"
    assert practice.save_results(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["correct"] for row in rows] == ["yes", "no", "yes"]
    assert all(row["attempts"] == "1" for row in rows)
    dialog = practice.show_progress()
    text = dialog.findChild(type(panel.card)).toPlainText()
    assert "Gastrocnemius" in text and "new" in text
    dialog.close()


def test_a_damaged_progress_file_is_set_aside_and_practice_goes_on(window, qtbot, tmp_path):
    path = tmp_path / "progress.json"
    path.write_bytes(b'{"version": 1, "items": {')  # cut short by a crash
    window.practice.progress_path = path
    press_toolbar(qtbot, window, "practice")
    assert "could not be read" in window.practice.panel.feedback.text()
    assert list(tmp_path.glob("progress.json.damaged-*"))
    assert window.practice.question is not None


def test_a_movement_question_poses_the_leg_and_is_marked_from_its_lengths(
    window, qtbot, practising
):
    # Biceps femoris has clear cases today: its short head is the most slack muscle in the
    # bent-knee calf stretch and at the end of a lying leg curl.
    practice = practising(
        'structures = ["biceps_femoris"]\nkinds = ["movement"]\nquestions = 1\nseed = 3\n'
    )
    question = practice.question
    assert question.kind == "movement"
    # A held stretch is played into its position; an exercise's start or end is posed at once.
    kind, motion_id = question.motion
    if kind == "stretch":
        assert window.state.motion.name == window.catalogue.stretches[motion_id].name
    qtbot.waitUntil(lambda: window.state.pose == question.pose, timeout=10_000)
    # The model shows the pose asked about (its full meshes, once the motion has come to rest).
    qtbot.waitUntil(lambda: window.scene.leg.pose == question.pose, timeout=10_000)
    assert window.state.colour_mode == "anatomy", "the stretch map would give the answer"
    right = next(b for b in practice.panel.choices if b.answer == question.answer)
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    assert practice.session.score == 1 and window.state.selected == "biceps_femoris"


def test_a_thin_tendon_counts_when_clicked_a_few_pixels_off(window, qtbot, practising):
    practice = practising('structures = ["calcaneal_tendon"]\nkinds = ["find"]\nquestions = 1\n')
    on = visible_point_of(window.view, "calcaneal_tendon")
    beside = next(
        (
            QPoint(on.x() + dx, on.y())
            for dx in (3, -3, 4, -4, 5, -5)
            if window.view.pick_part(on.x() + dx, on.y()) != "calcaneal_tendon"
        ),
        None,
    )
    assert beside is not None, "the tendon should be only a few pixels wide here"
    click(window.view, beside)
    assert practice.session.results[0].correct


def test_pins_and_tours_are_put_away_while_practising(window, qtbot, practising):
    window.scenes.pinboard.add(Pin(part="soleus", position=(0.0, -40.0, -600.0), note="Soleus"))
    practice = practising('structures = ["soleus"]\nkinds = ["find"]\nquestions = 1\n')
    assert window.scenes.pinboard.pins == (), "a pin's note would answer the question"
    assert not window.actions_by_key["add_pin"].isEnabled()
    assert not window.tours_menu.isEnabled()
    practice.leave()
    assert [pin.note for pin in window.scenes.pinboard.pins] == ["Soleus"]


def test_a_time_limit_ends_the_session_with_the_rest_counted_wrong(window, qtbot, practising):
    practice = practising(
        'structures = ["soleus", "tibia"]\nkinds = ["find"]\nquestions = 2\n'
        "time_limit_minutes = 0.05\n"
    )
    assert practice.session.time_limit_s == pytest.approx(3.0)
    qtbot.waitUntil(lambda: practice.panel.timer_label.text().startswith("⏱"), timeout=5000)
    qtbot.waitUntil(lambda: practice.panel.kind.text() == "Session finished", timeout=10_000)
    assert practice.panel.prompt.text().startswith("0 of 2 right.")
    assert practice.session.results[0].finished and not practice.session.results[0].correct
