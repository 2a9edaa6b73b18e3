"""How the 2D overlay (labels, leader lines, colour bar) looks at a given output size.

A label 14 px high reads well in a 1280x800 window and vanishes in a 4K
slide, so everything drawn in pixels grows with the picture: text, leader
lines, their end dots and the colour bar. The dark style (light text on dark
boxes) suits the window's dark background; the light style (dark text and
lines on pale boxes) suits a white slide, and is chosen automatically for a
transparent export, whose background will be the slide's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

StyleName = Literal["dark", "light"]
STYLES: tuple[str, ...] = ("dark", "light")

LABEL_FONT_PX = 14  # label text at scale 1 (the window)
#: A picture this size draws its overlay at scale 1; larger ones scale up.
REFERENCE_SIZE_PX = (1200, 800)
MIN_LABEL_PX, MAX_LABEL_PX = 6, 200
MIN_SCALE = 0.6


@dataclass(frozen=True)
class OverlayStyle:
    name: str
    scale: float  # pixels of the picture per pixel of the window's overlay
    label_px: int  # label text height
    text: tuple[float, float, float]
    box: tuple[float, float, float]
    box_opacity: float
    leader: tuple[float, float, float]
    bar_text: tuple[float, float, float]
    background: tuple[float, float, float] | None  # None: the window's gradient

    @property
    def line_width(self) -> float:
        return max(1.0, 1.4 * self.scale)

    @property
    def dot_px(self) -> int:
        return max(3, round(5 * self.scale))

    @property
    def bar_font_px(self) -> int:
        return max(8, round(self.label_px * 0.95))


DARK = OverlayStyle(
    name="dark",
    scale=1.0,
    label_px=LABEL_FONT_PX,
    text=(1.0, 1.0, 1.0),
    box=(0.10, 0.11, 0.13),
    box_opacity=0.78,
    leader=(0.95, 0.93, 0.88),
    bar_text=(0.93, 0.92, 0.89),
    background=None,
)
LIGHT = OverlayStyle(
    name="light",
    scale=1.0,
    label_px=LABEL_FONT_PX,
    text=(0.08, 0.08, 0.10),
    box=(1.0, 1.0, 1.0),
    box_opacity=0.85,
    leader=(0.18, 0.18, 0.20),
    bar_text=(0.08, 0.08, 0.10),
    background=(1.0, 1.0, 1.0),
)


def scale_for_size(width: int, height: int) -> float:
    """How much bigger the overlay is drawn in a picture of this size (1 at ~1200x800).

    Small pictures shrink it a little (to 0.6), so the labels still fit beside the leg.
    """
    reference_width, reference_height = REFERENCE_SIZE_PX
    return max(MIN_SCALE, min(width / reference_width, height / reference_height))


def overlay_style(
    name: str = "dark", scale: float = 1.0, label_px: int | None = None
) -> OverlayStyle:
    """The named style at ``scale``; ``label_px`` overrides the label text height."""
    base = LIGHT if name == "light" else DARK
    size = label_px if label_px is not None else round(LABEL_FONT_PX * scale)
    size = min(MAX_LABEL_PX, max(MIN_LABEL_PX, int(size)))
    return replace(base, scale=float(scale), label_px=size)


def style_for_export(
    width: int,
    height: int,
    name: str | None = None,
    transparent: bool = False,
    label_px: int | None = None,
) -> OverlayStyle:
    """The style of an exported picture: light when transparent unless told otherwise."""
    chosen = name or ("light" if transparent else "dark")
    return overlay_style(chosen, scale_for_size(width, height), label_px)
