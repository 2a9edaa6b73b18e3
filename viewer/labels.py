"""Text labels anchored on the visible muscles.

Each label hangs on the point of its part that faces the viewer most at the
current view, at the height of the part's belly, so labels of neighbouring
muscles fall at different heights and sides and do not overlap at the
standard views.
"""

from __future__ import annotations

import numpy as np

LABEL_FONT_SIZE = 15

#: Short label text per part (structure name, head when a structure has two).
LABEL_TEXT: dict[str, str] = {
    "biceps_femoris.long_head": "Biceps femoris (long head)",
    "biceps_femoris.short_head": "Biceps femoris (short head)",
    "semitendinosus": "Semitendinosus",
    "semimembranosus": "Semimembranosus",
    "gastrocnemius.medial_head": "Gastrocnemius (medial head)",
    "gastrocnemius.lateral_head": "Gastrocnemius (lateral head)",
    "soleus": "Soleus",
    "calcaneal_tendon": "Calcaneal (Achilles) tendon",
}

#: Where along the part's height (0 = bottom, 1 = top) its label hangs.
LABEL_HEIGHT_FRACTION: dict[str, float] = {
    "biceps_femoris.long_head": 0.55,
    "biceps_femoris.short_head": 0.30,
    "semitendinosus": 0.65,
    "semimembranosus": 0.35,
    "gastrocnemius.medial_head": 0.55,
    "gastrocnemius.lateral_head": 0.70,
    "soleus": 0.30,
    "calcaneal_tendon": 0.35,
}


def label_anchor(points: np.ndarray, towards_eye: np.ndarray, height_fraction: float) -> np.ndarray:
    """The point of a part that is nearest the viewer within a band at the given height."""
    z = points[:, 2]
    level = z.min() + height_fraction * (z.max() - z.min())
    band = points[np.abs(z - level) <= max(8.0, 0.06 * (z.max() - z.min()))]
    if len(band) == 0:
        band = points
    return band[np.argmax(band @ towards_eye)]


def update_labels(scene) -> None:
    """Replace the label actor with labels for the visible muscles (or remove it)."""
    plotter = scene.plotter
    if scene._labels is not None:
        plotter.remove_actor(scene._labels, render=False)
        scene._labels = None
    if not scene.state.labels:
        return
    camera = plotter.camera
    towards_eye = np.subtract(camera.position, camera.focal_point)
    towards_eye = towards_eye / np.linalg.norm(towards_eye)
    anchors, texts = [], []
    for part_id, text in LABEL_TEXT.items():
        if not scene.actors[part_id].visibility:
            continue
        points = np.asarray(scene.leg.meshes[part_id].points)
        anchors.append(label_anchor(points, towards_eye, LABEL_HEIGHT_FRACTION[part_id]))
        texts.append(text)
    if not anchors:
        return
    scene._labels = plotter.add_point_labels(
        np.array(anchors),
        texts,
        font_size=round(LABEL_FONT_SIZE * scene.text_scale),
        text_color="white",
        shape_color=(0.10, 0.11, 0.13),
        shape_opacity=0.72,
        point_color=(1.0, 1.0, 1.0),
        point_size=round(6 * scene.text_scale),
        render_points_as_spheres=False,
        always_visible=True,
        margin=round(4 * scene.text_scale),
        pickable=False,
        reset_camera=False,
        name="muscle-labels",
    )
