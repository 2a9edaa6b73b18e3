"""Callout labels for the visible muscles, laid out so they never overlap.

Each label hangs on a point of its muscle (the point nearest the viewer at
the height of the belly) and sits in a column beside the leg, on the side
the muscle is on, joined to it by a leader line, the way anatomy plates label
their figures. Labels on one side are stacked from top to bottom, pushed
apart where they would touch. The layout is recomputed for every view and
pose and after each rotation, so it holds at any view, not only the standard
ones. ``vtkCaptionActor2D`` draws box and leader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pyvista as pv
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkPolyData
from vtkmodules.vtkRenderingCore import (
    vtkActor2D,
    vtkCoordinate,
    vtkPolyDataMapper2D,
    vtkTextActor,
)

from meshes.parts import PARTS
from viewer.render.camera import box_corners
from viewer.render.style import DARK, OverlayStyle

LABEL_GAP_PX = 6  # vertical space between two stacked labels
COLUMN_GAP_PX = 28  # horizontal space between the leg and its label column
CHAR_WIDTH_EM = 0.58  # average character width of the label font, in font sizes

#: Parts that get a label: the muscles, the tendon, the nerves and the vessels, in the parts
#: table's order (bones, the skin and the popliteal fossa's outline stay unlabelled).
LABELLED_KINDS = frozenset({"muscle", "tendon", "nerve", "vessel"})
LABELLED_PARTS: tuple[str, ...] = tuple(p.id for p in PARTS if p.kind in LABELLED_KINDS)


#: Where along the part's height (0 = bottom, 1 = top) its label hangs.
LABEL_HEIGHT_FRACTION: dict[str, float] = {
    "biceps_femoris.long_head": 0.55,
    "biceps_femoris.short_head": 0.30,
    "semitendinosus": 0.65,
    "semimembranosus": 0.35,
    "gastrocnemius.medial_head": 0.55,
    "gastrocnemius.lateral_head": 0.70,
    "soleus": 0.25,
    "calcaneal_tendon": 0.35,
    "plantaris": 0.85,
    "popliteus": 0.5,
    "tibialis_posterior": 0.7,
    "flexor_digitorum_longus": 0.78,
    "flexor_hallucis_longus": 0.7,
    "adductor_magnus": 0.6,
    "gracilis": 0.75,
    "sartorius": 0.55,
    "sciatic_nerve": 0.7,
    "tibial_nerve": 0.55,
    "common_fibular_nerve": 0.45,
    "sural_nerve": 0.45,
    "popliteal_artery": 0.75,
    "popliteal_vein": 0.3,
    "small_saphenous_vein": 0.55,
}


@dataclass(frozen=True)
class Box:
    """A label's box in display pixels (origin bottom-left)."""

    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: Box) -> bool:
        return not (
            self.x + self.width <= other.x
            or other.x + other.width <= self.x
            or self.y + self.height <= other.y
            or other.y + other.height <= self.y
        )


def label_anchor(points: np.ndarray, towards_eye: np.ndarray, height_fraction: float) -> np.ndarray:
    """The point of a part nearest the viewer within a band at the given height."""
    z = points[:, 2]
    level = z.min() + height_fraction * (z.max() - z.min())
    band = points[np.abs(z - level) <= max(8.0, 0.06 * (z.max() - z.min()))]
    if len(band) == 0:
        band = points
    return band[np.argmax(band @ towards_eye)]


def label_size(text: str, font_size: float) -> tuple[float, float]:
    return len(text) * font_size * CHAR_WIDTH_EM + font_size, font_size * 1.6


@dataclass(frozen=True)
class Callout:
    """Where a label goes: its box, where its leader line meets it, how its text aligns."""

    box: Box
    leader_end: tuple[float, float]
    justify: str  # "left", "right" or "center"


def layout_callouts(
    anchors: np.ndarray,
    sizes: list[tuple[float, float]],
    leg_box: Box,
    viewport: tuple[int, int],
    floor: float = 4.0,
    spacing: float = 1.0,
) -> list[Callout]:
    """Callouts beside the leg for labels hanging on ``anchors`` (display x, y), never overlapping.

    A leg standing upright on screen gets a column of labels on each side;
    a leg lying across the screen (a forward bend) gets rows above and below.
    """
    columns = uncross(anchors, _columns(anchors, sizes, leg_box, viewport, floor, spacing))
    rows = uncross(anchors, _rows(anchors, sizes, leg_box, viewport, floor, spacing))
    preferred, other = (rows, columns) if leg_box.width > leg_box.height else (columns, rows)
    # The shape of the leg on screen decides; if that layout runs out of room, the other
    # one is used, and failing both, whichever collides least.
    return min((preferred, other), key=lambda layout: _collisions(layout, viewport, floor))


def segments_cross(p1, p2, q1, q2) -> bool:
    """Whether segment p1-p2 properly crosses segment q1-q2 (touching ends do not count)."""

    def side(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(q1, q2, p1), side(q1, q2, p2)
    d3, d4 = side(p1, p2, q1), side(p1, p2, q2)
    return d1 * d2 < 0 and d3 * d4 < 0


def _with_slot(callout: Callout, slot: Callout) -> Callout:
    """``callout``'s box moved into ``slot``'s place, keeping its own size and the edge that
    faces the leg (a left column's right edge, a right column's left edge, a row's centre)."""
    box, other = callout.box, slot.box
    if callout.justify == "right":
        x = other.x + other.width - box.width
    elif callout.justify == "left":
        x = other.x
    else:
        x = other.x + other.width / 2 - box.width / 2
    y = other.y + other.height / 2 - box.height / 2
    moved = Box(x, y, box.width, box.height)
    if callout.justify == "right":
        end = (moved.x + moved.width + 3, moved.y + moved.height / 2)
    elif callout.justify == "left":
        end = (moved.x - 3, moved.y + moved.height / 2)
    else:
        above = slot.leader_end[1] < other.y + other.height / 2
        end = (moved.x + moved.width / 2, moved.y - 2 if above else moved.y + moved.height + 2)
    return Callout(moved, end, callout.justify)


def uncross(anchors, callouts: list[Callout], rounds: int = 20) -> list[Callout]:
    """Swap the places of two labels on the same side whose leader lines cross.

    Swapping the ends of two crossing segments always shortens their total
    length, so repeating it ends with no crossings on that side.
    """
    callouts = list(callouts)
    for _ in range(rounds):
        swapped = False
        for i in range(len(callouts)):
            for j in range(i + 1, len(callouts)):
                a, b = callouts[i], callouts[j]
                if a.justify != b.justify:
                    continue
                if segments_cross(anchors[i], a.leader_end, anchors[j], b.leader_end):
                    callouts[i], callouts[j] = _with_slot(a, b), _with_slot(b, a)
                    swapped = True
        if not swapped:
            break
    return callouts


def _collisions(callouts: list[Callout], viewport, floor: float) -> int:
    """Overlapping pairs plus boxes outside the usable view, in a layout."""
    boxes = [c.box for c in callouts]
    width, height = viewport
    outside = sum(
        b.x < 0 or b.y < floor - 0.5 or b.x + b.width > width or b.y + b.height > height
        for b in boxes
    )
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    return overlaps + outside


def _columns(anchors, sizes, leg_box: Box, viewport, floor: float, spacing: float) -> list[Callout]:
    """Anchors left of the leg's middle go left, others right; stacked top-down."""
    width, height = viewport
    middle = leg_box.x + leg_box.width / 2
    callouts: list[Callout | None] = [None] * len(anchors)
    for left in (True, False):
        side = [i for i, (x, _) in enumerate(anchors) if (x < middle) == left]
        side.sort(key=lambda i: -anchors[i][1])
        ceiling = height - 4.0
        placed = []
        for i in side:
            box_width, box_height = sizes[i]
            top = min(anchors[i][1] + box_height / 2, ceiling)
            ceiling = top - box_height - LABEL_GAP_PX * spacing
            column_gap = COLUMN_GAP_PX * spacing
            if left:
                x = max(4.0, leg_box.x - column_gap - box_width)
            else:
                x = min(width - 4.0 - box_width, leg_box.x + leg_box.width + column_gap)
            placed.append((i, Box(x, top - box_height, box_width, box_height)))
        lowest = min((box.y for _, box in placed), default=floor)
        lift = max(0.0, floor - lowest)  # a column that ran off the bottom moves up as a whole
        for i, box in placed:
            box = Box(box.x, box.y + lift, box.width, box.height)
            end_x = box.x + box.width + 3 if left else box.x - 3
            end = (end_x, box.y + box.height / 2)
            callouts[i] = Callout(box, end, "right" if left else "left")
    return [c for c in callouts if c is not None]


def _rows(anchors, sizes, leg_box: Box, viewport, floor: float, spacing: float) -> list[Callout]:
    """Labels taken from left to right go alternately above and below the leg; each
    takes the first row (nearest the leg) where it fits beside the ones already there."""
    width, height = viewport
    by_x = sorted(range(len(anchors)), key=lambda i: anchors[i][0])
    callouts: list[Callout | None] = [None] * len(anchors)
    for above in (True, False):
        side = by_x[0::2] if above else by_x[1::2]
        rows: list[list[Box]] = []
        for i in side:
            box_width, box_height = sizes[i]
            x = min(max(4.0, anchors[i][0] - box_width / 2), width - 4.0 - box_width)
            for row_index in range(len(side) + 1):
                step = row_index * (box_height + LABEL_GAP_PX * spacing)
                clearance = 12 * spacing
                if above:
                    y = min(
                        height - 4.0 - box_height, leg_box.y + leg_box.height + clearance + step
                    )
                else:
                    y = max(floor, leg_box.y - clearance - box_height - step)
                box = Box(x, y, box_width, box_height)
                if row_index == len(rows):
                    rows.append([])
                if not any(box.overlaps(other) for row in rows for other in row):
                    rows[row_index].append(box)
                    break
            end = (box.x + box.width / 2, box.y - 2 if above else box.y + box.height + 2)
            callouts[i] = Callout(box, end, "center")
    return [c for c in callouts if c is not None]


def _to_display(renderer, point) -> tuple[float, float]:
    renderer.SetWorldPoint(*point, 1.0)
    renderer.WorldToDisplay()
    x, y, _ = renderer.GetDisplayPoint()
    return x, y


class LabelLayer:
    """Text actors and leader lines in display coordinates, re-laid out before each render.

    Re-laying out costs well under a millisecond (a few projections), so it
    runs whenever the camera moved since the last layout: labels follow the
    leg while it rotates and never overlap.
    """

    def __init__(self, renderer, name_of: Callable[[str], str], style: OverlayStyle = DARK) -> None:
        self.renderer = renderer
        self.name_of = name_of
        self.style = style
        self.font_size = style.label_px
        self.pixel_scale = 1.0  # render pixels per view pixel (below 1 while the view moves)
        self.parts: list[str] = []
        self.meshes: Mapping[str, pv.PolyData] = {}
        self.leg_bounds: np.ndarray | None = None
        self.reserve_bottom = 0.0
        self.texts: dict[str, vtkTextActor] = {}
        self.boxes: dict[str, Box] = {}
        self.leaders = vtkPolyData()
        coordinate = vtkCoordinate()
        coordinate.SetCoordinateSystemToDisplay()
        mapper = vtkPolyDataMapper2D()
        mapper.SetInputData(self.leaders)
        mapper.SetTransformCoordinate(coordinate)
        self.leader_actor = vtkActor2D()
        self.leader_actor.SetMapper(mapper)
        self.leader_actor.GetProperty().SetColor(*style.leader)
        self.leader_actor.GetProperty().SetLineWidth(style.line_width)
        self.leader_actor.GetProperty().SetPointSize(style.dot_px)
        self.leader_actor.SetPickable(False)
        self.renderer.AddViewProp(self.leader_actor)
        self._camera_time = -1
        self._observer = self.renderer.AddObserver("StartEvent", self._before_render)

    def remove(self) -> None:
        self.renderer.RemoveObserver(self._observer)
        self.renderer.RemoveViewProp(self.leader_actor)
        for actor in self.texts.values():
            self.renderer.RemoveViewProp(actor)
        self.texts = {}

    def rebuild(
        self,
        parts: list[str],
        meshes: Mapping[str, pv.PolyData],
        leg_bounds: np.ndarray,
        reserve_bottom: float = 0.0,
    ) -> None:
        """Labels for ``parts`` (the visible labelled ones) on the leg's current ``meshes``.

        The text actors are only remade when the set of parts changes (a pose
        step or an opacity drag just lays the same labels out again);
        ``reserve_bottom`` keeps a strip clear for the colour bar.
        """
        self.meshes = meshes
        self.leg_bounds = leg_bounds
        self.reserve_bottom = reserve_bottom
        if parts == self.parts and self.texts:
            self.relayout()
            return
        for actor in self.texts.values():
            self.renderer.RemoveViewProp(actor)
        self.texts = {}
        self.parts = parts
        for part_id in self.parts:
            actor = _text_actor(self.name_of(part_id), self.style)
            self.renderer.AddViewProp(actor)
            self.texts[part_id] = actor
        self.relayout()

    def set_pixel_scale(self, scale: float) -> None:
        """Lay out for a picture drawn at ``scale`` times the view's size (the cheap frames
        of ``render/interactive_quality.py``), so the labels keep their places on screen."""
        if scale != self.pixel_scale:
            self.pixel_scale = scale
            self._camera_time = -1  # lay out again before the next render

    def _before_render(self, *_: object) -> None:
        if self.renderer.GetActiveCamera().GetMTime() != self._camera_time:
            self.relayout()

    def leader_segments(self) -> list[tuple[tuple[float, float], tuple[float, float]]]:
        """Each leader line as (anchor, end) in display pixels, for layout checks."""
        points = self.leaders.GetPoints()
        if points is None:
            return []
        ends = [points.GetPoint(i)[:2] for i in range(points.GetNumberOfPoints())]
        return list(zip(ends[0::2], ends[1::2], strict=True))

    def relayout(self) -> None:
        camera = self.renderer.GetActiveCamera()
        self._camera_time = camera.GetMTime()
        points, lines, vertices = vtkPoints(), vtkCellArray(), vtkCellArray()
        self.boxes = {}
        if self.parts:
            towards_eye = np.subtract(camera.GetPosition(), camera.GetFocalPoint())
            towards_eye = towards_eye / np.linalg.norm(towards_eye)
            meshes = self.meshes
            anchors = np.array(
                [
                    _to_display(
                        self.renderer,
                        label_anchor(
                            np.asarray(meshes[p].points), towards_eye, LABEL_HEIGHT_FRACTION[p]
                        ),
                    )
                    for p in self.parts
                ]
            )
            corners = box_corners(self.leg_bounds)
            projected = np.array([_to_display(self.renderer, corner) for corner in corners])
            low, high = projected.min(axis=0), projected.max(axis=0)
            leg_box = Box(low[0], low[1], high[0] - low[0], high[1] - low[1])
            font_px = self.font_size * self.pixel_scale
            sizes = [label_size(self.name_of(p), font_px) for p in self.parts]
            viewport = tuple(self.renderer.GetSize())
            # Keep clear of the stretch map's colour bar along the bottom.
            floor = 4.0 + self.reserve_bottom * viewport[1]
            spacing = self.style.scale * self.pixel_scale
            callouts = layout_callouts(anchors, sizes, leg_box, viewport, floor, spacing)
            for part_id, anchor, callout in zip(self.parts, anchors, callouts, strict=True):
                box = callout.box
                self.boxes[part_id] = box
                text = self.texts[part_id]
                style = text.GetTextProperty()
                if callout.justify == "right":
                    style.SetJustificationToRight()
                    text.SetDisplayPosition(round(box.x + box.width), round(box.y + box.height / 2))
                elif callout.justify == "left":
                    style.SetJustificationToLeft()
                    text.SetDisplayPosition(round(box.x), round(box.y + box.height / 2))
                else:
                    style.SetJustificationToCentered()
                    text.SetDisplayPosition(
                        round(box.x + box.width / 2), round(box.y + box.height / 2)
                    )
                end_x, end_y = callout.leader_end
                start = points.InsertNextPoint(anchor[0], anchor[1], 0.0)
                end = points.InsertNextPoint(end_x, end_y, 0.0)
                lines.InsertNextCell(2)
                lines.InsertCellPoint(start)
                lines.InsertCellPoint(end)
                vertices.InsertNextCell(1)
                vertices.InsertCellPoint(start)
        self.leaders.SetPoints(points)
        self.leaders.SetLines(lines)
        self.leaders.SetVerts(vertices)
        self.leaders.Modified()


def _text_actor(text: str, overlay: OverlayStyle) -> vtkTextActor:
    actor = vtkTextActor()
    actor.SetInput(text)
    actor.SetPickable(False)
    style = actor.GetTextProperty()
    style.SetFontSize(overlay.label_px)
    style.SetColor(*overlay.text)
    style.SetBackgroundColor(*overlay.box)
    style.SetBackgroundOpacity(overlay.box_opacity)
    style.SetFrame(False)
    style.BoldOff()
    style.ItalicOff()
    style.ShadowOff()
    style.SetVerticalJustificationToCentered()
    return actor
