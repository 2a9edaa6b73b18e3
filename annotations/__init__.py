"""Content of Leg Atlas: TOML cards -> pydantic models -> one ``Catalogue`` (no Qt here).

The cards live in ``annotations/data/*.toml`` so a teacher or physiotherapist
can correct or extend them without touching code; ``load_annotations`` checks
them against the meshes' ids and pose ranges.
"""

from annotations.catalogue import Catalogue
from annotations.loader import AnnotationError, load_annotations, user_annotation_dirs
from annotations.schema import (
    Card,
    ComparisonRow,
    Exercise,
    Injury,
    Innervation,
    OverviewCard,
    PartCard,
    PoseKeyframe,
    Stretch,
)

__all__ = [
    "AnnotationError",
    "Card",
    "Catalogue",
    "ComparisonRow",
    "Exercise",
    "Injury",
    "Innervation",
    "OverviewCard",
    "PartCard",
    "PoseKeyframe",
    "Stretch",
    "load_annotations",
    "user_annotation_dirs",
]
