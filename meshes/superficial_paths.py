"""Paths and profiles of the hamstrings, the gastrocnemius heads, soleus and the calcaneal tendon.

The superficial muscles of the back of the thigh and calf, each routed through
the reference model's sites (``meshes.landmarks``) and shaped as the texts
describe it: fleshy where it arises along a line of bone, membranous or
cord-like where its tendon is, ending on a common tendon where the calf
muscles do. Sources by id from ``annotations/data/references.toml``.
``meshes.muscles`` evaluates and sweeps them.
"""

from __future__ import annotations

from meshes.muscle_spec import MuscleSpec, Section

TENDON_TAIL = (
    "via.calcaneal_tendon.lower",
    "via.calcaneal_tendon.heel_wrap",
    "calcaneal_tuberosity",
)


#: Knee wrap radii (mm): the hamstring tendons pass further behind the knee axis than the
#: gastrocnemius heads, which lie on the back of the condyles. The short head of biceps runs
#: deep, close to the lateral condyle. Both biceps heads also pass a shank via point at the
#: posterolateral corner of the knee, about 30 mm from the axis, before the fibular head
#: (46 mm from the axis): without it the path swings out to the fibular head in deep flexion
#: and the biceps knee moment arm grows to 4-4.5 cm, against about 2-3 cm published (Spoor
#: et al. 1990), and larger than that of semitendinosus.
HAMSTRING_KNEE_WRAP_MM = 28.0
BICEPS_SHORT_HEAD_KNEE_WRAP_MM = 25.0
GASTROCNEMIUS_KNEE_WRAP_MM = 21.0

SUPERFICIAL_MUSCLES: dict[str, MuscleSpec] = {
    "biceps_femoris.long_head": MuscleSpec(
        path=(
            "ischial_tuberosity",
            "via.hamstrings.below_tuberosity",
            "via.biceps_long_head.upper",
            "via.biceps_long_head.middle",
            "via.biceps_femoris.below_knee",
            "fibular_head",
        ),
        profile=(
            Section(fraction=0, half_width_mm=6, half_depth_mm=5),
            Section(fraction=0.03, half_width_mm=8, half_depth_mm=6, posterior_offset_mm=5),
            Section(fraction=0.07, half_width_mm=12, half_depth_mm=9, posterior_offset_mm=8),
            Section(fraction=0.25, half_width_mm=21, half_depth_mm=19, posterior_offset_mm=9),
            Section(fraction=0.45, half_width_mm=24, half_depth_mm=22, posterior_offset_mm=11),
            Section(fraction=0.62, half_width_mm=21, half_depth_mm=18, posterior_offset_mm=10),
            Section(fraction=0.78, half_width_mm=13, half_depth_mm=10, posterior_offset_mm=6),
            Section(fraction=0.9, half_width_mm=7, half_depth_mm=5, posterior_offset_mm=2),
            Section(fraction=1, half_width_mm=5, half_depth_mm=4),
        ),
        knee_wrap_mm=HAMSTRING_KNEE_WRAP_MM,
    ),
    "biceps_femoris.short_head": MuscleSpec(
        path=("linea_aspera_lateral_lip", "via.biceps_femoris.below_knee", "fibular_head"),
        # Fleshy all along its origin: the belly is drawn down the line of bone from mid-shaft
        # to the lateral supracondylar line, its deep face on the femur (offset = depth), then
        # its fibres converge laterally on the long head's tendon above the fibular head.
        drawn_path=(
            "linea_aspera_lateral_lip_upper",
            "linea_aspera_lateral_lip_lower",
            "lateral_supracondylar_line_upper",
            "via.biceps_femoris.below_knee",
            "fibular_head",
        ),
        profile=(
            Section(fraction=0, half_width_mm=5, half_depth_mm=2.5, posterior_offset_mm=2.5),
            Section(fraction=0.12, half_width_mm=9, half_depth_mm=4, posterior_offset_mm=4),
            Section(fraction=0.3, half_width_mm=12, half_depth_mm=6.5, posterior_offset_mm=6.5),
            Section(fraction=0.48, half_width_mm=15, half_depth_mm=9, posterior_offset_mm=9),
            Section(fraction=0.6, half_width_mm=14, half_depth_mm=9, posterior_offset_mm=8),
            Section(fraction=0.74, half_width_mm=9, half_depth_mm=5.5, posterior_offset_mm=4),
            Section(fraction=0.86, half_width_mm=6, half_depth_mm=4, posterior_offset_mm=1),
            Section(fraction=1, half_width_mm=4, half_depth_mm=3),
        ),
        rings=50,
        knee_wrap_mm=BICEPS_SHORT_HEAD_KNEE_WRAP_MM,
    ),
    "semitendinosus": MuscleSpec(
        path=(
            "ischial_tuberosity",
            "via.hamstrings.below_tuberosity",
            "via.semitendinosus.upper",
            "via.semitendinosus.middle",
            "via.semitendinosus.lower",
            "via.semitendinosus.below_knee",
            "pes_anserinus",
        ),
        # Fusiform and fleshy above; a little below the middle of the thigh (fraction 0.45,
        # z about -255) it ends in the long round tendon that runs on the back of
        # semimembranosus to the pes anserinus (gray1918, kenhub_semitendinosus).
        profile=(
            Section(fraction=0, half_width_mm=6, half_depth_mm=5),
            Section(fraction=0.03, half_width_mm=8, half_depth_mm=6, posterior_offset_mm=5),
            Section(fraction=0.06, half_width_mm=12, half_depth_mm=9, posterior_offset_mm=8),
            Section(fraction=0.16, half_width_mm=20, half_depth_mm=15, posterior_offset_mm=11),
            Section(fraction=0.3, half_width_mm=22, half_depth_mm=17, posterior_offset_mm=12),
            Section(fraction=0.4, half_width_mm=16, half_depth_mm=12, posterior_offset_mm=11),
            Section(fraction=0.47, half_width_mm=8, half_depth_mm=6.5, posterior_offset_mm=10),
            Section(fraction=0.53, half_width_mm=4.5, half_depth_mm=4, posterior_offset_mm=10),
            Section(fraction=0.62, half_width_mm=4, half_depth_mm=3.5, posterior_offset_mm=12),
            Section(fraction=0.72, half_width_mm=4, half_depth_mm=3.5, posterior_offset_mm=15),
            Section(fraction=0.8, half_width_mm=4, half_depth_mm=3.5, posterior_offset_mm=13),
            Section(fraction=0.88, half_width_mm=3.5, half_depth_mm=3, posterior_offset_mm=7),
            Section(fraction=0.94, half_width_mm=3.5, half_depth_mm=3, posterior_offset_mm=2),
            Section(fraction=1, half_width_mm=3.5, half_depth_mm=3),
        ),
        rings=80,
        knee_wrap_mm=HAMSTRING_KNEE_WRAP_MM,
    ),
    "semimembranosus": MuscleSpec(
        path=(
            "ischial_tuberosity_superolateral",
            "via.semimembranosus.upper",
            "via.semimembranosus.middle",
            "posterior_medial_tibial_condyle",
        ),
        # Named for its tendon of origin: a flat membrane down about the upper half of the
        # thigh, deep to semitendinosus and the long head; the thick belly lies in the lower
        # thigh, bulging either side of the semitendinosus tendon, and ends in the short
        # tendon at the posteromedial tibial condyle (gray1918, kenhub_semimembranosus).
        profile=(
            Section(fraction=0, half_width_mm=7, half_depth_mm=3),
            Section(fraction=0.04, half_width_mm=9, half_depth_mm=2.5, posterior_offset_mm=5),
            Section(fraction=0.12, half_width_mm=12, half_depth_mm=2, posterior_offset_mm=5),
            Section(fraction=0.3, half_width_mm=15, half_depth_mm=2, posterior_offset_mm=4),
            Section(fraction=0.42, half_width_mm=17, half_depth_mm=2.5, posterior_offset_mm=4),
            Section(fraction=0.5, half_width_mm=22, half_depth_mm=9, posterior_offset_mm=6),
            Section(fraction=0.62, half_width_mm=27, half_depth_mm=18, posterior_offset_mm=9),
            Section(fraction=0.75, half_width_mm=26, half_depth_mm=18, posterior_offset_mm=9),
            Section(fraction=0.86, half_width_mm=18, half_depth_mm=12, posterior_offset_mm=7),
            Section(fraction=0.93, half_width_mm=10, half_depth_mm=6, posterior_offset_mm=6),
            Section(fraction=0.97, half_width_mm=8, half_depth_mm=5, posterior_offset_mm=4),
            Section(fraction=1, half_width_mm=7, half_depth_mm=4),
        ),
        knee_wrap_mm=HAMSTRING_KNEE_WRAP_MM,
    ),
    # Each head's fleshy belly ends about mid-calf in a rounded lower border, the medial head
    # lower than the lateral (gray1918, kenhub_gastrocnemius); below it the head is only its
    # aponeurosis, drawn as a thin strip turned in to the midline inside the calcaneal
    # tendon, which it forms with soleus. Its end stays on the sliding junction.
    "gastrocnemius.medial_head": MuscleSpec(
        path=(
            "medial_femoral_condyle_posterior",
            "gastrocnemius_medial_junction",
        ),
        profile=(
            Section(fraction=0, half_width_mm=8, half_depth_mm=3),
            Section(fraction=0.04, half_width_mm=11, half_depth_mm=3.5, posterior_offset_mm=7),
            Section(fraction=0.1, half_width_mm=16, half_depth_mm=6, posterior_offset_mm=14),
            Section(fraction=0.2, half_width_mm=27, half_depth_mm=12, posterior_offset_mm=20),
            Section(fraction=0.32, half_width_mm=34, half_depth_mm=17, posterior_offset_mm=23),
            Section(fraction=0.47, half_width_mm=35, half_depth_mm=17, posterior_offset_mm=23),
            Section(fraction=0.6, half_width_mm=33, half_depth_mm=15, posterior_offset_mm=20),
            Section(
                fraction=0.7,
                half_width_mm=25,
                half_depth_mm=11,
                posterior_offset_mm=16,
                lateral_offset_mm=4,
            ),
            Section(
                fraction=0.79,
                half_width_mm=11,
                half_depth_mm=4,
                posterior_offset_mm=13,
                lateral_offset_mm=9,
            ),
            Section(
                fraction=0.84,
                half_width_mm=5,
                half_depth_mm=1.5,
                posterior_offset_mm=13.5,
                lateral_offset_mm=11.5,
            ),
            Section(
                fraction=0.92,
                half_width_mm=4,
                half_depth_mm=1.2,
                posterior_offset_mm=7.5,
                lateral_offset_mm=11,
            ),
            Section(fraction=1, half_width_mm=3, half_depth_mm=1.2),
        ),
        length_tail=TENDON_TAIL,
        knee_wrap_mm=GASTROCNEMIUS_KNEE_WRAP_MM,
    ),
    "gastrocnemius.lateral_head": MuscleSpec(
        path=(
            "lateral_femoral_condyle_posterior",
            "gastrocnemius_lateral_junction",
        ),
        profile=(
            Section(fraction=0, half_width_mm=7, half_depth_mm=3),
            Section(fraction=0.04, half_width_mm=10, half_depth_mm=3.5, posterior_offset_mm=7),
            Section(fraction=0.1, half_width_mm=14, half_depth_mm=6, posterior_offset_mm=12),
            Section(fraction=0.2, half_width_mm=22, half_depth_mm=11, posterior_offset_mm=19),
            Section(fraction=0.32, half_width_mm=26, half_depth_mm=14, posterior_offset_mm=21),
            Section(fraction=0.47, half_width_mm=27, half_depth_mm=14, posterior_offset_mm=21),
            Section(fraction=0.6, half_width_mm=23, half_depth_mm=11, posterior_offset_mm=17),
            Section(
                fraction=0.72,
                half_width_mm=18,
                half_depth_mm=7,
                posterior_offset_mm=14,
                lateral_offset_mm=-5,
            ),
            Section(
                fraction=0.8,
                half_width_mm=8,
                half_depth_mm=3,
                posterior_offset_mm=11,
                lateral_offset_mm=-9,
            ),
            Section(
                fraction=0.85,
                half_width_mm=4.5,
                half_depth_mm=1.2,
                posterior_offset_mm=11,
                lateral_offset_mm=-10.5,
            ),
            Section(
                fraction=0.93,
                half_width_mm=4,
                half_depth_mm=1.2,
                posterior_offset_mm=5.5,
                lateral_offset_mm=-8,
            ),
            Section(fraction=1, half_width_mm=3, half_depth_mm=1.2),
        ),
        length_tail=TENDON_TAIL,
        knee_wrap_mm=GASTROCNEMIUS_KNEE_WRAP_MM,
    ),
    "soleus": MuscleSpec(
        path=(
            ("posterior_proximal_fibula", "soleal_line"),
            "via.soleus.upper",
            "via.soleus.lower",
            "soleus_junction",
        ),
        profile=(
            # The top arches from the fibular neck to the soleal line, behind the fibula.
            Section(fraction=0, half_width_mm=18, half_depth_mm=6, posterior_offset_mm=12),
            Section(fraction=0.08, half_width_mm=34, half_depth_mm=9, posterior_offset_mm=9),
            Section(fraction=0.35, half_width_mm=46, half_depth_mm=12.5, posterior_offset_mm=2.5),
            Section(fraction=0.55, half_width_mm=42, half_depth_mm=12.5, posterior_offset_mm=1.5),
            Section(fraction=0.72, half_width_mm=34, half_depth_mm=10.5),
            Section(fraction=0.86, half_width_mm=22, half_depth_mm=7.5),
            Section(fraction=0.95, half_width_mm=14, half_depth_mm=5.5),
            Section(fraction=1, half_width_mm=10, half_depth_mm=4.5),
        ),
        length_tail=TENDON_TAIL[1:],
        end_rounding_mm=(30.0, None),
        # The top runs from the fibular neck down and in to the soleal line: the tilt
        # matches that line's fall across the ring (22 mm over 25 mm).
        top_tilt=0.85,
        origin_footprint=0.25,
    ),
    "calcaneal_tendon": MuscleSpec(
        path=("calcaneal_tendon_origin", *TENDON_TAIL),
        # It begins near the middle of the leg as the broad aponeurosis the gastrocnemius heads
        # end on, lying on the back of soleus (drawn behind the line of action there), and
        # narrows as it descends (gray1918, kenhub_achilles).
        profile=(
            Section(fraction=0, half_width_mm=20, half_depth_mm=1.5, posterior_offset_mm=8),
            Section(fraction=0.1, half_width_mm=17, half_depth_mm=2, posterior_offset_mm=7.5),
            Section(fraction=0.2, half_width_mm=14, half_depth_mm=2.5, posterior_offset_mm=6.5),
            Section(fraction=0.35, half_width_mm=9.5, half_depth_mm=3.5, posterior_offset_mm=5),
            # Narrowest about 4 cm above the insertion (the free tendon's waist), then
            # flaring onto the calcaneus.
            Section(fraction=0.5, half_width_mm=7.5, half_depth_mm=4, posterior_offset_mm=3.5),
            Section(fraction=0.6, half_width_mm=6.5, half_depth_mm=4.5, posterior_offset_mm=2),
            Section(fraction=0.75, half_width_mm=5.8, half_depth_mm=4.8, posterior_offset_mm=0.5),
            Section(fraction=0.835, half_width_mm=5.0, half_depth_mm=4.8),
            Section(fraction=0.92, half_width_mm=7.5, half_depth_mm=4.5),
            Section(fraction=1, half_width_mm=10, half_depth_mm=3.5),
        ),
        rings=50,
    ),
}
