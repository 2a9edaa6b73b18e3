"""Paths and profiles of the deeper structures at the back of the leg.

The deep calf muscles, popliteus, plantaris, the hamstring part of adductor
magnus and the lower parts of gracilis and sartorius, then the nerves and
vessels and the outline of the popliteal fossa. Muscles follow the reference
model's paths where it has them (tibialis posterior, flexor digitorum and
hallucis longus, adductor magnus's ischial part, gracilis, sartorius; see
``meshes.landmarks`` and ``meshes.routes``); popliteus and plantaris follow
textbook landmarks. Nerves and vessels are thin tubes of constant section
along their courses; the sciatic nerve's length is measured on down the
tibial nerve to the sole (``length_tail``), so it lengthens with hip flexion,
knee extension and ankle dorsiflexion together, as a nerve tract does.
"""

from __future__ import annotations

from meshes.muscle_spec import MuscleSpec, Section

#: Points round the deep muscles' rings (they are slimmer than the calf and hamstrings).
DEEP_AROUND = 16
#: Points round a nerve's, a vessel's or the outline's ring.
THIN_AROUND = 10


def _cord(half_width_mm: float, half_depth_mm: float | None = None) -> tuple[Section, ...]:
    """A constant section along the whole path: a nerve, a vessel, an outline."""
    depth = half_width_mm if half_depth_mm is None else half_depth_mm
    return (Section(0, half_width_mm, depth), Section(1, half_width_mm, depth))


DEEP_MUSCLES: dict[str, MuscleSpec] = {
    "plantaris": MuscleSpec(
        path=(
            "lateral_supracondylar_line",
            "via.plantaris.belly",
            "via.plantaris.tendon",
            "via.plantaris.above_heel",
            "calcaneus_medial_to_tendon",
        ),
        profile=(
            Section(fraction=0, half_width_mm=4, half_depth_mm=3),
            Section(fraction=0.05, half_width_mm=7, half_depth_mm=5, posterior_offset_mm=2),
            Section(fraction=0.13, half_width_mm=8, half_depth_mm=5.5, posterior_offset_mm=2),
            Section(fraction=0.22, half_width_mm=5, half_depth_mm=3.5, posterior_offset_mm=1),
            Section(fraction=0.3, half_width_mm=2.2, half_depth_mm=1.2),
            Section(fraction=1, half_width_mm=2.5, half_depth_mm=1.2),
        ),
        rings=40,
        around=DEEP_AROUND,
        knee_wrap_mm=30.0,
    ),
    "popliteus": MuscleSpec(
        path=(
            "popliteal_groove",
            "via.popliteus.back_of_tibia",
            "posterior_tibia_above_soleal_line",
        ),
        profile=(
            Section(fraction=0, half_width_mm=3, half_depth_mm=2),
            Section(fraction=0.25, half_width_mm=3.5, half_depth_mm=2),
            Section(fraction=0.45, half_width_mm=8, half_depth_mm=3.5),
            Section(fraction=0.7, half_width_mm=11, half_depth_mm=4),
            Section(fraction=0.9, half_width_mm=10, half_depth_mm=3.5),
            Section(fraction=1, half_width_mm=9, half_depth_mm=3),
        ),
        rings=22,
        around=DEEP_AROUND,
    ),
    "tibialis_posterior": MuscleSpec(
        path=(
            "tibialis_posterior_origin",
            "via.tibialis_posterior.lower",
            "via.tibialis_posterior.malleolus",
            "via.tibialis_posterior.pulley",
            "via.tibialis_posterior.below_malleolus",
            "navicular_tuberosity",
        ),
        profile=(
            Section(fraction=0, half_width_mm=7, half_depth_mm=3),
            Section(fraction=0.12, half_width_mm=9, half_depth_mm=5, posterior_offset_mm=1),
            Section(fraction=0.35, half_width_mm=9, half_depth_mm=5, posterior_offset_mm=1),
            Section(fraction=0.55, half_width_mm=6, half_depth_mm=3.5),
            Section(fraction=0.65, half_width_mm=3.5, half_depth_mm=2.5),
            Section(fraction=1, half_width_mm=3.5, half_depth_mm=2.5),
        ),
        rings=34,
        around=DEEP_AROUND,
    ),
    "flexor_digitorum_longus": MuscleSpec(
        path=(
            "posterior_tibia_below_soleal_line",
            "via.flexor_digitorum_longus.lower",
            "via.flexor_digitorum_longus.malleolus",
            "via.flexor_digitorum_longus.pulley",
            "via.flexor_digitorum_longus.sustentaculum",
            "via.flexor_digitorum_longus.sole",
            "via.flexor_digitorum_longus.forefoot",
            "lateral_toe_distal_phalanx",
        ),
        profile=(
            Section(fraction=0, half_width_mm=5, half_depth_mm=2.5),
            Section(fraction=0.1, half_width_mm=7, half_depth_mm=4, posterior_offset_mm=1),
            Section(fraction=0.28, half_width_mm=7, half_depth_mm=4, posterior_offset_mm=1),
            Section(fraction=0.4, half_width_mm=3.5, half_depth_mm=2.5),
            Section(fraction=0.48, half_width_mm=2.5, half_depth_mm=2),
            Section(fraction=1, half_width_mm=1.8, half_depth_mm=1.5),
        ),
        rings=46,
        around=DEEP_AROUND,
    ),
    "flexor_hallucis_longus": MuscleSpec(
        path=(
            "posterior_fibula_lower",
            "via.flexor_hallucis_longus.lower",
            "via.flexor_hallucis_longus.malleolus",
            "via.flexor_hallucis_longus.pulley",
            "via.flexor_hallucis_longus.sustentaculum",
            "via.flexor_hallucis_longus.sole",
            "via.flexor_hallucis_longus.forefoot",
            "hallux_distal_phalanx",
        ),
        profile=(
            Section(fraction=0, half_width_mm=5, half_depth_mm=3),
            Section(fraction=0.1, half_width_mm=7, half_depth_mm=5, posterior_offset_mm=1),
            Section(fraction=0.28, half_width_mm=7, half_depth_mm=5, posterior_offset_mm=1),
            Section(fraction=0.4, half_width_mm=4, half_depth_mm=3),
            Section(fraction=0.48, half_width_mm=3, half_depth_mm=2.5),
            Section(fraction=1, half_width_mm=2.2, half_depth_mm=1.8),
        ),
        rings=46,
        around=DEEP_AROUND,
    ),
    "adductor_magnus": MuscleSpec(
        path=(
            "ischial_tuberosity_inferolateral",
            "via.adductor_magnus.below_tuberosity",
            "via.adductor_magnus.upper",
            "via.adductor_magnus.lower",
            "adductor_tubercle",
        ),
        profile=(
            Section(fraction=0, half_width_mm=7, half_depth_mm=3),
            Section(fraction=0.1, half_width_mm=13, half_depth_mm=9, posterior_offset_mm=3),
            Section(fraction=0.4, half_width_mm=15, half_depth_mm=11, posterior_offset_mm=2),
            Section(fraction=0.7, half_width_mm=10, half_depth_mm=7, posterior_offset_mm=1),
            Section(fraction=0.85, half_width_mm=4, half_depth_mm=3),
            Section(fraction=1, half_width_mm=3.5, half_depth_mm=3),
        ),
        rings=28,
        around=DEEP_AROUND,
    ),
    "gracilis": MuscleSpec(
        path=(
            "inferior_pubic_ramus",
            "via.gracilis.below_pubis",
            "via.gracilis.thigh",
            "via.gracilis.above_knee",
            "via.gracilis.below_knee",
            "pes_anserinus_gracilis",
        ),
        profile=(
            Section(fraction=0, half_width_mm=8, half_depth_mm=2.5),
            Section(fraction=0.15, half_width_mm=12, half_depth_mm=4),
            Section(fraction=0.45, half_width_mm=9, half_depth_mm=4),
            Section(fraction=0.65, half_width_mm=4, half_depth_mm=3),
            Section(fraction=0.72, half_width_mm=2.8, half_depth_mm=2.2),
            Section(fraction=1, half_width_mm=3, half_depth_mm=1.8),
        ),
        rings=32,
        around=DEEP_AROUND,
        knee_wrap_mm=24.0,
    ),
    "sartorius": MuscleSpec(
        # The drawn part starts on the medial thigh; the length runs from the spine.
        length_head=("anterior_superior_iliac_spine", "via.sartorius.upper"),
        path=(
            "via.sartorius.middle",
            "via.sartorius.above_knee",
            "via.sartorius.below_knee",
            "pes_anserinus_sartorius",
        ),
        profile=(
            Section(fraction=0, half_width_mm=13, half_depth_mm=4),
            Section(fraction=0.5, half_width_mm=12, half_depth_mm=4.5),
            Section(fraction=0.72, half_width_mm=7, half_depth_mm=3),
            Section(fraction=0.85, half_width_mm=5, half_depth_mm=1.8),
            Section(fraction=1, half_width_mm=6, half_depth_mm=1.5),
        ),
        rings=28,
        around=DEEP_AROUND,
        end_rounding_mm=(25.0, None),
        knee_wrap_mm=22.0,
    ),
}

TIBIAL_COURSE = (
    "tibial.fossa",
    "tibial.knee",
    "tibial.popliteus",
    "tibial.soleal_arch",
    "tibial.calf",
    "tibial.lower",
    "tibial.malleolus",
    "tibial.pulley",
    "tibial.plantar",
)

NERVES_AND_VESSELS: dict[str, MuscleSpec] = {
    "sciatic_nerve": MuscleSpec(
        path=(
            "sciatic.greater_sciatic_foramen",
            "sciatic.below_tuberosity",
            "sciatic.gluteal_fold",
            "sciatic.mid_thigh",
            "sciatic.division",
        ),
        profile=_cord(6.5, 3.5),
        length_tail=TIBIAL_COURSE,
        tail_slides=False,
        rings=30,
        around=THIN_AROUND,
    ),
    "tibial_nerve": MuscleSpec(
        path=("sciatic.division", *TIBIAL_COURSE),
        profile=_cord(3.2),
        rings=48,
        around=THIN_AROUND,
    ),
    "common_fibular_nerve": MuscleSpec(
        path=(
            "sciatic.division",
            "common_fibular.fossa",
            "common_fibular.knee",
            "common_fibular.neck",
            "common_fibular.front",
        ),
        profile=_cord(2.4),
        rings=36,
        around=THIN_AROUND,
    ),
    "sural_nerve": MuscleSpec(
        path=("sural.origin", "sural.calf", "sural.lower", "sural.malleolus", "sural.foot"),
        profile=_cord(1.4),
        rings=36,
        around=THIN_AROUND,
    ),
    "popliteal_artery": MuscleSpec(
        path=(
            "popliteal_artery.hiatus",
            "popliteal_artery.femur",
            "popliteal_artery.knee",
            "popliteal_artery.popliteus",
            "popliteal_artery.end",
        ),
        profile=_cord(3.4),
        rings=36,
        around=THIN_AROUND,
    ),
    "popliteal_vein": MuscleSpec(
        path=(
            "popliteal_vein.start",
            "popliteal_vein.popliteus",
            "popliteal_vein.knee",
            "popliteal_vein.femur",
            "popliteal_vein.hiatus",
        ),
        profile=_cord(4.0),
        rings=36,
        around=THIN_AROUND,
    ),
    "small_saphenous_vein": MuscleSpec(
        path=(
            "small_saphenous.malleolus",
            "small_saphenous.lower",
            "small_saphenous.calf",
            "small_saphenous.fascia",
            "small_saphenous.end",
        ),
        profile=_cord(2.0),
        rings=36,
        around=THIN_AROUND,
    ),
    "popliteal_fossa": MuscleSpec(
        # The outline of the diamond, round its four borders and back to the apex.
        path=(
            "fossa.apex",
            "fossa.superolateral",
            "fossa.lateral_corner",
            "fossa.inferolateral",
            "fossa.inferior_angle",
            "fossa.inferomedial",
            "fossa.medial_corner",
            "fossa.superomedial",
            "fossa.apex",
        ),
        profile=_cord(1.6),
        rings=48,
        around=8,
    ),
}
