"""Via points of the deep muscles and the courses of the nerves and vessels behind the knee.

Each entry is ``(frame, standing position in mm, description)``, fixed in one
segment frame as in ``meshes.landmarks`` (which adds them to ``LANDMARKS``).
They are kept apart from the bony landmarks because they are not attachments:
they place a tendon in its groove or a nerve in its bed, by the textbook
course the description names.

The order from behind in the popliteal fossa is the textbook one: the tibial
nerve most superficial, the popliteal vein deep to it and the popliteal
artery deepest, on the popliteal surface of the femur and then on popliteus.
Behind the medial malleolus, from front to back: tibialis posterior, flexor
digitorum longus, the tibial nerve, flexor hallucis longus.
"""

from __future__ import annotations

Point = tuple[str, tuple[float, float, float], str]

ROUTE_POINTS: dict[str, Point] = {
    # Muscles: deep calf.
    "via.popliteus.back_of_tibia": (
        "shank",
        (26, -44, -468),
        "popliteus crossing the back of the knee below the lateral condyle",
    ),
    "via.plantaris.belly": (
        "shank",
        (8, -42, -520),
        "plantaris belly end, deep to the lateral head",
    ),
    "via.plantaris.tendon": (
        "shank",
        (-8, -47, -690),
        "plantaris tendon between gastrocnemius and soleus",
    ),
    "via.plantaris.above_heel": (
        "ankle:0.2",
        (-12, -53, -790),
        "plantaris tendon along the medial side of the calcaneal tendon",
    ),
    "via.tibialis_posterior.lower": (
        "shank",
        (-8, -20, -740),
        "tibialis posterior tendon on the back of the lower tibia",
    ),
    "via.tibialis_posterior.malleolus": (
        "shank",
        (-20, -31, -800),
        "tibialis posterior in its groove behind the medial malleolus (site tibpost-P2)",
    ),
    "via.tibialis_posterior.pulley": (
        "ankle:0.5",
        (-27, -24, -828),
        "tibialis posterior turning forward below the medial malleolus",
    ),
    "via.flexor_digitorum_longus.pulley": (
        "ankle:0.5",
        (-21, -31, -832),
        "flexor digitorum longus turning forward below the medial malleolus",
    ),
    "via.flexor_hallucis_longus.pulley": (
        "ankle:0.5",
        (-11, -35, -838),
        "flexor hallucis longus turning forward below the talus",
    ),
    "tibial.pulley": (
        "ankle:0.5",
        (-17, -38, -834),
        "tibial nerve in the tarsal tunnel, under the flexor retinaculum",
    ),
    "via.tibialis_posterior.below_malleolus": (
        "foot",
        (-25, -6, -846),
        "tibialis posterior below the medial malleolus (site tibpost-P3)",
    ),
    "via.flexor_digitorum_longus.lower": (
        "shank",
        (-10, -27, -742),
        "flexor digitorum longus crossing behind tibialis posterior",
    ),
    "via.flexor_digitorum_longus.malleolus": (
        "shank",
        (-14, -36, -802),
        "flexor digitorum longus behind the medial malleolus (site fdl-P2)",
    ),
    "via.flexor_digitorum_longus.sustentaculum": (
        "foot",
        (-22, -4, -852),
        "flexor digitorum longus along the sustentaculum tali (site fdl-P3)",
    ),
    "via.flexor_digitorum_longus.sole": (
        "foot",
        (-12, 30, -865),
        "flexor digitorum longus crossing the sole (site fdl-P4)",
    ),
    "via.flexor_digitorum_longus.forefoot": (
        "foot",
        (20, 120, -888),
        "flexor digitorum longus tendon under the metatarsal heads (site fdl-P5)",
    ),
    "via.flexor_hallucis_longus.lower": (
        "shank",
        (1, -35, -745),
        "flexor hallucis longus on the back of the lower tibia",
    ),
    "via.flexor_hallucis_longus.malleolus": (
        "shank",
        (-2, -45, -806),
        "flexor hallucis longus in its groove on the back of the talus (site fhl-P2)",
    ),
    "via.flexor_hallucis_longus.sustentaculum": (
        "foot",
        (-17, -15, -853),
        "flexor hallucis longus below the sustentaculum tali (site fhl-P3)",
    ),
    "via.flexor_hallucis_longus.sole": (
        "foot",
        (-15, 55, -877),
        "flexor hallucis longus in the sole (site fhl-P4)",
    ),
    "via.flexor_hallucis_longus.forefoot": (
        "foot",
        (-18, 123, -890),
        "flexor hallucis longus between the sesamoids of the great toe (site fhl-P5)",
    ),
    # Muscles: thigh.
    "via.adductor_magnus.below_tuberosity": (
        "pelvis",
        (-44, -38, -74),
        "adductor magnus below the ischial tuberosity, where it turns in hip flexion",
    ),
    "via.adductor_magnus.upper": (
        "thigh",
        (-45, -22, -180),
        "adductor magnus, hamstring part, upper medial thigh",
    ),
    "via.adductor_magnus.lower": (
        "thigh",
        (-44, -8, -320),
        "adductor magnus tendon above the adductor tubercle",
    ),
    "via.gracilis.below_pubis": ("pelvis", (-60, 2, -78), "gracilis below its pubic origin"),
    "via.gracilis.thigh": ("thigh", (-52, -8, -220), "gracilis, medial thigh"),
    "via.gracilis.above_knee": (
        "thigh",
        (-52, -16, -390),
        "gracilis tendon behind the medial condyle",
    ),
    "via.gracilis.below_knee": (
        "shank",
        (-44, -7, -474),
        "gracilis tendon curving forward below the medial condyle",
    ),
    "via.sartorius.upper": ("thigh", (0, 58, -120), "sartorius crossing the front of the thigh"),
    "via.sartorius.middle": (
        "thigh",
        (-44, 28, -230),
        "sartorius on the medial side of the thigh (where the drawn part begins)",
    ),
    "via.sartorius.above_knee": ("thigh", (-56, -6, -380), "sartorius behind the medial condyle"),
    "via.sartorius.below_knee": (
        "shank",
        (-48, 2, -472),
        "sartorius tendon curving forward below the medial condyle",
    ),
    # Nerves.
    "sciatic.greater_sciatic_foramen": (
        "pelvis",
        (-2, -62, -10),
        "sciatic nerve leaving the pelvis below piriformis",
    ),
    "sciatic.below_tuberosity": (
        "pelvis",
        (2, -58, -62),
        "sciatic nerve lateral to the ischial tuberosity, where it turns in hip flexion",
    ),
    "sciatic.gluteal_fold": (
        "thigh",
        (4, -42, -110),
        "sciatic nerve between the ischial tuberosity and the greater trochanter",
    ),
    "sciatic.mid_thigh": (
        "thigh",
        (6, -26, -230),
        "sciatic nerve on adductor magnus, deep to the long head of biceps",
    ),
    "sciatic.division": (
        "thigh",
        (6, -26, -330),
        "division into tibial and common fibular nerves, at the apex of the popliteal fossa",
    ),
    "tibial.fossa": ("thigh", (7, -36, -395), "tibial nerve, superficial in the popliteal fossa"),
    "tibial.knee": (
        "shank",
        (6, -58, -466),
        "tibial nerve between the gastrocnemius heads, behind the vessels",
    ),
    "tibial.popliteus": ("shank", (5, -60, -505), "tibial nerve behind the vessels on popliteus"),
    "tibial.soleal_arch": (
        "shank",
        (4, -40, -545),
        "tibial nerve passing under the tendinous arch of soleus",
    ),
    "tibial.calf": ("shank", (-4, -33, -660), "tibial nerve on tibialis posterior, deep to soleus"),
    "tibial.lower": ("shank", (-8, -35, -750), "tibial nerve beside the calcaneal tendon"),
    "tibial.malleolus": (
        "shank",
        (-9, -41, -808),
        "tibial nerve behind the medial malleolus, between FDL and FHL",
    ),
    "tibial.plantar": (
        "foot",
        (-24, -16, -858),
        "tibial nerve dividing into the plantar nerves under the flexor retinaculum",
    ),
    "common_fibular.fossa": (
        "thigh",
        (26, -36, -395),
        "common fibular nerve along the medial border of biceps femoris",
    ),
    "common_fibular.knee": (
        "shank",
        (44, -38, -462),
        "common fibular nerve behind the fibular head, on the lateral gastrocnemius head",
    ),
    "common_fibular.neck": (
        "shank",
        (42, -22, -505),
        "common fibular nerve winding round the neck of the fibula",
    ),
    "common_fibular.front": (
        "shank",
        (36, -4, -522),
        "common fibular nerve dividing in fibularis longus, in front of the fibular neck",
    ),
    "sural.origin": (
        "shank",
        (4, -62, -470),
        "medial sural cutaneous nerve leaving the tibial nerve between the heads",
    ),
    "sural.calf": (
        "shank",
        (8, -78, -560),
        "sural nerve in the groove between the gastrocnemius heads",
    ),
    "sural.lower": ("shank", (16, -54, -720), "sural nerve lateral to the calcaneal tendon"),
    "sural.malleolus": ("shank", (33, -36, -815), "sural nerve behind the lateral malleolus"),
    "sural.foot": (
        "foot",
        (38, -14, -852),
        "sural nerve below the lateral malleolus, heading for the lateral border of the foot",
    ),
    # Vessels.
    "popliteal_artery.hiatus": (
        "thigh",
        (-28, -6, -322),
        "femoral artery passing through the adductor hiatus to become the popliteal",
    ),
    "popliteal_artery.femur": (
        "thigh",
        (0, -8, -390),
        "popliteal artery on the popliteal surface of the femur, deepest in the fossa",
    ),
    "popliteal_artery.knee": ("shank", (6, -39, -462), "popliteal artery on the joint capsule"),
    "popliteal_artery.popliteus": ("shank", (6, -44, -495), "popliteal artery on popliteus"),
    "popliteal_artery.end": (
        "shank",
        (6, -34, -535),
        "division into anterior and posterior tibial arteries at the lower border of popliteus",
    ),
    "popliteal_vein.start": (
        "shank",
        (8, -44, -533),
        "popliteal vein formed at the lower border of popliteus",
    ),
    "popliteal_vein.popliteus": ("shank", (8, -52, -495), "popliteal vein behind the artery"),
    "popliteal_vein.knee": (
        "shank",
        (8, -48, -461),
        "popliteal vein behind the artery at the knee",
    ),
    "popliteal_vein.femur": (
        "thigh",
        (4, -20, -390),
        "popliteal vein between the artery and nerve",
    ),
    "popliteal_vein.hiatus": (
        "thigh",
        (-26, -14, -322),
        "popliteal vein passing through the adductor hiatus to become the femoral",
    ),
    "small_saphenous.malleolus": (
        "shank",
        (30, -40, -812),
        "small saphenous vein behind the lateral malleolus",
    ),
    "small_saphenous.lower": (
        "shank",
        (18, -56, -730),
        "small saphenous vein lateral to the calcaneal tendon",
    ),
    "small_saphenous.calf": (
        "shank",
        (6, -80, -590),
        "small saphenous vein up the middle of the calf",
    ),
    "small_saphenous.fascia": (
        "shank",
        (4, -63, -488),
        "small saphenous vein piercing the deep fascia between the heads",
    ),
    "small_saphenous.end": (
        "knee:0.5",
        (6, -40, -428),
        "small saphenous vein joining the popliteal vein",
    ),
}

#: The popliteal fossa's outline: the apex where the hamstrings part, its borders on the
#: muscles' edges (biceps laterally above, semimembranosus medially above, the gastrocnemius
#: heads below) and the lower angle where the heads meet, just under the roof.
FOSSA_POINTS: dict[str, Point] = {
    "fossa.apex": ("thigh", (6, -56, -318), "apex, where semimembranosus and biceps part"),
    "fossa.superolateral": ("thigh", (30, -58, -372), "superolateral border: biceps femoris"),
    "fossa.lateral_corner": ("knee:0.5", (44, -52, -425), "lateral corner, at the lateral condyle"),
    "fossa.inferolateral": ("shank", (30, -66, -490), "inferolateral border: lateral head"),
    "fossa.inferior_angle": ("shank", (6, -74, -545), "lower angle, where the heads meet"),
    "fossa.inferomedial": ("shank", (-24, -68, -490), "inferomedial border: medial head"),
    "fossa.medial_corner": ("knee:0.5", (-38, -56, -425), "medial corner, at the medial condyle"),
    "fossa.superomedial": ("thigh", (-24, -62, -372), "superomedial border: semimembranosus"),
}
ROUTE_POINTS.update(FOSSA_POINTS)
