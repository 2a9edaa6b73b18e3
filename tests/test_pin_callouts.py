"""Pin callouts keep clear of the labels: the placement rule alone, then in the real window."""

from __future__ import annotations

import itertools

import pytest

from viewer.render.labels import Box
from viewer.render.pins import callout_size_px, place_callout

VIEWPORT = (1280, 800)
SIZE = (120, 28)


def test_a_free_spot_up_and_to_the_outer_side_is_kept():
    right = place_callout((700, 400), SIZE, False, [], VIEWPORT, offset=(36, 24))
    assert (right.x, right.y) == (736, 424)
    left = place_callout((500, 400), SIZE, True, [], VIEWPORT, offset=(36, 24))
    assert (left.x, left.y) == (500 - 36 - 120, 424), "on the left half it goes left"


def test_a_taken_spot_slides_up_then_down_beside_the_pin():
    label = Box(730, 420, 200, 36)
    spot = place_callout((700, 400), SIZE, False, [label], VIEWPORT, offset=(36, 24), gap=6)
    assert not spot.overlaps(label)
    assert spot.x == 736 and spot.y > label.y + label.height - 1, "first it slides up"
    above = Box(730, 450, 200, 120)  # the column above is full too
    spot = place_callout((700, 400), SIZE, False, [label, above], VIEWPORT, offset=(36, 24))
    assert spot.x == 736 and spot.y + SIZE[1] <= label.y, "then it slides down"


def test_a_full_column_sends_the_callout_past_the_labels():
    column = [Box(730, y, 220, 22) for y in range(0, 800, 25)]  # labels from top to bottom
    spot = place_callout((700, 400), SIZE, False, column, VIEWPORT, offset=(36, 24), gap=6)
    assert spot.x == 730 + 220 + 6
    assert not any(spot.overlaps(box) for box in column)
    left_column = [Box(300, y, 220, 22) for y in range(0, 800, 25)]
    spot = place_callout((560, 400), SIZE, True, left_column, VIEWPORT, offset=(36, 24), gap=6)
    assert spot.x + SIZE[0] == 300 - 6


def test_a_pin_near_the_edge_of_the_view_keeps_its_callout_inside_it():
    spot = place_callout((1250, 790), SIZE, False, [], VIEWPORT, offset=(36, 24))
    assert spot.x >= 0 and spot.x + SIZE[0] <= VIEWPORT[0], "it turns to the inner side"
    assert spot.y >= 0 and spot.y + SIZE[1] <= VIEWPORT[1], "and slides down into the view"


def test_with_no_free_spot_the_first_one_is_kept():
    everything = [Box(0, 0, *VIEWPORT)]
    spot = place_callout((700, 400), SIZE, False, everything, VIEWPORT, offset=(36, 24))
    assert (spot.x, spot.y) == (736, 424)


def test_a_callout_is_sized_by_its_longest_line_and_its_lines():
    one = callout_size_px("1  Short")
    two = callout_size_px("1  Short\nA longer second line")
    assert two[0] > one[0] and two[1] > one[1]


@pytest.mark.parametrize("view", ["posterior", "medial", "lateral"])
def test_pin_callouts_never_cover_a_label_in_the_window(window, qtbot, view):
    from tests.test_scene_gui import place_pin

    window.state.labels = True
    window.set_view(view)
    place_pin(qtbot, window, "gastrocnemius.medial_head", "Tennis leg strains happen here")
    place_pin(qtbot, window, "soleus", "Soleus")
    window.view.render()
    labels = list(window.scene.label_boxes().values())
    pins = window.scenes.layer.boxes
    assert len(labels) >= 4 and len(pins) == 2
    for pin, label in itertools.product(pins, labels):
        assert not pin.overlaps(label), (view, pin, label)
    assert not pins[0].overlaps(pins[1])
    window.rotate(30, 0)  # the labels move with the leg; the callouts follow them
    window.view.render()
    labels = list(window.scene.label_boxes().values())
    for pin, label in itertools.product(window.scenes.layer.boxes, labels):
        assert not pin.overlaps(label), (view, "turned", pin, label)
