"""The public ids of every structure, part, group and layer.

These ids are a stable contract: the CLI, the annotation files, the export
file names and the tests all use them, so they live in one table here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from meshes.palette import KIND_COLOURS, colour_for


@dataclass(frozen=True)
class Layer:
    """A depth the person can peel away: one row of the layer strip, one key, one menu item."""

    id: str
    title: str
    key: str  # the window's toggle shortcut
    default_opacity: float


#: Every layer, from the outside in; the one table the strip, the menus, the CLI and the
#: settings read.
LAYER_TABLE: tuple[Layer, ...] = (
    Layer(id="skin", title="Skin", key="1", default_opacity=0.22),
    Layer(id="superficial", title="Superficial muscles", key="2", default_opacity=1.0),
    Layer(id="deep", title="Deep muscles", key="3", default_opacity=1.0),
    Layer(id="tendons", title="Tendons", key="4", default_opacity=1.0),
    Layer(id="bones", title="Bones", key="5", default_opacity=1.0),
    Layer(id="nerves_vessels", title="Nerves and vessels", key="6", default_opacity=1.0),
    Layer(id="regions", title="Regions", key="7", default_opacity=0.85),
)
LAYERS: tuple[str, ...] = tuple(layer.id for layer in LAYER_TABLE)
LAYER_BY_ID: dict[str, Layer] = {layer.id: layer for layer in LAYER_TABLE}

#: Group ids. Their names live only on the group cards (annotations/data), so a teacher's
#: renamed card renames the group everywhere.
GROUPS: tuple[str, ...] = (
    "hamstrings",
    "other_thigh_muscles",
    "superficial_posterior_compartment",
    "triceps_surae",
    "deep_posterior_compartment",
)

#: A group inside another: its members count in the outer group too, and the tree shows its
#: heading under the outer one (the calf muscles are most of the superficial compartment).
GROUP_PARENT: dict[str, str] = {"triceps_surae": "superficial_posterior_compartment"}

MUSCLE_COLOUR = (0.62, 0.22, 0.19)
MUSCLE_COLOUR_DEEP = (0.55, 0.19, 0.17)
TENDON_COLOUR = (0.93, 0.91, 0.84)
BONE_COLOUR = (0.91, 0.87, 0.76)
SKIN_COLOUR = (0.93, 0.76, 0.65)
NERVE_COLOUR = KIND_COLOURS["nerve"]
ARTERY_COLOUR = KIND_COLOURS["artery"]
VEIN_COLOUR = KIND_COLOURS["vein"]
REGION_COLOUR = (0.40, 0.88, 0.82)


@dataclass(frozen=True)
class PartInfo:
    """One renderable piece of the leg: a whole structure or one named part of it."""

    id: str
    structure: str
    layer: str
    kind: str  # "muscle", "tendon", "bone", "skin", "nerve", "vessel" or "region"
    colour: tuple[float, float, float]
    group: str | None = None

    @property
    def part(self) -> str | None:
        """The part name (``"short_head"``) or ``None`` for a whole structure."""
        return self.id.split(".", 1)[1] if "." in self.id else None


PARTS: tuple[PartInfo, ...] = (
    PartInfo(
        id="biceps_femoris.long_head",
        structure="biceps_femoris",
        layer="superficial",
        kind="muscle",
        colour=MUSCLE_COLOUR,
        group="hamstrings",
    ),
    PartInfo(
        id="biceps_femoris.short_head",
        structure="biceps_femoris",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="hamstrings",
    ),
    PartInfo(
        id="semitendinosus",
        structure="semitendinosus",
        layer="superficial",
        kind="muscle",
        colour=MUSCLE_COLOUR,
        group="hamstrings",
    ),
    PartInfo(
        id="semimembranosus",
        structure="semimembranosus",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="hamstrings",
    ),
    PartInfo(
        id="gastrocnemius.medial_head",
        structure="gastrocnemius",
        layer="superficial",
        kind="muscle",
        colour=MUSCLE_COLOUR,
        group="triceps_surae",
    ),
    PartInfo(
        id="gastrocnemius.lateral_head",
        structure="gastrocnemius",
        layer="superficial",
        kind="muscle",
        colour=MUSCLE_COLOUR,
        group="triceps_surae",
    ),
    PartInfo(
        id="soleus",
        structure="soleus",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="triceps_surae",
    ),
    PartInfo(
        id="calcaneal_tendon",
        structure="calcaneal_tendon",
        layer="tendons",
        kind="tendon",
        colour=TENDON_COLOUR,
        group="triceps_surae",
    ),
    PartInfo(
        id="plantaris",
        structure="plantaris",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="superficial_posterior_compartment",
    ),
    PartInfo(
        id="popliteus",
        structure="popliteus",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="deep_posterior_compartment",
    ),
    PartInfo(
        id="tibialis_posterior",
        structure="tibialis_posterior",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="deep_posterior_compartment",
    ),
    PartInfo(
        id="flexor_digitorum_longus",
        structure="flexor_digitorum_longus",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="deep_posterior_compartment",
    ),
    PartInfo(
        id="flexor_hallucis_longus",
        structure="flexor_hallucis_longus",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="deep_posterior_compartment",
    ),
    PartInfo(
        id="adductor_magnus",
        structure="adductor_magnus",
        layer="deep",
        kind="muscle",
        colour=MUSCLE_COLOUR_DEEP,
        group="other_thigh_muscles",
    ),
    PartInfo(
        id="gracilis",
        structure="gracilis",
        layer="superficial",
        kind="muscle",
        colour=MUSCLE_COLOUR,
        group="other_thigh_muscles",
    ),
    PartInfo(
        id="sartorius",
        structure="sartorius",
        layer="superficial",
        kind="muscle",
        colour=MUSCLE_COLOUR,
        group="other_thigh_muscles",
    ),
    PartInfo(
        id="sciatic_nerve",
        structure="sciatic_nerve",
        layer="nerves_vessels",
        kind="nerve",
        colour=NERVE_COLOUR,
    ),
    PartInfo(
        id="tibial_nerve",
        structure="tibial_nerve",
        layer="nerves_vessels",
        kind="nerve",
        colour=NERVE_COLOUR,
    ),
    PartInfo(
        id="common_fibular_nerve",
        structure="common_fibular_nerve",
        layer="nerves_vessels",
        kind="nerve",
        colour=NERVE_COLOUR,
    ),
    PartInfo(
        id="sural_nerve",
        structure="sural_nerve",
        layer="nerves_vessels",
        kind="nerve",
        colour=NERVE_COLOUR,
    ),
    PartInfo(
        id="popliteal_artery",
        structure="popliteal_artery",
        layer="nerves_vessels",
        kind="vessel",
        colour=ARTERY_COLOUR,
    ),
    PartInfo(
        id="popliteal_vein",
        structure="popliteal_vein",
        layer="nerves_vessels",
        kind="vessel",
        colour=VEIN_COLOUR,
    ),
    PartInfo(
        id="small_saphenous_vein",
        structure="small_saphenous_vein",
        layer="nerves_vessels",
        kind="vessel",
        colour=VEIN_COLOUR,
    ),
    PartInfo(
        id="popliteal_fossa",
        structure="popliteal_fossa",
        layer="regions",
        kind="region",
        colour=REGION_COLOUR,
    ),
    PartInfo(id="hip_bone", structure="hip_bone", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="femur", structure="femur", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="patella", structure="patella", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="tibia", structure="tibia", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="fibula", structure="fibula", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="talus", structure="talus", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="calcaneus", structure="calcaneus", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="foot", structure="foot", layer="bones", kind="bone", colour=BONE_COLOUR),
    PartInfo(id="skin", structure="skin", layer="skin", kind="skin", colour=SKIN_COLOUR),
)

#: Colours come from the one anatomical palette (meshes/palette.py), whatever a row says.
PARTS = tuple(replace(p, colour=colour_for(p.id, p.kind, p.colour)) for p in PARTS)

PART_BY_ID: dict[str, PartInfo] = {part.id: part for part in PARTS}

#: Structure ids in display order (each appears once, whatever its parts).
STRUCTURE_IDS: tuple[str, ...] = tuple(dict.fromkeys(part.structure for part in PARTS))

#: Structures that are muscles (the ones a path length is measured for).
MUSCLE_IDS: tuple[str, ...] = tuple(
    dict.fromkeys(part.structure for part in PARTS if part.kind == "muscle")
)


#: Structures a path length is measured for: the muscles and the nerves (a nerve's bed
#: lengthens and shortens with the joints it crosses, as a muscle's does).
LENGTH_STRUCTURE_IDS: tuple[str, ...] = tuple(
    dict.fromkeys(part.structure for part in PARTS if part.kind in ("muscle", "nerve"))
)

#: The modelled muscles (or single heads) each nerve supplies. Selecting the nerve highlights
#: them and its card lists them. The sciatic nerve supplies the hamstrings and the hamstring
#: part of adductor magnus in the thigh, and everything below the knee through its two
#: branches; the short head of biceps is the one thigh muscle on its common fibular division.
#: Gracilis (obturator nerve) and sartorius (femoral nerve) are not on this list.
_TIBIAL_SUPPLY = (
    "gastrocnemius",
    "soleus",
    "plantaris",
    "popliteus",
    "tibialis_posterior",
    "flexor_digitorum_longus",
    "flexor_hallucis_longus",
)
NERVE_SUPPLY: dict[str, tuple[str, ...]] = {
    "sciatic_nerve": (
        "biceps_femoris",
        "semitendinosus",
        "semimembranosus",
        "adductor_magnus",
        *_TIBIAL_SUPPLY,
    ),
    "tibial_nerve": _TIBIAL_SUPPLY,
    "common_fibular_nerve": ("biceps_femoris.short_head",),
    "sural_nerve": (),
}

#: What selecting a region shows with it: its borders, floor and contents.
REGION_MEMBERS: dict[str, tuple[str, ...]] = {
    "popliteal_fossa": (
        "biceps_femoris",
        "semimembranosus",
        "semitendinosus",
        "gastrocnemius",
        "plantaris",
        "popliteus",
        "femur",
        "tibial_nerve",
        "common_fibular_nerve",
        "popliteal_artery",
        "popliteal_vein",
        "small_saphenous_vein",
    ),
}


def associated_with(structure_id: str) -> tuple[str, ...]:
    """Structures or parts a selection brings along: a nerve's muscles, a region's contents."""
    return NERVE_SUPPLY.get(structure_id, ()) or REGION_MEMBERS.get(structure_id, ())


def parts_of(structure_id: str) -> tuple[PartInfo, ...]:
    """Parts that make up a structure (one, or two for the two-headed muscles)."""
    return tuple(part for part in PARTS if part.structure == structure_id)


def group_members(group_id: str) -> tuple[str, ...]:
    """Structure ids of a group (and of any group inside it), in display order."""
    inner = {group_id} | {child for child, parent in GROUP_PARENT.items() if parent == group_id}
    return tuple(dict.fromkeys(part.structure for part in PARTS if part.group in inner))


def group_of(structure_id: str) -> str | None:
    return parts_of(structure_id)[0].group
