"""What stays fixed in each exercise and stretch, and what surrounds it.

The cards (annotations/data) give each movement's joint angles; this table
adds where the movement happens in the world: the support that stays put
(``meshes.placement``), the props drawn around it (a seat, a wall, a step)
and how the other leg stands, so the model looks like the exercise: feet on
the floor for squats, deadlifts and calf raises, a seat for seated curls,
the floor for bridges and Nordic curls. Movements not listed stand on the
other leg with the pelvis fixed, which is how the atlas always posed them.
"""

from __future__ import annotations

from dataclasses import dataclass

from meshes.pose import STANDING, Pose
from meshes.support_table import SUPPORTS

#: Props that can be drawn besides the floor.
PROPS: tuple[str, ...] = ("seat", "wall", "step", "bench")
#: Where the hands are: hanging (straight down from the shoulders), along the trunk,
#: on the floor ahead (downward dog), on the wall, or at the ankle (quadriceps stretch).
HANDS: tuple[str, ...] = ("hang", "side", "floor", "wall", "ankle")


@dataclass(frozen=True)
class Setting:
    """Where a movement happens: what stays fixed, the props, the other leg's pose."""

    support: str = "standing"
    props: tuple[str, ...] = ()
    #: The other leg: ``"same"`` mirrors this leg's pose (both legs work), a Pose holds it
    #: there (one-legged movements), None leaves it out.
    other_leg: str | Pose | None = STANDING
    hands: str = "side"

    def __post_init__(self) -> None:
        if self.hands not in HANDS:
            raise ValueError(f"unknown hands {self.hands!r}; valid: {', '.join(HANDS)}")
        if self.support not in SUPPORTS:
            raise ValueError(f"unknown support {self.support!r}")
        unknown = set(self.props) - set(PROPS)
        if unknown:
            raise ValueError(f"unknown props {sorted(unknown)}; valid: {', '.join(PROPS)}")


SAME = "same"
DEFAULT_SETTING = Setting()

#: By exercise or stretch id (former ids included, so a renamed card keeps its setting).
SETTINGS: dict[str, Setting] = {
    "romanian_deadlift": Setting("foot", other_leg=SAME, hands="hang"),
    "deadlift": Setting("foot", other_leg=SAME, hands="hang"),
    "conventional_deadlift": Setting("foot", other_leg=SAME, hands="hang"),
    "leg_curl": Setting("prone", props=("bench",), other_leg=STANDING),
    "seated_leg_curl": Setting("seated", props=("seat",), other_leg=SAME),
    "nordic_curl": Setting("kneeling", other_leg=SAME),
    "hamstring_bridge": Setting("bridge", other_leg=SAME),
    "standing_calf_raise": Setting("forefoot", other_leg=SAME),
    "seated_soleus_raise": Setting("seated", props=("seat",), other_leg=SAME),
    "towel_toe_curl": Setting("seated", props=("seat",), other_leg=SAME),
    "single_leg_balance": Setting("forefoot", other_leg=STANDING),
    "sciatic_nerve_glide": Setting("seated", props=("seat",), other_leg=SAME),
    "slr_with_dorsiflexion": Setting("supine", other_leg=STANDING),
    "box_jump": Setting("foot", other_leg=SAME),
    "stair_climbing": Setting("foot", props=("step",), other_leg=STANDING),
    "seated_forward_bend": Setting("floor_sitting", other_leg=SAME),
    "wall_calf_stretch": Setting(
        "foot",
        props=("wall",),
        other_leg=Pose(hip_flexion=35.0, knee_flexion=40.0, ankle_dorsiflexion=5.0),
        hands="wall",
    ),
    "bent_knee_calf_stretch": Setting("foot", other_leg=SAME),
    "downward_dog": Setting("foot", other_leg=SAME, hands="floor"),
    "warrior_two": Setting(
        "foot", other_leg=Pose(hip_flexion=50.0, knee_flexion=80.0, ankle_dorsiflexion=20.0)
    ),
    "standing_quadriceps_stretch": Setting("standing", other_leg=STANDING, hands="ankle"),
    "lying_hamstring_stretch": Setting("supine", other_leg=STANDING),
    "leg_swings": Setting("standing", other_leg=STANDING),
    "walking_leg_kicks": Setting("standing", other_leg=STANDING),
    "inchworm": Setting("foot", other_leg=SAME, hands="floor"),
    # One-legged hinges: the free leg stays in line with the trunk as it tips forward.
    "single_leg_romanian_deadlift": Setting("foot", other_leg=STANDING, hands="hang"),
    "askling_diver": Setting("foot", other_leg=STANDING, hands="hang"),
    "askling_glider": Setting("foot", other_leg=Pose(hip_flexion=-20.0, knee_flexion=10.0)),
    "askling_extender": Setting("supine", other_leg=STANDING),
    # A back-extension bench holds the legs at a 45-degree lean; the trunk moves.
    "hip_extension_45": Setting("inclined", other_leg=SAME),
    "isometric_bridge_hold": Setting("bridge", other_leg=SAME),
    # Heel drops on a step's edge: the other foot is lifted while the working heel lowers.
    "eccentric_heel_drop": Setting("step_edge", props=("step",), other_leg=Pose(knee_flexion=60.0)),
    "isometric_calf_hold": Setting("forefoot", other_leg=SAME),
    # Clinical tests with a position (the cards' clinical tests).
    "thompson_test": Setting("prone", props=("bench",), other_leg=STANDING),
    "ankle_jerk_reflex": Setting("seated", props=("seat",), other_leg=SAME),
    "silfverskiold_test": Setting("supine", other_leg=STANDING),
    "straight_leg_raise": Setting("supine", other_leg=STANDING),
    "active_knee_extension": Setting("supine", other_leg=STANDING),
    "single_leg_heel_raise_test": Setting("forefoot", other_leg=Pose(knee_flexion=60.0)),
}


def setting_for(motion_id: str | None) -> Setting:
    """The setting of an exercise or stretch (standing on the other leg when not listed)."""
    return SETTINGS.get(motion_id or "", DEFAULT_SETTING)
