"""The sources of ``meshes`` as files too: the bone and skin cache is keyed by them.

``meshes.cache`` hashes ``meshes/*.py`` so a cache written by other code is
never read; frozen, the modules live in the archive, so a copy of the sources
beside it keeps the key (and so the cache) exact.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("meshes", include_py_files=True, includes=["*.py"])
