"""Drawing the model with PyVista/VTK, without Qt: scene, camera, labels, export.

The window's 3D view and the headless screenshot both build the same
``LegScene``, so a picture looks exactly like the view.
"""
