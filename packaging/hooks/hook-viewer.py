"""The window's own files read at run time: the tick icons of the tree and layer strip."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("viewer")
