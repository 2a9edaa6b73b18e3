"""The raster 3D view: what it paints is VTK's picture, the right way up, at any render size;
real mouse events turn the camera; the window never turns into an OpenGL-composed one.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QSurface
from PySide6.QtWidgets import QMainWindow
from vtkmodules.vtkFiltersSources import vtkSphereSource
from vtkmodules.vtkInteractionStyle import vtkInteractorStyleTrackballCamera
from vtkmodules.vtkRenderingCore import vtkActor, vtkPolyDataMapper, vtkRenderer

from tests.gui_helpers import drag, hover, move_held, press, release
from viewer.gui.raster_view import RasterRenderView

TOP, BOTTOM = (1.0, 0.0, 0.0), (0.0, 0.0, 1.0)  # gradient colours: red above, blue below


@pytest.fixture
def view(qtbot):
    """A bare raster view in a window, its background a vertical red-to-blue gradient."""
    window = QMainWindow()
    view = RasterRenderView()
    renderer = vtkRenderer()
    renderer.GradientBackgroundOn()
    renderer.SetBackground(*BOTTOM)  # VTK's first colour is the bottom one
    renderer.SetBackground2(*TOP)
    view.GetRenderWindow().AddRenderer(renderer)
    view.renderer = renderer
    window.setCentralWidget(view)
    window.resize(400, 300)
    with qtbot.waitExposed(window):
        window.show()
    shown = []
    view.frameSwapped.connect(lambda: shown.append(1))
    view.update()
    qtbot.waitUntil(lambda: bool(shown))
    view.shown = shown
    yield view
    view.release_render_window()
    window.close()
    window.deleteLater()


def _colour(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    colour = QColor(image.pixel(x, y))
    return colour.red(), colour.green(), colour.blue()


def _is_red(rgb) -> bool:
    return rgb[0] > 200 and rgb[2] < 60


def _is_blue(rgb) -> bool:
    return rgb[2] > 200 and rgb[0] < 60


def test_the_painted_view_shows_the_picture_the_right_way_up(view):
    shot = view.grab().toImage()  # what the widget paints, through its paintEvent
    assert (shot.width(), shot.height()) == (view.width(), view.height())
    assert _is_red(_colour(shot, view.width() // 2, 1)), "the top of the scene is at the top"
    assert _is_blue(_colour(shot, view.width() // 2, view.height() - 2))
    picture = view.grabFramebuffer()
    assert (picture.width(), picture.height()) == tuple(view.GetRenderWindow().GetSize())
    assert _is_red(_colour(picture, picture.width() // 2, 1))
    assert _is_blue(_colour(picture, picture.width() // 2, picture.height() - 2))


def test_a_smaller_render_is_stretched_over_the_whole_view(view, qtbot):
    window = view.GetRenderWindow()
    full = tuple(window.GetSize())
    window.SetSize(full[0] // 2, full[1] // 2)  # what the cheap frames of a drag do
    shot = view.grab().toImage()
    assert (shot.width(), shot.height()) == (view.width(), view.height())
    assert _is_red(_colour(shot, view.width() - 2, 1)), "the picture fills the view's corners"
    assert _is_blue(_colour(shot, 1, view.height() - 2))
    middle = _colour(shot, view.width() // 2, view.height() // 2)
    assert 60 < middle[0] < 200 and 60 < middle[2] < 200, "the gradient's middle stays mixed"


def _with_sphere_and_trackball(view) -> None:
    sphere = vtkSphereSource()
    mapper = vtkPolyDataMapper()
    mapper.SetInputConnection(sphere.GetOutputPort())
    actor = vtkActor()
    actor.SetMapper(mapper)
    view.renderer.AddActor(actor)
    view.renderer.ResetCamera()
    # VTK's camera styles render through the interactor: as in the atlas, that asks for a paint.
    interactor = view.GetRenderWindow().GetInteractor()
    interactor.EnableRenderOff()
    interactor.AddObserver("RenderEvent", lambda *_: view.update())
    interactor.SetInteractorStyle(vtkInteractorStyleTrackballCamera())


def test_a_real_drag_turns_the_camera_and_each_step_paints_one_frame(view, qtbot):
    _with_sphere_and_trackball(view)
    before = view.renderer.GetActiveCamera().GetPosition()
    frames = len(view.shown)
    drag(view, QPoint(150, 150), QPoint(260, 170), steps=6)
    qtbot.waitUntil(lambda: len(view.shown) > frames)
    after = view.renderer.GetActiveCamera().GetPosition()
    assert after != pytest.approx(before), "the drag turned the camera"


@pytest.mark.parametrize(
    ("button", "changes"),
    [(Qt.MouseButton.RightButton, "distance"), (Qt.MouseButton.MiddleButton, "focal point")],
)
def test_the_other_buttons_zoom_and_pan(view, qtbot, button, changes):
    _with_sphere_and_trackball(view)
    camera = view.renderer.GetActiveCamera()
    before = (camera.GetDistance(), camera.GetFocalPoint())
    start, end = QPoint(150, 150), QPoint(170, 90)
    press(view, start, button)
    move_held(view, start, end, steps=5, button=button)
    release(view, end, button)
    after = (camera.GetDistance(), camera.GetFocalPoint())
    if changes == "distance":
        assert after[0] != pytest.approx(before[0]), "a right-button drag zooms"
    else:
        assert after[1] != pytest.approx(before[1]), "a middle-button drag pans"


def test_the_atlas_window_is_never_composed_through_opengl(window):
    """One QOpenGLWidget anywhere in it would make Qt compose the whole window through
    OpenGL on every frame of the view: the cost the raster view exists to avoid."""
    handle = window.windowHandle()
    assert handle.surfaceType() == QSurface.SurfaceType.RasterSurface
    assert isinstance(window.view, RasterRenderView)


def test_events_after_release_are_ignored_and_paint_fills_the_view(view, qtbot):
    view.release_render_window()
    hover(view, QPoint(20, 20))  # reaches no VTK object
    drag(view, QPoint(20, 20), QPoint(80, 60), steps=3)
    shot = view.grab().toImage()
    assert _colour(shot, 5, 5) == (0, 0, 0)
    assert view.grabFramebuffer().isNull()
