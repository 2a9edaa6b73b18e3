"""Named landmarks, each fixed in one segment's frame (standing coordinates, mm).

Muscles attach to these names and are routed through the via points below,
never through free coordinates, so moving a landmark moves every muscle that
uses it. Bony attachments are the muscle sites of the reference model
(Rajagopal et al. 2016, through ``meshes.reference``), carried into the atlas
frame and moved onto the nearest point of the real bone surface, then 4 mm
out along its normal: a line of action runs through the middle of a tendon,
not on the bone. The comment on each names its site. Where the model's site
is a path point off the bone (the medial gastrocnemius head), the landmark
sits on the bony surface the texts name (the popliteal surface above the
condyle).

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
from meshes.routes import ROUTE_POINTS


class Landmark(NamedTuple):
    """A point fixed in one frame: where it sits standing (mm) and what it is, in words."""

    frame: str
    position_mm: tuple[float, float, float]
    description: str


LANDMARKS: dict[str, Landmark] = {
    # Bony landmarks (attachments).
    "ischial_tuberosity": Landmark(
        # Rajagopal 2016 sites bflh-P1 and semiten-P1, 4 mm off the bone surface.
        frame="pelvis",
        position_mm=(-21, -54, -42),
        description=(
            "posterior ischial tuberosity, common origin of biceps long head and semitendinosus"
        ),
    ),
    "ischial_tuberosity_superolateral": Landmark(
        # Rajagopal 2016 site semimem-P1, 4 mm off the bone surface.
        frame="pelvis",
        position_mm=(-17, -44, -40),
        description="superolateral facet of the ischial tuberosity, origin of semimembranosus",
    ),
    "linea_aspera": Landmark(
        # posterior surface of the femoral shaft.
        frame="thigh",
        position_mm=(28, 3, -204),
        description="linea aspera, middle of the posterior femoral shaft",
    ),
    "linea_aspera_lateral_lip": Landmark(
        # Rajagopal 2016 site bfsh-P1, 4 mm off the bone surface.
        frame="thigh",
        position_mm=(27, 4, -221),
        description="lateral lip of the linea aspera, origin of biceps short head",
    ),
    # The short head's fleshy origin runs along a line of bone, not a point (gray1918,
    # kenhub_biceps_femoris): the lower half of the linea aspera's lateral lip and on down the
    # lateral supracondylar line. These two ends lie on the real femur, 4 mm off its surface;
    # bfsh-P1 above lies between them.
    "linea_aspera_lateral_lip_upper": Landmark(
        frame="thigh",
        position_mm=(37, 1, -191),
        description="lateral lip of the linea aspera at mid-shaft, top of biceps short head origin",
    ),
    "linea_aspera_lateral_lip_lower": Landmark(
        frame="thigh",
        position_mm=(28, 8, -280),
        description="lower lateral lip of the linea aspera, middle of biceps short head origin",
    ),
    "lateral_supracondylar_line_upper": Landmark(
        frame="thigh",
        position_mm=(23, 6, -345),
        description="lateral supracondylar line, lower end of biceps short head origin",
    ),
    "medial_femoral_condyle_posterior": Landmark(
        # Rajagopal 2016 site gasmed-P1, moved onto the popliteal surface.
        frame="thigh",
        position_mm=(-18, 3, -402),
        description="posterior medial femoral condyle, origin of gastrocnemius medial head",
    ),
    "lateral_femoral_condyle_posterior": Landmark(
        # Rajagopal 2016 site gaslat-P1, 4 mm off the bone surface.
        frame="thigh",
        position_mm=(29, -3, -407),
        description="posterior lateral femoral condyle, origin of gastrocnemius lateral head",
    ),
    "fibular_head": Landmark(
        # Rajagopal 2016 sites bflh-P3 and bfsh-P2, 4 mm off the bone surface.
        frame="shank",
        position_mm=(32, -30, -472),
        description="lateral head of the fibula, insertion of biceps femoris",
    ),
    "posterior_medial_tibial_condyle": Landmark(
        # Rajagopal 2016 site semimem-P2, moved round to the medial groove; 4 mm off the bone.
        frame="shank",
        position_mm=(-32, -18, -468),
        description="posteromedial tibial condyle, insertion of semimembranosus",
    ),
    "pes_anserinus": Landmark(
        # Rajagopal 2016 site semiten-P3, 4 mm off the bone surface.
        frame="shank",
        position_mm=(-13, -3, -510),
        description="superomedial anteromedial tibia, insertion of semitendinosus",
    ),
    "soleal_line": Landmark(
        # Rajagopal 2016 site soleus-P1, 4 mm off the bone surface.
        frame="shank",
        position_mm=(9, -13, -525),
        description="soleal line of the posterior tibia, tibial origin of soleus",
    ),
    "posterior_proximal_fibula": Landmark(
        # posterior surface of the fibular neck, 4 mm off the bone.
        frame="shank",
        position_mm=(20, -36, -503),
        description="posterior fibular head and neck, fibular origin of soleus",
    ),
    "calcaneal_tuberosity": Landmark(
        # centre of the posterior calcaneal surface.
        frame="foot",
        position_mm=(2, -62, -866),
        description="middle of the posterior calcaneal surface, insertion of the calcaneal tendon",
    ),
    "medial_malleolus": Landmark(
        # most medial point of the medial malleolus.
        frame="shank",
        position_mm=(-31, -9, -820),
        description="tip region of the medial malleolus",
    ),
    "lateral_malleolus": Landmark(
        # most lateral point of the lateral malleolus.
        frame="shank",
        position_mm=(39, -23, -819),
        description="tip region of the lateral malleolus",
    ),
    # Deep calf, plantaris, popliteus, and the thigh muscles at the pes anserinus. Sites of the
    # reference model (Rajagopal 2016) where it has the muscle, 4 mm off the bone; the rest by
    # the textbook landmarks each description names.
    "popliteal_groove": Landmark(
        # textbook: the anterior end of the groove on the lateral femoral condyle.
        frame="thigh",
        position_mm=(43, -10, -441),
        description="popliteal groove of the lateral femoral condyle, origin of popliteus",
    ),
    "posterior_tibia_above_soleal_line": Landmark(
        # textbook: the triangular area above the soleal line.
        frame="shank",
        position_mm=(-10, -22, -502),
        description="posterior tibia above the soleal line, insertion of popliteus",
    ),
    "lateral_supracondylar_line": Landmark(
        # textbook: just above and medial to the lateral head of gastrocnemius.
        frame="thigh",
        position_mm=(22, -6, -392),
        description="lower lateral supracondylar line of the femur, origin of plantaris",
    ),
    "calcaneus_medial_to_tendon": Landmark(
        # textbook: the calcaneus medial to the calcaneal tendon's insertion.
        frame="foot",
        position_mm=(-10, -56, -862),
        description="posterior calcaneus medial to the calcaneal tendon, insertion of plantaris",
    ),
    "tibialis_posterior_origin": Landmark(
        # Rajagopal 2016 site tibpost-P1, 4 mm off the bone surface.
        frame="shank",
        position_mm=(12, -12, -556),
        description="posterior tibia, membrane and fibula, origin of tibialis posterior",
    ),
    "navicular_tuberosity": Landmark(
        # Rajagopal 2016 site tibpost-P4, 4 mm off the bone surface.
        frame="foot",
        position_mm=(-21, 29, -864),
        description="tuberosity of the navicular, main insertion of tibialis posterior",
    ),
    "posterior_tibia_below_soleal_line": Landmark(
        # Rajagopal 2016 site fdl-P1, 4 mm off the bone surface.
        frame="shank",
        position_mm=(-3, -12, -615),
        description="posterior tibia below the soleal line, origin of flexor digitorum longus",
    ),
    "lateral_toe_distal_phalanx": Landmark(
        # Rajagopal 2016 site fdl-P8, 4 mm off the bone surface.
        frame="foot",
        position_mm=(32, 175, -890),
        description="base of a lateral distal phalanx, insertion of flexor digitorum longus",
    ),
    "posterior_fibula_lower": Landmark(
        # Rajagopal 2016 site fhl-P1, moved medially onto the interosseous membrane, where the
        # line of action runs (the reference fibula lies further back than the texts').
        frame="shank",
        position_mm=(8, -28, -640),
        description="lower posterior fibula and membrane, origin of flexor hallucis longus",
    ),
    "hallux_distal_phalanx": Landmark(
        # Rajagopal 2016 site fhl-P7, 4 mm off the bone surface.
        frame="foot",
        position_mm=(-13, 188, -893),
        description="distal phalanx of the great toe, insertion of flexor hallucis longus",
    ),
    "ischial_tuberosity_inferolateral": Landmark(
        # Rajagopal 2016 site addmagIsch-P1, 4 mm off the bone surface.
        frame="pelvis",
        position_mm=(-42, -33, -56),
        description="inferolateral ischial tuberosity, origin of adductor magnus's hamstring part",
    ),
    "adductor_tubercle": Landmark(
        # Rajagopal 2016 site addmagIsch-P2, 4 mm off the bone surface.
        frame="thigh",
        position_mm=(-34, 2, -410),
        description="adductor tubercle of the femur, insertion of adductor magnus's hamstring part",
    ),
    "inferior_pubic_ramus": Landmark(
        # Rajagopal 2016 site grac-P1, 4 mm off the bone surface.
        frame="pelvis",
        position_mm=(-58, 10, -52),
        description="body and inferior ramus of the pubis, origin of gracilis",
    ),
    "pes_anserinus_gracilis": Landmark(
        # Rajagopal 2016 site grac-P3, 4 mm off the bone surface.
        frame="shank",
        position_mm=(-14, -1, -502),
        description="upper medial tibia above semitendinosus, insertion of gracilis",
    ),
    "anterior_superior_iliac_spine": Landmark(
        # Rajagopal 2016 site sart-P1, 4 mm off the bone surface.
        frame="pelvis",
        position_mm=(31, 36, 64),
        description="anterior superior iliac spine, origin of sartorius",
    ),
    "pes_anserinus_sartorius": Landmark(
        # Rajagopal 2016 site sart-P5, 4 mm off the bone surface.
        frame="shank",
        position_mm=(-7, 13, -509),
        description="upper medial tibia in front of gracilis, insertion of sartorius",
    ),
    # Musculotendinous junctions (on the calcaneal tendon's aponeurosis, carried by the shank).
    "gastrocnemius_medial_junction": Landmark(
        frame="shank",
        position_mm=(-6, -54, -715),
        description="lower end of the medial head on the common aponeurosis",
    ),
    "gastrocnemius_lateral_junction": Landmark(
        frame="shank",
        position_mm=(10, -57, -685),
        description="lower end of the lateral head on the common aponeurosis",
    ),
    "calcaneal_tendon_origin": Landmark(
        frame="shank",
        position_mm=(3, -53, -625),
        description="top of the common aponeurosis of gastrocnemius and soleus",
    ),
    "soleus_junction": Landmark(
        frame="shank",
        position_mm=(5, -50, -805),
        description="lowest soleus fibres on the front of the calcaneal tendon",
    ),
    # Via points: pelvis. Below the ischial tuberosity the hamstrings turn round its lower
    # end when the hip flexes, instead of cutting through the bone.
    "via.hamstrings.below_tuberosity": Landmark(
        frame="pelvis",
        position_mm=(-24, -47, -60),
        description="hamstring tendons below and behind the ischial tuberosity",
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
        frame="shank", position_mm=(6, -45, -590), description="soleus belly, upper calf"
    ),
    "via.soleus.lower": Landmark(
        frame="shank", position_mm=(3, -45, -700), description="soleus belly, lower calf"
    ),
    "via.calcaneal_tendon.lower": Landmark(
        frame="ankle:0.2", position_mm=(6, -55, -790), description="calcaneal tendon above the heel"
    ),
    "via.calcaneal_tendon.heel_wrap": Landmark(
        # Half the tendon's depth behind the posterosuperior calcaneus, and 3 mm to spare.
        frame="ankle:0.8",
        position_mm=(6, -59, -850),
        description="calcaneal tendon over the posterosuperior calcaneus",
    ),
}
LANDMARKS.update({name: Landmark(*point) for name, point in ROUTE_POINTS.items()})


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
