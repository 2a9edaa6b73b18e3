"""Renders an AtlasState into any PyVista plotter.

The window's interactor and the headless screenshot plotter both build a
``LegScene``, so an export looks exactly like the view. The scene listens to
the state and updates only what a change touches (a colour, a visibility
flag, the points of a re-posed mesh), then asks for one render.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyvista as pv
from vtkmodules.vtkRenderingAnnotation import vtkScalarBarActor

from meshes import PART_BY_ID, PARTS
from meshes.leg import Leg, repose
from meshes.lengths import length_changes_percent
from meshes.placement import Placement, place_leg, placement
from viewer.model.state import AtlasState
from viewer.model.supports import setting_for
from viewer.model.views import VIEW_BY_ID
from viewer.render import appearance, camera
from viewer.render.detail import CoarseTwins, PosedLeg, twin_mapper, write_placed
from viewer.render.highlight import part_styles
from viewer.render.labels import LABELLED_PARTS, LabelLayer
from viewer.render.style import DARK, OverlayStyle
from viewer.render.surroundings import Surroundings

#: In a movement's setting the camera looks down this much (tan of the angle, ~17 degrees).
WORLD_ELEVATION = 0.3


class LegScene:
    """Actors for every part of the leg, kept in step with an AtlasState."""

    def __init__(
        self,
        plotter: pv.BasePlotter,
        state: AtlasState,
        leg: Leg,
        name_of: Callable[[str], str],
        request_render: Callable[[], None] | None = None,
        style: OverlayStyle = DARK,
    ) -> None:
        self.plotter = plotter
        self.state = state
        self._posed = PosedLeg(leg)  # posed about a fixed pelvis, before placement in the world
        # As shown: placed by the movement's support, in meshes of the actors' own (the
        # posed leg's stay untouched, for the mirrored other leg and the next re-pose).
        shown = place_leg(leg, self.placement())
        if shown is leg:
            shown = Leg(leg.pose, leg.resolution, {p: m.copy() for p, m in leg.meshes.items()})
        self.leg = shown
        self._request_render = request_render or (lambda: None)
        self.actors: dict[str, pv.Actor] = {}
        self._outlines: dict[str, tuple[pv.PolyData, pv.Actor]] = {}
        self._outline_pose: dict[str, object] = {}
        self._outline_mappers: dict[str, pv.DataSetMapper] = {}
        self._labels: LabelLayer | None = None
        self._pixel_scale = 1.0  # below 1 while the view draws cheap frames
        self._colour_bar = None
        self._styles: dict = {}
        self._placed_key = (state.pose, state.world)
        # While the view moves, coarse twins may be drawn instead (``render/detail.py``);
        # the full meshes then catch up with the pose once, before the sharp frame.
        self._fine_mappers: dict[str, pv.DataSetMapper] = {}
        self._twins: CoarseTwins | None = None
        self._coarse = False  # the twins are drawn now
        self._fine_key = self._placed_key  # what the full meshes show
        self._coarse_hulls: dict[str, tuple[pv.PolyData, pv.DataSetMapper]] = {}
        #: Called when the full meshes catch up with a pose reached while the twins were drawn
        #: (pins, held to the full meshes' vertices, are drawn again then).
        self.leg_caught_up: list[Callable[[], None]] = []
        self.style = style  # labels and colour bar: their colours and size at this picture size
        self.name_of = name_of  # part id -> label text (the cards' display names)
        if style.background is None:
            plotter.set_background(appearance.BACKGROUND_BOTTOM, top=appearance.BACKGROUND_TOP)
        else:
            plotter.set_background(style.background)
        for part in PARTS:
            self._add_part(part.id)
        self.surroundings = Surroundings(plotter)
        self._update_surroundings()
        self._connect()
        self.update_visibility()
        self.update_colours()
        self.apply_view(state.view)

    # -- construction -----------------------------------------------------------------------
    def _add_part(self, part_id: str) -> None:
        part = PART_BY_ID[part_id]
        mesh = self.leg.meshes[part_id]
        if "Normals" in mesh.point_data:
            mesh.point_data.active_normals_name = "Normals"
        actor = self.plotter.add_mesh(
            mesh,
            color=part.colour,
            name=part_id,
            pickable=True,  # the picker's list, not this flag, decides what a click may hit
            reset_camera=False,
            **appearance.MATERIAL[part.kind],
        )
        actor.prop.interpolation = "gouraud"
        if part.kind == "skin":
            # Only the near side of the translucent skin is drawn, so no depth sorting is needed.
            actor.prop.culling = "back"
        self.actors[part_id] = actor
        self._fine_mappers[part_id] = actor.mapper

    def _connect(self) -> None:
        events = self.state.events
        events.layers_visible.connect(self._on_visibility)
        events.hidden.connect(self._on_visibility)
        events.layer_opacity.connect(self._on_visibility)
        events.selection.connect(self._on_colours)
        events.hovered.connect(self._on_colours)
        events.colour_mode.connect(self._on_colour_mode)
        events.pose.connect(self._on_pose)
        events.world.connect(self._on_pose)
        events.view.connect(self._on_view)
        events.labels.connect(self._on_labels)

    def release_idle_mappers(self, render_window) -> None:
        """Free the GPU buffers of the mappers no actor holds now (the twins' while the full
        meshes are drawn, or the other way round; the outlines' likewise), while the view's
        OpenGL context still exists: closing the render window frees only what its actors
        hold, and a mapper freed later, with no context, would crash the process."""
        drawn = {actor.GetMapper() for actor in self.actors.values()}
        drawn |= {outline.GetMapper() for _, outline in self._outlines.values()}
        idle = [*self._fine_mappers.values(), *self._outline_mappers.values()]
        if self._twins is not None:
            idle += self._twins.mappers.values()
        idle += [mapper for _, mapper in self._coarse_hulls.values()]
        render_window.MakeCurrent()
        for mapper in idle:
            if mapper not in drawn:
                mapper.ReleaseGraphicsResources(render_window)

    def disconnect(self) -> None:
        """Stop listening, so a closed view never touches a finalized render window."""
        for name in ("layers_visible", "hidden", "layer_opacity", "selection", "hovered"):
            getattr(self.state.events, name).disconnect(self._on_visibility, missing_ok=True)
            getattr(self.state.events, name).disconnect(self._on_colours, missing_ok=True)
        self.state.events.colour_mode.disconnect(self._on_colour_mode, missing_ok=True)
        self.state.events.pose.disconnect(self._on_pose, missing_ok=True)
        self.state.events.world.disconnect(self._on_pose, missing_ok=True)
        self.state.events.view.disconnect(self._on_view, missing_ok=True)
        self.state.events.labels.disconnect(self._on_labels, missing_ok=True)

    # -- listeners --------------------------------------------------------------------------
    def _on_visibility(self, *_: object) -> None:
        self.update_visibility()
        self._request_render()

    def _on_colours(self, *_: object) -> None:
        self.update_colours()
        self._request_render()

    def _on_colour_mode(self, *_: object) -> None:
        self.update_colours()
        self.frame(self.visible_bounds())  # make or give back room for the colour bar
        self._request_render()

    def _on_pose(self, *_: object) -> None:
        self.update_pose()
        self._request_render()

    def _on_view(self, view: str) -> None:
        self.apply_view(view)
        self._request_render()

    def _on_labels(self, *_: object) -> None:
        self.update_labels()
        self._request_render()

    # -- updates ----------------------------------------------------------------------------
    def update_visibility(self) -> None:
        for part_id, actor in self.actors.items():
            visible = self.state.is_part_visible(part_id)
            actor.visibility = visible
            opacity = self.state.opacity_of_layer(PART_BY_ID[part_id].layer)
            actor.prop.opacity = opacity
            # Every part is a closed, outward-facing surface: while it is opaque its back
            # faces are hidden anyway, and culling them early saves a good part of a software
            # render (the picture is pixel-identical). A see-through part keeps its far side.
            skin = PART_BY_ID[part_id].kind == "skin"
            actor.prop.SetBackfaceCulling(skin or opacity >= 1.0)
        self._update_outline()
        self.update_labels()

    def update_colours(self) -> None:
        lengths_change = self._length_changes() if self.state.colour_mode == "stretch" else {}
        self._styles = part_styles(self.state, lengths_change)
        for part_id, actor in self.actors.items():
            actor.prop.color = self._styles[part_id].colour
        self._update_outline()
        self._update_colour_bar()

    def has_colour_bar(self) -> bool:
        return self._colour_bar is not None

    def _update_colour_bar(self) -> None:
        """Show the stretch map's legend while the stretch map is on."""
        wanted = self.state.colour_mode == "stretch"
        if wanted and self._colour_bar is None:
            bar = vtkScalarBarActor()
            bar.SetLookupTable(appearance.stretch_lookup_table())
            bar.SetTitle("Length vs standing (%)\nblue shorter · red longer")
            bar.SetNumberOfLabels(5)
            bar.SetLabelFormat("%+.0f")
            bar.SetOrientationToHorizontal()
            bar.SetPosition(0.2, 0.02)
            bar.SetWidth(0.6)
            bar.SetHeight(appearance.COLOUR_BAR_FRACTION - 0.05)
            for text in (bar.GetTitleTextProperty(), bar.GetLabelTextProperty()):
                text.SetColor(*self.style.bar_text)
                text.SetFontSize(self.style.bar_font_px)
                text.ItalicOff()
                text.ShadowOff()
            bar.UnconstrainedFontSizeOn()
            self.plotter.renderer.AddViewProp(bar)
            self._colour_bar = bar
        elif not wanted and self._colour_bar is not None:
            self.plotter.renderer.RemoveViewProp(self._colour_bar)
            self._colour_bar = None

    def _length_changes(self) -> dict[str, float]:
        return length_changes_percent(self.state.pose)

    def placement(self, pose=None):
        """The 4x4 transform placing the pelvis-fixed leg in the world for the setting."""
        setting = setting_for(self.state.world) if self.state.world else None
        return placement(setting.support if setting else None, pose or self.state.pose)

    def place(self, posed: Leg) -> Leg:
        return place_leg(posed, self.placement(posed.pose))

    def update_pose(self) -> None:
        key = (self.state.pose, self.state.world)
        if key == self._placed_key:
            return
        self._placed_key = key
        if self._coarse:
            self._twins.show(self.state.pose, self.placement(), key)
        else:
            self._update_fine()
        self._outline_pose = {}  # the hulls follow the placed meshes
        self._update_surroundings()
        if self.state.colour_mode == "stretch":
            self.update_colours()
        else:
            self._update_outline()
        self.update_labels()

    @property
    def posed_leg(self) -> Leg:
        """The full leg in the state's pose about a fixed pelvis, before placement."""
        return self._posed.leg

    def _update_fine(self) -> bool:
        """Bring the full meshes (the actors' own) to the state's pose and placement."""
        if self._fine_key == self._placed_key:
            return False
        self._posed.set_pose(self.state.pose)
        placement = Placement.of(self.placement())
        meshes = {}
        for part_id, mapper in self._fine_mappers.items():
            meshes[part_id] = mapper.dataset
            write_placed(meshes[part_id], self._posed.arrays[part_id], placement)
        self.leg = Leg(self.state.pose, self._posed.resolution, meshes)
        self._fine_key = self._placed_key
        return True

    # -- coarse twins while the view moves ----------------------------------------------------
    def set_coarse_leg(self, leg: Leg) -> None:
        """Give the scene its coarse twins (built off the Qt thread at any pose)."""
        self._twins = CoarseTwins(leg, self._fine_mappers)
        if self._pixel_scale < 1.0:
            self._use_coarse(True)

    @property
    def drawing_coarse(self) -> bool:
        return self._coarse

    @property
    def has_coarse_twins(self) -> bool:
        return self._twins is not None

    def leg_mapper(self, part_id: str) -> pv.DataSetMapper:
        """The mapper of the part's full mesh (its actor draws a twin's while coarse)."""
        return self._fine_mappers[part_id]

    def shown_meshes(self) -> dict[str, pv.PolyData]:
        """The meshes drawn now: the twins while the view moves, else the full ones."""
        return self._twins.meshes if self._coarse else self.leg.meshes

    def _use_coarse(self, coarse: bool) -> bool:
        """Draw the twins (True) or the full meshes, each brought to the pose; True if the
        drawing switched."""
        coarse = coarse and self._twins is not None
        if coarse:
            self._twins.show(self.state.pose, self.placement(), self._placed_key)
        elif self._update_fine():
            for listener in self.leg_caught_up:
                listener()
        if coarse == self._coarse:
            return False
        self._coarse = coarse
        mappers = self._twins.mappers if coarse else self._fine_mappers
        for part_id, actor in self.actors.items():
            actor.SetMapper(mappers[part_id])
        self._outline_pose = {}
        if self.state.world:
            self._update_surroundings()
        self._update_outline()
        self.update_labels()
        return True

    def _update_surroundings(self) -> None:
        setting = setting_for(self.state.world) if self.state.world else None
        if setting is None:
            self.surroundings.hide()
            return
        posed = (self._twins.posed if self._coarse else self._posed).leg
        self.surroundings.update(
            setting,
            self.placement(),
            posed.meshes["skin"],
            lambda pose: repose(posed, pose).meshes["skin"],
            hand_target=self._ankle_in_world(),
        )

    def _ankle_in_world(self) -> np.ndarray:
        """Where a hand holding the ankle goes: the back of the ankle, placed."""
        points = np.asarray(self.shown_meshes()["calcaneal_tendon"].points)
        return points.mean(axis=0)

    def _update_outline(self) -> None:
        """An inverted hull behind a part draws a rim around it: gold round the selection,
        pale round the part under the pointer.

        Hull actors are made once per part and then only shown, hidden or
        moved, because adding an actor costs far more than a click may.
        """
        styles = self._styles or part_styles(self.state)
        meshes = self.shown_meshes()
        for part_id, actor in self.actors.items():
            kind = styles[part_id].outline
            if kind is not None and actor.visibility:
                hull, outline = self._outline_for(part_id)
                if self._coarse:
                    hull, mapper = self._coarse_hull(part_id)
                    outline.SetMapper(mapper)
                else:
                    outline.SetMapper(self._outline_mappers[part_id])
                if self._outline_pose.get(part_id) != self._placed_key:
                    mesh = meshes[part_id]
                    offset = appearance.OUTLINE_OFFSET_MM / self._pixel_scale
                    hull.points = mesh.points + offset * mesh["Normals"]
                    self._outline_pose[part_id] = self._placed_key
                outline.prop.color = (
                    appearance.OUTLINE_COLOUR
                    if kind == "selected"
                    else appearance.HOVER_OUTLINE_COLOUR
                )
                outline.visibility = True
            elif part_id in self._outlines:
                self._outlines[part_id][1].visibility = False

    def _outline_for(self, part_id: str):
        if part_id not in self._outlines:
            hull = self.leg.meshes[part_id].copy(deep=True)
            outline = self.plotter.add_mesh(
                hull,
                color=appearance.OUTLINE_COLOUR,
                lighting=False,
                pickable=False,
                reset_camera=False,
                culling="front",
            )
            self._outlines[part_id] = (hull, outline)
            self._outline_mappers[part_id] = outline.mapper
        return self._outlines[part_id]

    def _coarse_hull(self, part_id: str) -> tuple[pv.PolyData, pv.DataSetMapper]:
        """The outline's hull round the coarse twin, drawn by a mapper of its own."""
        if part_id not in self._coarse_hulls:
            hull = self._twins.meshes[part_id].copy(deep=True)
            self._coarse_hulls[part_id] = (hull, twin_mapper(self._outline_mappers[part_id], hull))
            self._outline_pose.pop(part_id, None)
        return self._coarse_hulls[part_id]

    def outlined_parts(self, kind: str = "selected") -> list[str]:
        """Parts whose ``kind`` of outline ("selected" or "hover") is showing."""
        styles = self._styles or part_styles(self.state)
        return [
            p
            for p, (_, actor) in self._outlines.items()
            if actor.visibility and styles[p].outline == kind
        ]

    def update_labels(self) -> None:
        """Show callouts for the visible muscles when labels are on; remove them otherwise."""
        if not self.state.labels:
            if self._labels is not None:
                self._labels.remove()
                self._labels = None
            return
        if self._labels is None:
            self._labels = LabelLayer(self.plotter.renderer, self.name_of, self.style)
            self._labels.set_pixel_scale(self._pixel_scale)
        parts = [p for p in LABELLED_PARTS if self.actors[p].visibility]
        reserve = appearance.COLOUR_BAR_FRACTION if self.has_colour_bar() else 0.0
        meshes = self.label_meshes()
        bounds = camera.union_bounds(meshes[p].bounds for p in self.visible_parts() or self.actors)
        self._labels.rebuild(parts, meshes, bounds, reserve)

    def label_meshes(self) -> dict[str, pv.PolyData]:
        """What the labels hang on: the full meshes whenever they show the pose, even while
        the twins are drawn (a drag), so no label changes side when the drag ends; the twins
        only while the pose moves ahead of the full meshes (a slider)."""
        return self.leg.meshes if self._fine_key == self._placed_key else self.shown_meshes()

    def set_pixel_scale(self, scale: float) -> None:
        """The picture is drawn at ``scale`` times the view's size while it moves
        (``render/interactive_quality.py``): the labels lay themselves out for it."""
        rescaled = scale != self._pixel_scale
        self._pixel_scale = scale
        if self._labels is not None:
            self._labels.set_pixel_scale(scale)
        if rescaled:  # the rim keeps its width on screen: wider in mm in a smaller picture
            self._outline_pose = {}
        if not self._use_coarse(scale < 1.0) and rescaled:
            self._update_outline()

    def leader_segments(self) -> list:
        """Each label's leader line as (anchor, end) in display pixels, for layout checks."""
        return self._labels.leader_segments() if self._labels is not None else []

    def label_boxes(self) -> dict:
        """Where each label sits on screen (display pixels), for layout checks."""
        return dict(self._labels.boxes) if self._labels is not None else {}

    # -- camera -----------------------------------------------------------------------------
    def apply_view(self, view: str) -> None:
        """Point the camera from a named side, framing the whole leg (and, in a movement's
        setting, the body, from a little above so the floor reads as a floor)."""
        preset = VIEW_BY_ID[view]
        if preset.focus is not None:
            bounds = self.bounds_of(
                [p for p in self.actors if PART_BY_ID[p].structure == preset.focus]
            )
            self.frame(bounds, preset.direction, preset.up)
        elif self.state.world:
            self.frame_poses([self.state.pose], self.world_direction(view), preset.up)
        else:
            self.frame(self.visible_bounds(), preset.direction, preset.up)

    def world_direction(self, view: str) -> np.ndarray:
        """A preset's direction raised by ``WORLD_ELEVATION``: the floor seen from above."""
        direction = np.asarray(VIEW_BY_ID[view].direction, dtype=float)
        return direction + np.array([0.0, 0.0, WORLD_ELEVATION])

    def visible_parts(self) -> list[str]:
        return [p for p, actor in self.actors.items() if actor.visibility]

    def visible_bounds(self) -> np.ndarray:
        return self.bounds_of(self.visible_parts() or list(self.actors))

    def bounds_of(self, part_ids: list[str], legs=None) -> np.ndarray:
        """Union of the parts' bounding boxes (in each of ``legs``, default the shown one),
        as (xmin, xmax, ymin, ymax, zmin, zmax)."""
        legs = legs or [self.leg]
        return camera.union_bounds(leg.meshes[p].bounds for leg in legs for p in part_ids)

    def frame(self, bounds, direction=None, up=None) -> None:
        """Fit ``bounds`` in view, keeping the colour bar's strip free when it shows."""
        reserve = appearance.COLOUR_BAR_FRACTION if self.state.colour_mode == "stretch" else 0.0
        camera.frame(
            self.plotter.renderer, bounds, direction, up, self.plotter.window_size, reserve
        )

    def frame_poses(self, poses, direction=None, up=None) -> None:
        """Frame the visible parts over several poses (the range of a motion), placed in
        the world, with the faint body when a movement's setting shows it."""
        legs = [self.place(repose(self.posed_leg, pose)) for pose in poses]
        boxes = [self.bounds_of(self.visible_parts(), legs)]
        if self.state.world:
            boxes += [self.surroundings.bounds_of_body(self.placement(pose)) for pose in poses]
        self.frame(camera.union_bounds(boxes), direction, up)

    def is_in_view(self, bounds) -> bool:
        """Whether every corner of ``bounds`` projects inside the view."""
        renderer = self.plotter.renderer
        width, height = renderer.GetSize()
        for corner in camera.box_corners(bounds):
            renderer.SetWorldPoint(*corner, 1.0)
            renderer.WorldToDisplay()
            x, y, _ = renderer.GetDisplayPoint()
            if not (0 <= x <= width and 0 <= y <= height):
                return False
        return True

    def frame_selection(self) -> None:
        selected = self.state.selected_structures()
        parts = [p for p in self.actors if PART_BY_ID[p].structure in selected or p in selected]
        if parts:
            self.frame(self.bounds_of(parts))

    def rotate(self, azimuth_deg: float = 0.0, elevation_deg: float = 0.0) -> None:
        camera.rotate(self.plotter.renderer, azimuth_deg, elevation_deg)

    def pickable_actors(self) -> dict[str, pv.Actor]:
        return {p: a for p, a in self.actors.items() if self.state.is_part_pickable(p)}
