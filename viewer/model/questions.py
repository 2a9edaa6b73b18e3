"""Practice questions made from the cards and the model, never written one by one.

Four kinds, each asked about one structure (the structure is what spaced
review remembers):

- ``find``: its name is shown; the student clicks it on the model.
- ``name``: it is highlighted; the student types its name or picks one of four.
- ``fact``: a multiple choice about its card (origin, insertion, nerve, action,
  joints crossed), the wrong choices taken from other cards of the same kind.
- ``movement``: the leg takes the pose of a stretch or an exercise; which muscle
  is lengthened most, or which is most slack, measured on the model.

A wrong choice is never also right: choices that say nearly the same thing as
the right answer (the same landmarks, the same nerve) are left out, and a
question that cannot get at least two wrong choices is not asked.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annotations.catalogue import Catalogue
from meshes.lengths import length_changes_percent
from meshes.parts import PART_BY_ID, PARTS
from meshes.pose import Pose

KINDS: tuple[str, ...] = ("find", "name", "fact", "movement")
KIND_TITLES: dict[str, str] = {
    "find": "Find it",
    "name": "Name it",
    "fact": "Card facts",
    "movement": "Movement",
}
CHOICES_PER_QUESTION = 4
MIN_WRONG_CHOICES = 2
#: The extreme muscle must beat every offered choice by this many percentage points.
MOVEMENT_MARGIN_PERCENT = 2.0
#: Parts never offered as a movement answer: the question asks for a muscle (nerves have
#: lengths too), and popliteus's modelled length grows with knee flexion only because the
#: model's knee cannot rotate (docs/lengths.md), so "it lengthens most" would teach an artefact.
NOT_MOVEMENT_ANSWERS = frozenset({"popliteus"})
#: Two answers sharing this fraction of their content words say the same thing.
SAME_MEANING_OVERLAP = 0.5
_STOPWORDS = frozenset(
    {"the", "and", "with", "from", "that", "this", "into", "part", "parts", "upper", "lower"}
    | {"its", "their", "which", "shared", "shares", "through"}
)


@dataclass(frozen=True)
class Question:
    """One question, with everything the window needs to set the scene and mark it."""

    kind: str
    structure: str  # what spaced review files the answer under
    prompt: str
    answer: str  # the right answer as shown to the student
    choices: tuple[str, ...] = ()  # multiple choice (the answer is one of them)
    topic: str = ""  # fact field, or "lengthens"/"slack" for movement
    pose: Pose | None = None  # movement: the pose the leg takes
    motion: tuple[str, str] | None = None  # movement: ("stretch"|"exercise", id)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def is_right(self, given: str) -> bool:
        """Is a chosen (or, for ``find``, clicked part) answer right? Typed names: ``answers``."""
        if self.kind == "find":
            return given in PART_BY_ID and PART_BY_ID[given].structure == self.structure
        return given == self.answer


def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", text.casefold())
    return frozenset(word for word in words if len(word) >= 4 and word not in _STOPWORDS)


def same_meaning(a: str, b: str) -> bool:
    """Do two answers say (nearly) the same thing? Then neither is a wrong choice for the other."""
    words_a, words_b = content_words(a), content_words(b)
    if not words_a or not words_b:
        return a.strip().casefold() == b.strip().casefold()
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= SAME_MEANING_OVERLAP


def pickable_structures() -> tuple[str, ...]:
    """Structures a student can click and look at (the see-through skin is not one)."""
    return tuple(dict.fromkeys(p.structure for p in PARTS if p.kind != "skin"))


def kind_of(structure_id: str) -> str:
    return PART_BY_ID[_first_part(structure_id)].kind


def _first_part(structure_id: str) -> str:
    return next(p.id for p in PARTS if p.structure == structure_id)


def names_table(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """Every name a student may type for each structure and group (English, Latin, synonyms)."""
    table = {}
    for item_id in (*catalogue.structure_ids, *catalogue.group_ids):
        card = catalogue.card(item_id)
        table[item_id] = tuple(n for n in (card.name, card.latin_name, *card.synonyms) if n)
    return table


# -- card facts ----------------------------------------------------------------------------
def _joints_text(joints: list[str]) -> str:
    names = [joint for joint in joints]
    if len(names) == 1:
        return names[0].capitalize()
    return (", ".join(names[:-1]) + " and " + names[-1]).capitalize()


def _action_texts(card) -> list[str]:
    return [f"{a.movement.capitalize()} at the {a.joint} joint" for a in card.actions]


#: Fact topic -> (question wording, the card's answers to it). A card may have several right
#: answers (its actions); each of them is right and none may be offered as a wrong choice.
FACTS: dict[str, tuple[str, Callable]] = {
    "origin": ("Where does {name} arise (its origin)?", lambda c: [c.origin] if c.origin else []),
    "insertion": (
        "Where does {name} insert?",
        lambda c: [c.insertion] if c.insertion else [],
    ),
    "nerve": (
        "Which nerve supplies {name}?",
        lambda c: [c.innervation.nerve] if c.innervation else [],
    ),
    "action": ("Which of these is an action of {name}?", _action_texts),
    "joints": (
        "Which joints does {name} cross?",
        lambda c: (
            [_joints_text(c.joints_crossed)]
            if c.joints_crossed and c.kind in ("muscle", "tendon")
            else []
        ),
    ),
}


#: Facts written as prose, where two cards may say the same thing in different words. The
#: others (actions, joints) are built from fixed vocabularies and compare exactly.
FREE_TEXT_FACTS = frozenset({"origin", "insertion", "nerve"})


def _same_words(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def fact_topics(catalogue: Catalogue, structure_id: str) -> list[str]:
    card = catalogue.card(structure_id)
    return [topic for topic, (_, answers) in FACTS.items() if answers(card)]


def fact_question(
    catalogue: Catalogue, structure_id: str, rng: random.Random, topic: str | None = None
) -> Question | None:
    card = catalogue.card(structure_id)
    topics = [topic] if topic else fact_topics(catalogue, structure_id)
    rng.shuffle(topics)
    for name in topics:
        wording, answers_of = FACTS[name]
        rights = answers_of(card)
        if not rights:
            continue
        right = rng.choice(rights)
        wrong: list[str] = []
        for other_id in catalogue.structure_ids:
            other = catalogue.card(other_id)
            if other_id == structure_id or other.kind != card.kind:
                continue
            for candidate in answers_of(other):
                alike = same_meaning if name in FREE_TEXT_FACTS else _same_words
                if any(alike(candidate, known) for known in (*rights, *wrong)):
                    continue
                wrong.append(candidate)
        if len(wrong) < MIN_WRONG_CHOICES:
            continue
        choices = [right, *rng.sample(wrong, min(len(wrong), CHOICES_PER_QUESTION - 1))]
        rng.shuffle(choices)
        prompt = wording.format(name=catalogue.display_name(structure_id))
        return Question("fact", structure_id, prompt, right, tuple(choices), topic=name)
    return None


# -- find it and name it -------------------------------------------------------------------
def find_question(catalogue: Catalogue, structure_id: str) -> Question:
    name = catalogue.display_name(structure_id)
    return Question("find", structure_id, f"Click the {name} on the model.", name)


#: Kinds close enough to serve as each other's wrong names when a kind has too few.
NEIGHBOUR_KINDS: dict[str, tuple[str, ...]] = {"nerve": ("vessel",), "vessel": ("nerve",)}


def name_question(catalogue: Catalogue, structure_id: str, rng: random.Random) -> Question | None:
    """Highlighted structure: type its name, or pick from names of structures of its kind."""
    right = catalogue.display_name(structure_id)
    others = [
        catalogue.display_name(s)
        for s in pickable_structures()
        if s != structure_id and kind_of(s) == kind_of(structure_id)
    ]
    others = [name for name in dict.fromkeys(others) if name.casefold() != right.casefold()]
    if len(others) < CHOICES_PER_QUESTION - 1:
        # Too few of its own kind (three vessels, one region): nerves and vessels stand in
        # for each other first, then any structure.
        kind = kind_of(structure_id)
        near = NEIGHBOUR_KINDS.get(kind, ())
        for wanted in (lambda k: k in near, lambda k: k != kind and k not in near):
            if len(others) < CHOICES_PER_QUESTION - 1:
                others += [catalogue.display_name(s) for s in pickable_structures()
                           if wanted(kind_of(s))]  # fmt: skip
    choices = [right, *rng.sample(others, min(len(others), CHOICES_PER_QUESTION - 1))]
    rng.shuffle(choices)
    return Question(
        "name",
        structure_id,
        "What is the highlighted structure called? Type its name, or pick one.",
        right,
        tuple(choices),
        names=names_table(catalogue),
    )


# -- movement ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Posture:
    """A pose taken from the content: a stretch's held position or an exercise's end."""

    kind: str  # "stretch" or "exercise"
    motion_id: str
    title: str
    pose: Pose


def postures(catalogue: Catalogue) -> list[Posture]:
    found = [
        Posture("stretch", s.id, f"holds the {s.name}", s.pose.to_pose())
        for s in catalogue.stretches.values()
    ]
    for exercise in catalogue.exercises.values():
        for end, pose in (("start", exercise.start), ("end", exercise.end)):
            title = f"is at the {end} of the {exercise.name}"
            found.append(Posture("exercise", exercise.id, title, pose.to_pose()))
    return found


def movement_questions(catalogue: Catalogue, posture: Posture) -> list[Question]:
    """Both questions a posture can ask (lengthened most, most slack) when the answer is clear."""
    changes = {
        part: change
        for part, change in length_changes_percent(posture.pose).items()
        if PART_BY_ID[part].kind == "muscle" and part not in NOT_MOVEMENT_ANSWERS
    }
    questions = []
    for topic, sign in (("lengthens", 1.0), ("slack", -1.0)):
        ranked = sorted(changes, key=lambda part: -sign * changes[part])
        best = ranked[0]
        if sign * changes[best] <= 0:
            continue  # nothing is lengthened (or nothing shortened) in this pose
        clear = [
            p for p in ranked[1:] if sign * (changes[best] - changes[p]) >= MOVEMENT_MARGIN_PERCENT
        ]
        if (
            len(clear) < MIN_WRONG_CHOICES
            or sign * (changes[best] - changes[ranked[1]]) < MOVEMENT_MARGIN_PERCENT
        ):
            continue
        wording = (
            "Which muscle is lengthened most, compared with standing?"
            if topic == "lengthens"
            else "Which muscle is most slack (shortened most), compared with standing?"
        )
        prompt = f"The leg {posture.title}. {wording}"
        questions.append(
            Question(
                "movement",
                PART_BY_ID[best].structure,
                prompt,
                catalogue.display_name(best),
                tuple(catalogue.display_name(p) for p in clear),  # trimmed by the caller
                topic=topic,
                pose=posture.pose,
                motion=(posture.kind, posture.motion_id),
            )
        )
    return questions


def movement_question(
    catalogue: Catalogue, structure_id: str, rng: random.Random
) -> Question | None:
    """A movement question whose answer is this structure (or one of its heads), if any."""
    candidates = [
        question
        for posture in postures(catalogue)
        for question in movement_questions(catalogue, posture)
        if question.structure == structure_id
    ]
    if not candidates:
        return None
    question = rng.choice(candidates)
    wrong = rng.sample(list(question.choices), min(len(question.choices), CHOICES_PER_QUESTION - 1))
    choices = [question.answer, *wrong]
    rng.shuffle(choices)
    return Question(
        question.kind,
        question.structure,
        question.prompt,
        question.answer,
        tuple(choices),
        question.topic,
        question.pose,
        question.motion,
    )


def make_question(
    catalogue: Catalogue, structure_id: str, kind: str, rng: random.Random
) -> Question | None:
    """A question of this kind about this structure; ``None`` when the content cannot make one."""
    if kind == "find":
        return find_question(catalogue, structure_id)
    if kind == "name":
        return name_question(catalogue, structure_id, rng)
    if kind == "fact":
        return fact_question(catalogue, structure_id, rng)
    if kind == "movement":
        return movement_question(catalogue, structure_id, rng)
    raise ValueError(f"unknown question kind {kind!r}; valid: {', '.join(KINDS)}")
