"""The cards: ``annotations/data/*.toml``, read from beside the package at run time."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("annotations")
