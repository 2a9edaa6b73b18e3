"""The supports a movement can rest on: what stays fixed while the leg moves.

A table of its own (no geometry, no VTK), so the content layer and the
viewer's model can name supports without loading the meshes;
``meshes.placement`` turns each into a transform.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Support:
    id: str
    title: str  # what the status line and the browser say stays fixed


SUPPORTS: dict[str, Support] = {
    support.id: support
    for support in (
        Support("standing", "standing on the other leg"),
        Support("foot", "foot flat on the floor"),
        Support("forefoot", "ball of the foot on the floor"),
        Support("seated", "sitting on a seat"),
        Support("floor_sitting", "sitting on the floor, leg along it"),
        Support("supine", "lying on the back"),
        Support("prone", "lying face down"),
        Support("kneeling", "kneeling, shins on the floor"),
        Support("bridge", "shoulders and heel on the floor"),
        Support("step_edge", "ball of the foot on the edge of a step"),
        Support("inclined", "legs held on a 45-degree bench"),
    )
}
