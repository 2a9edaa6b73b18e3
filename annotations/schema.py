"""The shape of every annotation file, as pydantic models.

All field-level rules (required fields, types, known ids, angle ranges, root
notation) live here as declarations, so a teacher's broken file is rejected
with a precise field path by pydantic rather than by ad-hoc checks. Rules
that need the whole catalogue (duplicates, a card for every mesh) are in
``loader.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from meshes.parts import GROUPS, LENGTH_STRUCTURE_IDS, PARTS, STRUCTURE_IDS
from meshes.pose import POSE_RANGES_DEG, Pose

if TYPE_CHECKING:
    from meshes.pose import Pose

CARD_KINDS: tuple[str, ...] = (
    "muscle", "tendon", "bone", "skin", "nerve", "vessel", "region", "group",
)  # fmt: skip
JOINTS: tuple[str, ...] = ("hip", "knee", "ankle", "subtalar", "toes")

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ContentId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
#: What an exercise or a stretch may target: a muscle, or a nerve (a nerve glide).
MuscleId = Literal[LENGTH_STRUCTURE_IDS]  # type: ignore[valid-type]
#: A muscle or one head of it (``biceps_femoris.long_head``): a stretch or a lift may
#: reach one head and not the other, and the content-versus-model test checks that head.
MUSCLE_PART_IDS: tuple[str, ...] = LENGTH_STRUCTURE_IDS + tuple(
    part.id for part in PARTS if part.kind == "muscle" and part.part
)
MuscleOrPartId = Literal[MUSCLE_PART_IDS]  # type: ignore[valid-type]
#: Ids of ``references.toml`` entries; whether each exists is checked by the loader.
ReferenceId = ContentId
CardId = Literal[STRUCTURE_IDS + tuple(GROUPS)]  # type: ignore[valid-type]
Joint = Literal[JOINTS]  # type: ignore[valid-type]
#: Spinal roots written the way anatomy texts print them: "L5, S1, S2".
SpinalRoots = Annotated[str, StringConstraints(pattern=r"^[LS][1-5](, [LS][1-5])*$")]


class Model(BaseModel):
    """Base of every model: unknown keys are errors (a typo must not vanish silently).

    ``defer_build``: a start that reads the cached catalogue never validates, so
    building every validator at import would only delay the first window.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


def _angle(name: str) -> Any:
    """A required joint angle limited to the meshes' range, so every pose can be shown."""
    low, high = POSE_RANGES_DEG[name]
    return Field(ge=low, le=high, description=f"{name}, degrees ({low:g}..{high:g})")


class PoseKeyframe(Model):
    """Joint angles of the modelled right leg, in the meshes' convention (degrees)."""

    hip_flexion: float = _angle("hip_flexion")
    knee_flexion: float = _angle("knee_flexion")
    ankle_dorsiflexion: float = _angle("ankle_dorsiflexion")

    def to_pose(self) -> Pose:
        """The same angles as a ``meshes.Pose``, ready for the geometry."""
        return Pose(self.hip_flexion, self.knee_flexion, self.ankle_dorsiflexion)


class Innervation(Model):
    nerve: Text
    roots: SpinalRoots
    note: str = ""


class Action(Model):
    joint: Joint
    movement: Text
    note: str = ""


class Injury(Model):
    name: Text
    signs: list[Text] = Field(min_length=1)
    causes: list[Text] = Field(min_length=1)
    prevention: list[Text] = Field(min_length=1)
    recovery: list[Text] = Field(min_length=1)
    #: The trials, reviews or guidelines behind the clinical advice above.
    references: list[ReferenceId] = []


class PartCard(Model):
    """One head of a two-headed muscle; the note says how it differs from its partner."""

    name: Text
    latin_name: str = ""
    origin: Text
    insertion: str = ""
    innervation: Innervation | None = None
    joints_crossed: list[Joint] = []
    note: Text


class ComparisonRow(Model):
    muscle: CardId
    primary_function: Text
    common_exercises: list[Text] = Field(min_length=1)


class HowTo(Model):
    action: Text
    how: Text


class CardBase(Model):
    """Every field any card can have; each kind below makes its own essentials required."""

    id: CardId
    kind: str
    name: Text
    latin_name: str = ""
    synonyms: list[Text] = []
    group: str = ""
    summary: Text
    location: str = ""
    origin: str = ""
    insertion: str = ""
    innervation: Innervation | None = None
    blood_supply: str = ""
    joints_crossed: list[Joint] = []
    actions: list[Action] = []
    functions: list[Text] = []
    landmarks: list[Text] = []
    exercises: list[ContentId] = []
    stretches: list[ContentId] = []
    injuries: list[Injury] = []
    when_to_seek_help: list[Text] = []
    training_tips: list[Text] = []
    references: list[ReferenceId] = Field(min_length=1)
    parts: dict[str, PartCard] = {}
    comparison: list[ComparisonRow] = []
    members: list[CardId] = []
    notes: list[Text] = []
    #: Nerves and vessels: the spinal roots (nerves), the course, and for nerves the modelled
    #: muscles supplied (filled from ``meshes.parts.NERVE_SUPPLY``) and what an injury costs.
    roots: SpinalRoots | None = None
    course: str = ""
    supplies: list[str] = []
    other_supply: list[Text] = []
    if_injured: list[Text] = []
    #: Regions: what bounds them and what they hold (``contains`` filled from the meshes).
    borders: list[Text] = []
    roof: str = ""
    floor: str = ""
    contents: list[Text] = []
    contains: list[str] = []


class MuscleCard(CardBase):
    kind: Literal["muscle"]
    latin_name: Text
    origin: Text
    insertion: Text
    innervation: Innervation
    joints_crossed: list[Joint] = Field(min_length=1)
    actions: list[Action] = Field(min_length=1)
    functions: list[Text] = Field(min_length=1)
    injuries: list[Injury] = Field(min_length=1)
    when_to_seek_help: list[Text] = Field(min_length=1)


class TendonCard(CardBase):
    kind: Literal["tendon"]
    latin_name: Text
    insertion: Text


class BoneCard(CardBase):
    kind: Literal["bone"]
    latin_name: Text


class SkinCard(CardBase):
    kind: Literal["skin"]


class NerveCard(CardBase):
    kind: Literal["nerve"]
    latin_name: Text
    roots: SpinalRoots
    origin: Text
    course: Text
    if_injured: list[Text] = Field(min_length=1)
    when_to_seek_help: list[Text] = Field(min_length=1)


class VesselCard(CardBase):
    kind: Literal["vessel"]
    latin_name: Text
    origin: Text
    course: Text
    when_to_seek_help: list[Text] = Field(min_length=1)


class RegionCard(CardBase):
    kind: Literal["region"]
    latin_name: Text
    borders: list[Text] = Field(min_length=1)
    roof: Text
    floor: Text
    contents: list[Text] = Field(min_length=1)


class GroupCard(CardBase):
    kind: Literal["group"]
    comparison: list[ComparisonRow] = Field(min_length=1)


Card = (
    MuscleCard | TendonCard | BoneCard | SkinCard | NerveCard | VesselCard | RegionCard | GroupCard
)
AnyCard = Annotated[Card, Field(discriminator="kind")]


class Exercise(Model):
    """A strengthening exercise; ``start`` and ``end`` are the poses an animation moves between."""

    id: ContentId
    name: Text
    summary: str = ""
    steps: list[Text] = Field(min_length=1)
    equipment: list[Text] = []
    #: Modelled prime movers. May be empty when the main movers are not modelled (the
    #: conventional deadlift is driven by gluteus maximus and quadriceps); ``other_muscles``
    #: then names them and ``secondary`` says what the modelled muscles do.
    primary: list[MuscleOrPartId] = []
    secondary: list[MuscleOrPartId] = []
    other_muscles: list[Text] = []
    dosage: str = ""
    #: For an isometric exercise: how long the ``end`` pose is held, in seconds.
    hold_seconds: int = Field(default=0, ge=0, le=300)
    start: PoseKeyframe
    end: PoseKeyframe
    safety: list[Text] = []
    notes: list[Text] = []
    references: list[ReferenceId] = []
    #: Ids this exercise was published under before (``deadlift``); they still find it.
    former_ids: list[ContentId] = []

    @model_validator(mode="after")
    def _names_a_modelled_muscle(self) -> Exercise:
        if not self.primary and not self.secondary:
            raise ValueError("an exercise needs a primary or a secondary muscle from the model")
        if not self.primary and not self.other_muscles:
            raise ValueError("with no modelled prime mover, other_muscles must name the real ones")
        return self


class Stretch(Model):
    """A stretch; ``pose`` is the held (or end-range) position of the modelled right leg.

    ``targets`` name only modelled muscles or heads (possibly none, as for the
    front-of-thigh quadriceps stretch); ``slack`` names muscles the card says the
    pose deliberately leaves slack (gastrocnemius in the bent-knee calf stretch);
    ``region`` and ``other_muscles`` say honestly what else it reaches.
    """

    id: ContentId
    name: Text
    style: Literal["static", "dynamic"] = "static"
    summary: str = ""
    steps: list[Text] = Field(min_length=1)
    equipment: list[Text] = []
    hold_seconds: int = Field(ge=0, le=300)
    repetitions: str = ""
    targets: list[MuscleOrPartId] = []
    slack: list[MuscleOrPartId] = []
    other_muscles: list[Text] = []
    region: Text
    pose: PoseKeyframe
    start: PoseKeyframe | None = None
    side_note: Text
    safety: list[Text] = []
    notes: list[Text] = []
    references: list[ReferenceId] = []
    former_ids: list[ContentId] = []


class ClinicalTest(Model):
    """A bedside test (Thompson, straight-leg raise...): its own card, shown on the cards
    of the structures it examines and found by search; ``pose`` shows it on the model."""

    id: ContentId
    name: Text
    synonyms: list[Text] = []
    structures: list[CardId] = Field(min_length=1)
    summary: Text
    steps: list[Text] = Field(min_length=1)
    normal: list[Text] = Field(min_length=1)
    abnormal: list[Text] = Field(min_length=1)
    start: PoseKeyframe | None = None
    pose: PoseKeyframe | None = None
    side_note: str = ""
    notes: list[Text] = []
    references: list[ReferenceId] = Field(min_length=1)


class OverviewCard(Model):
    """What the info panel shows when nothing is selected."""

    title: Text
    paragraphs: list[Text] = Field(min_length=1)
    how_to: list[HowTo] = Field(min_length=1)
    when_to_seek_help: list[Text] = []
    disclaimer: Text
    references: list[ReferenceId] = []


class DataFile(Model):
    """One TOML file: any mix of a ``[card]``, ``[overview]``, ``[[exercise]]``,
    ``[[stretch]]``, ``[[clinical_test]]`` and ``[notes]`` (id -> list of extra lines,
    for teachers)."""

    card: AnyCard | None = None
    overview: OverviewCard | None = None
    exercise: list[Exercise] = []
    stretch: list[Stretch] = []
    clinical_test: list[ClinicalTest] = []
    notes: dict[str, list[Text]] = {}
