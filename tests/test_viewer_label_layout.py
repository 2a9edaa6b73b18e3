"""Labels in every view and position: no two leader lines cross, no two labels overlap,
the colour bar never covers the leg."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from viewer.model.views import VIEW_BY_ID, VIEWS
from viewer.render.labels import segments_cross, uncross

POSITIONS = [None, "romanian_deadlift", "wall_calf_stretch", "lying_hamstring_stretch",
             "nordic_curl", "seated_leg_curl"]  # fmt: skip


@pytest.fixture(scope="module")
def scene(catalogue):
    import pyvista as pv

    from meshes.leg import build_leg
    from viewer.model.state import AtlasState
    from viewer.render.scene import LegScene

    plotter = pv.Plotter(off_screen=True, window_size=(1280, 800))
    state = AtlasState(labels=True)
    made = LegScene(plotter, state, build_leg(state.pose), catalogue.display_name)
    yield made
    made.disconnect()
    plotter.close()


def test_uncross_swaps_two_crossing_leaders():
    from viewer.render.labels import Box, Callout

    anchors = np.array([[100.0, 100.0], [100.0, 200.0]])
    # The lower anchor's label sits higher: the leaders cross.
    high = Callout(Box(300, 190, 80, 20), (297, 200), "left")
    low = Callout(Box(300, 90, 80, 20), (297, 100), "left")
    crossed = [high, low]
    assert segments_cross(anchors[0], high.leader_end, anchors[1], low.leader_end)
    fixed = uncross(anchors, crossed)
    assert not segments_cross(anchors[0], fixed[0].leader_end, anchors[1], fixed[1].leader_end)


@pytest.mark.parametrize("position", POSITIONS)
def test_leaders_never_cross_and_labels_never_overlap(scene, catalogue, position):
    from viewer.model.motion import named_positions

    positions = named_positions(catalogue)
    scene.state.world = position
    scene.state.pose = positions[position] if position else scene.state.pose.__class__()
    for colour_mode, view in itertools.product(("anatomy", "stretch"), VIEWS):
        scene.state.colour_mode = colour_mode
        scene.state.view = view
        scene.apply_view(view)
        scene.plotter.render()
        segments = scene.leader_segments()
        assert len(segments) >= 4
        for (a1, a2), (b1, b2) in itertools.combinations(segments, 2):
            assert not segments_cross(a1, a2, b1, b2), (position, view, colour_mode)
        boxes = list(scene.label_boxes().values())
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), (position, view)


@pytest.mark.parametrize("position", POSITIONS)
def test_the_colour_bar_never_covers_the_leg(scene, catalogue, position):
    from viewer.model.motion import named_positions
    from viewer.render import appearance

    positions = named_positions(catalogue)
    scene.state.labels = False
    scene.state.colour_mode = "stretch"
    scene.state.world = position
    scene.state.pose = positions[position] if position else scene.state.pose.__class__()
    for view in VIEWS:
        if VIEW_BY_ID[view].focus is not None:
            continue  # a close-up of one region: the rest of the leg runs off the screen
        scene.state.view = view
        scene.apply_view(view)
        renderer = scene.plotter.renderer
        height = renderer.GetSize()[1]
        bar_top = appearance.COLOUR_BAR_FRACTION * height
        lowest = height
        for part in scene.visible_parts():
            points = np.asarray(scene.leg.meshes[part].points)[::25]
            for point in points:
                renderer.SetWorldPoint(*point, 1.0)
                renderer.WorldToDisplay()
                lowest = min(lowest, renderer.GetDisplayPoint()[1])
        assert lowest >= bar_top - 1, (position, view)
    scene.state.labels = True
