"""How a swept part is described: its path through landmarks and its cross-section profile.

Kept apart from ``meshes.muscles`` (which evaluates and sweeps them) so the
tables of paths can live in modules of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

#: Points round a muscle's ring; thin tubes (tendons in the foot, nerves, vessels) use fewer.
MUSCLE_AROUND = 36


class Section(NamedTuple):
    """One row of a muscle's profile: its cross-section at a fraction of the way along its path.

    Width lies across the leg (X), depth front-to-back. ``posterior_offset_mm``
    moves the section's centre behind the path (the line of action), so a belly
    can be bulky without inflating the moment arms. Rings between rows are
    interpolated and smoothed. ``lateral_offset_mm`` returns to 0 at a belly's
    ends, so its caps stay on its attachments.
    """

    fraction: float
    half_width_mm: float
    half_depth_mm: float
    posterior_offset_mm: float = 0.0
    #: Moves the section's centre along its width (+ lateral): a gastrocnemius head's tail
    #: turns in to the calf's midline, onto the tendon it joins.
    lateral_offset_mm: float = 0.0


@dataclass(frozen=True, kw_only=True)
class MuscleSpec:
    """How one part is routed and how thick it is along its path.

    ``path`` names landmarks; an entry that is a pair of names starts the path
    midway between two attachments (the soleus arches between fibula and
    tibia). ``profile`` is a table of ``Section`` rows from origin (fraction 0)
    to the distal end (fraction 1).
    ``length_tail`` continues the path for the length only (down the tendon).
    ``knee_wrap_mm`` > 0 wraps the path behind a cylinder of that radius about
    the knee axis where it crosses from thigh to shank (the condyles), which
    sets the knee moment arm once the knee bends.
    """

    path: tuple[str | tuple[str, str], ...]
    profile: tuple[Section, ...]
    length_tail: tuple[str, ...] = ()
    rings: int = 70
    knee_wrap_mm: float = 0.0
    #: Length (mm) over which each end rounds off; ``None`` scales it with the end's size.
    end_rounding_mm: tuple[float | None, float | None] = (None, None)
    #: Obliquity of the upper border (mm up per mm lateral), fading out down the first 30 %.
    top_tilt: float = 0.0
    #: For an origin that is a pair of landmarks: the fraction of the belly over which its
    #: width turns from the line between them (a fleshy footprint along the bone) to the
    #: side-to-side axis. 0 for an origin at a point.
    origin_footprint: float = 0.0
    #: Points round each ring (every part with the same count is swept in one batch).
    around: int = MUSCLE_AROUND
    #: Landmarks before the drawn path that count in its length only (a muscle whose upper
    #: part lies outside the modelled region, such as sartorius above mid-thigh).
    length_head: tuple[str, ...] = ()
    #: Where the belly is not swept along the line of action: landmarks of the course it is
    #: drawn along instead (same knee wrap; lengths still follow ``path``). A muscle with a
    #: fleshy origin along a line of bone lies on that line (the short head of biceps on the
    #: linea aspera), while its line of action starts at the origin's centre. Not combined
    #: with a sliding ``length_tail``.
    drawn_path: tuple[str, ...] = ()
    #: Whether the drawn part's end slides along ``length_tail`` as that length changes (a
    #: belly on its tendon); ``False`` draws the path as routed and only measures the tail.
    tail_slides: bool = True
