"""Named landmarks, each fixed in one segment's frame (standing coordinates, mm).

Muscles attach to these names and are routed through the via points below,
never through free coordinates, so moving a landmark moves every muscle that
uses it. Attachment positions follow the anatomy texts and the gait2392
model (hamstrings from the posterior ischial tuberosity; short head of biceps
from the lateral lip of the linea aspera; gastrocnemius heads from above the
posterior femoral condyles; soleus from the posterior fibular head and the
soleal line of the tibia; the calcaneal tendon to the middle of the posterior
calcaneus).

Frames named ``"ankle:0.8"`` etc. are blended frames (see ``meshes.frames``):
via points there act as pulleys that wrap the calcaneal tendon over the heel.
At the knee the muscles wrap round a cylinder instead (``meshes.muscles.knee_wrap``).

Via points lie on each muscle's line of action, close to the bone; the belly is
drawn behind it (see the offsets in ``meshes.muscles``). Thigh-side via points
sit high enough above the knee, and shank-side points far enough below it, that
knee flexion shortens every two-joint muscle all the way to 140 degrees (with a
hinge knee, a path only shortens while its shank end has not swung past its
thigh end).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from meshes.frames import apply, frame_transform
from meshes.pose import STANDING, Pose


class Landmark(NamedTuple):
    """A point fixed in one frame: where it sits standing (mm) and what it is, in words."""

    frame: str
    position_mm: tuple[float, float, float]
    description: str


LANDMARKS: dict[str, Landmark] = {
    # Bony landmarks (attachments).
    "ischial_tuberosity": Landmark(
        frame="pelvis",
        position_mm=(-18, -40, -55),
        description=(
            "posterior ischial tuberosity, common origin of biceps long head and semitendinosus"
        ),
    ),
    "ischial_tuberosity_superolateral": Landmark(
        frame="pelvis",
        position_mm=(-8, -36, -54),
        description="superolateral facet of the ischial tuberosity, origin of semimembranosus",
    ),
    "linea_aspera": Landmark(
        frame="thigh",
        position_mm=(26, -13, -200),
        description="linea aspera, middle of the posterior femoral shaft",
    ),
    "linea_aspera_lateral_lip": Landmark(
        frame="thigh",
        position_mm=(28, -13, -255),
        description="lateral lip of the linea aspera, origin of biceps short head",
    ),
    "medial_femoral_condyle_posterior": Landmark(
        frame="thigh",
        position_mm=(-21, -12, -408),
        description="posterior medial femoral condyle, origin of gastrocnemius medial head",
    ),
    "lateral_femoral_condyle_posterior": Landmark(
        frame="thigh",
        position_mm=(24, -12, -408),
        description="posterior lateral femoral condyle, origin of gastrocnemius lateral head",
    ),
    "fibular_head": Landmark(
        frame="shank",
        position_mm=(53, -18, -472),
        description="lateral head of the fibula, insertion of biceps femoris",
    ),
    "posterior_medial_tibial_condyle": Landmark(
        frame="shank",
        position_mm=(-30, -18, -470),
        description="posteromedial tibial condyle, insertion of semimembranosus",
    ),
    "pes_anserinus": Landmark(
        frame="shank",
        position_mm=(-22, 15, -510),
        description="superomedial anteromedial tibia, insertion of semitendinosus",
    ),
    "soleal_line": Landmark(
        frame="shank",
        position_mm=(-8, -25, -506),
        description="soleal line of the posterior tibia, tibial origin of soleus",
    ),
    "posterior_proximal_fibula": Landmark(
        frame="shank",
        position_mm=(36, -30, -498),
        description="posterior fibular head and neck, fibular origin of soleus",
    ),
    "calcaneal_tuberosity": Landmark(
        frame="foot",
        position_mm=(9, -74, -872),
        description="middle of the posterior calcaneal surface, insertion of the calcaneal tendon",
    ),
    "medial_malleolus": Landmark(
        frame="shank", position_mm=(-30, 4, -845), description="tip region of the medial malleolus"
    ),
    "lateral_malleolus": Landmark(
        frame="shank",
        position_mm=(40, -12, -855),
        description="tip region of the lateral malleolus",
    ),
    # Musculotendinous junctions (on the calcaneal tendon's aponeurosis, carried by the shank).
    "gastrocnemius_medial_junction": Landmark(
        frame="shank",
        position_mm=(-6, -48, -715),
        description="lower end of the medial head on the common aponeurosis",
    ),
    "gastrocnemius_lateral_junction": Landmark(
        frame="shank",
        position_mm=(10, -48, -685),
        description="lower end of the lateral head on the common aponeurosis",
    ),
    "calcaneal_tendon_origin": Landmark(
        frame="shank",
        position_mm=(3, -47, -625),
        description="top of the common aponeurosis of gastrocnemius and soleus",
    ),
    "soleus_junction": Landmark(
        frame="shank",
        position_mm=(5, -46, -805),
        description="lowest soleus fibres on the front of the calcaneal tendon",
    ),
    # Via points: thigh. Each lies on the line of action (the deep side of the belly);
    # the belly itself bulges behind it (see the offsets in meshes.muscles).
    "via.biceps_long_head.upper": Landmark(
        frame="thigh",
        position_mm=(2, -48, -150),
        description="biceps long head, upper posterior thigh",
    ),
    "via.biceps_long_head.middle": Landmark(
        frame="thigh",
        position_mm=(24, -38, -262),
        description="biceps long head, middle of the thigh",
    ),
    "via.semitendinosus.upper": Landmark(
        frame="thigh",
        position_mm=(-18, -50, -150),
        description="semitendinosus, upper posterior thigh",
    ),
    "via.semitendinosus.middle": Landmark(
        frame="thigh",
        position_mm=(-22, -58, -250),
        description="semitendinosus, middle of the thigh, most superficial",
    ),
    "via.semitendinosus.lower": Landmark(
        frame="thigh",
        position_mm=(-30, -50, -330),
        description="semitendinosus tendon on the back of semimembranosus",
    ),
    "via.semimembranosus.upper": Landmark(
        frame="thigh",
        position_mm=(-14, -40, -150),
        description="semimembranosus, upper thigh, deep to semitendinosus",
    ),
    "via.semimembranosus.middle": Landmark(
        frame="thigh",
        position_mm=(-24, -34, -255),
        description="semimembranosus belly, deep to semitendinosus",
    ),
    # Via points: leg.
    "via.biceps_femoris.below_knee": Landmark(
        frame="shank",
        position_mm=(50, -10, -458),
        description=(
            "biceps femoris tendon at the posterolateral corner of the knee, above the fibular head"
        ),
    ),
    "via.semitendinosus.below_knee": Landmark(
        frame="shank",
        position_mm=(-42, -10, -475),
        description="semitendinosus tendon curving forward below the medial condyle",
    ),
    "via.soleus.upper": Landmark(
        frame="shank", position_mm=(4, -31, -590), description="soleus belly, upper calf"
    ),
    "via.soleus.lower": Landmark(
        frame="shank", position_mm=(1, -33, -700), description="soleus belly, lower calf"
    ),
    "via.calcaneal_tendon.lower": Landmark(
        frame="ankle:0.2", position_mm=(6, -55, -790), description="calcaneal tendon above the heel"
    ),
    "via.calcaneal_tendon.heel_wrap": Landmark(
        frame="ankle:0.8",
        position_mm=(8, -70, -848),
        description="calcaneal tendon over the posterosuperior calcaneus",
    ),
}


def landmark_position(name: str, pose: Pose = STANDING) -> np.ndarray:
    """World position (mm) of a named landmark in a pose.

    Example
    -------
    >>> bool(landmark_position("fibular_head")[0] > 0)  # the fibula is lateral
    True
    """
    landmark = LANDMARKS[name]
    return apply(frame_transform(landmark.frame, pose), np.array([landmark.position_mm], float))[0]


LANDMARK_NAMES: tuple[str, ...] = tuple(LANDMARKS)
LANDMARK_INDEX: dict[str, int] = {name: index for index, name in enumerate(LANDMARK_NAMES)}
_FRAMES: tuple[str, ...] = tuple(dict.fromkeys(mark.frame for mark in LANDMARKS.values()))
_FRAME_OF = np.array([_FRAMES.index(mark.frame) for mark in LANDMARKS.values()])
_STANDING_POSITIONS = np.array([mark.position_mm for mark in LANDMARKS.values()], float)


@lru_cache(maxsize=64)
def all_landmark_positions(pose: Pose = STANDING) -> np.ndarray:
    """``(n, 3)`` world positions of every landmark (``LANDMARK_INDEX`` order), one pass.

    Cached and read-only: one re-pose asks for the same pose once per muscle.
    """
    transforms = np.stack([frame_transform(frame, pose) for frame in _FRAMES])[_FRAME_OF]
    positions = np.einsum("nij,nj->ni", transforms[:, :3, :3], _STANDING_POSITIONS)
    positions += transforms[:, :3, 3]
    positions.setflags(write=False)
    return positions


def landmark_positions(names: tuple[str, ...], pose: Pose = STANDING) -> np.ndarray:
    """``(n, 3)`` world positions of several landmarks, in order."""
    return all_landmark_positions(pose)[[LANDMARK_INDEX[name] for name in names]]
