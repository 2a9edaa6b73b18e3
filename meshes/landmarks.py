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
    frame: str
    position: tuple[float, float, float]
    description: str


def _mark(frame: str, x: float, y: float, z: float, description: str) -> Landmark:
    return Landmark(frame, (float(x), float(y), float(z)), description)


LANDMARKS: dict[str, Landmark] = {
    # Bony landmarks (attachments).
    "ischial_tuberosity": _mark(
        "pelvis",
        -18,
        -40,
        -55,
        "posterior ischial tuberosity, common origin of biceps long head and semitendinosus",
    ),
    "ischial_tuberosity_superolateral": _mark(
        "pelvis",
        -8,
        -36,
        -54,
        "superolateral facet of the ischial tuberosity, origin of semimembranosus",
    ),
    "linea_aspera": _mark(
        "thigh", 26, -13, -200, "linea aspera, middle of the posterior femoral shaft"
    ),
    "linea_aspera_lateral_lip": _mark(
        "thigh", 28, -13, -255, "lateral lip of the linea aspera, origin of biceps short head"
    ),
    "medial_femoral_condyle_posterior": _mark(
        "thigh",
        -21,
        -12,
        -408,
        "posterior medial femoral condyle, origin of gastrocnemius medial head",
    ),
    "lateral_femoral_condyle_posterior": _mark(
        "thigh",
        24,
        -12,
        -408,
        "posterior lateral femoral condyle, origin of gastrocnemius lateral head",
    ),
    "fibular_head": _mark(
        "shank", 53, -18, -472, "lateral head of the fibula, insertion of biceps femoris"
    ),
    "posterior_medial_tibial_condyle": _mark(
        "shank", -30, -18, -470, "posteromedial tibial condyle, insertion of semimembranosus"
    ),
    "pes_anserinus": _mark(
        "shank", -22, 15, -510, "superomedial anteromedial tibia, insertion of semitendinosus"
    ),
    "soleal_line": _mark(
        "shank", -8, -25, -506, "soleal line of the posterior tibia, tibial origin of soleus"
    ),
    "posterior_proximal_fibula": _mark(
        "shank", 36, -30, -498, "posterior fibular head and neck, fibular origin of soleus"
    ),
    "calcaneal_tuberosity": _mark(
        "foot",
        9,
        -74,
        -872,
        "middle of the posterior calcaneal surface, insertion of the calcaneal tendon",
    ),
    "medial_malleolus": _mark("shank", -30, 4, -845, "tip region of the medial malleolus"),
    "lateral_malleolus": _mark("shank", 40, -12, -855, "tip region of the lateral malleolus"),
    # Musculotendinous junctions (on the calcaneal tendon's aponeurosis, carried by the shank).
    "gastrocnemius_medial_junction": _mark(
        "shank", -6, -48, -715, "lower end of the medial head on the common aponeurosis"
    ),
    "gastrocnemius_lateral_junction": _mark(
        "shank", 10, -48, -685, "lower end of the lateral head on the common aponeurosis"
    ),
    "calcaneal_tendon_origin": _mark(
        "shank", 3, -47, -625, "top of the common aponeurosis of gastrocnemius and soleus"
    ),
    "soleus_junction": _mark(
        "shank", 5, -46, -805, "lowest soleus fibres on the front of the calcaneal tendon"
    ),
    # Via points: thigh. Each lies on the line of action (the deep side of the belly);
    # the belly itself bulges behind it (see the offsets in meshes.muscles).
    "via.biceps_long_head.upper": _mark(
        "thigh", 2, -48, -150, "biceps long head, upper posterior thigh"
    ),
    "via.biceps_long_head.middle": _mark(
        "thigh", 24, -38, -262, "biceps long head, middle of the thigh"
    ),
    "via.semitendinosus.upper": _mark(
        "thigh", -18, -50, -150, "semitendinosus, upper posterior thigh"
    ),
    "via.semitendinosus.middle": _mark(
        "thigh", -22, -58, -250, "semitendinosus, middle of the thigh, most superficial"
    ),
    "via.semitendinosus.lower": _mark(
        "thigh", -30, -50, -330, "semitendinosus tendon on the back of semimembranosus"
    ),
    "via.semimembranosus.upper": _mark(
        "thigh", -14, -40, -150, "semimembranosus, upper thigh, deep to semitendinosus"
    ),
    "via.semimembranosus.middle": _mark(
        "thigh", -24, -34, -255, "semimembranosus belly, deep to semitendinosus"
    ),
    # Via points: leg.
    "via.biceps_femoris.below_knee": _mark(
        "shank",
        50,
        -10,
        -458,
        "biceps femoris tendon at the posterolateral corner of the knee, above the fibular head",
    ),
    "via.semitendinosus.below_knee": _mark(
        "shank", -42, -10, -475, "semitendinosus tendon curving forward below the medial condyle"
    ),
    "via.soleus.upper": _mark("shank", 4, -31, -590, "soleus belly, upper calf"),
    "via.soleus.lower": _mark("shank", 1, -33, -700, "soleus belly, lower calf"),
    "via.calcaneal_tendon.lower": _mark(
        "ankle:0.2", 6, -55, -790, "calcaneal tendon above the heel"
    ),
    "via.calcaneal_tendon.heel_wrap": _mark(
        "ankle:0.8", 8, -70, -848, "calcaneal tendon over the posterosuperior calcaneus"
    ),
}


def landmark_position(name: str, pose: Pose = STANDING) -> np.ndarray:
    """World position (mm) of a named landmark in a pose.

    Example
    -------
    >>> landmark_position("fibular_head")[0] > 0  # the fibula is lateral
    True
    """
    landmark = LANDMARKS[name]
    return apply(frame_transform(landmark.frame, pose), np.array([landmark.position]))[0]


LANDMARK_NAMES: tuple[str, ...] = tuple(LANDMARKS)
LANDMARK_INDEX: dict[str, int] = {name: index for index, name in enumerate(LANDMARK_NAMES)}
_FRAMES: tuple[str, ...] = tuple(dict.fromkeys(mark.frame for mark in LANDMARKS.values()))
_FRAME_OF = np.array([_FRAMES.index(mark.frame) for mark in LANDMARKS.values()])
_STANDING_POSITIONS = np.array([mark.position for mark in LANDMARKS.values()])


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
