"""The world around a movement: the floor, a seat, a wall or a step, and a faint body.

Drawn only while a movement's setting applies (``AtlasState.world``): the leg
alone is the atlas; the leg on the floor with a translucent trunk and other
leg is the exercise. Nothing here is pickable or labelled. Props are made
once and then only moved or hidden, since adding an actor costs far more
than a frame may.
"""

from __future__ import annotations

import numpy as np
import pyvista as pv

from meshes.placement import (
    FLOOR_LYING_Z,
    MIDLINE_X_MM,
    ball_of_foot,
    ground_z,
    seated_floor_z,
)
from meshes.pose import Pose
from meshes.silhouette import mirrored, trunk_mesh
from viewer.model.supports import SAME, Setting

FLOOR_COLOUR = (0.56, 0.58, 0.62)  # mid grey: a floor on the dark view and on a white slide
PROP_COLOUR = (0.62, 0.56, 0.48)  # wood-ish: seat, step, bench
WALL_COLOUR = (0.80, 0.81, 0.83)
WALL_OPACITY = 0.45  # see-through, so it never hides the body leaning on it
BODY_COLOUR = (0.82, 0.84, 0.88)
BODY_OPACITY = 0.22
FLOOR_RADIUS_MM = 950.0
STEP_HEIGHT_MM = 170.0
SEAT_HEIGHT_MM = 440.0
BENCH_HEIGHT_MM = 450.0
WALL_REACH_MM = 620.0  # from the shoulders to the wall, arms out


class Surroundings:
    """Floor, props and the faint body, kept in step with the scene's placement."""

    def __init__(self, plotter: pv.BasePlotter) -> None:
        self.plotter = plotter
        self.actors: dict[str, pv.Actor] = {}
        self._other_leg_mesh: pv.PolyData | None = None
        self._other_leg_key: object = None
        self.shown: set[str] = set()
        self._made: dict[str, object] = {}  # each prop's bounds when last built

    def _actor(self, name: str, mesh: pv.PolyData, colour, opacity: float = 1.0) -> pv.Actor:
        if name not in self.actors:
            self.actors[name] = self.plotter.add_mesh(
                mesh,
                color=colour,
                opacity=opacity,
                pickable=False,
                reset_camera=False,
                ambient=0.3,
                diffuse=0.7,
                specular=0.0,
                name=f"surroundings-{name}",
            )
        return self.actors[name]

    def hide(self) -> None:
        for actor in self.actors.values():
            actor.visibility = False
        self.shown = set()

    def update(
        self,
        setting: Setting | None,
        transform: np.ndarray,
        posed_skin,
        repose_skin,
        hand_target=None,
    ):
        """Show the setting's floor, props and body for the leg placed by ``transform``.

        ``posed_skin`` is the leg's skin before placement; ``repose_skin(pose)`` gives the
        skin in another pose (for a one-legged movement's other leg); ``hand_target`` is
        where a hand holding this leg goes (the ankle, in the world).
        """
        if setting is None:
            self.hide()
            return
        wanted: dict[str, tuple[pv.PolyData, tuple, float] | None] = {}
        hip = transform[:3, 3]
        floor = ground_z(setting.support)
        if setting.support == "seated":
            floor = seated_floor_z()
        if "step" in setting.props:
            # On a step's edge only the front of the foot rests on it; the heel hangs free.
            back = ball_of_foot()[1] - 35.0 if setting.support == "step_edge" else -140.0
            wanted["step"] = (_box((-200, 200), (back, 320), (floor - STEP_HEIGHT_MM, floor)),
                              PROP_COLOUR, 1.0)  # fmt: skip
            floor -= STEP_HEIGHT_MM
        if "bench" in setting.props:
            top = FLOOR_LYING_Z
            wanted["bench"] = (_box((MIDLINE_X_MM - 230, MIDLINE_X_MM + 230), (-380, 900),
                                    (top - BENCH_HEIGHT_MM, top)), PROP_COLOUR, 1.0)  # fmt: skip
            floor = top - BENCH_HEIGHT_MM
        if setting.support == "seated":
            top = -75.0
            wanted["seat"] = (_box((MIDLINE_X_MM - 240, 130), (-220, 260), (floor, top)),
                              PROP_COLOUR, 1.0)  # fmt: skip
        if "wall" in setting.props:
            shoulder = transform[:3, :3] @ np.array([MIDLINE_X_MM, 0.0, 500.0]) + hip
            y = shoulder[1] + WALL_REACH_MM
            wanted["wall"] = (_box((MIDLINE_X_MM - 500, MIDLINE_X_MM + 500), (y, y + 30),
                                   (floor, floor + 1900)), WALL_COLOUR, WALL_OPACITY)  # fmt: skip
        for name, (mesh, colour, opacity) in list(wanted.items()):
            if name in self.actors and self._made.get(name) != mesh.bounds:
                self.actors[name].mapper.dataset.copy_from(mesh)
            self._made[name] = mesh.bounds
            self._actor(name, mesh, colour, opacity).visibility = True
        # One disc made once, moved under the body.
        floor_actor = self._actor("floor", _floor((0.0, 0.0), 0.0), FLOOR_COLOUR)
        floor_actor.position = (MIDLINE_X_MM, hip[1] + 150.0, floor)
        floor_actor.visibility = True
        wanted["floor"] = None
        trunk = self._actor("trunk", trunk_mesh(), BODY_COLOUR, BODY_OPACITY)
        trunk.user_matrix = transform
        trunk.visibility = True
        arms = _arms(setting.hands, transform, floor, wanted.get("wall"), hand_target)
        if "arms" in self.actors:
            self.actors["arms"].mapper.dataset.copy_from(arms)
        self._actor("arms", arms, BODY_COLOUR, BODY_OPACITY).visibility = True
        shown = {*wanted, "trunk", "arms"}
        other = self._other_leg(setting, posed_skin, repose_skin)
        if other is not None:
            if "other_leg" in self.actors:
                self.actors["other_leg"].mapper.dataset.points = other.points
            actor = self._actor("other_leg", other, BODY_COLOUR, BODY_OPACITY)
            actor.user_matrix = transform
            actor.visibility = True
            shown.add("other_leg")
        for name, actor in self.actors.items():
            if name not in shown:
                actor.visibility = False
        self.shown = shown

    def _other_leg(self, setting: Setting, posed_skin, repose_skin) -> pv.PolyData | None:
        if setting.other_leg is None:
            return None
        if setting.other_leg == SAME:
            self._other_leg_mesh, self._other_leg_key = None, None
            return mirrored(posed_skin)
        # Keyed by the skin's density too: made from the coarse twins while the view moves,
        # it is made again from the full skin once it is still.
        key = (setting.other_leg, posed_skin.n_points)
        if self._other_leg_key != key:
            pose = setting.other_leg
            assert isinstance(pose, Pose)
            self._other_leg_mesh = mirrored(repose_skin(pose))
            self._other_leg_key = key
        return self._other_leg_mesh

    def bounds_of_body(self, transform: np.ndarray) -> np.ndarray:
        """Box round the trunk, head and a held other leg placed by ``transform`` (for
        framing a movement; a mirrored other leg spans the same heights as this one)."""
        points = np.asarray(trunk_mesh().points)
        if self._other_leg_mesh is not None and "other_leg" in self.shown:
            points = np.concatenate([points, np.asarray(self._other_leg_mesh.points)[::10]])
        points = points @ transform[:3, :3].T + transform[:3, 3]
        low, high = points.min(axis=0), points.max(axis=0)
        return np.array([low[0], high[0], low[1], high[1], low[2], high[2]])


ARM_LENGTH_MM = 620.0
ARM_RADIUS_MM = 38.0
SHOULDER_HALF_WIDTH_MM = 175.0


def _arms(hands: str, transform: np.ndarray, floor: float, wall, hand_target) -> pv.PolyData:
    """Two straight arms as tubes from the shoulders to where the setting puts the hands."""
    rotation, offset = transform[:3, :3], transform[:3, 3]
    tubes = []
    for side in (-1.0, 1.0):
        shoulder_local = np.array([MIDLINE_X_MM + side * SHOULDER_HALF_WIDTH_MM, -10.0, 500.0])
        shoulder = rotation @ shoulder_local + offset
        down_trunk = rotation @ np.array([0.0, 0.03, -1.0])
        hand = shoulder + ARM_LENGTH_MM * down_trunk / np.linalg.norm(down_trunk)
        if hands == "hang":
            hand = shoulder + np.array([0.0, 0.0, -ARM_LENGTH_MM])
        elif hands == "floor":
            # Hands on the floor ahead of the shoulders, as in a downward dog.
            height = max(0.0, shoulder[2] - floor)
            hand = shoulder + np.array([0.0, 0.35 * height, -height])
        elif hands == "wall" and wall is not None:
            wall_y = wall[0].bounds[2]
            reach = max(0.0, wall_y - shoulder[1])
            hand = shoulder + np.array([0.0, reach, -0.15 * reach])
        elif hands == "ankle" and hand_target is not None and side > 0:
            hand = np.asarray(hand_target, dtype=float)
        tubes.append(pv.Line(shoulder, hand).tube(radius=ARM_RADIUS_MM, n_sides=12, capping=True))
    return tubes[0].merge(tubes[1]).triangulate()


def _box(x, y, z) -> pv.PolyData:
    return pv.Box(bounds=(*x, *y, *z)).triangulate()


def _floor(centre, z: float) -> pv.PolyData:
    """A round patch of floor: reads as the ground without a hard edge across the view."""
    return pv.Disc(
        center=(centre[0], centre[1], z), inner=0.0, outer=FLOOR_RADIUS_MM, c_res=64
    ).triangulate()
