"""The info panel's rich text, built without Qt."""

from __future__ import annotations

from viewer.model.card_html import card_html, overview_html


def test_every_card_renders_with_name_facts_and_the_educational_note(catalogue):
    for card_id in catalogue.structure_ids + catalogue.group_ids:
        html = card_html(catalogue, card_id)
        card = catalogue.card(card_id)
        assert card.name in html
        assert catalogue.disclaimer in html
        if card.kind == "muscle":
            for label in ("Origin", "Insertion", "Nerve", "Actions"):
                assert label in html, (card_id, label)


def test_sections_are_folded_until_opened(catalogue):
    folded = card_html(catalogue, "soleus")
    assert "toggle:exercises" in folded
    assert "play:exercise:" not in folded
    opened = card_html(catalogue, "soleus", expanded={"exercises", "stretches", "injuries", "help"})
    assert "play:exercise:seated_soleus_raise" in opened
    assert "play:stretch:bent_knee_calf_stretch" in opened
    assert "When to seek help" in opened


def test_clicked_part_is_noted_on_the_card(catalogue):
    html = card_html(catalogue, "biceps_femoris", "biceps_femoris.short_head")
    assert "Short head of biceps femoris" in html


def test_group_cards_carry_the_comparison_table(catalogue):
    html = card_html(catalogue, "triceps_surae")
    assert "At a glance" in html
    assert "select:soleus" in html


def test_overview_explains_how_to_use_and_when_to_seek_help(catalogue):
    html = overview_html(catalogue)
    assert "How to use" in html
    assert "When to seek help" in html


def test_references_are_links_and_unchecked_ones_say_so(catalogue):
    html = card_html(catalogue, "calcaneal_tendon")
    knaus = catalogue.reference_list["knaus2021"]
    assert f"href='{knaus.link}'" in html
    assert "(link not yet checked)" in html  # Gray's has no checked date


def test_clinical_tests_are_a_section_with_a_pose_link(catalogue):
    folded = card_html(catalogue, "hamstrings")
    assert "toggle:tests" in folded and "play:test:" not in folded
    opened = card_html(catalogue, "hamstrings", expanded={"tests"})
    assert "play:test:straight_leg_raise" in opened and "Normal" in opened
