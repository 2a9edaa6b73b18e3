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
    load_catalogue,
    pose_from,
)
from viewer.commands.errors import CommandError
from viewer.model.scene_file import Scene, SceneFileError, read_scene_file
from viewer.model.state import AtlasState

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
    parser.add_argument("--scale", type=int, default=1, metavar="N", help="multiply the size")
    parser.add_argument("--transparent", action="store_true", help="transparent background (PNG)")
    parser.add_argument("--labels", action="store_true", help="label the visible muscles")
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
        colour_mode="stretch" if arguments.stretch_map else "anatomy",
    )
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
    catalogue = load_catalogue(arguments)
    try:
        path = export_screenshot(
            state,
            arguments.out,
            size,
            catalogue.display_name,
            camera,
            transparent=arguments.transparent,
            pins=pins,
        )
    except ExportError as error:
        raise CommandError(str(error), status=1) from None
    print(f"wrote {path} ({size[0]}x{size[1]})")
    return 0
