"""Named landmarks, each fixed in one segment's frame (standing coordinates, mm).

Muscles attach to these names and are routed through the via points below,
never through free coordinates, so moving a landmark moves every muscle that
uses it. Attachment positions follow the anatomy texts and the gait2392
model (hamstrings from the posterior ischial tuberosity; short head of biceps
from the lateral lip of the linea aspera; gastrocnemius heads from above the
posterior femoral condyles; soleus from the posterior fibular head and the
soleal line of the tibia; the calcaneal tendon to the middle of the posterior
calcaneus).

Frames named ``"knee:0.5"`` etc. are blended frames (see ``meshes.frames``):
via points there act as pulleys that wrap a muscle over a joint.
"""

from __future__ import annotations

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
        -28,
        -55,
        -68,
        "posterior ischial tuberosity, common origin of biceps long head and semitendinosus",
    ),
    "ischial_tuberosity_superolateral": _mark(
        "pelvis",
        -17,
        -52,
        -64,
        "superolateral facet of the ischial tuberosity, origin of semimembranosus",
    ),
    "linea_aspera": _mark(
        "thigh", 24, -18, -200, "linea aspera, middle of the posterior femoral shaft"
    ),
    "linea_aspera_lateral_lip": _mark(
        "thigh", 30, -21, -250, "lateral lip of the linea aspera, origin of biceps short head"
    ),
    "medial_femoral_condyle_posterior": _mark(
        "thigh",
        -21,
        -30,
        -400,
        "posterior medial femoral condyle, origin of gastrocnemius medial head",
    ),
    "lateral_femoral_condyle_posterior": _mark(
        "thigh",
        24,
        -30,
        -402,
        "posterior lateral femoral condyle, origin of gastrocnemius lateral head",
    ),
    "fibular_head": _mark(
        "shank", 55, -23, -480, "lateral head of the fibula, insertion of biceps femoris"
    ),
    "posterior_medial_tibial_condyle": _mark(
        "shank", -30, -22, -467, "posteromedial tibial condyle, insertion of semimembranosus"
    ),
    "pes_anserinus": _mark(
        "shank", -22, 15, -510, "superomedial anteromedial tibia, insertion of semitendinosus"
    ),
    "soleal_line": _mark(
        "shank", -8, -24, -508, "soleal line of the posterior tibia, tibial origin of soleus"
    ),
    "posterior_proximal_fibula": _mark(
        "shank", 38, -36, -498, "posterior fibular head and neck, fibular origin of soleus"
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
        "shank", -4, -60, -672, "lower end of the medial head on the common aponeurosis"
    ),
    "gastrocnemius_lateral_junction": _mark(
        "shank", 12, -60, -640, "lower end of the lateral head on the common aponeurosis"
    ),
    "calcaneal_tendon_origin": _mark(
        "shank", 4, -58, -645, "top of the common aponeurosis of gastrocnemius and soleus"
    ),
    "soleus_junction": _mark(
        "shank", 5, -48, -780, "lowest soleus fibres on the front of the calcaneal tendon"
    ),
    # Via points: thigh.
    "via.biceps_long_head.upper": _mark(
        "thigh", -12, -64, -130, "biceps long head, upper posterior thigh"
    ),
    "via.biceps_long_head.middle": _mark(
        "thigh", 12, -66, -250, "biceps long head, middle of the thigh"
    ),
    "via.biceps_long_head.lower": _mark(
        "thigh", 40, -52, -365, "biceps long head, above the knee laterally"
    ),
    "via.biceps_short_head.lower": _mark(
        "thigh", 44, -40, -370, "biceps short head, above the knee laterally"
    ),
    "via.semitendinosus.upper": _mark(
        "thigh", -28, -68, -140, "semitendinosus, upper posterior thigh"
    ),
    "via.semitendinosus.middle": _mark(
        "thigh", -28, -70, -250, "semitendinosus, middle of the thigh, most superficial"
    ),
    "via.semitendinosus.lower": _mark(
        "thigh", -40, -52, -370, "semitendinosus tendon, posteromedial above the knee"
    ),
    "via.semimembranosus.upper": _mark(
        "thigh", -22, -50, -130, "semimembranosus, upper thigh, deep to semitendinosus"
    ),
    "via.semimembranosus.middle": _mark(
        "thigh", -26, -42, -270, "semimembranosus belly, deep to semitendinosus"
    ),
    "via.semimembranosus.lower": _mark(
        "thigh", -34, -38, -380, "semimembranosus, posteromedial above the knee"
    ),
    # Via points: pulleys at the hip (under the ischial tuberosity) and knee (behind the condyles).
    "via.hamstrings.hip_wrap": _mark(
        "hip:0.5", -22, -64, -100, "hamstrings wrapping under the ischial tuberosity"
    ),
    "via.semimembranosus.hip_wrap": _mark(
        "hip:0.5", -18, -56, -100, "semimembranosus under the tuberosity, deep to the others"
    ),
    "via.biceps.knee_wrap": _mark(
        "knee:0.5", 48, -38, -440, "biceps tendon behind the lateral knee"
    ),
    "via.semitendinosus.knee_wrap": _mark(
        "knee:0.5", -44, -36, -438, "semitendinosus tendon behind the medial knee"
    ),
    "via.semimembranosus.knee_wrap": _mark(
        "knee:0.5", -36, -36, -446, "semimembranosus behind the medial condyle"
    ),
    "via.gastrocnemius_medial.knee_wrap": _mark(
        "knee:0.5", -21, -50, -440, "medial head over the medial condyle"
    ),
    "via.gastrocnemius_lateral.knee_wrap": _mark(
        "knee:0.5", 22, -49, -442, "lateral head over the lateral condyle"
    ),
    # Via points: leg.
    "via.semitendinosus.below_knee": _mark(
        "shank", -41, -10, -490, "semitendinosus tendon curving forward below the medial condyle"
    ),
    "via.gastrocnemius_medial.belly": _mark(
        "shank", -19, -64, -540, "medial head, widest part of the belly"
    ),
    "via.gastrocnemius_lateral.belly": _mark(
        "shank", 22, -62, -535, "lateral head, widest part of the belly"
    ),
    "via.soleus.upper": _mark("shank", 4, -35, -590, "soleus belly, upper calf"),
    "via.soleus.lower": _mark("shank", -2, -36, -700, "soleus belly, lower calf"),
    "via.calcaneal_tendon.lower": _mark(
        "ankle:0.2", 6, -56, -790, "calcaneal tendon above the heel"
    ),
    "via.calcaneal_tendon.heel_wrap": _mark(
        "ankle:0.8", 8, -71, -848, "calcaneal tendon over the posterosuperior calcaneus"
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


def landmark_positions(names: tuple[str, ...], pose: Pose = STANDING) -> np.ndarray:
    """``(n, 3)`` world positions of several landmarks, in order."""
    return np.stack([landmark_position(name, pose) for name in names])
