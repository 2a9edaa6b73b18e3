"""One anatomical palette: every muscle its own hue, tendons, bone, skin, nerves and vessels.

Atlas plates tell neighbouring muscles apart by small shifts of a red, draw
tendons a silvery white that is cooler than bone, nerves yellow, arteries red
and veins blue. A structure without its own row takes the colour of its kind,
so a nerve or vessel added later is drawn in its conventional colour.
"""

from __future__ import annotations

#: Colours of the kinds of tissue (RGB 0..1).
KIND_COLOURS: dict[str, tuple[float, float, float]] = {
    "muscle": (0.66, 0.24, 0.21),
    "tendon": (0.74, 0.82, 0.90),  # silvery blue-white: reads as tendon, not as a third bone
    "bone": (0.91, 0.87, 0.76),
    "skin": (0.93, 0.76, 0.65),
    "nerve": (0.98, 0.84, 0.20),
    "artery": (0.86, 0.12, 0.14),
    "vein": (0.22, 0.36, 0.82),
}

#: Each muscle part its own hue within the reds, neighbours far apart in hue or lightness.
PART_COLOURS: dict[str, tuple[float, float, float]] = {
    "biceps_femoris.long_head": (0.74, 0.22, 0.20),  # crimson
    "biceps_femoris.short_head": (0.86, 0.48, 0.30),  # salmon orange
    "semitendinosus": (0.66, 0.22, 0.40),  # raspberry
    "semimembranosus": (0.48, 0.15, 0.15),  # deep maroon
    "gastrocnemius.medial_head": (0.82, 0.33, 0.30),  # coral red
    "gastrocnemius.lateral_head": (0.62, 0.27, 0.45),  # plum
    "soleus": (0.58, 0.32, 0.17),  # rust brown
    # Deep calf muscles and others announced for later: a hue ready for each.
    "popliteus": (0.70, 0.40, 0.22),
    "plantaris": (0.80, 0.55, 0.45),
    "tibialis_posterior": (0.52, 0.24, 0.30),
    "flexor_digitorum_longus": (0.74, 0.36, 0.36),
    "flexor_hallucis_longus": (0.60, 0.20, 0.26),
    "adductor_magnus": (0.44, 0.16, 0.28),  # dark mulberry
    "gracilis": (0.88, 0.44, 0.44),  # rose
    "sartorius": (0.80, 0.60, 0.28),  # light ochre
}


def colour_for(part_id: str, kind: str, default: tuple[float, float, float]) -> tuple:
    """The palette colour of a part: its own row, else its kind's, else ``default``."""
    return PART_COLOURS.get(part_id) or KIND_COLOURS.get(kind) or default
