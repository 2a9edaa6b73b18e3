"""Wait until an X display shows the atlas's 3D view, then save the screen as a PNG.

Used by ``scripts/dist-smoke-test.sh`` from the developer's venv (the app under
test runs without any Python of ours). The screen counts as drawn when a
shaded 3D render is on it (many distinct colours; the bare widgets and the
placeholder have few) and two grabs a moment apart are identical.

Usage: ``python scripts/grab_window.py DISPLAY OUT.png [TIMEOUT_S]``; prints the
seconds from its start until the screen settled, exits 1 on a timeout.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageGrab

#: A flat Qt window has a few hundred colours; a shaded leg adds thousands.
MIN_COLOURS_OF_A_3D_VIEW = 3000
POLL_S = 0.1
SETTLE_S = 0.5


def colour_count(image: Image.Image) -> int:
    colours = image.getcolors(maxcolors=1 << 22)
    return len(colours) if colours is not None else 1 << 22


def wait_for_3d_view(display: str, timeout_s: float) -> tuple[Image.Image, float] | None:
    started = time.monotonic()
    previous: Image.Image | None = None
    while time.monotonic() - started < timeout_s:
        try:
            image = ImageGrab.grab(xdisplay=display).convert("RGB")
        except OSError:  # the display is not up yet
            time.sleep(POLL_S)
            continue
        if colour_count(image) >= MIN_COLOURS_OF_A_3D_VIEW:
            if previous is not None and ImageChops.difference(image, previous).getbbox() is None:
                return image, time.monotonic() - started - SETTLE_S
            previous = image
            time.sleep(SETTLE_S)
        else:
            previous = None
            time.sleep(POLL_S)
    return None


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[-1], file=sys.stderr)
        return 2
    display, out = argv[0], Path(argv[1])
    found = wait_for_3d_view(display, float(argv[2]) if len(argv) == 3 else 120.0)
    if found is None:
        print(f"grab_window: no 3D view appeared on {display}", file=sys.stderr)
        return 1
    image, seconds = found
    image.save(out)
    print(f"{seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
