"""``legatlas screenshot OUT``: render a picture with no window and no display."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from viewer.commands.common import (
    add_pose_arguments,
    add_view_arguments,
    apply_hides,
    apply_view_arguments,
    check_view_arguments,
    did_you_mean,
    load_catalogue,
    pose_from,
)
from viewer.commands.errors import CommandError
from viewer.model.motion import named_positions
from viewer.model.scene_file import Scene, SceneFileError, read_scene_file
from viewer.model.state import AtlasState
from viewer.render.style import LABEL_FONT_PX, MAX_LABEL_PX, MIN_LABEL_PX, STYLES

SIZE_PATTERN = re.compile(r"^(\d+)x(\d+)$")
DEFAULT_SIZE = (1600, 1200)


def parse_size(text: str) -> tuple[int, int]:
    match = SIZE_PATTERN.match(text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1200, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "screenshot",
        help="render a picture of the leg without opening a window",
        description="Render the atlas off-screen (no display needed) to PNG, JPEG or TIFF.",
    )
    parser.add_argument("out", metavar="OUT", help="image file (.png, .jpg, .tif)")
    add_view_arguments(parser)
    parser.add_argument(
        "--size",
        type=parse_size,
        default=None,
        metavar="WxH",
        help="picture size (default: the saved view's size with --scene, else 1600x1200)",
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        metavar="N",
        help="multiply the size; labels, lines and the colour bar grow with it",
    )
    parser.add_argument(
        "--transparent",
        action="store_true",
        help="transparent background (PNG); implies --style light unless told otherwise",
    )
    parser.add_argument(
        "--style",
        choices=STYLES,
        help="dark: light text on dark (the window's look); light: dark text and lines, "
        "for white slides (default: light with --transparent, else dark)",
    )
    parser.add_argument("--labels", action="store_true", help="label the visible muscles")
    parser.add_argument(
        "--label-size",
        type=int,
        metavar="PX",
        help="label text height in pixels of the picture "
        f"(default grows with the size: {LABEL_FONT_PX} up to 1200x800)",
    )
    parser.add_argument(
        "--position",
        metavar="NAME",
        type=str.lower,
        help="pose the leg as a card names it: a stretch (wall_calf_stretch) or an exercise's "
        "end (deadlift) or start (deadlift.start); `legatlas list` shows them",
    )
    parser.add_argument(
        "--stretch-map", action="store_true", help="colour muscles by length change"
    )
    add_pose_arguments(parser)
    parser.add_argument(
        "--scene",
        metavar="FILE",
        help="render a saved scene (.legatlas) as the window showed it: camera, layers, "
        "selection, pose, colours, labels and pins (the options above still apply on top)",
    )
    parser.add_argument(
        "--step", type=int, default=1, metavar="N", help="with a tour: the step to render"
    )
    parser.set_defaults(func=run, subparser=parser)


def read_scene(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> Scene | None:
    """The scene (or tour step) to render; its left-out fields are reported on stderr."""
    if not arguments.scene:
        return None
    try:
        document = read_scene_file(Path(arguments.scene))
    except SceneFileError as error:
        raise CommandError(str(error), status=1) from None
    for warning in document.warnings:
        print(f"legatlas: warning: {warning}", file=sys.stderr)
    if not document.is_tour:
        return document.scene
    if not 1 <= arguments.step <= len(document.steps):
        parser.error(f"--step must be between 1 and {len(document.steps)} for this tour")
    return document.steps[arguments.step - 1]


def run(arguments: argparse.Namespace, _parser: argparse.ArgumentParser) -> int:
    parser = arguments.subparser
    check_view_arguments(arguments, parser)
    if not 1 <= arguments.scale <= 8:
        parser.error("--scale must be between 1 and 8")
    pose = pose_from(arguments, parser)
    scene = read_scene(arguments, parser)
    label_px = arguments.label_size
    if label_px is not None and not MIN_LABEL_PX <= label_px <= MAX_LABEL_PX:
        parser.error(f"--label-size must be between {MIN_LABEL_PX} and {MAX_LABEL_PX} pixels")
    catalogue = load_catalogue(arguments)
    if arguments.position:
        positions = named_positions(catalogue)
        if arguments.position not in positions:
            parser.error(
                f"unknown position {arguments.position!r} for --position"
                f"{did_you_mean(arguments.position, positions)}; valid: {', '.join(positions)}"
            )
        pose = positions[arguments.position]
    saved_size = scene.camera.window_size if scene and scene.camera else None
    width, height = arguments.size or saved_size or DEFAULT_SIZE
    size = (width * arguments.scale, height * arguments.scale)
    # VTK is loaded only when a picture is really rendered: a usage error answers at once.
    from viewer.render.export import (  # noqa: PLC0415
        CameraPose,
        ExportError,
        check_size,
        export_screenshot,
        image_format,
    )

    try:
        fmt = image_format(Path(arguments.out))
        check_size(*size)
    except ExportError as error:
        parser.error(str(error))
    if arguments.transparent and fmt != "PNG":
        parser.error("--transparent needs a .png file")
    state = AtlasState(
        labels=arguments.labels,
        pose=pose,
        world=arguments.position.removesuffix(".start") if arguments.position else None,
        colour_mode="stretch" if arguments.stretch_map else "anatomy",
    )
    if arguments.position and arguments.view is None:
        arguments.view = "lateral"  # a movement reads best from the side
    apply_view_arguments(state, arguments)
    camera, pins = None, ()
    if scene is not None:
        scene.apply_to(state)
        apply_hides(state, arguments.hide)
        if arguments.select:
            state.select(arguments.select)
        state.labels = state.labels or arguments.labels
        if arguments.stretch_map:
            state.colour_mode = "stretch"
        saved = scene.camera
        if saved is not None:
            camera = CameraPose(saved.position, saved.focal_point, saved.up, saved.view_angle)
        pins = scene.pins
    try:
        path = export_screenshot(
            state,
            arguments.out,
            size,
            catalogue.display_name,
            camera,
            transparent=arguments.transparent,
            style=arguments.style,
            label_px=label_px,
            scale=arguments.scale,
            pins=pins,
        )
    except ExportError as error:
        raise CommandError(str(error), status=1) from None
    print(f"wrote {path} ({size[0]}x{size[1]})")
    return 0
