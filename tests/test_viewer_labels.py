"""Label layout (pure: boxes in display pixels)."""

from __future__ import annotations


def test_callouts_never_overlap_in_columns_or_rows():
    import numpy as np

    from viewer.render.labels import Box, layout_callouts

    sizes = [(180.0, 22.0)] * 8
    upright = Box(400, 50, 100, 700)
    anchors = np.array([[420 + 10 * (i % 2) * 5, 600 - 10 * i] for i in range(8)], float)
    lying = Box(100, 300, 800, 150)
    across = np.array([[150 + 20 * i, 380] for i in range(8)], float)
    for leg, points in ((upright, anchors), (lying, across)):
        callouts = layout_callouts(points, sizes, leg, (1000, 800), floor=40.0)
        boxes = [c.box for c in callouts]
        assert len(boxes) == 8
        for i, box in enumerate(boxes):
            assert box.y >= 40.0 and box.x >= 0 and box.x + box.width <= 1000
            assert not any(box.overlaps(other) for other in boxes[i + 1 :])


def test_a_layout_that_runs_out_of_room_gives_way_to_the_other():
    import numpy as np

    from viewer.render.labels import Box, layout_callouts

    sizes = [(200.0, 24.0)] * 8
    # A wide leg filling the view from top to bottom: no room for rows above or below.
    leg = Box(300, 20, 560, 540)
    anchors = np.array([[320 + 10 * i, 300 + 20 * (i % 3)] for i in range(8)], float)
    boxes = [c.box for c in layout_callouts(anchors, sizes, leg, (900, 600), floor=4.0)]
    for i, box in enumerate(boxes):
        assert not any(box.overlaps(other) for other in boxes[i + 1 :])
