"""Render the app icon from the atlas itself: ``python scripts/make_icon.py OUT.png``.

The icon is made at build time (``make dist``) rather than kept as a binary in
the repository: the posterior view of the leg without its skin (the calf and
hamstring muscles a student opens the app for), cropped to the leg and set on
a rounded dark tile the colour of the 3D view. Renders off-screen, so it runs
without a display.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotations import load_annotations  # noqa: E402
from viewer.model.atomic import atomic_write  # noqa: E402
from viewer.model.state import AtlasState  # noqa: E402
from viewer.render.export import render_image  # noqa: E402

ICON_PX = 256
TILE_COLOUR = (35, 38, 43, 255)  # the window's dark theme (viewer/gui/app.py)
CORNER_PX = 48
MARGIN_PX = 14
RENDER_SIZE = (700, 1400)


def render_leg() -> Image.Image:
    """The skinless leg from behind on a transparent background, cropped to its pixels."""
    state = AtlasState(view="posterior")
    state.set_layer_visible("skin", False)
    pixels = render_image(state, RENDER_SIZE, load_annotations().display_name, transparent=True)
    leg = Image.fromarray(np.ascontiguousarray(pixels), "RGBA")
    box = leg.getchannel("A").point(lambda alpha: 255 if alpha > 8 else 0).getbbox()
    if box is None:
        raise SystemExit("make_icon: the render came out empty")
    return leg.crop(box)


def compose(leg: Image.Image) -> Image.Image:
    """The leg, scaled to the tile's height, centred on a rounded square."""
    icon = Image.new("RGBA", (ICON_PX, ICON_PX), (0, 0, 0, 0))
    ImageDraw.Draw(icon).rounded_rectangle(
        (0, 0, ICON_PX - 1, ICON_PX - 1), radius=CORNER_PX, fill=TILE_COLOUR
    )
    room = ICON_PX - 2 * MARGIN_PX
    scale = min(room / leg.width, room / leg.height)
    size = (max(1, round(leg.width * scale)), max(1, round(leg.height * scale)))
    leg = leg.resize(size, Image.Resampling.LANCZOS)
    icon.alpha_composite(leg, ((ICON_PX - size[0]) // 2, (ICON_PX - size[1]) // 2))
    return icon


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].endswith(".png"):
        print("usage: python scripts/make_icon.py OUT.png", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    icon = compose(render_leg())
    atomic_write(out, lambda stream: icon.save(stream, format="PNG"))
    print(f"wrote {out} ({ICON_PX}x{ICON_PX})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
