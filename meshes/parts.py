"""The public ids of every structure, part, group and layer.

These ids are a stable contract: the CLI, the annotation files, the export
file names and the tests all use them, so they live in one table here.
"""

from __future__ import annotations

from dataclasses import dataclass

LAYERS: tuple[str, ...] = ("skin", "superficial", "deep", "tendons", "bones")

#: Group id -> display name.
GROUPS: dict[str, str] = {"hamstrings": "Hamstrings", "triceps_surae": "Calf muscles"}

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
        "biceps_femoris.long_head",
        "biceps_femoris",
        "superficial",
        "muscle",
        MUSCLE_COLOUR,
        "hamstrings",
    ),
    PartInfo(
        "biceps_femoris.short_head",
        "biceps_femoris",
        "deep",
        "muscle",
        MUSCLE_COLOUR_DEEP,
        "hamstrings",
    ),
    PartInfo(
        "semitendinosus", "semitendinosus", "superficial", "muscle", MUSCLE_COLOUR, "hamstrings"
    ),
    PartInfo(
        "semimembranosus", "semimembranosus", "deep", "muscle", MUSCLE_COLOUR_DEEP, "hamstrings"
    ),
    PartInfo(
        "gastrocnemius.medial_head",
        "gastrocnemius",
        "superficial",
        "muscle",
        MUSCLE_COLOUR,
        "triceps_surae",
    ),
    PartInfo(
        "gastrocnemius.lateral_head",
        "gastrocnemius",
        "superficial",
        "muscle",
        MUSCLE_COLOUR,
        "triceps_surae",
    ),
    PartInfo("soleus", "soleus", "deep", "muscle", MUSCLE_COLOUR_DEEP, "triceps_surae"),
    PartInfo(
        "calcaneal_tendon", "calcaneal_tendon", "tendons", "tendon", TENDON_COLOUR, "triceps_surae"
    ),
    PartInfo("hip_bone", "hip_bone", "bones", "bone", BONE_COLOUR),
    PartInfo("femur", "femur", "bones", "bone", BONE_COLOUR),
    PartInfo("patella", "patella", "bones", "bone", BONE_COLOUR),
    PartInfo("tibia", "tibia", "bones", "bone", BONE_COLOUR),
    PartInfo("fibula", "fibula", "bones", "bone", BONE_COLOUR),
    PartInfo("calcaneus", "calcaneus", "bones", "bone", BONE_COLOUR),
    PartInfo("foot", "foot", "bones", "bone", BONE_COLOUR),
    PartInfo("skin", "skin", "skin", "skin", SKIN_COLOUR),
)

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
