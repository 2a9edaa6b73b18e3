"""The public ids of every structure, part, group and layer.

These ids are a stable contract: the CLI, the annotation files, the export
file names and the tests all use them, so they live in one table here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from meshes.palette import colour_for


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
)
LAYERS: tuple[str, ...] = tuple(layer.id for layer in LAYER_TABLE)
LAYER_BY_ID: dict[str, Layer] = {layer.id: layer for layer in LAYER_TABLE}

#: Group ids. Their names live only on the group cards (annotations/data), so a teacher's
#: renamed card renames the group everywhere.
GROUPS: tuple[str, ...] = ("hamstrings", "triceps_surae")

MUSCLE_COLOUR = (0.62, 0.22, 0.19)
MUSCLE_COLOUR_DEEP = (0.55, 0.19, 0.17)
TENDON_COLOUR = (0.93, 0.91, 0.84)
BONE_COLOUR = (0.91, 0.87, 0.76)
SKIN_COLOUR = (0.93, 0.76, 0.65)


@dataclass(frozen=True)
class PartInfo:
    """One renderable piece of the leg: a whole structure or one named part of it."""

    id: str
    structure: str
    layer: str
    kind: str  # "muscle", "tendon", "bone" or "skin"
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


def parts_of(structure_id: str) -> tuple[PartInfo, ...]:
    """Parts that make up a structure (one, or two for the two-headed muscles)."""
    return tuple(part for part in PARTS if part.structure == structure_id)


def group_members(group_id: str) -> tuple[str, ...]:
    """Structure ids of a group, in display order."""
    return tuple(dict.fromkeys(part.structure for part in PARTS if part.group == group_id))


def group_of(structure_id: str) -> str | None:
    return parts_of(structure_id)[0].group
