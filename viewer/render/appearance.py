"""Colours and lighting of the scene, in one place so the window and exports match."""

from __future__ import annotations

BACKGROUND_TOP = (0.27, 0.30, 0.34)
BACKGROUND_BOTTOM = (0.12, 0.13, 0.15)

HIGHLIGHT_COLOUR = (1.0, 0.78, 0.28)
OUTLINE_COLOUR = (1.0, 0.80, 0.20)  # gold rim of the selection
HOVER_OUTLINE_COLOUR = (0.80, 0.92, 1.0)  # pale rim of what a click would select
OUTLINE_OFFSET_MM = 1.8  # the inverted-hull outline sits this far outside the surface
DIM_TOWARDS = (0.55, 0.52, 0.50)
DIM_AMOUNT = 0.5  # unselected muscles move this far towards grey while something is selected

MATERIAL = {
    "muscle": {"ambient": 0.18, "diffuse": 0.85, "specular": 0.18, "specular_power": 18.0},
    "tendon": {"ambient": 0.22, "diffuse": 0.80, "specular": 0.35, "specular_power": 30.0},
    "bone": {"ambient": 0.22, "diffuse": 0.80, "specular": 0.12, "specular_power": 10.0},
    "skin": {"ambient": 0.25, "diffuse": 0.75, "specular": 0.05, "specular_power": 5.0},
    "nerve": {"ambient": 0.30, "diffuse": 0.75, "specular": 0.30, "specular_power": 25.0},
    "vessel": {"ambient": 0.25, "diffuse": 0.80, "specular": 0.40, "specular_power": 30.0},
    "region": {"ambient": 0.60, "diffuse": 0.40, "specular": 0.0, "specular_power": 1.0},
}

#: Diverging map of the stretch map: shortened, unchanged, lengthened.
STRETCH_SHORTENED = (0.23, 0.42, 0.78)
STRETCH_NEUTRAL = (0.90, 0.88, 0.85)
STRETCH_LENGTHENED = (0.80, 0.18, 0.16)
COLOUR_BAR_FRACTION = 0.16  # bottom share of the view kept for the stretch map's colour bar
STRETCH_LIMIT_PERCENT = 10.0  # colour saturates at +-10 %: calf stretches (~4-6 %) still show


def blend(colour: tuple[float, ...], towards: tuple[float, ...], amount: float) -> tuple:
    """Linear mix of two RGB colours (amount 0 = colour, 1 = towards)."""
    return tuple(float(c + (t - c) * amount) for c, t in zip(colour, towards, strict=True))


def stretch_colour(change_percent: float) -> tuple[float, float, float]:
    """Colour of a length change on the diverging stretch map."""
    fraction = max(-1.0, min(1.0, float(change_percent) / STRETCH_LIMIT_PERCENT))
    end = STRETCH_LENGTHENED if fraction > 0 else STRETCH_SHORTENED
    return blend(STRETCH_NEUTRAL, end, abs(fraction))


def stretch_lookup_table(steps: int = 64):
    """VTK lookup table of the stretch map, for its colour bar."""
    # Lazy: the window's pose panel and placeholder use this module's colours before VTK loads.
    from vtkmodules.vtkCommonCore import vtkLookupTable  # noqa: PLC0415

    table = vtkLookupTable()
    table.SetNumberOfTableValues(steps)
    table.SetRange(-STRETCH_LIMIT_PERCENT, STRETCH_LIMIT_PERCENT)
    for index in range(steps):
        value = STRETCH_LIMIT_PERCENT * (2.0 * index / (steps - 1) - 1.0)
        table.SetTableValue(index, *stretch_colour(value), 1.0)
    table.Build()
    return table
