"""The reference bones: only the right leg's XML and STL files the atlas reads.

``meshes.reference_tree`` finds them with ``importlib.util.find_spec("myo_sim")``
and reads them as files, so they must sit beside the frozen package; the
other 38 MB of the package (arms, torso, scenes, textures) stay out. The
package's metadata rides along for its version (the bone cache's key) and its
Apache-2.0 licence.
"""

from PyInstaller.utils.hooks import collect_data_files, copy_metadata

datas = collect_data_files(
    "myo_sim",
    includes=["models/leg/assets/*.xml", "models/meshes/r_*.stl"],
)
datas += copy_metadata("myo-sim")
# The package's model builders need MuJoCo, which the atlas never runs.
excludedimports = ["mujoco", "myo_sim.build.compose", "myo_sim.build.hand"]
