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


@dataclass(frozen=True)
class Setting:
    """Where a movement happens: what stays fixed, the props, the other leg's pose."""

    support: str = "standing"
    props: tuple[str, ...] = ()
    #: The other leg: ``"same"`` mirrors this leg's pose (both legs work), a Pose holds it
    #: there (one-legged movements), None leaves it out.
    other_leg: str | Pose | None = STANDING

    def __post_init__(self) -> None:
        if self.support not in SUPPORTS:
            raise ValueError(f"unknown support {self.support!r}")
        unknown = set(self.props) - set(PROPS)
        if unknown:
            raise ValueError(f"unknown props {sorted(unknown)}; valid: {', '.join(PROPS)}")


SAME = "same"
DEFAULT_SETTING = Setting()

#: By exercise or stretch id (former ids included, so a renamed card keeps its setting).
SETTINGS: dict[str, Setting] = {
    "romanian_deadlift": Setting("foot", other_leg=SAME),
    "deadlift": Setting("foot", other_leg=SAME),
    "conventional_deadlift": Setting("foot", other_leg=SAME),
    "leg_curl": Setting("prone", props=("bench",), other_leg=STANDING),
    "seated_leg_curl": Setting("seated", props=("seat",), other_leg=SAME),
    "nordic_curl": Setting("kneeling", other_leg=SAME),
    "hamstring_bridge": Setting("bridge", other_leg=SAME),
    "standing_calf_raise": Setting("forefoot", other_leg=SAME),
    "seated_soleus_raise": Setting("seated", props=("seat",), other_leg=SAME),
    "box_jump": Setting("foot", other_leg=SAME),
    "stair_climbing": Setting("foot", props=("step",), other_leg=STANDING),
    "seated_forward_bend": Setting("floor_sitting", other_leg=SAME),
    "wall_calf_stretch": Setting(
        "foot",
        props=("wall",),
        other_leg=Pose(hip_flexion=35.0, knee_flexion=40.0, ankle_dorsiflexion=5.0),
    ),
    "bent_knee_calf_stretch": Setting("foot", other_leg=SAME),
    "downward_dog": Setting("foot", other_leg=SAME),
    "warrior_two": Setting(
        "foot", other_leg=Pose(hip_flexion=50.0, knee_flexion=80.0, ankle_dorsiflexion=20.0)
    ),
    "standing_quadriceps_stretch": Setting("standing", other_leg=STANDING),
    "lying_hamstring_stretch": Setting("supine", other_leg=STANDING),
    "leg_swings": Setting("standing", other_leg=STANDING),
    "walking_leg_kicks": Setting("standing", other_leg=STANDING),
    "inchworm": Setting("foot", other_leg=SAME),
}


def setting_for(motion_id: str | None) -> Setting:
    """The setting of an exercise or stretch (standing on the other leg when not listed)."""
    return SETTINGS.get(motion_id or "", DEFAULT_SETTING)
